//! Cumulative net profit per tier from day one (the initial costs) to the horizon, month by
//! month (so that the ramp-up, each year's fees and the payback month show), as SVG lines
//! over a marked break-even line and, when given, translucent conservative-to-optimistic
//! bands, with a data table for assistive technology.

use rust_decimal::Decimal;
use std::iter::once;
use std::rc::Rc;
use yew::prelude::*;

use crate::engine::outcome::{Outcome, TierProjection};
use crate::engine::projection::Projection;
use crate::engine::range::ProjectionRange;
use crate::i18n::Msg;
use crate::ui::chart_scale::{nice_ticks, plot_left, LinearScale};
use crate::ui::format::Formatter;
use crate::ui::texts::{use_texts, Texts};
use crate::ui::tier_color_class;

/// Properties of [`CumulativeChart`].
#[derive(Properties, PartialEq)]
pub struct CumulativeChartProps {
    /// The projection to draw.
    pub projection: Rc<Projection>,
    /// Number formatting.
    pub formatter: Rc<Formatter>,
    /// Index of the tier whose line is drawn thicker; out of range emphasises none.
    pub selected_tier: usize,
    /// Unique prefix for element ids.
    pub id_prefix: AttrValue,
    /// Conservative and optimistic projections, drawn as a band around each tier's line.
    #[prop_or_default]
    pub range: Option<Rc<ProjectionRange>>,
    /// Whether the program shows payback (its caption and description then name it).
    #[prop_or(true)]
    pub show_payback: bool,
}

// Geometry in SVG units; text is at most 32 units high (styles/charts.css).
const WIDTH: i64 = 640;
const HEIGHT: i64 = 360;
/// Where the plot starts unless its y-axis labels need more room (`plot_left`).
const MIN_PLOT_LEFT: i64 = 128;
const PLOT_RIGHT: i64 = 616;
const PLOT_TOP: i64 = 24;
const PLOT_BOTTOM: i64 = 300;
/// Between the y-axis labels' right ends and the plot.
const Y_LABEL_GAP: i64 = 8;
const X_LABEL_BASELINE: i64 = 348;

