//! A plain per-tier results table.

use std::rc::Rc;
use yew::prelude::*;

use crate::engine::decimal_text::fixed_places;
use crate::engine::{Program, Projection};

/// Properties of [`ResultsTable`].
#[derive(Properties, PartialEq)]
pub struct ResultsTableProps {
    /// The program the projection belongs to.
    pub program: Rc<Program>,
    /// The projection to show.
    pub projection: Rc<Projection>,
}

/// One row per tier: earnings, costs, net, ROI and payback over the horizon.
#[function_component(ResultsTable)]
pub fn results_table(props: &ResultsTableProps) -> Html {
    let currency = &props.program.currency;
    let money = |value| format!("{} {currency}", fixed_places(value, 2));
    html! {
        <table class="results-table">
            <caption>{ format!("Projection over {} years", props.projection.horizon_years) }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "Tier" }</th>
                    <th scope="col">{ "Earnings" }</th>
                    <th scope="col">{ "Costs" }</th>
                    <th scope="col">{ "Net profit" }</th>
                    <th scope="col">{ "ROI" }</th>
                    <th scope="col">{ "Payback (months)" }</th>
                </tr>
            </thead>
            <tbody>
                { for props.projection.tiers.iter().map(|tier| html! {
                    <tr>
                        <th scope="row">{ &tier.tier_name }</th>
                        <td>{ money(tier.earnings) }</td>
                        <td>{ money(tier.costs) }</td>
                        <td>{ money(tier.net) }</td>
                        <td>{ tier.roi.map_or("—".to_owned(), |roi| format!("{} %", fixed_places(roi * rust_decimal::Decimal::ONE_HUNDRED, 1))) }</td>
                        <td>{ tier.payback_months.map_or("not within the horizon".to_owned(), |months| fixed_places(months, 1)) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
