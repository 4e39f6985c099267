//! [`WidgetElement`]: the effect runner of one `<partner-roi>` element. It reads the page
//! into [`HostEvent`]s, applies them to the element's [`HostState`] and carries out the
//! [`HostEffect`]s it returns. Every rule lives in `host_state`; nothing here decides.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRootInit, ShadowRootMode};
use yew::{AppHandle, AttrValue, Callback};

use super::application_send::Sending;
use super::resume_point::ResumePoint;
use super::{
    analytics, application_send, events, host_actions, js_json, language_files, page_snapshot,
    print_handout, program_fetch, program_grace, saved_state, share_link, stylesheet,
};
use crate::host_state::{HostAction, HostEffect, HostEvent, HostState, PropertyValue};
use crate::i18n::{Message, Msg};
use crate::names::MARK_FIRST_RESULTS;
use crate::state::Action;
use crate::ui::format;
use crate::ui::{Hosted, HostedProps};

struct Inner {
    host: HtmlElement,
    /// Where the view is mounted: hidden behind the skeleton until it has drawn more than
    /// "loading" (then the skeleton goes, before the browser paints that view).
    mount_point: Element,
    revealed: Cell<bool>,
    id_prefix: AttrValue,
    state: RefCell<HostState>,
    app: RefCell<Option<AppHandle<Hosted>>>,
    resume: ResumePoint,
    /// element.js's `(tag) => Promise<string | null>`: a language's file, fetched once a page.
    language_file: js_sys::Function,
    /// element.js's `(url) => Promise<Response> | null`: the program file it fetched as the
    /// widget started.
    program_file: js_sys::Function,
    callbacks: Callbacks,
}

/// The callbacks the view calls, made once so that re-rendering compares them equal.
struct Callbacks {
    on_action: Callback<Action>,
    on_toggle_presenter: Callback<()>,
    on_request: Callback<HostAction>,
    on_program_text: Callback<String>,
    on_shown: Callback<u64>,
    on_drawn: Callback<()>,
    on_status: Callback<Message>,
}

impl Callbacks {
    fn new(inner: &Weak<Inner>) -> Self {
        Self {
            on_action: callback(inner, HostEvent::Calculator),
            on_toggle_presenter: callback(inner, |()| HostEvent::TogglePresenter),
            on_request: callback(inner, HostEvent::Request),
            on_program_text: callback(inner, HostEvent::ProgramFileRead),
            on_shown: callback(inner, HostEvent::Shown),
            on_drawn: {
                let inner = inner.clone();
                Callback::from(move |()| {
                    if let Some(inner) = inner.upgrade() {
                        inner.reveal();
                    }
                })
            },
            on_status: callback(inner, HostEvent::Status),
        }
    }
}

/// A callback that applies the event `make` builds from its value.
fn callback<T: 'static>(
    inner: &Weak<Inner>,
    make: impl Fn(T) -> HostEvent + 'static,
) -> Callback<T> {
    let inner = inner.clone();
    Callback::from(move |value: T| {
        if let Some(inner) = inner.upgrade() {
            inner.dispatch(make(value));
        }
    })
}

/// One `<partner-roi>` element; created by `element.js` when the element first needs it.
#[wasm_bindgen]
pub struct WidgetElement {
    inner: Rc<Inner>,
}

#[wasm_bindgen]
impl WidgetElement {
    /// Attaches the shadow root, adopts `sheet` and shows the loading state. `number` tells
    /// the page's widgets apart in element ids. `resume` is the element's resume object
    /// (`resume_point.rs`): figures it holds are where this widget starts. `language_file`
    /// gives a language's file (`language_files.rs`), `program_file` the `program-src` file
    /// element.js fetched (`program_fetch.rs`).
    #[wasm_bindgen(constructor)]
    pub fn new(
        host: HtmlElement,
        number: u32,
        sheet: &CssStyleSheet,
        resume: js_sys::Object,
        language_file: js_sys::Function,
        program_file: js_sys::Function,
    ) -> Result<WidgetElement, JsValue> {
        let shadow = match host.shadow_root() {
            Some(shadow) => shadow,
            None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
        };
        stylesheet::adopt(&shadow, sheet);
        let document = host.owner_document().ok_or("the element has no document")?;
        let mount_point = document.create_element("div")?;
        mount_point.set_attribute("hidden", "")?;
        shadow.append_child(&mount_point)?;
        let inner = Rc::new_cyclic(|inner| Inner {
            host,
            mount_point: mount_point.clone(),
            revealed: Cell::new(false),
            id_prefix: format!("partner-roi-{number}").into(),
            state: RefCell::new(HostState::new(format::decimal_separator)),
            app: RefCell::new(None),
            resume: ResumePoint::new(resume),
            language_file,
            program_file,
            callbacks: Callbacks::new(inner),
        });
        let app = yew::Renderer::<Hosted>::with_root_and_props(mount_point, inner.props()).render();
        *inner.app.borrow_mut() = Some(app);
        Ok(WidgetElement { inner })
    }

