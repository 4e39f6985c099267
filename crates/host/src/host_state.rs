//! [`HostState`]: one `<partner-roi>` element's page, as a pure reducer.
//!
//! Events come in from the page ([`HostEvent`]); [`HostState::apply`] decides, and returns
//! what the page must do ([`HostEffect`]). No web types: `embed/element.rs` reads the DOM,
//! applies events and runs the effects. The rules, each a test in `host_state/tests.rs`:
//! - the program: the `program` property or a program file the partner loaded, else the
//!   embedded document's, else `program-src`'s, else the built-in example: as asked
//!   (`program="example"`), or labelled once the page's grace period for setting the
//!   property is over (`program_source.rs`);
//! - the figures a program starts with: where a reloaded widget left off, the page's share
//!   link (once), saved figures (a changed prefill wins for its fields), the page's
//!   prefill, the defaults (`figures.rs`);
//! - the prefill: the `inputs` property, else the embedded document's inputs, else the
//!   `inputs` attribute; setting the one in force again changes nothing.
//!
//! The calculator ([`CalculatorState`]) is the one owner of the figures and the only caller
//! of the engine; this state keeps it and reports what it settled on.

mod analytics;
mod announcer;
mod application;
mod attributes;
mod connect;
mod effect;
mod event;
mod figures;
mod language;
mod outbox;
mod page_inputs;
mod page_memory;
mod phase;
mod prefill_source;
mod problems;
mod program_source;
mod requests;
#[cfg(test)]
mod tests;
mod theme;
mod tools;
mod view;

pub use analytics::{AnalyticsEvent, AnalyticsTarget};
pub use application::{ApplicationStatus, Delivered, SendFailure};
pub use effect::{Announcement, HostEffect, HostView, ReadyView};
pub use event::{HostAction, HostEvent, PageSnapshot, PropertyValue, ReadProgram, TextMap};
pub use theme::Theme;
pub use tools::Tools;

use serde_json::Value;
use std::rc::Rc;

use announcer::Announcer;
use figures::{saved_record, starting_figures, FigureSources, Prefill};
use page_memory::PageMemory;
use phase::{LoadedProgram, Phase, Showing};
use prefill_source::PrefillSource;
use problems::Problems;
use program_source::{Decision, ProgramSource};

use crate::host_config::{apply_overrides, read_inputs};
use crate::names::{
    ATTR_INPUTS, ATTR_PERSIST, ATTR_PROGRAM, ATTR_PROGRAM_SRC, PERSIST_OFF, PROPERTY_PROGRAM,
};
use crate::rep::Rep;
use crate::share_code::encode_share_code;
use crate::state::{Action, CalculatorState};
use partner_roi_engine::program_parse::parse_program_json;
use partner_roi_engine::result_json::result_text;
use partner_roi_engine::{FieldError, PartnerInputs, Program};
use partner_roi_i18n::Msg;

/// What a framework writes into an attribute when it sets an object before the element is
/// defined.
const OBJECT_AS_TEXT: &str = "[object Object]";

/// One element's page and the calculator it shows.
#[derive(Debug)]
pub struct HostState {
    /// The decimal separator of a locale (`None`: the browser's), for the number boxes.
    decimal_separator: fn(Option<&str>) -> char,
    phase: Phase,
    attributes: TextMap,
    source: ProgramSource,
    prefill: PrefillSource,
    memory: PageMemory,
    announcer: Announcer,
    /// Problems with the page's inputs found before there was a program to show them with.
    pending_problems: Vec<FieldError>,
    presenter: bool,
    /// Light or dark: the colours the page set for the widget, read when it connected.
    page_scheme: Option<Theme>,
    /// The `lang` of the element's nearest ancestor that has one, read when it connected.
    ancestor_lang: Option<String>,
    /// The visitor's languages, most wanted first.
    browser_languages: Vec<String>,
    /// Which languages' texts the widget has, and which it asked for.
    texts: language::LanguageTexts,
    status: Rc<str>,
    /// Problems of the partner's own doing (a link, saved figures, a file), always listed.
    notices: Rc<Vec<FieldError>>,
    /// Problems with the page's settings, listed only with `debug`.
    page_notices: Rc<Vec<FieldError>>,
    /// The number of calculators started: a new one is a new generation of the view.
    generation: u64,
    /// The analytics events reported once, and whether the widget is in view.
    reported: analytics::Reported,
    /// Where the partner's application stands.
    application: application::ApplicationProgress,
    /// The sales rep who prepared the figures: typed, or from the link or saved figures.
    rep: Option<Rep>,
    /// Applications kept on this device while it was offline.
    outbox: outbox::Outbox,
    /// Whether the browser was online when the element connected.
    online: bool,
    /// The time when the element connected, in ms since 1970.
    page_time_ms: u64,
}