/// One line per tier of the cumulative net, year 0 to the horizon.
#[function_component(CumulativeChart)]
pub fn cumulative_chart(props: &CumulativeChartProps) -> Html {
    let texts = use_texts();
    let projection = &props.projection;
    let formatter = &props.formatter;
    let tiers = &projection.tiers;
    let title_id = format!("{}-cumulative-title", props.id_prefix);
    let desc_id = format!("{}-cumulative-desc", props.id_prefix);
    let caption = texts.get(if props.show_payback {
        Msg::CumulativeCaptionPayback
    } else {
        Msg::CumulativeCaption
    });
    let years = 0..=projection.horizon_years;

    let bands = tier_bands(props.range.as_deref(), projection);
    // The partner's path, when it moves between tiers (else it is one of the tier lines).
    let journey = (projection.journey.steps().len() > 1).then_some(&projection.journey.outcome);
    let tier_lines: Vec<Vec<(u32, Decimal)>> =
        tiers.iter().map(|tier| monthly_points(tier)).collect();
    let journey_line = journey.map(monthly_points);
    let band_lines: Vec<(MonthlyLine, MonthlyLine)> = bands
        .iter()
        .map(|&(conservative, optimistic)| {
            (monthly_points(conservative), monthly_points(optimistic))
        })
        .collect();
    let values = tier_lines
        .iter()
        .chain(&journey_line)
        .chain(band_lines.iter().flat_map(|(low, high)| [low, high]))
        .flatten()
        .map(|&(_, value)| value);
    let lowest = values.clone().fold(Decimal::ZERO, Decimal::min);
    let highest = values.fold(Decimal::ZERO, Decimal::max);
    let ticks = nice_ticks(lowest, highest, 5);
    let y = LinearScale::over_ticks(&ticks, PLOT_BOTTOM, PLOT_TOP);
    let tick_labels: Vec<String> = ticks
        .iter()
        .map(|&tick| formatter.money_compact(tick))
        .collect();
    let plot_left = plot_left(&tick_labels, MIN_PLOT_LEFT, Y_LABEL_GAP);
    let x = LinearScale {
        domain_min: Decimal::ZERO,
        domain_max: Decimal::from(12 * projection.horizon_years),
        range_start: plot_left,
        range_end: PLOT_RIGHT,
    };
    let zero = y.map(Decimal::ZERO);
    // Below the line at the right end, which lines that pay back have left; above if no room.
    let zero_label_y = if PLOT_BOTTOM - zero >= 44 {
        zero + 36
    } else {
        zero - 12
    };
    // The selected line last, so that it is drawn on top.
    let (selected_line, other_lines): (Vec<_>, Vec<_>) = tiers
        .iter()
        .enumerate()
        .partition(|(index, _)| *index == props.selected_tier);

    let emphasis = |index: usize| (index == props.selected_tier).then_some("is-selected");
    let line = |(index, _): (usize, &TierProjection)| {
        let months = tier_lines.get(index).map_or(&[][..], Vec::as_slice);
        let path = svg_points(months, &x, &y);
        // A point at each year's end, where the data table's figures are.
        let points: Vec<(i64, i64)> = months
            .iter()
            .filter(|(month, _)| month % 12 == 0)
            .map(|&(month, value)| (x.map(Decimal::from(month)), y.map(value)))
            .collect();
        let radius = if index == props.selected_tier {
            "8"
        } else {
            "5"
        };
        html! {
            <g key={index} class={classes!(tier_color_class(index), emphasis(index))}>
                <polyline class="chart-line" points={path} />
                { for points.iter().map(|(px, py)| html! {
                    <circle class="chart-point" cx={px.to_string()} cy={py.to_string()} r={radius} />
                }) }
            </g>
        }
    };

    html! {
        <figure class="chart chart-cumulative">
            <figcaption>{ caption }</figcaption>
            <svg class="chart-svg" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} width="100%" role="img" // not text: the SVG box
                aria-labelledby={format!("{title_id} {desc_id}")}> // not text: ids
                <title id={title_id}>
                    { texts.get(Msg::CumulativeChartTitle) }
                </title>
                <desc id={desc_id}>{ description(&texts, tiers, &bands, journey, formatter, props.show_payback) }</desc>
                { for ticks.iter().zip(tick_labels).map(|(&tick, label)| {
                    let at = y.map(tick).to_string();
                    let zero_class = tick.is_zero().then_some("chart-zero-label");
                    html! {
                        <>
                            <line class="chart-grid" x1={plot_left.to_string()} x2={PLOT_RIGHT.to_string()}
                                y1={at.clone()} y2={at.clone()} />
                            <text class={classes!("chart-axis-label", zero_class)}
                                x={(plot_left - Y_LABEL_GAP).to_string()} y={at} dy="0.35em" text-anchor="end">
                                { label }
                            </text>
                        </>
                    }
                }) }
                <line class="chart-zero-line" x1={plot_left.to_string()} x2={PLOT_RIGHT.to_string()}
                    y1={zero.to_string()} y2={zero.to_string()} />
                <text class="chart-axis-title" x={(plot_left - 24).to_string()}
                    y={X_LABEL_BASELINE.to_string()} text-anchor="end">
                    { texts.get(Msg::AxisYear) }
                </text>
                { for years.clone().map(|year| html! {
                    <text class="chart-axis-label" x={x.map(Decimal::from(12 * year)).to_string()}
                        y={X_LABEL_BASELINE.to_string()} text-anchor="middle">
                        { year }
                    </text>
                }) }
                { for band_lines.iter().enumerate().map(|(index, (conservative, optimistic))| html! {
                    <polygon key={index} class={classes!("chart-band", tier_color_class(index), emphasis(index))}
                        points={band_outline(conservative, optimistic, &x, &y)} />
                }) }
                { for other_lines.into_iter().chain(selected_line).map(line) }
                if let Some(journey) = &journey_line {
                    <polyline class="chart-line chart-line-path" points={svg_points(journey, &x, &y)} />
                }
                <text class="chart-zero-label" x={PLOT_RIGHT.to_string()} y={zero_label_y.to_string()}
                    text-anchor="end">
                    { texts.get(Msg::BreakEven) }
                </text>
            </svg>
            <ul class="chart-legend" aria-hidden="true">
                { for tiers.iter().enumerate().map(|(index, tier)| html! {
                    <li class={classes!(tier_color_class(index), emphasis(index))}>
                        <span class="chart-swatch chart-swatch-line"></span>{ &tier.tier_name }
                    </li>
                }) }
                if journey.is_some() {
                    <li class="chart-legend-path"><span class="chart-swatch chart-swatch-path"></span>{ texts.get(Msg::YourPath) }</li>
                }
                if !bands.is_empty() {
                    <li class="chart-legend-note">{ texts.get(Msg::LegendBands) }</li>
                }
            </ul>
            <div class="visually-hidden">
                <table>
                    <caption>
                        { texts.fill(Msg::CumulativeTableCaption, &[("years", &formatter.count(projection.horizon_years.into()))]) }
                        if !bands.is_empty() {
                            { texts.get(Msg::CumulativeTableRanges) }
                        }
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{ texts.get(Msg::Tier) }</th>
                            { for years.map(|year| html! {
                                <th scope="col">{ texts.fill(Msg::YearN, &[("year", &formatter.count(year.into()))]) }</th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for tiers.iter().enumerate().map(|(index, tier)| {
                            let band = bands.get(index);
                            html! {
                                <>
                                    { table_row(&tier.tier_name, tier, formatter) }
                                    if let Some((conservative, optimistic)) = band {
                                        { table_row(&texts.fill(Msg::RowConservative, &[("tier", &tier.tier_name)]), conservative, formatter) }
                                        { table_row(&texts.fill(Msg::RowOptimistic, &[("tier", &tier.tier_name)]), optimistic, formatter) }
                                    }
                                </>
                            }
                        }) }
                        if let Some(journey) = journey {
                            { table_row(texts.get(Msg::YourPath), journey, formatter) }
                        }
                    </tbody>
                </table>
            </div>
        </figure>
    }
}

/// `(year, cumulative net)` from year 0, where only the initial costs have been spent.
fn cumulative_points(tier: &Outcome) -> impl Iterator<Item = (u32, Decimal)> + Clone + '_ {
    once((0, -tier.initial_costs)).chain(
        tier.years
            .iter()
            .map(|year| (year.year, year.cumulative_net)),
    )
}