    /// The element was connected to a document.
    pub fn connected(&self) {
        let snapshot = page_snapshot::read(&self.inner.host, &self.inner.resume);
        self.inner
            .dispatch(HostEvent::Connected(Box::new(snapshot)));
    }

    /// The element came into the viewport (the first time).
    #[wasm_bindgen(js_name = inView)]
    pub fn in_view(&self) {
        self.inner.dispatch(HostEvent::InView);
    }

    /// The page URL's fragment changed (`hashchange`).
    #[wasm_bindgen(js_name = pageLinkChanged)]
    pub fn page_link_changed(&self) {
        let fragment = share_link::fragment_params();
        self.inner.dispatch(HostEvent::PageLinkChanged(fragment));
    }

    /// An observed attribute changed.
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&self, name: &str) {
        let value = self.inner.host.get_attribute(name);
        let name = name.to_owned();
        self.inner
            .dispatch(HostEvent::AttributeChanged { name, value });
    }

    /// The `program` property: the program JSON in use (`null` while none).
    pub fn program(&self) -> JsValue {
        to_js(self.inner.state.borrow().program_json())
    }

    /// Sets the `program` property: a program object or its JSON text; `null` or
    /// `undefined` unset it, so the page's configuration applies again.
    #[wasm_bindgen(js_name = setProgram)]
    pub fn set_program(&self, program: JsValue) {
        let value = property_value(&program);
        self.inner.dispatch(HostEvent::ProgramPropertySet(value));
    }

    /// The `inputs` property: every input as a decimal string (`null` while no program).
    pub fn inputs(&self) -> JsValue {
        to_js(self.inner.state.borrow().inputs_json().as_ref())
    }

    /// Sets the `inputs` property: an object (or its JSON text) of input name to number or
    /// decimal string; `null` or `undefined` unset it.
    #[wasm_bindgen(js_name = setInputs)]
    pub fn set_inputs(&self, inputs: JsValue) {
        let value = property_value(&inputs);
        self.inner.dispatch(HostEvent::InputsPropertySet(value));
    }

    /// The `result` property: the result of the current figures (`null` while none).
    pub fn result(&self) -> JsValue {
        self.inner
            .state
            .borrow()
            .result_text()
            .and_then(|text| js_json::from_json_text(text).ok())
            .unwrap_or(JsValue::NULL)
    }
}

fn property_value(value: &JsValue) -> PropertyValue {
    match js_json::to_json(value) {
        Ok(None) => PropertyValue::Unset,
        Ok(Some(json)) => PropertyValue::Json(json),
        Err(_) => PropertyValue::NotJson,
    }
}

fn to_js(value: Option<&serde_json::Value>) -> JsValue {
    value
        .and_then(|value| js_json::from_json(value).ok())
        .unwrap_or(JsValue::NULL)
}

impl Inner {
    fn props(&self) -> HostedProps {
        let state = self.state.borrow();
        let callbacks = &self.callbacks;
        HostedProps {
            view: state.view(),
            id_prefix: self.id_prefix.clone(),
            allow_program_file: state.allows_program_file(),
            debug: state.debug(),
            theme: state.theme(),
            contact: state.failure_contact().cloned(),
            language: state.language().0,
            on_action: callbacks.on_action.clone(),
            on_toggle_presenter: callbacks.on_toggle_presenter.clone(),
            on_request: callbacks.on_request.clone(),
            on_program_text: callbacks.on_program_text.clone(),
            on_shown: callbacks.on_shown.clone(),
            on_drawn: callbacks.on_drawn.clone(),
        }
    }

    /// Replaces the skeleton with the view, once: called from the view's effect after it
    /// has drawn results or a failure (Yew may draw a task after the update, so revealing
    /// at the update could paint a frame of "loading" and shift the page).
    fn reveal(&self) {
        if self.revealed.replace(true) {
            return;
        }
        if let Some(shadow) = self.host.shadow_root() {
            let children = shadow.children();
            let others: Vec<Element> = (0..children.length())
                .filter_map(|index| children.item(index))
                .filter(|child| *child != self.mount_point)
                .collect();
            for other in others {
                other.remove();
            }
        }
        let _ = self.mount_point.remove_attribute("hidden");
    }

