//! [`WidgetElement`]: the Rust side of one `<partner-roi>` element.
//!
//! Configuration, first match wins: a child `<script type="application/json">`
//! (`{"program", "inputs"}`), the `program-src` attribute, the built-in program. The
//! `program` property replaces whichever applied. `inputs` (attribute, property or the
//! embedded document) prefills the calculator; `locale`, `currency` and `horizon`
//! override the program's settings.

use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

use super::names::{
    ATTR_CURRENCY, ATTR_HORIZON, ATTR_INPUTS, ATTR_LOCALE, ATTR_PROGRAM_SRC,
    CONFIG_SCRIPT_SELECTOR, MARK_FIRST_RESULTS,
};
use super::{events, js_json, program_fetch, stylesheet};
use crate::engine::default_program::{default_program, DEFAULT_PROGRAM_JSON};
use crate::engine::{project, FieldError, InputKey, PartnerInputs, Program};
use crate::host_config::{apply_overrides, read_embedded_config, read_inputs, Overrides};
use crate::ui::{HostView, Hosted, HostedProps, SettledChange};

thread_local! {
    static NEXT_ELEMENT_NUMBER: Cell<u32> = const { Cell::new(1) };
}

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
    /// Why the latest inputs given could not be read at all (not JSON), until shown.
    inputs_problem: Option<FieldError>,
    /// The program shown (overrides applied), the current inputs and their result.
    shown: Option<Rc<Program>>,
    inputs: Option<PartnerInputs>,
    result: Option<Value>,
    notices: Rc<Vec<FieldError>>,
    generation: u64,
    ready_sent: bool,
    load_token: u64,
}

struct Inner {
    host: HtmlElement,
    id_prefix: String,
    app: RefCell<Option<AppHandle<Hosted>>>,
    state: RefCell<ElementState>,
}

/// One `<partner-roi>` element; created by `element.js` when the element connects.
#[wasm_bindgen]
pub struct WidgetElement {
    inner: Rc<Inner>,
}

#[wasm_bindgen]
impl WidgetElement {
    /// Attaches the shadow root, adopts the stylesheet and shows the loading state.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement) -> Result<WidgetElement, JsValue> {
        let shadow = match host.shadow_root() {
            Some(shadow) => shadow,
            None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
        };
        stylesheet::adopt(&shadow)?;
        let document = host.owner_document().ok_or("the element has no document")?;
        let mount_point = document.create_element("div")?;
        shadow.append_child(&mount_point)?;
        let number = NEXT_ELEMENT_NUMBER.with(|next| next.replace(next.get() + 1));
        let inner = Rc::new(Inner {
            host,
            id_prefix: format!("partner-roi-{number}"),
            app: RefCell::new(None),
            state: RefCell::new(ElementState::default()),
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
            ATTR_LOCALE | ATTR_CURRENCY | ATTR_HORIZON => {
                self.inner.show(true, name == ATTR_HORIZON)
            }
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
            Ok(Some(Value::String(text))) => crate::engine::json_reader::parse_json(&text)
                .map_err(|error| vec![error])
                .and_then(|value| Program::from_json(&value).map(|program| (program, value))),
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

/// Attribute JSON text as a value, or the error explaining why it is not JSON.
fn parse_or_error(text: &str) -> Result<Value, FieldError> {
    crate::engine::json_reader::parse_json(text)
        .map_err(|error| FieldError::new(ATTR_INPUTS, error.message))
}

impl Inner {
    fn props(self: &Rc<Self>, view: HostView, notices: Rc<Vec<FieldError>>) -> HostedProps {
        let inner = Rc::downgrade(self);
        HostedProps {
            view,
            notices,
            id_prefix: self.id_prefix.clone().into(),
            on_change: yew::Callback::from(move |change: SettledChange| {
                if let Some(inner) = inner.upgrade() {
                    inner.settled(change);
                }
            }),
        }
    }

    fn update_view(self: &Rc<Self>, view: HostView, notices: Rc<Vec<FieldError>>) {
        let props = self.props(view, notices);
        if let Some(app) = self.app.borrow_mut().as_mut() {
            app.update(props);
        }
    }

    fn configure_from_page(self: &Rc<Self>) {
        let script = self
            .host
            .query_selector(CONFIG_SCRIPT_SELECTOR)
            .ok()
            .flatten();
        let Some(script) = script else {
            if let Some(text) = self.host.get_attribute(ATTR_INPUTS) {
                let mut state = self.state.borrow_mut();
                match parse_or_error(&text) {
                    Ok(value) => state.inputs_source = Some(value),
                    Err(error) => state.inputs_problem = Some(error),
                }
            }
            return Self::load_from_attributes(self);
        };
        match read_embedded_config(&script.text_content().unwrap_or_default()) {
            Ok(config) => {
                self.state.borrow_mut().inputs_source = config.inputs;
                match config.program {
                    Some((program, value)) => {
                        self.use_program(program, value, ProgramSource::Explicit)
                    }
                    None => Self::load_from_attributes(self),
                }
            }
            Err(errors) => self.fail(errors),
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
                Some(Err(error)) => state.inputs_problem = Some(error),
                Some(Ok(value)) => {
                    state.inputs_source = Some(value);
                    state.inputs = None;
                }
                None => {
                    state.inputs_source = None;
                    state.inputs = None;
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
        let Some((base, _)) = state.base.clone() else {
            return;
        };
        let (program, mut problems) = apply_overrides(&base, &overrides);
        problems.extend(state.inputs_problem.take());
        let inputs = match state.inputs.clone() {
            Some(mut current) => {
                if horizon_changed && overrides.horizon.is_some() {
                    let horizon = program.input_spec(InputKey::HorizonYears).default;
                    current.set(InputKey::HorizonYears, horizon);
                }
                current
            }
            None => {
                let (inputs, errors) =
                    read_inputs(&program, state.inputs_source.as_ref(), ATTR_INPUTS);
                problems.extend(errors);
                inputs
            }
        };
        let (inputs, revalidation) = revalidate(&program, &inputs);
        problems.extend(revalidation);
        if restart {
            state.generation += 1;
        }
        state.result = project(&program, &inputs)
            .ok()
            .map(|projection| projection.to_json(&program));
        state.inputs = Some(inputs.clone());
        let program = Rc::new(program);
        state.shown = Some(program.clone());
        if !problems.is_empty() || restart {
            state.notices = Rc::new(problems.clone());
        }
        let view = HostView::Ready {
            program,
            inputs: Rc::new(inputs),
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
            let result = change.projection.to_json(&program);
            let inputs = serde_json::to_value(&change.inputs).unwrap_or(Value::Null);
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

/// Re-reads `inputs` against `program` (whose ranges may differ), keeping what still fits.
fn revalidate(program: &Program, inputs: &PartnerInputs) -> (PartnerInputs, Vec<FieldError>) {
    match serde_json::to_value(inputs) {
        Ok(value) => read_inputs(program, Some(&value), ATTR_INPUTS),
        Err(_) => (program.default_inputs(), Vec::new()),
    }
}
