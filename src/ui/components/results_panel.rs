//! The results: status, tier cards, charts, the yearly table and the assumptions.

use std::rc::Rc;
use yew::prelude::*;

use super::assumptions::Assumptions;
use super::call_to_action::CallToAction;
use super::cumulative_chart::CumulativeChart;
use super::deferred::Deferred;
use super::earnings_chart::EarningsChart;
use super::tier_cards::TierCards;
use super::year_table::YearTable;
use crate::engine::cta::fill_cta_url;
use crate::engine::Projection;
use crate::host_state::HostAction;
use crate::state::CalculatorState;
use crate::ui::format::Formatter;

/// Properties of [`ResultsPanel`].
#[derive(Properties, PartialEq)]
pub struct ResultsPanelProps {
    /// The calculator state.
    pub state: Rc<CalculatorState>,
    /// Number formatting.
    pub formatter: Rc<Formatter>,
    /// Unique prefix for element ids.
    pub id_prefix: AttrValue,
    /// A tier was chosen.
    pub on_select: Callback<usize>,
    /// Asks the host to act (the call to action).
    #[prop_or_default]
    pub on_request: Callback<HostAction>,
}

/// Everything to the right of (or below) the inputs.
#[function_component(ResultsPanel)]
pub fn results_panel(props: &ResultsPanelProps) -> Html {
    let state = &props.state;
    let formatter = &props.formatter;
    let heading_id = format!("{}-results", props.id_prefix);
    let stale = !state.is_current();
    html! {
        <section class={classes!("results", stale.then_some("results-stale"))} aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id} class="section-title">{ "What each tier earns you" }</h3>
            if let Some(error) = &state.engine_error {
                <p class="results-error" role="alert">{ error.to_string() }</p>
            } else if stale {
                <p class="results-stale-note" role="status">
                    { "These results are not current: fix the highlighted field to update them." }
                </p>
            }
            if let Some(projection) = &state.projection {
                <TierCards
                    program={state.program.clone()}
                    projection={projection.clone()}
                    selected_tier={state.selected_tier}
                    range={state.range.clone()}
                    formatter={formatter.clone()}
                    on_select={props.on_select.clone()}
                />
                { call_to_action(state, projection, &props.on_request) }
                <Deferred placeholder="deferred-charts">
                    <div class="charts">
                        <EarningsChart projection={projection.clone()} formatter={formatter.clone()} selected_tier={state.selected_tier} id_prefix={props.id_prefix.clone()} />
                        <CumulativeChart projection={projection.clone()} range={state.range.clone()} formatter={formatter.clone()} selected_tier={state.selected_tier} id_prefix={props.id_prefix.clone()} />
                    </div>
                </Deferred>
                if let Some(figures) = projection.tiers.get(state.selected_tier) {
                    <Deferred placeholder="deferred-year-table">
                        <YearTable figures={figures.clone()} formatter={formatter.clone()} />
                    </Deferred>
                }
            }
            <Deferred placeholder="deferred-assumptions">
                <Assumptions program={state.program.clone()} inputs={state.inputs.clone()} formatter={formatter.clone()} />
            </Deferred>
        </section>
    }
}

/// The program's call to action for the selected tier, when the program has one.
fn call_to_action(
    state: &CalculatorState,
    projection: &Projection,
    on_request: &Callback<HostAction>,
) -> Html {
    let (Some(cta), Some(tier)) = (
        &state.program.cta,
        projection.tiers.get(state.selected_tier),
    ) else {
        return Html::default();
    };
    let href = fill_cta_url(
        &cta.url,
        &state.program.id,
        &tier.tier_id,
        tier.net,
        tier.roi,
    );
    let on_activate = {
        let href = href.clone();
        on_request.reform(move |new_tab| HostAction::CallToAction {
            url: href.to_string(),
            new_tab,
        })
    };
    html! {
        <div class="cta">
            <CallToAction label={cta.label.clone()} href={href} {on_activate} />
        </div>
    }
}
