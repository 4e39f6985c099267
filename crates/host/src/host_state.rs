//! [`HostState`]: one `<partner-roi>` element's page, as a pure reducer.
//!
//! Events come in from the page ([`HostEvent`]); [`HostState::apply`] decides, and returns
//! what the page must do ([`HostEffect`]). No web types: `embed/element.rs` reads the DOM,
//! applies events and runs the effects. The rules, each a test in `host_state/tests.rs`:
//! - the program: the `program` property or a program file the partner loaded, else the
//!   embedded document's, else `program-src`'s, else the built-in one;
//! - the figures a program starts with: where a reloaded widget left off, the page's share
//!   link (once), saved figures (a changed prefill wins for its fields), the page's
//!   prefill, the defaults (`figures.rs`);
//! - the prefill: the `inputs` property, else the embedded document's inputs, else the
//!   `inputs` attribute; setting the one in force again changes nothing.
//!
//! The calculator ([`CalculatorState`]) is the one owner of the figures and the only caller
//! of the engine; this state keeps it and reports what it settled on.

mod effect;
mod event;
mod figures;
#[cfg(test)]
mod tests;
mod theme;
mod tools;

pub use effect::{Announcement, HostEffect, HostView, ReadyView};
pub use event::{HostAction, HostEvent, PageSnapshot, PropertyValue, ReadProgram, TextMap};
pub use theme::Theme;
pub use tools::Tools;

use serde_json::{json, Value};
use std::rc::Rc;

use figures::{saved_record, starting_figures, FigureSources, Prefill};
use tools::{read_tools, unknown_tools_message};

use crate::export_csv::result_csv;
use crate::host_config::{apply_overrides, read_embedded_config, read_inputs, Overrides};
use crate::names::{
    ATTR_ALLOW_PROGRAM_FILE, ATTR_CURRENCY, ATTR_DEBUG, ATTR_HORIZON, ATTR_INPUTS, ATTR_LANG,
    ATTR_LOCALE, ATTR_PERSIST, ATTR_PRESENTER, ATTR_PROGRAM_SRC, ATTR_THEME, ATTR_TOOLS,
    PROPERTY_INPUTS, PROPERTY_PROGRAM, SHARE_PARAM, STORAGE_PREFIX, TAG,
};
use crate::share_code::encode_share_code;
use crate::state::{Action, CalculatorState};
use partner_roi_engine::default_program::{default_program, DEFAULT_PROGRAM_JSON};
use partner_roi_engine::json_reader::parse_json;
use partner_roi_engine::json_text::parse_value;
use partner_roi_engine::program_parse::{contact_in, is_locale_tag, parse_program_json};
use partner_roi_engine::result_json::{result_json, result_text};
use partner_roi_engine::{Contact, FieldError, InputKey, PartnerInputs, Program};
use partner_roi_i18n::{Language, Msg};

/// What a framework writes into an attribute when it sets an object before the element is
/// defined.
const OBJECT_AS_TEXT: &str = "[object Object]";
/// The figures' locale when neither the widget's language nor the visitor names a real one.
const FALLBACK_LOCALE: &str = "en-US";

/// A validated program and the JSON it came from.
#[derive(Debug, Clone, PartialEq)]
struct LoadedProgram {
    program: Rc<Program>,
    json: Rc<Value>,
}

impl LoadedProgram {
    fn new((program, json): (Program, Value)) -> Self {
        Self {
            program: Rc::new(program),
            json: Rc::new(json),
        }
    }

    fn builtin() -> Self {
        let json = parse_value(DEFAULT_PROGRAM_JSON).unwrap_or(Value::Null);
        Self::new((default_program(), json))
    }
}

/// The figures the calculator last settled on, as the host sees them.
#[derive(Debug, Clone, PartialEq)]
struct Settled {
    inputs: Value,
    /// The result document's JSON text.
    result: Rc<str>,
    seq: u64,
}

