//! [`WidgetElement`]: the Rust side of one `<partner-roi>` element.
//!
//! Configuration, first match wins: a child `<script type="application/json">`
//! (`{"program", "inputs"}`), the `program-src` attribute, the built-in program. The
//! `program` property replaces whichever applied. `inputs` (attribute, property or the
//! embedded document) prefills the calculator; `locale`, `currency` and `horizon`
//! override the program's settings.

use serde_json::Value;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, HtmlElement, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

use super::names::{
    ATTR_ALLOW_PROGRAM_FILE, ATTR_CURRENCY, ATTR_HORIZON, ATTR_INPUTS, ATTR_LOCALE, ATTR_PERSIST,
    ATTR_PRESENTER, ATTR_PROGRAM_SRC, CONFIG_SCRIPT_SELECTOR, MARK_FIRST_RESULTS,
};
use super::resume_point::ResumePoint;
use super::{events, host_actions, js_json, program_fetch, saved_state, share_link, stylesheet};
use crate::engine::default_program::{default_program, DEFAULT_PROGRAM_JSON};
use crate::engine::{project, FieldError, InputKey, PartnerInputs, Program};
use crate::export_csv::result_csv;
use crate::host_config::{apply_overrides, read_embedded_config, read_inputs, Overrides};
use crate::share_code::{decode_share_code, encode_share_code};
use crate::ui::host_request::{HostAction, HostRequest};
use crate::ui::{HostView, Hosted, HostedProps, SettledChange};

/// Where the program shown came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ProgramSource {
    /// The embedded configuration document or the `program` property: attributes cannot replace it.
    Explicit,
    /// The `program-src` attribute.
    Attribute,
    /// The built-in program.
    Default,
}

#[derive(Default)]
struct ElementState {
    configured: bool,
    /// The program as configured (before attribute overrides) and its JSON.
    base: Option<(Rc<Program>, Rc<Value>)>,
    source: Option<ProgramSource>,
    /// Why there is no program, when there is none.
    failure: Option<Rc<Vec<FieldError>>>,
    /// The latest inputs given by the host (document, attribute or property).
    inputs_source: Option<Value>,
    /// Problems with inputs the host gave, until shown.
    pending_problems: Vec<FieldError>,
    /// The program shown (overrides applied), the current inputs and their result.
    shown: Option<Rc<Program>>,
    inputs: Option<PartnerInputs>,
    result: Option<Value>,
    notices: Rc<Vec<FieldError>>,
    /// The tier to select when the calculator starts afresh (from a link or saved state).
    start_tier: Option<String>,
    /// Whether the page URL's share link was already applied (it applies once).
    share_link_used: bool,
    /// Figures a panicked instance last settled on, to start from once (after "Reload widget").
    resume_code: Option<String>,
    /// This element's share code in the page URL when last looked at (start, copy, `hashchange`).
    link_seen: Option<String>,
    generation: u64,
    ready_sent: bool,
    load_token: u64,
}

struct Inner {
    host: HtmlElement,
    id_prefix: String,
    app: RefCell<Option<AppHandle<Hosted>>>,
    state: RefCell<ElementState>,
    resume: ResumePoint,
}

/// One `<partner-roi>` element; created by `element.js` when the element connects.
#[wasm_bindgen]
pub struct WidgetElement {
    inner: Rc<Inner>,
}