    /// Applies `event`, then runs its effects (with no borrow held: a host listener may
    /// call back in).
    fn dispatch(self: &Rc<Self>, event: HostEvent) {
        let effects = self.state.borrow_mut().apply(event);
        for effect in effects {
            self.run(effect);
        }
    }

    fn run(self: &Rc<Self>, effect: HostEffect) {
        match effect {
            HostEffect::Render => {
                let props = self.props();
                if let Some(app) = self.app.borrow_mut().as_mut() {
                    app.update(props);
                }
            }
            HostEffect::Announce(announcement) => events::announce(&self.host, &announcement),
            HostEffect::Analytics {
                target,
                event,
                params,
            } => analytics::report(target, event, &params),
            HostEffect::StartProgramGrace => {
                let inner = Rc::downgrade(self);
                program_grace::start(move || {
                    if let Some(inner) = inner.upgrade() {
                        inner.dispatch(HostEvent::ProgramGraceOver);
                    }
                });
            }
            HostEffect::MarkFirstResults => {
                if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                    let _ = performance.mark(MARK_FIRST_RESULTS);
                }
            }
            HostEffect::Warn(message) => web_sys::console::warn_1(&message.into()),
            HostEffect::LoadLanguage(language) => {
                let inner = Rc::clone(self);
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(language) =
                        language_files::load(&inner.language_file, language).await
                    {
                        inner.dispatch(HostEvent::LanguageArrived(language));
                    }
                });
            }
            HostEffect::Save { key, text } => saved_state::save(&key, &text),
            HostEffect::Forget(key) => saved_state::forget(&key),
            HostEffect::KeepResume(code) => {
                #[cfg(feature = "test-panic")]
                super::test_panic::panic_if_asked(&self.host);
                self.resume.keep(&code);
            }
            HostEffect::FetchProgram { url, token } => {
                let inner = Rc::clone(self);
                wasm_bindgen_futures::spawn_local(async move {
                    let (program, contact) =
                        program_fetch::fetch_program(&url, &inner.program_file).await;
                    inner.dispatch(HostEvent::ProgramLoaded {
                        token,
                        program: Box::new(program),
                        contact,
                    });
                });
            }
            HostEffect::CopyText {
                text,
                done,
                refused,
            } => host_actions::copy_text(&text, done, refused, self.callbacks.on_status.clone()),
            HostEffect::CopyLink(link) => {
                match share_link::put_in_page_url(&link.param, &link.code) {
                    Some(on_page) => host_actions::copy_text(
                        &link.url(&on_page),
                        Msg::StatusLinkCopied,
                        Msg::StatusLinkInAddressBar,
                        self.callbacks.on_status.clone(),
                    ),
                    None => self.dispatch(HostEvent::Status(Msg::StatusNoLink.into())),
                }
            }
            HostEffect::DownloadCsv { file_stem, csv } => {
                let file_name = format!("{file_stem}-{}.csv", host_actions::today());
                let status = match host_actions::download_csv(&csv, &file_name) {
                    Ok(()) => Msg::StatusDownloaded.with("file", file_name),
                    Err(_) => Msg::StatusDownloadBlocked.into(),
                };
                self.dispatch(HostEvent::Status(status));
            }
            HostEffect::Print => print_handout::print_handout(&self.host),
            HostEffect::CallToAction {
                url,
                new_tab,
                detail,
            } => host_actions::call_to_action(&self.host, &url, new_tab, &detail),
            HostEffect::SendApplication {
                attempt,
                application,
            } => {
                let inner = Rc::clone(self);
                wasm_bindgen_futures::spawn_local(async move {
                    let event = match application_send::send(&inner.host, &application).await {
                        Sending::Answered(outcome) => {
                            HostEvent::ApplicationAnswered { attempt, outcome }
                        }
                        Sending::Offline(waiting) => {
                            HostEvent::ApplicationKept { attempt, waiting }
                        }
                    };
                    inner.dispatch(event);
                });
            }
            HostEffect::SendWaiting(waiting) => {
                let inner = Rc::clone(self);
                wasm_bindgen_futures::spawn_local(async move {
                    let sent = application_send::post(&waiting.url, &waiting.body)
                        .await
                        .is_ok();
                    let kept_at_ms = waiting.kept_at_ms;
                    inner.dispatch(HostEvent::WaitingAnswered { kept_at_ms, sent });
                });
            }
        }
    }
}