/// One element's page and the calculator it shows.
#[derive(Debug)]
pub struct HostState {
    /// The decimal separator of a locale (`None`: the browser's), for the number boxes.
    decimal_separator: fn(Option<&str>) -> char,
    connected: bool,
    attributes: TextMap,
    /// Tells this widget's share link and saved figures from other widgets'.
    element_key: String,
    saved: TextMap,
    fragment: Vec<(String, String)>,
    resume_code: Option<String>,
    link_applied: bool,
    /// This widget's share code in the page URL when last looked at.
    link_seen: Option<String>,
    /// The program the `program` property or a program file chose.
    chosen: Option<LoadedProgram>,
    /// The embedded document's program, or why the document is unusable.
    embedded: Option<Result<Option<LoadedProgram>, Vec<FieldError>>>,
    embedded_inputs: Option<Value>,
    inputs_property: Option<Value>,
    /// The prefill in force (its JSON) and what it sets.
    prefill_value: Option<Value>,
    prefill: Prefill,
    /// The program in force, before the attribute overrides.
    base: Option<LoadedProgram>,
    pending_load: Option<u64>,
    load_tokens: u64,
    /// Problems with the page's inputs found before there was a program to show them with.
    pending_problems: Vec<FieldError>,
    calculator: Option<Rc<CalculatorState>>,
    settled: Option<Settled>,
    settle_seq: u64,
    announced_seq: u64,
    ready_sent: bool,
    presenter: bool,
    /// Light or dark: the colours the page set for the widget, read when it connected.
    page_scheme: Option<Theme>,
    /// The contact named by the program document that failed (embedded or fetched).
    failure_contact: Option<Contact>,
    /// The `lang` of the element's nearest ancestor that has one, read when it connected.
    ancestor_lang: Option<String>,
    /// The visitor's languages, most wanted first.
    browser_languages: Vec<String>,
    status: Rc<str>,
    /// Problems of the partner's own doing (a link, saved figures, a file), always listed.
    notices: Rc<Vec<FieldError>>,
    /// Problems with the page's settings, listed only with `debug`.
    page_notices: Rc<Vec<FieldError>>,
    failure: Option<Rc<Vec<FieldError>>>,
    generation: u64,
}

impl HostState {
    /// A widget not yet connected; `decimal_separator` gives a locale's separator.
    pub fn new(decimal_separator: fn(Option<&str>) -> char) -> Self {
        Self {
            decimal_separator,
            connected: false,
            attributes: TextMap::default(),
            element_key: String::new(),
            saved: TextMap::default(),
            fragment: Vec::new(),
            resume_code: None,
            link_applied: false,
            link_seen: None,
            chosen: None,
            embedded: None,
            embedded_inputs: None,
            inputs_property: None,
            prefill_value: None,
            prefill: Prefill::default(),
            base: None,
            pending_load: None,
            load_tokens: 0,
            pending_problems: Vec::new(),
            calculator: None,
            settled: None,
            settle_seq: 0,
            announced_seq: 0,
            ready_sent: false,
            presenter: false,
            page_scheme: None,
            failure_contact: None,
            ancestor_lang: None,
            browser_languages: Vec::new(),
            status: Rc::from(""),
            notices: Rc::default(),
            page_notices: Rc::default(),
            failure: None,
            generation: 0,
        }
    }

    /// Applies one event; returns what the page must do, in order.
    pub fn apply(&mut self, event: HostEvent) -> Vec<HostEffect> {
        let mut out = Vec::new();
        match event {
            HostEvent::Connected(snapshot) => self.connect(*snapshot, &mut out),
            HostEvent::AttributeChanged { name, value } => {
                self.attribute_changed(&name, value, &mut out)
            }
            HostEvent::ProgramPropertySet(value) => self.program_property(value, &mut out),
            HostEvent::InputsPropertySet(value) => self.inputs_property(value, &mut out),
            HostEvent::ProgramLoaded {
                token,
                program,
                contact,
            } => {
                if self.pending_load == Some(token) {
                    self.failure_contact = contact;
                    match *program {
                        Ok(program) => self.start(LoadedProgram::new(program), &mut out),
                        Err(errors) => self.fail(errors, &mut out),
                    }
                }
            }
            HostEvent::ProgramFileRead(text) => match program_from_text(&text) {
                Ok(program) => {
                    self.chosen = Some(LoadedProgram::new(program));
                    self.configure(&mut out);
                }
                Err(errors) => self.reject(Problems::partner(errors), &mut out),
            },
            HostEvent::PageLinkChanged(fragment) => self.page_link_changed(fragment, &mut out),
            HostEvent::Calculator(action) => self.calculator_action(action, &mut out),
            HostEvent::TogglePresenter => {
                self.presenter = !self.presenter;
                out.push(HostEffect::Render);
            }
            HostEvent::Shown(seq) => self.shown(seq, &mut out),
            HostEvent::Request(action) => self.request(action, &mut out),
            HostEvent::Status(message) => {
                self.status = Rc::from(self.language().0.say(&message));
                out.push(HostEffect::Render);
            }
        }
        out
    }