impl HostState {
    /// A widget not yet connected; `decimal_separator` gives a locale's separator.
    pub fn new(decimal_separator: fn(Option<&str>) -> char) -> Self {
        Self {
            decimal_separator,
            phase: Phase::Unconnected,
            attributes: TextMap::default(),
            source: ProgramSource::default(),
            prefill: PrefillSource::default(),
            memory: PageMemory::default(),
            announcer: Announcer::default(),
            pending_problems: Vec::new(),
            presenter: false,
            page_scheme: None,
            ancestor_lang: None,
            browser_languages: Vec::new(),
            texts: language::LanguageTexts::default(),
            status: Rc::from(""),
            notices: Rc::default(),
            page_notices: Rc::default(),
            generation: 0,
            reported: analytics::Reported::default(),
            application: application::ApplicationProgress::default(),
            rep: None,
            outbox: outbox::Outbox::default(),
            online: false,
            page_time_ms: 0,
        }
    }

    /// Applies one event; returns what the page must do, in order.
    pub fn apply(&mut self, event: HostEvent) -> Vec<HostEffect> {
        let mut out = Vec::new();
        match event {
            HostEvent::Connected(snapshot) => self.connect(*snapshot, &mut out),
            HostEvent::LanguageArrived(language) => self.texts_arrived(language, &mut out),
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
                if self.phase.awaited_load() == Some(token) {
                    self.source.failure_contact = contact;
                    match *program {
                        Ok(program) => self.start(LoadedProgram::new(program), &mut out),
                        Err(errors) => self.fail(errors, &mut out),
                    }
                }
            }
            HostEvent::ProgramGraceOver => self.grace_over(&mut out),
            HostEvent::ProgramFileRead(text) => match program_from_text(&text) {
                Ok(program) => {
                    self.source.chosen = Some(LoadedProgram::new(program));
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
            HostEvent::Shown(seq) => {
                if let Some(settled) = self.phase.showing().and_then(|s| s.settled.as_ref()) {
                    self.announcer.shown(settled, seq, &mut out);
                    self.first_shown(&mut out);
                }
            }
            HostEvent::InView => self.came_into_view(&mut out),
            HostEvent::Request(action) => self.request(action, &mut out),
            HostEvent::ApplicationAnswered { attempt, outcome } => {
                self.application_answered(attempt, outcome, &mut out)
            }
            HostEvent::ApplicationKept { attempt, waiting } => {
                self.application_kept(attempt, waiting, &mut out)
            }
            HostEvent::WaitingAnswered { kept_at_ms, sent } => {
                self.waiting_answered(kept_at_ms, sent, &mut out)
            }
            HostEvent::Status(message) => {
                self.status = Rc::from(self.language().0.say(&message));
                out.push(HostEffect::Render);
            }
        }
        out
    }

    fn is_connected(&self) -> bool {
        !matches!(self.phase, Phase::Unconnected)
    }

    fn persists(&self) -> bool {
        self.attribute(ATTR_PERSIST) != Some(PERSIST_OFF)
    }

    /// The figures this widget saved for `program_id`, unless it keeps none.
    fn saved_record(&self, program_id: &str) -> Option<&str> {
        self.memory
            .saved_record(program_id)
            .filter(|_| self.persists())
    }

    /// Shows the program that applies now, once connected.
    fn configure(&mut self, out: &mut Vec<HostEffect>) {
        if self.is_connected() {
            self.show_what_applies(out);
        }
    }

    /// Shows the program that applies: chosen, embedded, `program-src`, built-in. While
    /// `program-src` loads, what is shown stays.
    fn show_what_applies(&mut self, out: &mut Vec<HostEffect>) {
        let program_src = self.attributes.get(ATTR_PROGRAM_SRC).map(String::as_str);
        let program = self.attributes.get(ATTR_PROGRAM).map(String::as_str);
        match self.source.decide(program_src, program) {
            Decision::Start(program) => {
                if program.example_notice {
                    let problem = FieldError::new(ATTR_PROGRAM, Msg::ErrorExampleProgram);
                    self.pending_problems.push(problem);
                }
                self.start(program, out)
            }
            Decision::Await => {
                if !matches!(
                    std::mem::replace(&mut self.phase, Phase::Awaiting),
                    Phase::Awaiting
                ) {
                    out.push(HostEffect::Render);
                }
            }
            Decision::Fail(errors) => self.fail(errors, out),
            Decision::Fetch { url, token } => {
                let shown = self.phase.take_showing();
                let nothing_shown = shown.is_none();
                self.phase = Phase::Loading { token, shown };
                out.push(HostEffect::FetchProgram { url, token });
                if nothing_shown {
                    out.push(HostEffect::Render);
                }
            }
        }
    }

    /// The page had its chance to set the `program` property: an object it wrote as text
    /// instead is reported now, and a widget still without a program shows the example.
    fn grace_over(&mut self, out: &mut Vec<HostEffect>) {
        if std::mem::replace(&mut self.source.grace_over, true) {
            return;
        }
        self.report_objects_as_text(out);
        if matches!(self.phase, Phase::Awaiting) {
            self.show_what_applies(out);
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
        if chosen.as_ref().map(|c| &c.json) == self.source.chosen.as_ref().map(|c| &c.json) {
            return;
        }
        self.source.chosen = chosen;
        self.configure(out);
    }

    /// A new program: the calculator starts afresh from the figures that apply.
    fn start(&mut self, loaded: LoadedProgram, out: &mut Vec<HostEffect>) {
        let (program, page_problems) = apply_overrides(&loaded.program, &self.overrides());
        let mut problems = Problems::page(page_problems);
        let program = self.in_language(&program, &loaded.program);
        problems.page.append(&mut self.pending_problems);
        let (prefill, prefill_problems) =
            Prefill::read(&program, self.prefill.value.as_ref(), ATTR_INPUTS);
        self.prefill.prefill = prefill;
        problems.page.extend(prefill_problems);
        let link = (!std::mem::replace(&mut self.memory.link_applied, true))
            .then(|| self.memory.link_code(&self.memory.fragment))
            .flatten();
        let resume = self.memory.resume_code.take();
        let sources = FigureSources {
            // A reloaded widget had applied the page's link already: again would undo changes.
            link: link.as_deref().filter(|_| resume.is_none()),
            resume: resume.as_deref(),
            saved: self.saved_record(&program.id),
        };
        let start = starting_figures(&program, sources, &self.prefill.prefill);
        problems.partner.extend(start.problems);
        if start.rep.is_some() {
            self.rep = start.rep;
        }
        let tier_id = start.tier_id.as_deref();
        let restart = Restart {
            base: loaded,
            program: Rc::new(program),
            inputs: start.inputs,
            tier_id,
            show_all_inputs: false,
            problems,
        };
        self.restart(restart, out);
        self.open_outbox(out);
    }

    /// A fresh calculator for the restart's program from its inputs (and tier), with its
    /// problems as the notices (and reported): a new generation of the view.
    fn restart(&mut self, restart: Restart, out: &mut Vec<HostEffect>) {
        let Restart {
            base,
            program,
            inputs,
            tier_id,
            show_all_inputs,
            problems,
        } = restart;
        let separator = (self.decimal_separator)(program.locale.as_deref());
        let mut calculator = CalculatorState::new(program, inputs, tier_id, separator);
        calculator.show_all_inputs = show_all_inputs;
        self.generation += 1;
        self.application.restart();
        self.notices = Rc::new(problems.partner.clone());
        self.page_notices = Rc::new(problems.page.clone());
        let settled = self.phase.take_showing().and_then(|shown| shown.settled);
        self.phase = Phase::Ready(Box::new(Showing {
            base,
            calculator: Rc::new(calculator),
            settled,
        }));
        self.settle(out);
        problems.report(out);
        self.ask_for_texts(out);
    }

    /// No usable program: show every problem in place and report them.
    fn fail(&mut self, errors: Vec<FieldError>, out: &mut Vec<HostEffect>) {
        self.phase = Phase::Failed(Rc::new(errors.clone()));
        out.push(HostEffect::Render);
        Problems::page(errors).report(out);
        self.ask_for_texts(out);
    }

    /// A replacement was invalid: keep what is shown, list and report the problems.
    fn reject(&mut self, problems: Problems, out: &mut Vec<HostEffect>) {
        if self.phase.showing().is_some() {
            if problems.page.is_empty() {
                self.notices = Rc::new(problems.partner.clone());
            } else {
                self.page_notices = Rc::new(problems.page.clone());
            }
            out.push(HostEffect::Render);
        }
        problems.report(out);
    }

    fn calculator_action(&mut self, action: Action, out: &mut Vec<HostEffect>) {
        let Some(shown) = self.phase.showing_mut() else {
            return;
        };
        let starts = matches!(
            action,
            Action::Type(..) | Action::Slide(..) | Action::ResetInputs
        );
        let selects = matches!(action, Action::SelectTier(_));
        let before = (shown.calculator.revision, shown.calculator.selected_tier);
        let next = shown.calculator.apply(action);
        let after = (next.revision, next.selected_tier);
        if after.0 == before.0 {
            shown.calculator = Rc::new(next);
            out.push(HostEffect::Render);
        } else {
            self.install(next, out);
        }
        if starts && after.0 != before.0 {
            self.track(AnalyticsEvent::Start, out);
        }
        if selects && after.1 != before.1 {
            self.track(AnalyticsEvent::TierSelect, out);
        }
    }

    /// Makes `calculator` the one shown and settles on its figures if they are current.
    fn install(&mut self, calculator: CalculatorState, out: &mut Vec<HostEffect>) {
        if let Some(shown) = self.phase.showing_mut() {
            shown.calculator = Rc::new(calculator);
        }
        self.settle(out);
    }

    /// When the figures shown are current, they are settled on: kept to resume from, saved,
    /// numbered for the page.
    fn settle(&mut self, out: &mut Vec<HostEffect>) {
        let persists = self.persists();
        if let Some(shown) = self.phase.showing_mut() {
            let calculator = shown.calculator.clone();
            if let (true, Some(projection)) = (calculator.is_current(), &calculator.projection) {
                let program = &calculator.program;
                let code = encode_share_code(
                    program,
                    &calculator.inputs,
                    calculator.chosen_tier_id(),
                    self.rep.as_ref(),
                );
                shown.settled = Some(self.announcer.settle(
                    serde_json::to_value(&calculator.inputs).unwrap_or(Value::Null),
                    result_text(program, projection, calculator.range.as_deref()).into(),
                ));
                out.push(HostEffect::KeepResume(code.clone()));
                if persists {
                    let key = self.memory.storage_key(&program.id);
                    let text = saved_record(&code, &self.prefill.prefill);
                    self.memory.saved.insert(key.clone(), text.clone());
                    out.push(HostEffect::Save { key, text });
                }
            }
        }
        out.push(HostEffect::Render);
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

/// What a new generation of the view starts from.
struct Restart<'a> {
    /// The program in force, before the attribute overrides.
    base: LoadedProgram,
    /// The program shown: `base` with the overrides.
    program: Rc<Program>,
    inputs: PartnerInputs,
    tier_id: Option<&'a str>,
    show_all_inputs: bool,
    /// The notices to show and report.
    problems: Problems,
}
