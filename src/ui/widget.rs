//! The root component: takes a program and initial inputs as props, keeps the calculator
//! state in a reducer, and reports every settled change through `on_change`.

use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

use crate::engine::{InputKey, PartnerInputs, Program, Projection};
use crate::state::{Action, CalculatorState};
use crate::ui::components::input_panel::InputPanel;
use crate::ui::components::live_summary::LiveSummary;
use crate::ui::components::program_header::ProgramHeader;
use crate::ui::components::results_panel::ResultsPanel;
use crate::ui::format::Formatter;

/// Properties of the root widget.
#[derive(Properties, PartialEq, Clone)]
pub struct WidgetProps {
    /// The validated program.
    pub program: Rc<Program>,
    /// The inputs to start from (and to switch to when they change).
    pub inputs: Rc<PartnerInputs>,
    /// Locale overriding the program's (`None`: the program's, else the browser's).
    #[prop_or_default]
    pub locale: Option<AttrValue>,
    /// Unique prefix for element ids, so several widgets can share a page.
    #[prop_or(AttrValue::Static("partner-roi"))]
    pub id_prefix: AttrValue,
    /// Called after every change whose results are current.
    #[prop_or_default]
    pub on_change: Callback<SettledChange>,
}

/// The inputs and projection after a change, reported to the host.
#[derive(Debug, Clone, PartialEq)]
pub struct SettledChange {
    /// Every input's value.
    pub inputs: PartnerInputs,
    /// The projection of those inputs.
    pub projection: Rc<Projection>,
}

impl Reducible for CalculatorState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

/// The calculator widget.
#[function_component(Widget)]
pub fn widget(props: &WidgetProps) -> Html {
    let locale = props
        .locale
        .as_ref()
        .map(|locale| locale.to_string())
        .or_else(|| props.program.locale.clone());
    let formatter = use_memo(
        (locale, props.program.currency.clone()),
        |(locale, currency)| Formatter::new(locale.as_deref(), currency),
    );
    let state = {
        let (program, inputs, separator) = (
            props.program.clone(),
            (*props.inputs).clone(),
            formatter.decimal_separator(),
        );
        use_reducer(move || CalculatorState::new(program, inputs, separator))
    };
    {
        let state = state.clone();
        use_effect_with(props.inputs.clone(), move |inputs| {
            if state.inputs != **inputs {
                state.dispatch(Action::ReplaceInputs(Box::new((**inputs).clone())));
            }
        });
    }
    {
        let on_change = props.on_change.clone();
        let current = state.is_current();
        let change = state.projection.clone().map(|projection| SettledChange {
            inputs: state.inputs.clone(),
            projection,
        });
        use_effect_with(state.revision, move |_| {
            if let Some(change) = change.filter(|_| current) {
                on_change.emit(change);
            }
        });
    }
    let dispatch = |make: fn(InputKey, String) -> Action| {
        let state = state.clone();
        Callback::from(move |(key, text): (InputKey, String)| state.dispatch(make(key, text)))
    };
    let on_type = dispatch(Action::Type);
    let on_slide = {
        let state = state.clone();
        Callback::from(move |(key, value): (InputKey, Decimal)| {
            state.dispatch(Action::Slide(key, value))
        })
    };
    let on_toggle_all = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::ToggleAllInputs))
    };
    let on_reset = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::ResetInputs))
    };
    let on_select = {
        let state = state.clone();
        Callback::from(move |index: usize| state.dispatch(Action::SelectTier(index)))
    };
    let heading_id = format!("{}-title", props.id_prefix);
    html! {
        <div class="partner-roi" role="region" aria-labelledby={heading_id.clone()}>
            <ProgramHeader program={props.program.clone()} heading_id={heading_id} />
            <div class="layout">
                <InputPanel
                    state={state.clone()}
                    formatter={formatter.clone()}
                    id_prefix={props.id_prefix.clone()}
                    {on_type}
                    {on_slide}
                    {on_toggle_all}
                    {on_reset}
                />
                <ResultsPanel
                    state={state.clone()}
                    formatter={formatter.clone()}
                    id_prefix={props.id_prefix.clone()}
                    {on_select}
                />
            </div>
            <LiveSummary state={state} formatter={formatter} />
        </div>
    }
}