    /// What the element shows now.
    pub fn view(&self) -> HostView {
        if let Some(errors) = &self.failure {
            return HostView::Failed(errors.clone());
        }
        match &self.calculator {
            None => HostView::Loading,
            Some(calculator) => HostView::Ready(Rc::new(ReadyView {
                calculator: calculator.clone(),
                notices: if self.debug() && !self.page_notices.is_empty() {
                    Rc::new(
                        self.page_notices
                            .iter()
                            .chain(self.notices.iter())
                            .cloned()
                            .collect(),
                    )
                } else {
                    self.notices.clone()
                },
                tools: read_tools(self.attribute(ATTR_TOOLS)).0,
                presenter: self.presenter,
                status: self.status.clone(),
                settled_seq: self.settle_seq,
                generation: self.generation,
            })),
        }
    }

    /// The colour scheme: the one the page asked for (`theme`), else the one its own
    /// colours for the widget are in, else the visitor's ([`Theme::Auto`]).
    pub fn theme(&self) -> Theme {
        match Theme::read(self.attribute(ATTR_THEME)).0 {
            Theme::Auto => self.page_scheme.unwrap_or(Theme::Auto),
            chosen => chosen,
        }
    }

    /// The language the widget speaks, and the tag that chose it (the locale of the figures
    /// when the program sets none): the element's `lang`, else its ancestor's, else the
    /// program's `language`, else the first of the visitor's languages the widget speaks,
    /// else English (and the visitor's locale, [`Self::visitor_locale`]).
    pub fn language(&self) -> (Language, Option<String>) {
        let program_language = self
            .base
            .as_ref()
            .and_then(|base| base.program.language.as_deref());
        let candidates = [
            self.attribute(ATTR_LANG),
            self.ancestor_lang.as_deref(),
            program_language,
        ]
        .into_iter()
        .flatten()
        .chain(self.browser_languages.iter().map(String::as_str));
        match Language::first_spoken(candidates) {
            Some((language, tag)) => (language, Some(tag.trim().to_owned())),
            None => (Language::ENGLISH, Some(self.visitor_locale())),
        }
    }

    /// The visitor's first language that names a real locale, else `en-US`: WebKitGTK under
    /// the C locale reports `C`, whose `Intl` formats "$ 180033" with no grouping.
    fn visitor_locale(&self) -> String {
        self.browser_languages
            .iter()
            .map(|tag| tag.trim())
            .find(|tag| {
                let language = tag.split('-').next().unwrap_or_default();
                is_locale_tag(tag)
                    && (2..=3).contains(&language.len())
                    && language.chars().all(|c| c.is_ascii_alphabetic())
            })
            .unwrap_or(FALLBACK_LOCALE)
            .to_owned()
    }

    /// `program` in the widget's language: its own texts in that language where it has
    /// them, and the language's locale when it sets none of its own.
    fn in_language(&self, program: &Program) -> Program {
        let (language, tag) = self.language();
        let mut program = program.translated(language);
        if program.locale.is_none() {
            program.locale = tag;
        }
        program
    }

    /// Whom a prospect facing a program that failed may ask: the contact its file names.
    pub fn failure_contact(&self) -> Option<&Contact> {
        self.failure.as_ref().and(self.failure_contact.as_ref())
    }

    /// Whether the page asked to see its configuration problems in the widget (`debug`).
    pub fn debug(&self) -> bool {
        self.attribute(ATTR_DEBUG).is_some()
    }

    /// Whether the partner may load a program file.
    pub fn allows_program_file(&self) -> bool {
        self.attribute(ATTR_ALLOW_PROGRAM_FILE).is_some()
    }

    /// The `program` property: the JSON of the program in force.
    pub fn program_json(&self) -> Option<&Value> {
        self.base.as_ref().map(|base| base.json.as_ref())
    }

    /// The `inputs` property: every input as a decimal string. While a box holds text that
    /// is not used, the figures the results were computed from.
    pub fn inputs_json(&self) -> Option<Value> {
        let calculator = self.calculator.as_ref()?;
        let has_problem = calculator.problems.iter().any(Option::is_some);
        match &self.settled {
            Some(settled) if has_problem => Some(settled.inputs.clone()),
            _ => serde_json::to_value(&calculator.inputs).ok(),
        }
    }

