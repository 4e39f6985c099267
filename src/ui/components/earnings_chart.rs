//! Per tier over the whole horizon: the five earnings streams stacked, the costs beside them
//! and the net above, as an SVG bar chart with a data table for assistive technology.

use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

use crate::engine::json_reader::shorten;
use crate::engine::outcome::{Streams, TierProjection};
use crate::engine::projection::Projection;
use crate::i18n::Msg;
use crate::ui::chart_scale::{
    centre_within, nice_ticks, plot_left, text_width, LinearScale, CHAR_WIDTH,
};
use crate::ui::format::Formatter;
use crate::ui::texts::{use_texts, Texts};

/// Properties of [`EarningsChart`].
#[derive(Properties, PartialEq)]
pub struct EarningsChartProps {
    /// The projection to draw.
    pub projection: Rc<Projection>,
    /// Number formatting.
    pub formatter: Rc<Formatter>,
    /// Index of the tier to emphasise; out of range emphasises none.
    pub selected_tier: usize,
    /// Unique prefix for element ids.
    pub id_prefix: AttrValue,
}

/// One earnings stream: its CSS class, its name and where to find it.
struct Stream {
    class: &'static str,
    label: Msg,
    value: fn(&Streams) -> Decimal,
}

/// The streams in stacking order, bottom first.
const STREAMS: [Stream; 5] = [
    Stream {
        class: "stream-resale",
        label: Msg::StreamResale,
        value: |s| s.resale,
    },
    Stream {
        class: "stream-referral",
        label: Msg::StreamReferral,
        value: |s| s.referral,
    },
    Stream {
        class: "stream-rebate",
        label: Msg::StreamRebate,
        value: |s| s.rebate,
    },
    Stream {
        class: "stream-mdf",
        label: Msg::StreamMdf,
        value: |s| s.mdf,
    },
    Stream {
        class: "stream-services",
        label: Msg::StreamServices,
        value: |s| s.services,
    },
];

// Geometry in SVG units. Text is at most 32 units high (styles/charts.css); labels that would
// overlap their neighbours are staggered over up to three rows, which set the height.
const WIDTH: i64 = 640;
/// Where the plot starts unless its y-axis labels need more room (`plot_left`).
const MIN_PLOT_LEFT: i64 = 128;
const PLOT_RIGHT: i64 = 632;
const PLOT_HEIGHT: i64 = 240;
/// Between the y-axis labels' right ends and the plot.
const Y_LABEL_GAP: i64 = 8;
const LINE_HEIGHT: i64 = 36;
const MAX_LABEL_ROWS: i64 = 3;
/// Space kept between two labels on the same row.
const LABEL_GAP: i64 = 8;