#[wasm_bindgen]
impl WidgetElement {
    /// Attaches the shadow root, adopts `sheet` and shows the loading state. `number` tells
    /// the page's widgets apart in element ids. `resume` is the element's resume object
    /// (`resume_point.rs`): figures it holds are where this widget starts, ahead of a share
    /// link or saved figures.
    #[wasm_bindgen(constructor)]
    pub fn new(
        host: HtmlElement,
        number: u32,
        sheet: &CssStyleSheet,
        resume: js_sys::Object,
    ) -> Result<WidgetElement, JsValue> {
        let shadow = match host.shadow_root() {
            Some(shadow) => shadow,
            None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
        };
        stylesheet::adopt(&shadow, sheet);
        let document = host.owner_document().ok_or("the element has no document")?;
        let mount_point = document.create_element("div")?;
        shadow.append_child(&mount_point)?;
        let resume = ResumePoint::new(resume);
        let state = ElementState {
            resume_code: resume.code(),
            link_seen: share_link::code_in_page_url(&host.id()),
            ..ElementState::default()
        };
        let inner = Rc::new(Inner {
            host,
            id_prefix: format!("partner-roi-{number}"),
            app: RefCell::new(None),
            state: RefCell::new(state),
            resume,
        });
        let props = inner.props(HostView::Loading, Rc::default());
        let app = yew::Renderer::<Hosted>::with_root_and_props(mount_point, props).render();
        *inner.app.borrow_mut() = Some(app);
        Ok(WidgetElement { inner })
    }

    /// Reads the configuration the first time the element is connected.
    pub fn connected(&self) {
        let first_time = !std::mem::replace(&mut self.inner.state.borrow_mut().configured, true);
        if first_time {
            Inner::configure_from_page(&self.inner);
        }
    }

    /// The page URL's fragment changed (`hashchange`): a share link for this element that
    /// differs from the one last seen was opened in this tab, so its figures replace the
    /// current ones, as if the page had been opened with it.
    #[wasm_bindgen(js_name = pageLinkChanged)]
    pub fn page_link_changed(&self) {
        let code = share_link::code_in_page_url(&self.inner.element_id());
        {
            let mut state = self.inner.state.borrow_mut();
            if code == state.link_seen {
                return;
            }
            state.link_seen = code.clone();
            if code.is_none() || state.shown.is_none() {
                return;
            }
            state.share_link_used = false;
            state.inputs = None;
        }
        self.inner.show(true, false);
    }

    /// An observed attribute changed.
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&self, name: &str) {
        let (configured, source) = {
            let state = self.inner.state.borrow();
            (state.configured, state.source)
        };
        if !configured {
            return;
        }
        match name {
            ATTR_PROGRAM_SRC if source != Some(ProgramSource::Explicit) => {
                Inner::load_from_attributes(&self.inner)
            }
            ATTR_INPUTS => {
                let text = self.inner.host.get_attribute(ATTR_INPUTS);
                self.inner
                    .set_inputs_source(text.as_deref().map(parse_or_error));
            }
            ATTR_LOCALE | ATTR_CURRENCY | ATTR_HORIZON | ATTR_PRESENTER => {
                self.inner.show(true, name == ATTR_HORIZON)
            }
            ATTR_ALLOW_PROGRAM_FILE => self.inner.show(false, false),
            _ => {}
        }
    }

    /// The `program` property: the program JSON in use (`null` while none).
    pub fn program(&self) -> JsValue {
        let state = self.inner.state.borrow();
        let value = state.base.as_ref().map(|(_, value)| value.clone());
        drop(state);
        value
            .and_then(|value| js_json::from_json(&value).ok())
            .unwrap_or(JsValue::NULL)
    }

    /// Sets the `program` property: a program object or its JSON text, or `null` for the
    /// built-in program.
    /// An invalid program is reported (`partner-roi:error`) and the current one kept.
    #[wasm_bindgen(js_name = setProgram)]
    pub fn set_program(&self, program: JsValue) {
        let parsed = match js_json::to_json(&program) {
            Ok(None) => Ok(builtin()),
            Ok(Some(Value::String(text))) => program_from_text(&text),
            Ok(Some(value)) => Program::from_json(&value).map(|program| (program, value)),
            Err(_) => Err(vec![FieldError::new("program", "must be a JSON object")]),
        };
        match parsed {
            Ok((program, value)) => self
                .inner
                .use_program(program, value, ProgramSource::Explicit),
            Err(errors) => self.inner.reject(errors),
        }
    }

    /// The `inputs` property: every input as a decimal string (`null` while no program).
    pub fn inputs(&self) -> JsValue {
        let inputs = self.inner.state.borrow().inputs.clone();
        inputs
            .and_then(|inputs| serde_json::to_value(&inputs).ok())
            .and_then(|value| js_json::from_json(&value).ok())
            .unwrap_or(JsValue::NULL)
    }

    /// Sets the `inputs` property: an object of input name to number or decimal string.
    #[wasm_bindgen(js_name = setInputs)]
    pub fn set_inputs(&self, inputs: JsValue) {
        let value =
            js_json::to_json(&inputs).unwrap_or_else(|_| Some(Value::String("not JSON".into())));
        self.inner.set_inputs_source(value.map(Ok));
    }

    /// The `result` property: the engine's result JSON for the current inputs (`null` while none).
    pub fn result(&self) -> JsValue {
        let result = self.inner.state.borrow().result.clone();
        result
            .and_then(|result| js_json::from_json(&result).ok())
            .unwrap_or(JsValue::NULL)
    }
}

