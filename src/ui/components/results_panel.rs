//! The results: status, tier cards, charts, the yearly table and the assumptions.

use std::rc::Rc;
use yew::prelude::*;

use super::apply_section::ApplySection;
use super::assumptions::Assumptions;
use super::contact_details::ContactDetails;
use super::cumulative_chart::CumulativeChart;
use super::deferred::Deferred;
use super::earnings_chart::EarningsChart;
use super::levers_panel::LeversPanel;
use super::path_strip::PathStrip;
use super::tier_cards::TierCards;
use super::year_table::{YearTable, YearTableSource};
use crate::engine::{InputKey, Projection};
use crate::host_state::{ApplicationStatus, HostAction};
use crate::i18n::Msg;
use crate::state::CalculatorState;
use crate::ui::format::Formatter;
use crate::ui::texts::{use_texts, Texts};
use rust_decimal::Decimal;

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
    /// The heading "See all tiers" jumps to.
    #[prop_or_default]
    pub heading_ref: NodeRef,
    /// Asks the host to act (the call to action, the application).
    #[prop_or_default]
    pub on_request: Callback<HostAction>,
    /// Where the partner's application stands.
    #[prop_or_default]
    pub application: ApplicationStatus,
    /// "What moves your profit" opened or closed.
    #[prop_or_default]
    pub on_toggle_levers: Callback<()>,
    /// The levers are stale and the figures have settled.
    #[prop_or_default]
    pub on_refresh_levers: Callback<()>,
    /// The link to these figures, for the handout.
    #[prop_or_default]
    pub share_url: AttrValue,
    /// How many applications are kept on this device, waiting to be sent.
    #[prop_or_default]
    pub waiting: usize,
}

/// Everything to the right of (or below) the inputs.
#[function_component(ResultsPanel)]
pub fn results_panel(props: &ResultsPanelProps) -> Html {
    let texts = use_texts();
    let state = &props.state;
    let formatter = &props.formatter;
    let heading_id = format!("{}-results", props.id_prefix);
    let stale = !state.is_current();
    // `_eq`: the reset below, when nothing changes, must not render the results again (it
    // runs on mount and on every change of tier).
    let show_path = use_state_eq(|| false);
    {
        // Choosing a tier's card shows that tier's years again.
        let show_path = show_path.clone();
        use_effect_with(state.selected_tier, move |_| show_path.set(false));
    }
    html! {
        <section class={classes!("results", stale.then_some("results-stale"))} aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id} class="section-title" tabindex="-1" ref={props.heading_ref.clone()}>{ texts.get(Msg::ResultsTitle) }</h3>
            if let Some(error) = &state.engine_error {
                <p class="results-error" role="alert">{ texts.say(&error.message_for(&state.program)) }</p>
            } else if stale {
                <p class="results-stale-note" role="status">
                    { texts.get(Msg::ResultsStale) }
                </p>
            }
            if let Some(projection) = &state.projection {
                <PathStrip
                    program={state.program.clone()}
                    projection={projection.clone()}
                    formatter={formatter.clone()}
                    id_prefix={props.id_prefix.clone()}
                />
                <TierCards
                    program={state.program.clone()}
                    projection={projection.clone()}
                    selected_tier={state.selected_tier}
                    range={state.range.clone()}
                    formatter={formatter.clone()}
                    on_select={props.on_select.clone()}
                />
                <p class="results-timing">{ texts.get(Msg::TimingNote) }</p>
                if state.program.shown_figures.npv {
                    <p class="results-npv-note">{ npv_note(&texts, state, formatter) }</p>
                }
                <ApplySection
                    state={state.clone()}
                    formatter={formatter.clone()}
                    status={props.application.clone()}
                    id_prefix={props.id_prefix.clone()}
                    on_request={props.on_request.clone()}
                    share_url={props.share_url.clone()}
                    waiting={props.waiting}
                />
                if let Some(contact) = &state.program.contact {
                    <ContactDetails contact={contact.clone()} />
                }
                <Deferred placeholder="deferred-charts">
                    <div class="charts">
                        <EarningsChart projection={projection.clone()} formatter={formatter.clone()} selected_tier={state.selected_tier} id_prefix={props.id_prefix.clone()} />
                        <CumulativeChart projection={projection.clone()} range={state.range.clone()} formatter={formatter.clone()} selected_tier={state.selected_tier} id_prefix={props.id_prefix.clone()} show_payback={state.program.shown_figures.payback} />
                    </div>
                    <LeversPanel
                        state={state.clone()}
                        formatter={formatter.clone()}
                        id_prefix={props.id_prefix.clone()}
                        on_toggle={props.on_toggle_levers.clone()}
                        on_refresh={props.on_refresh_levers.clone()}
                    />
                </Deferred>
                <Deferred placeholder="deferred-year-table">
                    { year_table(&texts, state, projection, formatter, &show_path) }
                </Deferred>
            }
            <Deferred placeholder="deferred-assumptions">
                <Assumptions program={state.program.clone()} inputs={state.inputs.clone()} formatter={formatter.clone()} />
            </Deferred>
        </section>
    }
}

/// The year-by-year table of the selected tier or, when the partner's path moves between
/// tiers and the partner asks for it, of the path.
fn year_table(
    texts: &Texts,
    state: &CalculatorState,
    projection: &Rc<Projection>,
    formatter: &Rc<Formatter>,
    show_path: &UseStateHandle<bool>,
) -> Html {
    let has_path = projection.journey.steps().len() > 1;
    let source = if has_path && **show_path {
        YearTableSource::Path
    } else {
        YearTableSource::Tier(state.selected_tier)
    };
    let tier_name = state.program.tier_name(state.selected_tier).to_owned();
    let choose = |path: bool| {
        let show_path = show_path.clone();
        Callback::from(move |_: MouseEvent| show_path.set(path))
    };
    html! {
        <>
            if has_path {
                <div class="year-table-source" role="group" aria-label={texts.get(Msg::YearByYearFor)}>
                    <button type="button" class="button-secondary" aria-pressed={(source != YearTableSource::Path).to_string()} onclick={choose(false)}>
                        { tier_name }
                    </button>
                    <button type="button" class="button-secondary" aria-pressed={(source == YearTableSource::Path).to_string()} onclick={choose(true)}>
                        { texts.get(Msg::YourPath) }
                    </button>
                </div>
            }
            <YearTable program={state.program.clone()} projection={projection.clone()} {source} formatter={formatter.clone()} />
        </>
    }
}

/// What "Value today (NPV)" on the cards means, with the partner's discount rate.
fn npv_note(texts: &Texts, state: &CalculatorState, formatter: &Formatter) -> String {
    let rate = state.inputs.get(InputKey::DiscountRatePct) / Decimal::ONE_HUNDRED;
    texts.fill(Msg::NpvNote, &[("rate", &formatter.percent(rate))])
}
