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
use crate::ui::components::toolbar::{Toolbar, ToolbarButton};
use crate::ui::format::Formatter;
use crate::ui::host_request::{HostAction, HostRequest};
use crate::ui::summary::summary_text;

/// Properties of the root widget.
#[derive(Properties, PartialEq, Clone)]
pub struct WidgetProps {
    /// The validated program.
    pub program: Rc<Program>,
    /// The inputs to start from (and to switch to when they change).
    pub inputs: Rc<PartnerInputs>,
    /// The tier to select first (`None`: the recommended one).
    #[prop_or_default]
    pub selected_tier: Option<AttrValue>,
    /// Locale overriding the program's (`None`: the program's, else the browser's).
    #[prop_or_default]
    pub locale: Option<AttrValue>,
    /// Whether presenter mode starts on.
    #[prop_or_default]
    pub presenter: bool,
    /// Unique prefix for element ids, so several widgets can share a page.
    #[prop_or(AttrValue::Static("partner-roi"))]
    pub id_prefix: AttrValue,
    /// Called after every change whose results are current.
    #[prop_or_default]
    pub on_change: Callback<SettledChange>,
    /// Called for what only the host can do (clipboard, download, print, navigation).
    #[prop_or_default]
    pub on_request: Callback<HostRequest>,
}

/// The inputs and projection after a change, reported to the host.
#[derive(Debug, Clone, PartialEq)]
pub struct SettledChange {
    /// Every input's value.
    pub inputs: PartnerInputs,
    /// The selected tier's id.
    pub tier_id: Option<String>,
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
        let (program, inputs, tier, separator) = (
            props.program.clone(),
            (*props.inputs).clone(),
            props.selected_tier.clone(),
            formatter.decimal_separator(),
        );
        use_reducer(move || CalculatorState::new(program, inputs, tier.as_deref(), separator))
    };
    let presenter = use_state(|| props.presenter);
    let status = use_state(AttrValue::default);
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
            tier_id: state.selected_tier_id().map(str::to_owned),
            projection,
        });
        use_effect_with(state.revision, move |_| {
            if let Some(change) = change.filter(|_| current) {
                on_change.emit(change);
            }
        });
    }
    let act = |make: fn(InputKey, String) -> Action| {
        let state = state.clone();
        Callback::from(move |(key, text): (InputKey, String)| state.dispatch(make(key, text)))
    };
    let send = |action: Action| {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(action.clone()))
    };
    let on_slide = {
        let state = state.clone();
        Callback::from(move |(key, value): (InputKey, Decimal)| {
            state.dispatch(Action::Slide(key, value))
        })
    };
    let on_select = {
        let state = state.clone();
        Callback::from(move |index: usize| state.dispatch(Action::SelectTier(index)))
    };
    let request = {
        let (state, status, on_request) = (state.clone(), status.clone(), props.on_request.clone());
        Callback::from(move |action: HostAction| {
            let Some(projection) = state.projection.clone() else {
                return;
            };
            let status = status.clone();
            on_request.emit(HostRequest {
                action,
                inputs: state.inputs.clone(),
                tier_id: state.selected_tier_id().map(str::to_owned),
                projection,
                reply: Callback::from(move |text: String| status.set(text.into())),
            });
        })
    };
    let on_toolbar = {
        let (state, presenter, request) = (state.clone(), presenter.clone(), request.clone());
        let formatter = formatter.clone();
        Callback::from(move |button: ToolbarButton| match button {
            ToolbarButton::Presenter => presenter.set(!*presenter),
            ToolbarButton::CopyLink => request.emit(HostAction::CopyLink),
            ToolbarButton::DownloadCsv => request.emit(HostAction::DownloadCsv),
            ToolbarButton::Print => request.emit(HostAction::Print),
            ToolbarButton::CopySummary => {
                if let Some(projection) = &state.projection {
                    let text = summary_text(&state.program, &state.inputs, projection, &formatter);
                    request.emit(HostAction::CopySummary(text));
                }
            }
        })
    };
    let heading_id = format!("{}-title", props.id_prefix);
    html! {
        <div
            class={classes!("partner-roi", presenter.then_some("partner-roi-presenter"))}
            role="region"
            aria-labelledby={heading_id.clone()}
        >
            <ProgramHeader program={props.program.clone()} heading_id={heading_id} />
            <Toolbar presenter={*presenter} status={(*status).clone()} on_press={on_toolbar} />
            <div class="layout">
                <InputPanel
                    state={state.clone()}
                    formatter={formatter.clone()}
                    id_prefix={props.id_prefix.clone()}
                    presenter={*presenter}
                    on_type={act(Action::Type)}
                    {on_slide}
                    on_toggle_all={send(Action::ToggleAllInputs)}
                    on_reset={send(Action::ResetInputs)}
                />
                <ResultsPanel
                    state={state.clone()}
                    formatter={formatter.clone()}
                    id_prefix={props.id_prefix.clone()}
                    {on_select}
                    on_request={request}
                />
            </div>
            <LiveSummary state={state} formatter={formatter} />
        </div>
    }
}