/// The built-in program and its JSON.
fn builtin() -> (Program, Value) {
    let value = serde_json::from_str(DEFAULT_PROGRAM_JSON).unwrap_or(Value::Null);
    (default_program(), value)
}

/// Program JSON text as a validated program and its JSON (kept for the `program` property).
fn program_from_text(text: &str) -> Result<(Program, Value), Vec<FieldError>> {
    let value = crate::engine::json_reader::parse_json(text).map_err(|error| vec![error])?;
    Program::from_json(&value).map(|program| (program, value))
}

/// Attribute JSON text as a value, or the error explaining why it is not JSON.
fn parse_or_error(text: &str) -> Result<Value, FieldError> {
    crate::engine::json_reader::parse_json(text)
        .map_err(|error| FieldError::new(ATTR_INPUTS, error.message))
}

impl Inner {
    fn props(self: &Rc<Self>, view: HostView, notices: Rc<Vec<FieldError>>) -> HostedProps {
        let (for_change, for_request, for_file) = (
            Rc::downgrade(self),
            Rc::downgrade(self),
            Rc::downgrade(self),
        );
        HostedProps {
            view,
            notices,
            id_prefix: self.id_prefix.clone().into(),
            presenter: self.host.has_attribute(ATTR_PRESENTER),
            allow_program_file: self.host.has_attribute(ATTR_ALLOW_PROGRAM_FILE),
            on_change: yew::Callback::from(move |change: SettledChange| {
                if let Some(inner) = for_change.upgrade() {
                    inner.settled(change);
                }
            }),
            on_request: yew::Callback::from(move |request: HostRequest| {
                if let Some(inner) = for_request.upgrade() {
                    inner.fulfil(request);
                }
            }),
            on_program_text: yew::Callback::from(move |text: String| {
                if let Some(inner) = for_file.upgrade() {
                    inner.program_file(&text);
                }
            }),
        }
    }

    /// The element's `id` attribute ("" when none): it tells widgets apart in links and storage.
    fn element_id(&self) -> String {
        self.host.id()
    }

    fn persists(&self) -> bool {
        self.host.get_attribute(ATTR_PERSIST).as_deref() != Some("off")
    }

    /// Figures to start from, in order: where a reloaded widget left off, the page's share
    /// link (once), saved figures, the host's inputs. Problems are reported as notices.
    fn starting_figures(
        &self,
        state: &mut ElementState,
        program: &Program,
        problems: &mut Vec<FieldError>,
    ) -> PartnerInputs {
        state.start_tier = None;
        if let Some(code) = state.resume_code.take() {
            // The page's link was applied before the reload; applying it again would undo
            // the partner's changes.
            state.share_link_used = true;
            let lead = "Some figures were not restored";
            if let Some(inputs) = restore(state, program, &code, problems, ("saved", lead), false) {
                return inputs;
            }
        }
        if !std::mem::replace(&mut state.share_link_used, true) {
            if let Some(code) = share_link::code_in_page_url(&self.element_id()) {
                let lead = "The shared link could not be fully restored";
                if let Some(inputs) = restore(state, program, &code, problems, ("link", lead), true)
                {
                    return inputs;
                }
            }
        }
        let saved = self
            .persists()
            .then(|| saved_state::load(&saved_state::storage_key(&program.id, &self.element_id())))
            .flatten();
        if let Some(code) = saved {
            let lead = "Some saved figures were not restored";
            if let Some(inputs) = restore(state, program, &code, problems, ("saved", lead), false) {
                return inputs;
            }
            problems.push(FieldError::new(
                "saved",
                "Your saved figures could not be read and were ignored.",
            ));
        }
        let (inputs, errors) = read_inputs(program, state.inputs_source.as_ref(), ATTR_INPUTS);
        problems.extend(errors);
        inputs
    }