    /// The `result` property, as JSON text: the result of the figures settled on; `None`
    /// while the current figures cannot be computed.
    pub fn result_text(&self) -> Option<&str> {
        let calculator = self.calculator.as_ref()?;
        if calculator.engine_error.is_some() {
            return None;
        }
        self.settled.as_ref().map(|settled| &*settled.result)
    }

    fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.get(name).map(String::as_str)
    }

    fn persists(&self) -> bool {
        self.attribute(ATTR_PERSIST) != Some("off")
    }

    fn storage_key(&self, program_id: &str) -> String {
        format!("{STORAGE_PREFIX}:{program_id}:{}", self.element_key)
    }

    /// The figures this widget saved for `program_id`, unless it keeps none.
    fn saved_record(&self, program_id: &str) -> Option<&str> {
        let record = self.saved.get(&self.storage_key(program_id))?;
        self.persists().then_some(record.as_str())
    }

    /// The fragment parameter of this widget's share link.
    fn share_param(&self) -> String {
        if self.element_key.is_empty() {
            SHARE_PARAM.to_owned()
        } else {
            format!("{SHARE_PARAM}-{}", self.element_key)
        }
    }

    fn link_code(&self, fragment: &[(String, String)]) -> Option<String> {
        let param = self.share_param();
        fragment
            .iter()
            .find(|(name, _)| *name == param)
            .map(|(_, code)| code.clone())
    }

    fn connect(&mut self, snapshot: PageSnapshot, out: &mut Vec<HostEffect>) {
        if std::mem::replace(&mut self.connected, true) {
            return;
        }
        self.attributes = snapshot.attributes;
        self.page_scheme = snapshot.page_scheme;
        self.ancestor_lang = snapshot.ancestor_lang;
        self.browser_languages = snapshot.browser_languages;
        self.element_key = element_key(self.attribute("id"), snapshot.unnamed_rank);
        if snapshot.unnamed_rank == Some(1) {
            out.push(HostEffect::Warn(format!(
                "{TAG}: several <{TAG}> elements on this page have no id. Each keeps its saved \
                 figures and share link by its place on the page (#{SHARE_PARAM}-(2), …), which \
                 changes when widgets are added or removed: give each one an id."
            )));
        }
        self.saved = snapshot.saved;
        self.resume_code = snapshot.resume_code;
        self.link_seen = self.link_code(&snapshot.fragment);
        self.fragment = snapshot.fragment;
        self.presenter = self.attribute(ATTR_PRESENTER).is_some();
        self.report_objects_as_text(out);
        self.embedded = snapshot.embedded_document.map(|text| {
            let config = read_embedded_config(&text);
            if config.is_err() {
                self.failure_contact = parse_json(&text)
                    .ok()
                    .and_then(|document| contact_in(&document["program"]));
            }
            config.map(|config| {
                self.embedded_inputs = config.inputs;
                config.program.map(LoadedProgram::new)
            })
        });
        let problem = self.refresh_prefill_value();
        self.pending_problems.extend(problem);
        self.pending_problems.extend(self.tools_problem());
        self.pending_problems.extend(self.theme_problem());
        self.configure(out);
    }

    /// A framework that set an object before the element was defined left `[object Object]`
    /// in an attribute: say to set the property instead.
    fn report_objects_as_text(&self, out: &mut Vec<HostEffect>) {
        let errors: Vec<FieldError> = [PROPERTY_PROGRAM, PROPERTY_INPUTS]
            .into_iter()
            .filter(|name| self.attribute(name) == Some(OBJECT_AS_TEXT))
            .map(|name| {
                FieldError::new(
                    name,
                    Msg::ErrorObjectAsText
                        .with("text", OBJECT_AS_TEXT)
                        .with("name", name),
                )
            })
            .collect();
        Problems::page(errors).report(out);
    }

    /// Shows the program that applies now: chosen, embedded, `program-src`, built-in.
    fn configure(&mut self, out: &mut Vec<HostEffect>) {
        if !self.connected {
            return;
        }
        if let Some(chosen) = self.chosen.clone() {
            return self.start(chosen, out);
        }
        match self.embedded.clone() {
            Some(Err(errors)) => return self.fail(errors, out),
            Some(Ok(Some(program))) => return self.start(program, out),
            Some(Ok(None)) | None => {}
        }
        let url = self
            .attribute(ATTR_PROGRAM_SRC)
            .map(str::trim)
            .filter(|url| !url.is_empty())
            .map(str::to_owned);
        let Some(url) = url else {
            return self.start(LoadedProgram::builtin(), out);
        };
        self.load_tokens += 1;
        self.pending_load = Some(self.load_tokens);
        out.push(HostEffect::FetchProgram {
            url,
            token: self.load_tokens,
        });
        if self.base.is_none() {
            self.failure = None;
            out.push(HostEffect::Render);
        }
    }

    fn program_property(&mut self, value: PropertyValue, out: &mut Vec<HostEffect>) {
        let parsed = match property_json(value, PROPERTY_PROGRAM) {
            Ok(None) => None,
            Ok(Some(Value::String(text))) => Some(program_from_text(&text)),
            Ok(Some(value)) => Some(Program::from_json(&value).map(|program| (program, value))),
            Err(error) => Some(Err(vec![error])),
        };
        let chosen = match parsed {
            None => None,
            Some(Ok(program)) => Some(LoadedProgram::new(program)),
            Some(Err(errors)) => return self.reject(Problems::page(errors), out),
        };
        if chosen.as_ref().map(|c| &c.json) == self.chosen.as_ref().map(|c| &c.json) {
            return;
        }
        self.chosen = chosen;
        self.configure(out);
    }

    /// A new program: the calculator starts afresh from the figures that apply.
    fn start(&mut self, loaded: LoadedProgram, out: &mut Vec<HostEffect>) {
        self.pending_load = None;
        self.failure = None;
        let (program, page_problems) = apply_overrides(&loaded.program, &self.overrides());
        let mut problems = Problems::page(page_problems);
        self.base = Some(loaded);
        let program = self.in_language(&program);
        problems.page.append(&mut self.pending_problems);
        let (prefill, prefill_problems) =
            Prefill::read(&program, self.prefill_value.as_ref(), ATTR_INPUTS);
        self.prefill = prefill;
        problems.page.extend(prefill_problems);
        let link = (!std::mem::replace(&mut self.link_applied, true))
            .then(|| self.link_code(&self.fragment))
            .flatten();
        let resume = self.resume_code.take();
        let sources = FigureSources {
            // A reloaded widget had applied the page's link already: again would undo changes.
            link: link.as_deref().filter(|_| resume.is_none()),
            resume: resume.as_deref(),
            saved: self.saved_record(&program.id),
        };
        let start = starting_figures(&program, sources, &self.prefill);
        problems.partner.extend(start.problems);
        let tier_id = start.tier_id.as_deref();
        self.restart(
            Rc::new(program),
            start.inputs,
            tier_id,
            false,
            problems,
            out,
        );
    }

    /// A fresh calculator for `program` from `inputs` (and `tier_id`), with `problems` as the
    /// notices (and reported): a new generation of the view.
    fn restart(
        &mut self,
        program: Rc<Program>,
        inputs: PartnerInputs,
        tier_id: Option<&str>,
        show_all_inputs: bool,
        problems: Problems,
        out: &mut Vec<HostEffect>,
    ) {
        let separator = (self.decimal_separator)(program.locale.as_deref());
        let mut calculator = CalculatorState::new(program, inputs, tier_id, separator);
        calculator.show_all_inputs = show_all_inputs;
        self.generation += 1;
        self.notices = Rc::new(problems.partner.clone());
        self.page_notices = Rc::new(problems.page.clone());
        self.install(calculator, out);
        problems.report(out);
    }

    /// The attribute overrides changed: the same figures (as far as they fit) under them.
    fn reapply_overrides(&mut self, horizon_changed: bool, out: &mut Vec<HostEffect>) {
        let (Some(base), Some(current)) = (self.base.clone(), self.calculator.clone()) else {
            return;
        };
        let overrides = self.overrides();
        let (program, mut problems) = apply_overrides(&base.program, &overrides);
        let program = self.in_language(&program);
        let mut inputs = current.inputs.clone();
        if horizon_changed && overrides.horizon.is_some() {
            let horizon = program.input_spec(InputKey::HorizonYears).default;
            inputs.set(InputKey::HorizonYears, horizon);
        }
        let (inputs, revalidation) = revalidate(&program, &inputs);
        problems.extend(revalidation);
        let (tier_id, show_all) = (current.chosen_tier_id(), current.show_all_inputs);
        let problems = Problems::page(problems);
        self.restart(Rc::new(program), inputs, tier_id, show_all, problems, out);
    }

    fn overrides(&self) -> Overrides {
        let get = |name| self.attribute(name).map(str::to_owned);
        Overrides {
            locale: get(ATTR_LOCALE),
            currency: get(ATTR_CURRENCY),
            horizon: get(ATTR_HORIZON),
        }
    }

    /// No usable program: show every problem in place and report them.
    fn fail(&mut self, errors: Vec<FieldError>, out: &mut Vec<HostEffect>) {
        self.pending_load = None;
        self.base = None;
        self.calculator = None;
        self.settled = None;
        self.failure = Some(Rc::new(errors.clone()));
        out.push(HostEffect::Render);
        Problems::page(errors).report(out);
    }

    /// A replacement was invalid: keep what is shown, list and report the problems.
    fn reject(&mut self, problems: Problems, out: &mut Vec<HostEffect>) {
        if self.calculator.is_some() {
            if problems.page.is_empty() {
                self.notices = Rc::new(problems.partner.clone());
            } else {
                self.page_notices = Rc::new(problems.page.clone());
            }
            out.push(HostEffect::Render);
        }
        problems.report(out);
    }

    /// A `theme` attribute that is not a theme, as a problem.
    fn theme_problem(&self) -> Option<FieldError> {
        let (_, problem) = Theme::read(self.attribute(ATTR_THEME));
        problem.map(|message| FieldError::new(ATTR_THEME, message))
    }

    /// The `tools` attribute's names that are not tools, as a problem.
    fn tools_problem(&self) -> Option<FieldError> {
        let (_, unknown) = read_tools(self.attribute(ATTR_TOOLS));
        (!unknown.is_empty()).then(|| FieldError::new(ATTR_TOOLS, unknown_tools_message(&unknown)))
    }

    fn inputs_property(&mut self, value: PropertyValue, out: &mut Vec<HostEffect>) {
        self.inputs_property = match property_json(value, PROPERTY_INPUTS) {
            Ok(Some(Value::String(text))) => match parse_json(&text) {
                Ok(value) => Some(value),
                Err(error) => {
                    let problem = FieldError::new(PROPERTY_INPUTS, error.message);
                    return self.reject(Problems::page(vec![problem]), out);
                }
            },
            Ok(value) => value,
            Err(error) => return self.reject(Problems::page(vec![error]), out),
        };
        self.prefill_changed(out);
    }

    /// Whether the embedded document settles the program (with one, or as unusable).
    fn embedded_decides(&self) -> bool {
        matches!(self.embedded, Some(Ok(Some(_))) | Some(Err(_)))
    }

    fn attribute_changed(&mut self, name: &str, value: Option<String>, out: &mut Vec<HostEffect>) {
        match value {
            Some(value) => self.attributes.insert(name.to_owned(), value),
            None => self.attributes.remove(name),
        };
        if !self.connected {
            return;
        }
        match name {
            ATTR_PROGRAM_SRC if self.chosen.is_none() && !self.embedded_decides() => {
                self.configure(out)
            }
            ATTR_INPUTS if self.attribute(ATTR_INPUTS) == Some(OBJECT_AS_TEXT) => {
                self.report_objects_as_text(out)
            }
            ATTR_INPUTS => self.prefill_changed(out),
            ATTR_LOCALE | ATTR_CURRENCY | ATTR_LANG => self.reapply_overrides(false, out),
            ATTR_HORIZON => self.reapply_overrides(true, out),
            ATTR_PRESENTER => {
                self.presenter = self.attribute(ATTR_PRESENTER).is_some();
                out.push(HostEffect::Render);
            }
            ATTR_ALLOW_PROGRAM_FILE | ATTR_DEBUG => out.push(HostEffect::Render),
            ATTR_TOOLS => match self.tools_problem() {
                Some(problem) => self.reject(Problems::page(vec![problem]), out),
                None => out.push(HostEffect::Render),
            },
            ATTR_THEME => match self.theme_problem() {
                Some(problem) => self.reject(Problems::page(vec![problem]), out),
                None => out.push(HostEffect::Render),
            },
            _ => {}
        }
    }

    /// The prefill in force: the `inputs` property, else the embedded document's inputs,
    /// else the `inputs` attribute. Returns a problem with the attribute's text.
    fn refresh_prefill_value(&mut self) -> Option<FieldError> {
        let (value, problem) = if self.inputs_property.is_some() {
            (self.inputs_property.clone(), None)
        } else if self.embedded.is_some() {
            (self.embedded_inputs.clone(), None)
        } else {
            match self
                .attribute(ATTR_INPUTS)
                .filter(|text| *text != OBJECT_AS_TEXT)
            {
                None => (None, None),
                Some(text) => match parse_json(text) {
                    Ok(value) => (Some(value), None),
                    Err(error) => (
                        self.prefill_value.clone(),
                        Some(FieldError::new(ATTR_INPUTS, error.message)),
                    ),
                },
            }
        };
        self.prefill_value = value;
        problem
    }

    /// The page's inputs changed: when the prefill in force is now another, the figures
    /// become the defaults with it applied.
    fn prefill_changed(&mut self, out: &mut Vec<HostEffect>) {
        let before = self.prefill_value.clone();
        if let Some(problem) = self.refresh_prefill_value() {
            if self.calculator.is_none() {
                self.pending_problems.push(problem);
            } else {
                self.reject(Problems::page(vec![problem]), out);
            }
            return;
        }
        if self.prefill_value == before {
            return;
        }
        let Some(current) = self.calculator.clone() else {
            return;
        };
        let (prefill, problems) =
            Prefill::read(&current.program, self.prefill_value.as_ref(), ATTR_INPUTS);
        let inputs = prefill.inputs(&current.program);
        self.prefill = prefill;
        let next = current.apply(Action::ReplaceInputs(Box::new(inputs)));
        if !problems.is_empty() {
            self.page_notices = Rc::new(problems.clone());
        }
        self.install(next, out);
        Problems::page(problems).report(out);
    }

    fn page_link_changed(&mut self, fragment: Vec<(String, String)>, out: &mut Vec<HostEffect>) {
        let code = self.link_code(&fragment);
        self.fragment = fragment;
        if code == self.link_seen {
            return;
        }
        self.link_seen = code.clone();
        let (Some(code), Some(current)) = (code, self.calculator.clone()) else {
            return;
        };
        let program = current.program.clone();
        let sources = FigureSources {
            resume: None,
            link: Some(&code),
            saved: self.saved_record(&program.id),
        };
        let start = starting_figures(&program, sources, &self.prefill);
        let tier_id = start.tier_id.as_deref();
        let show_all = current.show_all_inputs;
        self.restart(
            program,
            start.inputs,
            tier_id,
            show_all,
            Problems::partner(start.problems),
            out,
        );
    }

    fn calculator_action(&mut self, action: Action, out: &mut Vec<HostEffect>) {
        let Some(current) = &self.calculator else {
            return;
        };
        let next = current.apply(action);
        if next.revision == current.revision {
            self.calculator = Some(Rc::new(next));
            out.push(HostEffect::Render);
        } else {
            self.install(next, out);
        }
    }

    /// Makes `calculator` the one shown; when its figures are current, they are settled on.
    fn install(&mut self, calculator: CalculatorState, out: &mut Vec<HostEffect>) {
        let calculator = Rc::new(calculator);
        self.calculator = Some(calculator.clone());
        if let (true, Some(projection)) = (calculator.is_current(), &calculator.projection) {
            let program = &calculator.program;
            let code = encode_share_code(program, &calculator.inputs, calculator.chosen_tier_id());
            self.settle_seq += 1;
            self.settled = Some(Settled {
                inputs: serde_json::to_value(&calculator.inputs).unwrap_or(Value::Null),
                result: result_text(program, projection, calculator.range.as_deref()).into(),
                seq: self.settle_seq,
            });
            out.push(HostEffect::KeepResume(code.clone()));
            if self.persists() {
                let key = self.storage_key(&program.id);
                let text = saved_record(&code, &self.prefill);
                self.saved.insert(key.clone(), text.clone());
                out.push(HostEffect::Save { key, text });
            }
        }
        out.push(HostEffect::Render);
    }

    /// The view showing settled figures `seq` was rendered: tell the page, once per settle.
    fn shown(&mut self, seq: u64, out: &mut Vec<HostEffect>) {
        let Some(settled) = &self.settled else {
            return;
        };
        if settled.seq != seq || seq <= self.announced_seq {
            return;
        }
        self.announced_seq = seq;
        let (inputs, result) = (settled.inputs.clone(), settled.result.clone());
        if std::mem::replace(&mut self.ready_sent, true) {
            out.push(HostEffect::Announce(Announcement::Change {
                inputs,
                result,
            }));
        } else {
            out.push(HostEffect::MarkFirstResults);
            out.push(HostEffect::Announce(Announcement::Ready { inputs, result }));
        }
    }

    fn request(&mut self, action: HostAction, out: &mut Vec<HostEffect>) {
        let Some(calculator) = self.calculator.clone() else {
            return;
        };
        let program = &calculator.program;
        let effect = match action {
            HostAction::CopyLink => {
                let code =
                    encode_share_code(program, &calculator.inputs, calculator.chosen_tier_id());
                self.link_seen = Some(code.clone());
                HostEffect::CopyLink {
                    param: self.share_param(),
                    code,
                }
            }
            HostAction::CopySummary(text) => HostEffect::CopyText {
                text,
                done: Msg::StatusSummaryCopied,
                refused: Msg::StatusCopyRefused,
            },
            HostAction::DownloadCsv => {
                let Some(projection) = &calculator.projection else {
                    return;
                };
                HostEffect::DownloadCsv {
                    file_stem: program.id.clone(),
                    csv: result_csv(
                        program,
                        &calculator.inputs,
                        &result_json(program, projection, None),
                        self.language().0,
                    ),
                }
            }
            HostAction::Print => HostEffect::Print,
            HostAction::CallToAction { url, new_tab } => {
                let (inputs, result) = match &self.settled {
                    Some(settled) => (
                        settled.inputs.clone(),
                        parse_value(&settled.result).unwrap_or(Value::Null),
                    ),
                    None => (Value::Null, Value::Null),
                };
                HostEffect::CallToAction {
                    url,
                    new_tab,
                    detail: json!({ "inputs": inputs, "result": result, "tier": calculator.selected_tier_id() }),
                }
            }
        };
        out.push(effect);
    }
}

