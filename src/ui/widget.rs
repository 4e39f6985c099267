//! The calculator, rendered from the state it is given: every change the partner makes
//! goes out through `on_action`, and what only the host page can do through `on_request`.

#![cfg(target_arch = "wasm32")]

use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

use crate::engine::InputKey;
use crate::host_state::{ApplicationStatus, HostAction, Theme, Tools};
use crate::rep::Rep;
use crate::state::{Action, CalculatorState};
use crate::ui::components::answer_bar::AnswerBar;
use crate::ui::components::handout_meta::HandoutMeta;
use crate::ui::components::handout_qr::HandoutQr;
use crate::ui::components::input_panel::InputPanel;
use crate::ui::components::live_summary::LiveSummary;
use crate::ui::components::program_header::ProgramHeader;
use crate::ui::components::results_panel::ResultsPanel;
use crate::ui::components::toolbar::{Toolbar, ToolbarButton};
use crate::ui::format::Formatter;
use crate::ui::styles::theme_class;
use crate::ui::summary::{summary_text, Handout};
use crate::ui::texts::{use_texts, Texts};

/// Properties of the root widget.
#[derive(Properties, PartialEq, Clone)]
pub struct WidgetProps {
    /// The calculator's state: program, figures, problems, projection.
    pub state: Rc<CalculatorState>,
    /// Whether presenter mode is on.
    #[prop_or_default]
    pub presenter: bool,
    /// The sales tools the toolbar offers.
    #[prop_or(Tools::ALL)]
    pub tools: Tools,
    /// The colour scheme the page asked for.
    #[prop_or_default]
    pub theme: Theme,
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
    /// The built-in example shows because the page set no program: say so.
    #[prop_or_default]
    pub example_notice: bool,
    /// Where the partner's application stands.
    #[prop_or_default]
    pub application: ApplicationStatus,
    /// The sales rep who prepared the figures.
    #[prop_or_default]
    pub rep: Option<Rep>,
    /// The link to these figures (the handout's QR code, the summary).
    #[prop_or_default]
    pub share_url: AttrValue,
    /// How many applications are kept on this device, waiting to be sent.
    #[prop_or_default]
    pub waiting: usize,
}

/// The callbacks that turn what the partner does into [`Action`]s.
struct ActionCallbacks {
    on_type: Callback<(InputKey, String)>,
    on_slide: Callback<(InputKey, Decimal)>,
    on_select: Callback<usize>,
    on_toggle_all: Callback<()>,
    on_reset: Callback<()>,
    on_toggle_levers: Callback<()>,
    on_refresh_levers: Callback<()>,
}

impl ActionCallbacks {
    fn new(on_action: &Callback<Action>) -> Self {
        let send = |action: Action| on_action.reform(move |()| action.clone());
        Self {
            on_type: on_action.reform(|(key, text)| Action::Type(key, text)),
            on_slide: on_action.reform(|(key, value)| Action::Slide(key, value)),
            on_select: on_action.reform(Action::SelectTier),
            on_toggle_all: send(Action::ToggleAllInputs),
            on_reset: send(Action::ResetInputs),
            on_toggle_levers: send(Action::ToggleLevers),
            on_refresh_levers: send(Action::RefreshLevers),
        }
    }
}

/// What the widget shows, for the summary copied.
#[derive(Default)]
struct Shown {
    state: Option<Rc<CalculatorState>>,
    formatter: Option<Rc<Formatter>>,
    texts: Option<Rc<Texts>>,
    prepared_for: AttrValue,
    prepared_by: Option<String>,
    link: AttrValue,
}

impl Shown {
    /// The summary, with what the handout carries besides the figures.
    fn summary(&self) -> Option<String> {
        let (state, formatter, texts) = (
            self.state.as_ref()?,
            self.formatter.as_ref()?,
            self.texts.as_ref()?,
        );
        let handout = Handout {
            prepared_for: &self.prepared_for,
            prepared_by: self.prepared_by.as_deref(),
            next_step_tier: Some(state.selected_tier),
            link: &self.link,
        };
        let projection = state.projection.as_ref()?;
        Some(summary_text(
            &state.program,
            &state.inputs,
            projection,
            formatter,
            texts,
            &handout,
        ))
    }
}

