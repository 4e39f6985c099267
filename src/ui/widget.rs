//! The calculator, rendered from the state it is given: every change the partner makes
//! goes out through `on_action`, and what only the host page can do through `on_request`.

use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

use crate::engine::InputKey;
use crate::host_state::HostAction;
use crate::state::{Action, CalculatorState};
use crate::ui::components::input_panel::InputPanel;
use crate::ui::components::live_summary::LiveSummary;
use crate::ui::components::program_header::ProgramHeader;
use crate::ui::components::results_panel::ResultsPanel;
use crate::ui::components::toolbar::{Toolbar, ToolbarButton};
use crate::ui::format::Formatter;
use crate::ui::summary::summary_text;

/// Properties of the root widget.
#[derive(Properties, PartialEq, Clone)]
pub struct WidgetProps {
    /// The calculator's state: program, figures, problems, projection.
    pub state: Rc<CalculatorState>,
    /// Whether presenter mode is on.
    #[prop_or_default]
    pub presenter: bool,
    /// The host's answer to the last request.
    #[prop_or_default]
    pub status: AttrValue,
    /// Unique prefix for element ids, so several widgets can share a page.
    #[prop_or(AttrValue::Static("partner-roi"))]
    pub id_prefix: AttrValue,
    /// Called with every change the partner makes.
    #[prop_or_default]
    pub on_action: Callback<Action>,
    /// Called when the partner switches presenter mode.
    #[prop_or_default]
    pub on_toggle_presenter: Callback<()>,
    /// Called for what only the host can do (clipboard, download, print, navigation).
    #[prop_or_default]
    pub on_request: Callback<HostAction>,
}

/// The calculator widget.
#[function_component(Widget)]
pub fn widget(props: &WidgetProps) -> Html {
    let state = &props.state;
    let formatter = use_memo(
        (state.program.locale.clone(), state.program.currency.clone()),
        |(locale, currency)| Formatter::new(locale.as_deref(), currency),
    );
    let on_action = &props.on_action;
    let act = |make: fn(InputKey, String) -> Action| {
        on_action.reform(move |(key, text): (InputKey, String)| make(key, text))
    };
    let send = |action: Action| on_action.reform(move |()| action.clone());
    let on_slide = on_action.reform(|(key, value): (InputKey, Decimal)| Action::Slide(key, value));
    let on_select = on_action.reform(Action::SelectTier);
    let on_toolbar = {
        let (state, formatter) = (state.clone(), formatter.clone());
        let (request, toggle) = (props.on_request.clone(), props.on_toggle_presenter.clone());
        Callback::from(move |button: ToolbarButton| match button {
            ToolbarButton::Presenter => toggle.emit(()),
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
    let presenter = props.presenter;
    let heading_id = format!("{}-title", props.id_prefix);
    html! {
        <div
            class={classes!("partner-roi", presenter.then_some("partner-roi-presenter"))}
            role="region"
            aria-labelledby={heading_id.clone()}
        >
            <ProgramHeader program={state.program.clone()} heading_id={heading_id} />
            <Toolbar {presenter} status={props.status.clone()} on_press={on_toolbar} />
            <div class="layout">
                <InputPanel
                    state={state.clone()}
                    formatter={formatter.clone()}
                    id_prefix={props.id_prefix.clone()}
                    {presenter}
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
                    on_request={props.on_request.clone()}
                    on_toggle_levers={send(Action::ToggleLevers)}
                    on_refresh_levers={send(Action::RefreshLevers)}
                />
            </div>
            <LiveSummary state={state.clone()} {formatter} />
        </div>
    }
}
