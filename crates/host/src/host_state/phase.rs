//! Where a widget is in its life. Which phase it is in decides what every event may do:
//! before it is connected, events are only recorded; while a program file loads, only that
//! load's answer counts; a failed program shows its problems; a ready one its calculator.

use serde_json::Value;
use std::rc::Rc;

use crate::state::CalculatorState;
use partner_roi_engine::default_program::{default_program, default_program_json};
use partner_roi_engine::json_text::parse_value;
use partner_roi_engine::{FieldError, Program};

/// A widget's phase.
#[derive(Debug)]
pub(super) enum Phase {
    /// Not yet connected to the page.
    Unconnected,
    /// Connected, with no program yet: the page may still set the `program` property.
    Awaiting,
    /// Waiting for `program-src`'s file, asked for as `token`; still showing what it showed
    /// before, if anything.
    Loading {
        token: u64,
        shown: Option<Box<Showing>>,
    },
    /// No usable program: its problems, shown in place.
    Failed(Rc<Vec<FieldError>>),
    /// A program and its calculator.
    Ready(Box<Showing>),
}

impl Phase {
    /// What is shown: the ready program's, or the one a load will replace.
    pub fn showing(&self) -> Option<&Showing> {
        match self {
            Phase::Ready(shown) => Some(shown),
            Phase::Loading { shown, .. } => shown.as_deref(),
            Phase::Unconnected | Phase::Awaiting | Phase::Failed(_) => None,
        }
    }

    /// What is shown, to change.
    pub fn showing_mut(&mut self) -> Option<&mut Showing> {
        match self {
            Phase::Ready(shown) => Some(shown),
            Phase::Loading { shown, .. } => shown.as_deref_mut(),
            Phase::Unconnected | Phase::Awaiting | Phase::Failed(_) => None,
        }
    }

    /// What is shown, leaving the phase with nothing to show.
    pub fn take_showing(&mut self) -> Option<Box<Showing>> {
        match std::mem::replace(self, Phase::Unconnected) {
            Phase::Ready(shown) => Some(shown),
            Phase::Loading { shown, .. } => shown,
            Phase::Unconnected | Phase::Awaiting | Phase::Failed(_) => None,
        }
    }

    /// The token of the load waited for.
    pub fn awaited_load(&self) -> Option<u64> {
        match self {
            Phase::Loading { token, .. } => Some(*token),
            _ => None,
        }
    }
}

/// A program shown with its calculator.
#[derive(Debug)]
pub(super) struct Showing {
    /// The program in force, before the attribute overrides.
    pub base: LoadedProgram,
    pub calculator: Rc<CalculatorState>,
    /// The figures last settled on (perhaps under the program shown before).
    pub settled: Option<Settled>,
}

/// A validated program and the JSON it came from.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct LoadedProgram {
    pub program: Rc<Program>,
    pub json: Rc<Value>,
    /// The built-in example, shown because the page set no program: labelled as such.
    pub example_notice: bool,
    /// The built-in program, in the languages whose texts are here.
    pub builtin: bool,
}

impl LoadedProgram {
    pub fn new((program, json): (Program, Value)) -> Self {
        Self {
            program: Rc::new(program),
            json: Rc::new(json),
            example_notice: false,
            builtin: false,
        }
    }

    /// The built-in example program, with its notice or (asked for) without: its text
    /// (with every language here) built and read once.
    pub fn builtin(example_notice: bool) -> Self {
        let json = parse_value(&default_program_json()).unwrap_or(Value::Null);
        let program = Program::from_json(&json).unwrap_or_else(|_| default_program());
        Self {
            example_notice,
            builtin: true,
            ..Self::new((program, json))
        }
    }
}

/// The figures the calculator last settled on, as the host sees them.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Settled {
    pub inputs: Value,
    /// The result document's JSON text.
    pub result: Rc<str>,
    pub seq: u64,
}