/// The calculator widget.
#[function_component(Widget)]
pub fn widget(props: &WidgetProps) -> Html {
    let state = &props.state;
    let formatter = use_memo(
        (state.program.locale.clone(), state.program.currency.clone()),
        |(locale, currency)| Formatter::new(locale.as_deref(), currency),
    );
    // Every callback is made once per host callback (not per render), so that the inputs,
    // the toolbar and the results' parts skip re-rendering when only the figures changed.
    let actions = use_memo(props.on_action.clone(), ActionCallbacks::new);
    let texts = use_texts();
    // Who the printed handout is for: typed before printing, never saved or shared.
    let prepared_for = use_state_eq(AttrValue::default);
    // The summary is of what is shown when it is asked for, read from here.
    let shown = use_mut_ref(Shown::default);
    *shown.borrow_mut() = Shown {
        state: Some(state.clone()),
        formatter: Some(formatter.clone()),
        texts: Some(texts.clone()),
        prepared_for: (*prepared_for).clone(),
        prepared_by: props.rep.as_ref().map(|rep| rep.name.clone()),
        link: props.share_url.clone(),
    };
    let on_toolbar = use_callback(
        (props.on_request.clone(), props.on_toggle_presenter.clone()),
        move |button: ToolbarButton, (request, toggle)| match button {
            ToolbarButton::Presenter => toggle.emit(()),
            ToolbarButton::CopyLink => request.emit(HostAction::CopyLink),
            ToolbarButton::DownloadCsv => request.emit(HostAction::DownloadCsv),
            ToolbarButton::Print => request.emit(HostAction::Print),
            ToolbarButton::CopySummary => {
                if let Some(text) = shown.borrow().summary() {
                    request.emit(HostAction::CopySummary(text));
                }
            }
        },
    );
    // "See all tiers": the results' heading, scrolled to the top (below the sticky bar) and
    // focused, so that keyboard and screen-reader users land where sighted ones do.
    let results_heading = use_node_ref();
    let on_jump = use_callback(results_heading.clone(), |(), heading: &NodeRef| {
        if let Some(heading) = heading.cast::<web_sys::HtmlElement>() {
            heading.scroll_into_view();
            let _ = heading.focus();
        }
    });
    let on_prepared_for = {
        let prepared_for = prepared_for.clone();
        use_callback((), move |text: String, ()| prepared_for.set(text.into()))
    };
    let on_rep = use_memo(props.on_request.clone(), |request| {
        request.reform(HostAction::SetRep)
    });
    let language = texts.language();
    let presenter = props.presenter;
    let heading_id = format!("{}-title", props.id_prefix);
    html! {
        <div
            class={classes!("partner-roi", presenter.then_some("partner-roi-presenter"), theme_class(props.theme))}
            role="region"
            aria-labelledby={heading_id.clone()}
            lang={language.tag()}
            dir={if language.is_rtl() { "rtl" } else { "ltr" }}
        >
            <ProgramHeader program={state.program.clone()} heading_id={heading_id} example_notice={props.example_notice} />
            <HandoutMeta
                prepared_for={(*prepared_for).clone()}
                prepared_by={props.rep.as_ref().map(|rep| AttrValue::from(rep.name.clone()))}
                formatter={formatter.clone()}
            />
            <HandoutQr url={props.share_url.clone()} />
            <Toolbar
                {presenter}
                tools={props.tools}
                status={props.status.clone()}
                id_prefix={props.id_prefix.clone()}
                prepared_for={(*prepared_for).clone()}
                {on_prepared_for}
                rep={props.rep.clone()}
                on_rep={(*on_rep).clone()}
                on_press={on_toolbar}
            />
            if let Some(projection) = &state.projection {
                <AnswerBar
                    program={state.program.clone()}
                    projection={projection.clone()}
                    selected_tier={state.selected_tier}
                    stale={!state.is_current()}
                    formatter={formatter.clone()}
                    {on_jump}
                />
            }
            <div class="layout">
                <InputPanel
                    state={state.clone()}
                    formatter={formatter.clone()}
                    id_prefix={props.id_prefix.clone()}
                    {presenter}
                    on_type={actions.on_type.clone()}
                    on_slide={actions.on_slide.clone()}
                    on_toggle_all={actions.on_toggle_all.clone()}
                    on_reset={actions.on_reset.clone()}
                />
                <ResultsPanel
                    state={state.clone()}
                    formatter={formatter.clone()}
                    id_prefix={props.id_prefix.clone()}
                    on_select={actions.on_select.clone()}
                    heading_ref={results_heading}
                    on_request={props.on_request.clone()}
                    application={props.application.clone()}
                    on_toggle_levers={actions.on_toggle_levers.clone()}
                    on_refresh_levers={actions.on_refresh_levers.clone()}
                    share_url={props.share_url.clone()}
                    waiting={props.waiting}
                />
            </div>
            <LiveSummary state={state.clone()} {formatter} />
        </div>
    }
}
