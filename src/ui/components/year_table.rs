//! Year-by-year figures of the selected tier or of the partner's path through the tiers:
//! every stream, every cost, net and totals.

use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

use crate::engine::outcome::TierYear;
use crate::engine::{Program, Projection};
use crate::i18n::Msg;
use crate::ui::format::Formatter;
use crate::ui::texts::use_texts;

/// Whose years the table shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum YearTableSource {
    /// The tier at this index, for the whole horizon.
    Tier(usize),
    /// The partner's path: each year in the tier its revenue reaches.
    Path,
}

/// Properties of [`YearTable`].
#[derive(Properties, PartialEq)]
pub struct YearTableProps {
    /// The program (tier names).
    pub program: Rc<Program>,
    /// The projection.
    pub projection: Rc<Projection>,
    /// Whose years to show.
    pub source: YearTableSource,
    /// Number formatting.
    pub formatter: Rc<Formatter>,
}

/// What a row shows: a count or a money figure.
#[derive(Clone, Copy, PartialEq)]
enum RowKind {
    Count,
    Money,
    Total,
}

struct Row {
    label: Msg,
    kind: RowKind,
    /// The year-0 cell (initial costs).
    initial: Option<Decimal>,
    /// One value per year.
    per_year: fn(&TierYear) -> Decimal,
    /// The total column; `None` leaves it empty.
    total: Option<Decimal>,
}

/// The row of joining costs paid within a year: the path's only.
const JOINING_LABEL: Msg = Msg::JoiningATier;

/// The yearly breakdown table.
#[function_component(YearTable)]
pub fn year_table(props: &YearTableProps) -> Html {
    let texts = use_texts();
    let projection = &props.projection;
    let (title, figures, path) = match props.source {
        YearTableSource::Path => (
            texts.get(Msg::YourPath).to_owned(),
            &projection.journey.outcome,
            Some(&projection.journey.tier_by_year),
        ),
        YearTableSource::Tier(index) => match projection.tiers.get(index) {
            Some(tier) => (tier.tier_name.clone(), &tier.outcome, None),
            None => return Html::default(),
        },
    };
    let formatter = &props.formatter;
    // An overflow (not reachable with bounded yearly figures) leaves the total empty.
    let sum = |pick: fn(&TierYear) -> Decimal| figures.total_of(pick).ok();
    let money = RowKind::Money;
    let rows = [
        Row {
            label: Msg::NewClients,
            kind: RowKind::Count,
            initial: None,
            per_year: |y| y.new_clients,
            total: sum(|y| y.new_clients),
        },
        Row {
            label: Msg::ActiveClients,
            kind: RowKind::Count,
            initial: None,
            per_year: |y| y.active_clients,
            total: None,
        },
        Row {
            label: Msg::LicenceRevenue,
            kind: money,
            initial: None,
            per_year: |y| y.licence_revenue,
            total: sum(|y| y.licence_revenue),
        },
        Row {
            label: Msg::StreamResale,
            kind: money,
            initial: None,
            per_year: |y| y.streams.resale,
            total: Some(figures.streams.resale),
        },
        Row {
            label: Msg::StreamReferral,
            kind: money,
            initial: None,
            per_year: |y| y.streams.referral,
            total: Some(figures.streams.referral),
        },
        Row {
            label: Msg::StreamRebate,
            kind: money,
            initial: None,
            per_year: |y| y.streams.rebate,
            total: Some(figures.streams.rebate),
        },
        Row {
            label: Msg::StreamMdf,
            kind: money,
            initial: None,
            per_year: |y| y.streams.mdf,
            total: Some(figures.streams.mdf),
        },
        Row {
            label: Msg::StreamServices,
            kind: money,
            initial: None,
            per_year: |y| y.streams.services,
            total: Some(figures.streams.services),
        },
        Row {
            label: Msg::Earnings,
            kind: RowKind::Total,
            initial: None,
            per_year: |y| y.earnings,
            total: Some(figures.earnings),
        },
        Row {
            label: Msg::InitialCosts,
            kind: money,
            initial: Some(figures.initial_costs),
            per_year: |_| Decimal::ZERO,
            total: Some(figures.initial_costs),
        },
        Row {
            label: Msg::ProgramFee,
            kind: money,
            initial: None,
            per_year: |y| y.program_fee,
            total: sum(|y| y.program_fee),
        },
        Row {
            label: Msg::Certification,
            kind: money,
            initial: None,
            per_year: |y| y.certification,
            total: sum(|y| y.certification),
        },
        Row {
            label: Msg::ClientAcquisition,
            kind: money,
            initial: None,
            per_year: |y| y.acquisition,
            total: sum(|y| y.acquisition),
        },
        Row {
            label: JOINING_LABEL,
            kind: money,
            initial: None,
            per_year: |y| y.joining_cost,
            total: sum(|y| y.joining_cost),
        },
        Row {
            label: Msg::Costs,
            kind: RowKind::Total,
            initial: Some(figures.initial_costs),
            per_year: |y| y.costs,
            total: Some(figures.costs),
        },
        Row {
            label: Msg::NetProfit,
            kind: RowKind::Total,
            initial: Some(-figures.initial_costs),
            per_year: |y| y.net,
            total: Some(figures.net),
        },
        Row {
            label: Msg::CumulativeNet,
            kind: money,
            initial: Some(-figures.initial_costs),
            per_year: |y| y.cumulative_net,
            total: None,
        },
    ];
    // The path pays a tier's joining cost within a year; a single tier pays it at the start.
    let rows = rows
        .into_iter()
        .filter(|row| path.is_some() || row.label != JOINING_LABEL);
    let cell = |kind: RowKind, value: Decimal| match kind {
        RowKind::Count => formatter.client_count(value),
        RowKind::Money | RowKind::Total => formatter.money_whole(value),
    };
    html! {
        <div class="year-table-scroll" tabindex="0" role="region" aria-label={texts.fill(Msg::YearTableCaption, &[("title", &title)])}>
            // Shown only while the table is wider than its box (styles/widget.css).
            <p class="year-table-hint" aria-hidden="true">{ texts.get(Msg::YearTableHint) }</p>
            <table class="year-table">
                <caption>{ texts.fill(Msg::YearTableCaption, &[("title", &title)]) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ texts.get(Msg::Figure) }</th>
                        <th scope="col">{ texts.get(Msg::Start) }</th>
                        { for figures.years.iter().map(|year| html! {
                            <th scope="col">{ texts.fill(Msg::YearN, &[("year", &formatter.count(year.year.into()))]) }</th>
                        }) }
                        <th scope="col">{ texts.get(Msg::Total) }</th>
                    </tr>
                </thead>
                <tbody>
                    if let Some(path) = path {
                        <tr class="row-tier">
                            <th scope="row">{ texts.get(Msg::Tier) }</th>
                            <td></td>
                            { for path.iter().map(|&tier| html! { <td>{ props.program.tier_name(tier) }</td> }) }
                            <td></td>
                        </tr>
                    }
                    { for rows.map(|row| html! {
                        <tr class={classes!((row.kind == RowKind::Total).then_some("row-total"))}>
                            <th scope="row">{ texts.get(row.label) }</th>
                            <td>{ row.initial.map(|value| cell(row.kind, value)).unwrap_or_default() }</td>
                            { for figures.years.iter().map(|year| html! { <td>{ cell(row.kind, (row.per_year)(year)) }</td> }) }
                            <td>{ row.total.map(|value| cell(row.kind, value)).unwrap_or_default() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