/// The key of an element with `id` or, without one, with `unnamed_rank` among those
/// without: "" for the first, then `(2)`, `(3)`, ….
fn element_key(id: Option<&str>, unnamed_rank: Option<usize>) -> String {
    match (id.filter(|id| !id.is_empty()), unnamed_rank) {
        (Some(id), _) => id.to_owned(),
        (None, Some(rank)) if rank > 0 => format!("({})", rank + 1),
        (None, _) => String::new(),
    }
}

/// A property's value as JSON (`None`: not set).
fn property_json(value: PropertyValue, name: &str) -> Result<Option<Value>, FieldError> {
    match value {
        PropertyValue::Unset => Ok(None),
        PropertyValue::Json(value) => Ok(Some(value)),
        PropertyValue::NotJson => Err(FieldError::new(name, Msg::ErrorJsonObject)),
    }
}

/// Program JSON text as a validated program and its JSON.
fn program_from_text(text: &str) -> ReadProgram {
    let value = parse_program_json(text).map_err(|error| vec![error])?;
    Program::from_json(&value).map(|program| (program, value))
}

/// Re-reads `inputs` against `program` (whose ranges may differ), keeping what still fits.
fn revalidate(program: &Program, inputs: &PartnerInputs) -> (PartnerInputs, Vec<FieldError>) {
    match serde_json::to_value(inputs) {
        Ok(value) => read_inputs(program, Some(&value), ATTR_INPUTS),
        Err(_) => (program.default_inputs(), Vec::new()),
    }
}

/// Problems to list above the calculator: the partner's own (a share link, saved figures, a
/// program file they chose) always; the page's settings only with `debug`. Both are reported
/// in `partner-roi:error`, and the page's in the console.
struct Problems {
    partner: Vec<FieldError>,
    page: Vec<FieldError>,
}

impl Problems {
    fn partner(partner: Vec<FieldError>) -> Self {
        Self {
            partner,
            page: Vec::new(),
        }
    }

    fn page(page: Vec<FieldError>) -> Self {
        Self {
            partner: Vec::new(),
            page,
        }
    }

    /// Warns in the console of the page's problems and announces every problem.
    fn report(self, out: &mut Vec<HostEffect>) {
        for problem in &self.page {
            out.push(HostEffect::Warn(format!("{TAG}: {problem}")));
        }
        let mut all = self.page;
        all.extend(self.partner);
        announce_errors(all, out);
    }
}

fn announce_errors(errors: Vec<FieldError>, out: &mut Vec<HostEffect>) {
    if !errors.is_empty() {
        out.push(HostEffect::Announce(Announcement::Errors(errors)));
    }
}
