//! The designer page: the reducer, the kept draft, the keyboard shortcuts, the warning
//! before leaving with unsaved changes, and the layout (editor beside the preview on wide
//! screens, as tabs on narrow ones).

use gloo::events::{EventListener, EventListenerOptions};
use partner_roi::designer::designer_state::{DesignerAction, DesignerState};
use partner_roi::designer::field_path::FieldPath;
use partner_roi::designer::schema::FieldKind;
use partner_roi::designer::starts::Start;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser::{forget_draft, keep_draft, kept_draft};
use crate::form::Form;
use crate::general_section::GeneralSection;
use crate::inputs_section::InputsSection;
use crate::preview_panel::PreviewPanel;
use crate::problem_summary::ProblemSummary;
use crate::publish_panel::PublishPanel;
use crate::start_panel::StartPanel;
use crate::tiers_section::TiersSection;
use crate::translations_section::TranslationsSection;

/// The reducer as Yew holds it.
#[derive(PartialEq)]
struct Model(DesignerState);

impl Reducible for Model {
    type Action = DesignerAction;

    fn reduce(self: Rc<Self>, action: DesignerAction) -> Rc<Self> {
        let mut state = self.0.clone();
        state.apply(action);
        Rc::new(Model(state))
    }
}

/// Which half a narrow screen shows.
#[derive(Clone, Copy, PartialEq)]
enum Tab {
    Edit,
    Preview,
}

#[function_component(DesignerApp)]
pub fn designer_app() -> Html {
    let restored = use_state(|| kept_draft().and_then(|text| DesignerState::restored(&text)));
    let model = {
        let restored = (*restored).clone();
        use_reducer(move || Model(restored.unwrap_or_default()))
    };
    let tab = use_state(|| Tab::Edit);
    let state = Rc::new(model.0.clone());
    let on_action = {
        let model = model.dispatcher();
        Callback::from(move |action: DesignerAction| model.dispatch(action))
    };

    // The draft is kept on every change; a fresh, unchanged start keeps nothing.
    {
        let json = state.draft_json();
        let unsaved = state.is_unsaved();
        use_effect_with((json, unsaved), |(json, unsaved)| {
            if *unsaved {
                keep_draft(json);
            }
        });
    }
    // The browser asks before the page is left with unsaved changes.
    let unsaved = use_mut_ref(|| false);
    *unsaved.borrow_mut() = state.is_unsaved();
    use_effect_with((), move |()| {
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "beforeunload", move |event| {
                if *unsaved.borrow() {
                    event.prevent_default();
                    if let Some(event) = event.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                        event.set_return_value("unsaved");
                    }
                }
            })
        });
        move || drop(listener)
    });
    // Undo and redo as everywhere: Ctrl or ⌘ with Z, with Shift (or Y) to redo.
    {
        let on_action = on_action.clone();
        use_effect_with((), move |()| {
            let options = EventListenerOptions::enable_prevent_default();
            let listener = web_sys::window().map(|window| {
                EventListener::new_with_options(&window, "keydown", options, move |event| {
                    let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if !(key.ctrl_key() || key.meta_key()) || key.alt_key() {
                        return;
                    }
                    let action = match (key.key().to_lowercase().as_str(), key.shift_key()) {
                        ("z", false) => DesignerAction::Undo,
                        ("z", true) | ("y", false) => DesignerAction::Redo,
                        _ => return,
                    };
                    event.prevent_default();
                    on_action.emit(action);
                })
            });
            move || drop(listener)
        });
    }

    let on_type = {
        let on_action = on_action.clone();
        Callback::from(move |(path, kind, text): (FieldPath, FieldKind, String)| {
            on_action.emit(DesignerAction::Type { path, kind, text });
        })
    };
    let text = |key: &str| {
        state
            .value(&FieldPath::keys(&[key]))
            .and_then(|value| value.as_str())
            .map(|text| AttrValue::from(text.to_owned()))
    };
    let form = Form {
        state: state.clone(),
        on_type,
        currency: text("currency").unwrap_or_default(),
    };
    let act = |action: DesignerAction| {
        let on_action = on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    let discard = {
        let on_action = on_action.clone();
        let restored = restored.clone();
        Callback::from(move |_| {
            forget_draft();
            restored.set(None);
            on_action.emit(DesignerAction::Start(Start::BuiltIn));
            on_action.emit(DesignerAction::Saved);
        })
    };
    let keep = {
        let restored = restored.clone();
        Callback::from(move |_| restored.set(None))
    };
    let show = |which: Tab| {
        let tab = tab.clone();
        Callback::from(move |_| tab.set(which))
    };
    let tab_button = |which: Tab, label: &'static str, controls: &'static str| {
        html! {
            <button type="button" role="tab" aria-selected={(*tab == which).to_string()}
                aria-controls={controls} onclick={show(which)}>{ label }</button>
        }
    };
    html! {
        <div class={classes!("designer", if *tab == Tab::Edit { "shows-edit" } else { "shows-preview" })}>
            <header class="bar">
                <h1>{ "Partner program designer" }</h1>
                <div class="bar-tools" role="group" aria-label="History">
                    <button type="button" onclick={act(DesignerAction::Undo)} disabled={!state.can_undo()}
                        aria-keyshortcuts="Control+Z">{ "Undo" }</button>
                    <button type="button" onclick={act(DesignerAction::Redo)} disabled={!state.can_redo()}
                        aria-keyshortcuts="Control+Shift+Z">{ "Redo" }</button>
                </div>
                <p class="saved-state" role="status">
                    { if state.is_unsaved() { "Unsaved changes (kept in this browser)" } else { "No unsaved changes" } }
                </p>
                <p class="privacy">{ "Everything stays on this computer: nothing is sent anywhere." }</p>
            </header>
            if restored.is_some() {
                <div class="restored" role="status">
                    <p>{ "Your draft from your last visit was restored." }</p>
                    <button type="button" onclick={keep}>{ "Keep it" }</button>
                    <button type="button" class="danger" onclick={discard}>{ "Discard draft" }</button>
                </div>
            }
            <div class="tabs" role="tablist" aria-label="Designer">
                { tab_button(Tab::Edit, "Edit", "editor") }
                { tab_button(Tab::Preview, "Preview", "preview") }
            </div>
            <main class="panes">
                <div class="editor" id="editor" role="tabpanel" aria-label="Edit">
                    <StartPanel on_action={on_action.clone()} import_report={state.import_report().to_vec()} />
                    <ProblemSummary problems={state.problems().to_vec()} />
                    <GeneralSection form={form.clone()} />
                    <TiersSection form={form.clone()} on_action={on_action.clone()} />
                    <InputsSection form={form.clone()} />
                    <TranslationsSection form={form.clone()} on_action={on_action.clone()} />
                    <PublishPanel draft_json={AttrValue::from(state.draft_json())} id={text("id")}
                        name={text("name")} valid={state.is_valid()} on_action={on_action.clone()} />
                </div>
                <div class="preview-pane" id="preview" role="tabpanel" aria-label="Preview">
                    <PreviewPanel valid={state.valid().cloned()} />
                </div>
            </main>
        </div>
    }
}