    /// Carries out what the partner asked for.
    fn fulfil(&self, request: HostRequest) {
        let (program, result) = {
            let state = self.state.borrow();
            (state.shown.clone(), state.result.clone())
        };
        let Some(program) = program else { return };
        let reply = request.reply.clone();
        match request.action {
            HostAction::CopyLink => {
                let code = encode_share_code(&program, &request.inputs, request.tier_id.as_deref());
                let param = share_link::share_param(&self.element_id());
                match share_link::put_in_page_url(&param, &code) {
                    Some(url) => {
                        self.state.borrow_mut().link_seen = Some(code);
                        host_actions::copy_text(
                            url,
                            "Link copied. Anyone who opens it sees these figures.",
                            "The link is in the address bar: copy it from there.".to_owned(),
                            reply,
                        )
                    }
                    None => reply.emit("This page cannot hold a link.".to_owned()),
                }
            }
            HostAction::CopySummary(text) => host_actions::copy_text(
                text,
                "Summary copied: paste it into an email.",
                "Copying is not allowed on this page.".to_owned(),
                reply,
            ),
            HostAction::DownloadCsv => {
                let result = request.projection.to_json(&program);
                let file_name = format!("{}-{}.csv", program.id, host_actions::today());
                let status = match host_actions::download_csv(&result_csv(&result), &file_name) {
                    Ok(()) => format!("Downloaded {file_name}."),
                    Err(_) => "The download was blocked by the browser.".to_owned(),
                };
                reply.emit(status);
            }
            HostAction::Print => host_actions::print(),
            HostAction::CallToAction { url, new_tab } => {
                let inputs = serde_json::to_value(&request.inputs).unwrap_or(Value::Null);
                let result = result.unwrap_or_else(|| request.projection.to_json(&program));
                host_actions::call_to_action(
                    &self.host,
                    &url,
                    new_tab,
                    &inputs,
                    &result,
                    request.tier_id.as_deref(),
                );
            }
        }
    }

    /// A program file the partner loaded: use it, or list its problems and keep the current one.
    fn program_file(self: &Rc<Self>, text: &str) {
        match program_from_text(text) {
            Ok((program, value)) => self.use_program(program, value, ProgramSource::Explicit),
            Err(errors) => self.reject(errors),
        }
    }

    fn update_view(self: &Rc<Self>, view: HostView, notices: Rc<Vec<FieldError>>) {
        let props = self.props(view, notices);
        if let Some(app) = self.app.borrow_mut().as_mut() {
            app.update(props);
        }
    }

    /// Reads the embedded document or the attributes. What the `program` and `inputs`
    /// properties set before the element connected is kept: properties win.
    fn configure_from_page(self: &Rc<Self>) {
        let script = self
            .host
            .query_selector(CONFIG_SCRIPT_SELECTOR)
            .ok()
            .flatten();
        // Inputs the `inputs` property gave before the element connected are kept too.
        let inputs_property_set = self.state.borrow().inputs_source.is_some();
        let configured_program = match script {
            None => {
                let text = self.host.get_attribute(ATTR_INPUTS);
                if let Some(text) = text.filter(|_| !inputs_property_set) {
                    let mut state = self.state.borrow_mut();
                    match parse_or_error(&text) {
                        Ok(value) => state.inputs_source = Some(value),
                        Err(error) => state.pending_problems.push(error),
                    }
                }
                None
            }
            Some(script) => {
                match read_embedded_config(&script.text_content().unwrap_or_default()) {
                    Ok(config) => {
                        if !inputs_property_set {
                            self.state.borrow_mut().inputs_source = config.inputs;
                        }
                        config.program
                    }
                    Err(errors) => return self.reject(errors),
                }
            }
        };
        let program_property_set = {
            let mut state = self.state.borrow_mut();
            let set = state.source == Some(ProgramSource::Explicit);
            if set {
                // Start again from the inputs just read.
                state.inputs = None;
            }
            set
        };
        match configured_program {
            _ if program_property_set => self.show(true, false),
            Some((program, value)) => self.use_program(program, value, ProgramSource::Explicit),
            None => Self::load_from_attributes(self),
        }
    }