/// Each tier's `(conservative, optimistic)` projection, in program order; none unless the
/// range has the projection's tiers and horizon.
fn tier_bands<'r>(
    range: Option<&'r ProjectionRange>,
    projection: &Projection,
) -> Vec<(&'r TierProjection, &'r TierProjection)> {
    let matches = |other: &Projection| {
        other.horizon_years == projection.horizon_years
            && other.tiers.len() == projection.tiers.len()
    };
    range
        .filter(|range| matches(&range.conservative) && matches(&range.optimistic))
        .map_or_else(Vec::new, |range| {
            range
                .conservative
                .tiers
                .iter()
                .zip(&range.optimistic.tiers)
                .collect()
        })
}

/// `(month, cumulative net)` from day one (month 0) to the horizon's last month.
type MonthlyLine = Vec<(u32, Decimal)>;

/// The [`MonthlyLine`] of `outcome`; its yearly points should the monthly ones not be
/// computable.
fn monthly_points(outcome: &Outcome) -> MonthlyLine {
    match outcome.cumulative_net_by_month() {
        Ok(by_month) => (0..).zip(by_month).collect(),
        Err(_) => cumulative_points(outcome)
            .map(|(year, value)| (12 * year, value))
            .collect(),
    }
}

/// The SVG `points` of a line through `months`.
fn svg_points(months: &[(u32, Decimal)], x: &LinearScale, y: &LinearScale) -> String {
    months
        .iter()
        .map(|&(month, value)| format!("{},{}", x.map(Decimal::from(month)), y.map(value))) // not text: SVG points
        .collect::<Vec<_>>()
        .join(" ") // not text: SVG points
}

/// SVG points along the conservative line and back along the optimistic one.
fn band_outline(
    conservative: &[(u32, Decimal)],
    optimistic: &[(u32, Decimal)],
    x: &LinearScale,
    y: &LinearScale,
) -> String {
    let outline: Vec<(u32, Decimal)> = conservative
        .iter()
        .chain(optimistic.iter().rev())
        .copied()
        .collect();
    svg_points(&outline, x, y)
}

/// One row of the data table: `heading`, then the cumulative net of every year.
fn table_row(heading: &str, tier: &Outcome, formatter: &Formatter) -> Html {
    html! {
        <tr>
            <th scope="row">{ heading }</th>
            { for cumulative_points(tier).map(|(_, value)| html! {
                <td>{ formatter.money_whole(value) }</td>
            }) }
        </tr>
    }
}

/// Where each tier starts and ends (and its band ends), and when it breaks even.
fn description(
    texts: &Texts,
    tiers: &[TierProjection],
    bands: &[(&TierProjection, &TierProjection)],
    journey: Option<&Outcome>,
    formatter: &Formatter,
    show_payback: bool,
) -> String {
    let intro = (!bands.is_empty()).then(|| texts.get(Msg::BandsNote).to_owned());
    let sentences = tiers.iter().enumerate().map(|(index, tier)| {
        let payback = match tier.payback_months {
            Some(months) if months.is_zero() => texts.get(Msg::NeverBelowZero).to_owned(),
            Some(months) => texts.plural(
                Msg::BreaksEvenAfter,
                ("months", months.round_dp(1)),
                formatter,
                &[],
            ),
            None => texts.get(Msg::NoBreakEven).to_owned(),
        };
        let payback = if show_payback {
            texts.fill(Msg::LinePayback, &[("payback", &payback)])
        } else {
            String::new()
        };
        let band = bands.get(index).map(|(conservative, optimistic)| {
            texts.fill(
                Msg::LineBand,
                &[
                    ("low", &formatter.money_whole(final_net(conservative))),
                    ("high", &formatter.money_whole(final_net(optimistic))),
                ],
            )
        });
        let message = match band {
            Some(_) => Msg::LineDescriptionBand,
            None => Msg::LineDescription,
        };
        let band = band.unwrap_or_default();
        texts.fill(
            message,
            &[
                ("tier", &tier.tier_name),
                ("start", &formatter.money_whole(-tier.initial_costs)),
                ("end", &formatter.money_whole(final_net(tier))),
                ("band", &band),
                ("payback", &payback),
            ],
        )
    });
    let path = journey.map(|journey| {
        texts.fill(
            Msg::PathLineDescription,
            &[("end", &formatter.money_whole(final_net(journey)))],
        )
    });
    texts.sentences(intro.into_iter().chain(sentences).chain(path).collect())
}

/// The cumulative net at the horizon.
fn final_net(tier: &Outcome) -> Decimal {
    tier.years
        .last()
        .map_or(-tier.initial_costs, |year| year.cumulative_net)
}