/// Stacked earnings, costs and net per tier.
#[function_component(EarningsChart)]
pub fn earnings_chart(props: &EarningsChartProps) -> Html {
    let texts = use_texts();
    let projection = &props.projection;
    let formatter = &props.formatter;
    let tiers = &projection.tiers;
    let title_id = format!("{}-earnings-title", props.id_prefix);
    let desc_id = format!("{}-earnings-desc", props.id_prefix);
    let caption = texts.plural(
        Msg::EarningsCaption,
        ("years", projection.horizon_years.into()),
        formatter,
        &[],
    );

    let figures = tiers.iter().flat_map(|tier| [tier.earnings, tier.costs]);
    let lowest = figures.clone().fold(Decimal::ZERO, Decimal::min);
    let highest = figures.fold(Decimal::ZERO, Decimal::max);
    let ticks = nice_ticks(lowest, highest, 5);
    let tick_labels: Vec<String> = ticks
        .iter()
        .map(|&tick| formatter.money_compact(tick))
        .collect();
    let plot_left = plot_left(&tick_labels, MIN_PLOT_LEFT, Y_LABEL_GAP);
    let x = LinearScale {
        domain_min: Decimal::ZERO,
        domain_max: Decimal::from(tiers.len()),
        range_start: plot_left,
        range_end: PLOT_RIGHT,
    };
    let band_width = x.map(Decimal::ONE) - plot_left;
    let net_labels: Vec<String> = tiers
        .iter()
        .map(|t| formatter.money_compact(t.net))
        .collect();
    let widest_label = tiers
        .iter()
        .map(|t| t.tier_name.as_str())
        .chain(net_labels.iter().map(String::as_str))
        .map(text_width)
        .max()
        .unwrap_or(0);
    let rows = (1..MAX_LABEL_ROWS)
        .find(|rows| widest_label <= rows * band_width - LABEL_GAP)
        .unwrap_or(MAX_LABEL_ROWS);
    let plot_top = 20 + rows * LINE_HEIGHT;
    let plot_bottom = plot_top + PLOT_HEIGHT;
    let height = plot_bottom + 16 + rows * LINE_HEIGHT;
    let y = LinearScale::over_ticks(&ticks, plot_bottom, plot_top);
    let zero = y.map(Decimal::ZERO).to_string();

    let group = |(index, (tier, net_label)): (usize, (&TierProjection, &String))| {
        let left = x.map(Decimal::from(index));
        let width = x.map(Decimal::from(index + 1)) - left;
        let pad = width / 8;
        let inner = width - 2 * pad;
        let stack_width = inner * 11 / 20;
        let cost_left = left + pad + stack_width + inner / 10;
        let cost_width = left + width - pad - cost_left;
        let center = left + width / 2;
        let tier_label = shortened(&tier.tier_name, rows * width - LABEL_GAP);
        let row = i64::try_from(index).unwrap_or(0) % rows;
        let selected = index == props.selected_tier;
        let name = &tier.tier_name;
        let mut stacked = Decimal::ZERO;
        html! {
            <g key={index} class={classes!("chart-tier", selected.then_some("is-selected"))}>
                if selected {
                    <rect class="chart-highlight" x={left.to_string()} y="0"
                        width={width.to_string()} height={height.to_string()} />
                }
                { for STREAMS.iter().map(|stream| {
                    let value = (stream.value)(&tier.streams);
                    let from = stacked;
                    stacked = stacked.saturating_add(value);
                    let title = texts.fill(Msg::BarStream, &[
                        ("tier", name),
                        ("stream", texts.get(stream.label)),
                        ("amount", &formatter.money_whole(value)),
                    ]);
                    bar(&y, (left + pad, stack_width), stream.class, (from, stacked), title)
                }) }
                { bar(&y, (cost_left, cost_width), "chart-cost", (Decimal::ZERO, tier.costs),
                    texts.fill(Msg::BarCosts, &[("tier", name), ("amount", &formatter.money_whole(tier.costs))])) }
                <text class="chart-net-label" x={centre_within(center, net_label, WIDTH).to_string()}
                    text-anchor="middle"
                    y={(plot_top - 24 - row * LINE_HEIGHT).to_string()}>
                    { net_label }
                </text>
                <text class="chart-tier-label" x={centre_within(center, &tier_label, WIDTH).to_string()}
                    text-anchor="middle" y={(plot_bottom + 40 + row * LINE_HEIGHT).to_string()}>
                    { tier_label }
                </text>
            </g>
        }
    };

    html! {
        <figure class="chart chart-earnings">
            <figcaption>{ caption.clone() }</figcaption>
            <svg class="chart-svg" viewBox={format!("0 0 {WIDTH} {height}")} width="100%" role="img" // not text: the SVG box
                aria-labelledby={format!("{title_id} {desc_id}")}> // not text: ids
                <title id={title_id}>
                    { texts.get(Msg::EarningsChartTitle) }
                </title>
                <desc id={desc_id}>{ description(&texts, tiers, formatter) }</desc>
                { for ticks.iter().zip(tick_labels).map(|(&tick, label)| {
                    let at = y.map(tick).to_string();
                    html! {
                        <>
                            <line class="chart-grid" x1={plot_left.to_string()} x2={PLOT_RIGHT.to_string()}
                                y1={at.clone()} y2={at.clone()} />
                            <text class="chart-axis-label" x={(plot_left - Y_LABEL_GAP).to_string()} y={at}
                                dy="0.35em" text-anchor="end">
                                { label }
                            </text>
                        </>
                    }
                }) }
                { for tiers.iter().zip(&net_labels).enumerate().map(group) }
                <line class="chart-baseline" x1={plot_left.to_string()} x2={PLOT_RIGHT.to_string()}
                    y1={zero.clone()} y2={zero} />
            </svg>
            <ul class="chart-legend" aria-hidden="true">
                { for STREAMS.iter().map(|stream| legend_item(stream.class, texts.get(stream.label))) }
                { legend_item("chart-cost", texts.get(Msg::Costs)) }
                <li class="chart-legend-note">{ texts.get(Msg::EarningsLegendNote) }</li>
            </ul>
            <div class="visually-hidden">
                <table>
                    <caption>{ caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ texts.get(Msg::Tier) }</th>
                            { for STREAMS.iter().map(|stream| html! { <th scope="col">{ texts.get(stream.label) }</th> }) }
                            <th scope="col">{ texts.get(Msg::Costs) }</th>
                            <th scope="col">{ texts.get(Msg::NetProfit) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for tiers.iter().map(|tier| html! {
                            <tr>
                                <th scope="row">{ &tier.tier_name }</th>
                                { for STREAMS.iter().map(|stream| html! {
                                    <td>{ formatter.money_whole((stream.value)(&tier.streams)) }</td>
                                }) }
                                <td>{ formatter.money_whole(tier.costs) }</td>
                                <td>{ formatter.money_whole(tier.net) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </figure>
    }
}

/// A bar in the column `(left, width)` spanning the values `(from, to)`, with a hover title;
/// nothing when it has no height.
fn bar(
    y: &LinearScale,
    (left, width): (i64, i64),
    class: &'static str,
    (from, to): (Decimal, Decimal),
    title: String,
) -> Html {
    let (top, height) = y.extent(from, to);
    if height == 0 {
        return Html::default();
    }
    html! {
        <rect class={classes!("chart-bar", class)} x={left.to_string()} y={top.to_string()}
            width={width.to_string()} height={height.to_string()}>
            <title>{ title }</title>
        </rect>
    }
}

fn legend_item(class: &'static str, label: &'static str) -> Html {
    html! { <li class={class}><span class="chart-swatch"></span>{ label }</li> }
}

/// `text`, cut with an ellipsis to fit `room` units (the data table keeps the full name).
fn shortened(text: &str, room: i64) -> String {
    let fits = usize::try_from(room / CHAR_WIDTH).unwrap_or(0).max(2);
    shorten(text, fits)
}

/// The chart in one sentence per tier.
fn description(texts: &Texts, tiers: &[TierProjection], formatter: &Formatter) -> String {
    let sentences = tiers
        .iter()
        .map(|tier| {
            texts.fill(
                Msg::EarningsDescription,
                &[
                    ("tier", &tier.tier_name),
                    ("earnings", &formatter.money_whole(tier.earnings)),
                    ("costs", &formatter.money_whole(tier.costs)),
                    ("net", &formatter.money_whole(tier.net)),
                ],
            )
        })
        .collect();
    texts.sentences(sentences)
}