    /// Uses `program-src` when set, else the built-in program.
    fn load_from_attributes(self: &Rc<Self>) {
        let Some(url) = self
            .host
            .get_attribute(ATTR_PROGRAM_SRC)
            .filter(|url| !url.trim().is_empty())
        else {
            let (program, value) = builtin();
            return self.use_program(program, value, ProgramSource::Default);
        };
        let token = {
            let mut state = self.state.borrow_mut();
            state.load_token += 1;
            state.load_token
        };
        if self.state.borrow().base.is_none() {
            self.update_view(HostView::Loading, Rc::default());
        }
        let inner = Rc::clone(self);
        wasm_bindgen_futures::spawn_local(async move {
            let loaded = program_fetch::fetch_program(&url).await;
            if inner.state.borrow().load_token != token {
                return;
            }
            match loaded {
                Ok((program, value)) => inner.use_program(program, value, ProgramSource::Attribute),
                Err(errors) => inner.fail(errors),
            }
        });
    }

    fn use_program(self: &Rc<Self>, program: Program, value: Value, source: ProgramSource) {
        {
            let mut state = self.state.borrow_mut();
            state.base = Some((Rc::new(program), Rc::new(value)));
            state.source = Some(source);
            state.failure = None;
            state.inputs = None;
            state.load_token += 1;
        }
        self.show(true, false);
    }

    /// No usable program: show every problem in place and report them.
    fn fail(self: &Rc<Self>, errors: Vec<FieldError>) {
        let errors = Rc::new(errors);
        {
            let mut state = self.state.borrow_mut();
            state.base = None;
            state.shown = None;
            state.inputs = None;
            state.result = None;
            state.failure = Some(errors.clone());
        }
        self.update_view(HostView::Failed(errors.clone()), Rc::default());
        events::errors(&self.host, &errors);
    }

    /// A replacement program was invalid: keep the current one, list and report the problems.
    fn reject(self: &Rc<Self>, errors: Vec<FieldError>) {
        if self.state.borrow().base.is_none() {
            return self.fail(errors);
        }
        self.state.borrow_mut().notices = Rc::new(errors.clone());
        self.show(false, false);
        events::errors(&self.host, &errors);
    }

    fn set_inputs_source(self: &Rc<Self>, source: Option<Result<Value, FieldError>>) {
        {
            let mut state = self.state.borrow_mut();
            match source {
                Some(Err(error)) => state.pending_problems.push(error),
                given => {
                    state.inputs_source = given.and_then(Result::ok);
                    // Inputs given now replace the current ones (saved figures do not override them).
                    if let Some(program) = state.shown.clone() {
                        let (inputs, errors) =
                            read_inputs(&program, state.inputs_source.as_ref(), ATTR_INPUTS);
                        state.inputs = Some(inputs);
                        state.pending_problems.extend(errors);
                    }
                }
            }
        }
        self.show(false, false);
    }

    fn overrides(&self) -> Overrides {
        Overrides {
            locale: self.host.get_attribute(ATTR_LOCALE),
            currency: self.host.get_attribute(ATTR_CURRENCY),
            horizon: self.host.get_attribute(ATTR_HORIZON),
        }
    }

    /// Renders the configured program: overrides applied, inputs read, result computed.
    ///
    /// `restart` starts the calculator afresh (new program or settings); `horizon_changed`
    /// moves the current horizon to the attribute's value.
    fn show(self: &Rc<Self>, restart: bool, horizon_changed: bool) {
        let overrides = self.overrides();
        let mut state = self.state.borrow_mut();
        // Before the element connects there is nothing to show: the figures to start from
        // (link, saved, resumed) are read once it does.
        let Some((base, _)) = state.base.clone().filter(|_| state.configured) else {
            return;
        };
        let (program, mut problems) = apply_overrides(&base, &overrides);
        problems.append(&mut state.pending_problems);
        let inputs = match state.inputs.clone() {
            Some(mut current) => {
                if horizon_changed && overrides.horizon.is_some() {
                    let horizon = program.input_spec(InputKey::HorizonYears).default;
                    current.set(InputKey::HorizonYears, horizon);
                }
                current
            }
            None => self.starting_figures(&mut state, &program, &mut problems),
        };
        let (inputs, revalidation) = revalidate(&program, &inputs);
        problems.extend(revalidation);
        if restart {
            state.generation += 1;
        }
        state.result = project(&program, &inputs)
            .ok()
            .map(|projection| super::host_result(&program, &inputs, &projection));
        state.inputs = Some(inputs.clone());
        let program = Rc::new(program);
        state.shown = Some(program.clone());
        if !problems.is_empty() || restart {
            state.notices = Rc::new(problems.clone());
        }
        let view = HostView::Ready {
            program,
            inputs: Rc::new(inputs),
            selected_tier: state.start_tier.clone().map(Into::into),
            generation: state.generation,
        };
        let notices = state.notices.clone();
        drop(state);
        self.update_view(view, notices);
        events::errors(&self.host, &problems);
    }

    /// The calculator settled on new results: keep them and tell the host.
    fn settled(&self, change: SettledChange) {
        let (inputs, result, first) = {
            let mut state = self.state.borrow_mut();
            let Some(program) = state.shown.clone() else {
                return;
            };
            #[cfg(feature = "test-panic")]
            super::test_panic::panic_if_asked(&self.host);
            let result = super::host_result(&program, &change.inputs, &change.projection);
            let inputs = serde_json::to_value(&change.inputs).unwrap_or(Value::Null);
            let code = encode_share_code(&program, &change.inputs, change.tier_id.as_deref());
            self.resume.keep(&code);
            if self.persists() {
                let key = saved_state::storage_key(&program.id, &self.element_id());
                saved_state::save(&key, &code);
            }
            state.inputs = Some(change.inputs);
            state.result = Some(result.clone());
            let first = !std::mem::replace(&mut state.ready_sent, true);
            (inputs, result, first)
        };
        if first {
            if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
                let _ = performance.mark(MARK_FIRST_RESULTS);
            }
            events::ready(&self.host, &inputs, &result);
        } else {
            events::change(&self.host, &inputs, &result);
        }
    }
}

/// Decodes the share `code` for `program`; when anything was restored, selects its tier and
/// returns its inputs. What was not restored becomes notices at `path` ("{lead}: {problem}."),
/// also when nothing was restored if `always_report`.
fn restore(
    state: &mut ElementState,
    program: &Program,
    code: &str,
    problems: &mut Vec<FieldError>,
    (path, lead): (&str, &str),
    always_report: bool,
) -> Option<PartnerInputs> {
    let restored = decode_share_code(program, code);
    if restored.restored_any || always_report {
        problems.extend(
            restored
                .problems
                .iter()
                .map(|problem| FieldError::new(path, format!("{lead}: {problem}."))),
        );
    }
    if !restored.restored_any {
        return None;
    }
    state.start_tier = restored.tier_id;
    Some(restored.inputs)
}

/// Re-reads `inputs` against `program` (whose ranges may differ), keeping what still fits.
fn revalidate(program: &Program, inputs: &PartnerInputs) -> (PartnerInputs, Vec<FieldError>) {
    match serde_json::to_value(inputs) {
        Ok(value) => read_inputs(program, Some(&value), ATTR_INPUTS),
        Err(_) => (program.default_inputs(), Vec::new()),
    }
}
