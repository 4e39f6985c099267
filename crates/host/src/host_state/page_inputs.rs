//! The page's figures changing under a shown program: the `inputs` property or attribute
//! (the prefill), and the share link in the URL.

use serde_json::Value;
use std::rc::Rc;

use super::figures::{starting_figures, FigureSources, Prefill};
use super::problems::Problems;
use super::{property_json, HostEffect, HostState, PropertyValue, Restart};
use crate::names::{ATTR_INPUTS, PROPERTY_INPUTS};
use crate::state::Action;
use partner_roi_engine::json_reader::parse_json;
use partner_roi_engine::FieldError;

impl HostState {
    pub(super) fn inputs_property(&mut self, value: PropertyValue, out: &mut Vec<HostEffect>) {
        self.prefill.property = match property_json(value, PROPERTY_INPUTS) {
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

    /// The page's inputs changed: when the prefill in force is now another, the figures
    /// become the defaults with it applied.
    pub(super) fn prefill_changed(&mut self, out: &mut Vec<HostEffect>) {
        let before = self.prefill.value.clone();
        if let Some(problem) = self
            .prefill
            .refresh(self.attributes.get(ATTR_INPUTS).map(String::as_str))
        {
            if self.phase.showing().is_none() {
                self.pending_problems.push(problem);
            } else {
                self.reject(Problems::page(vec![problem]), out);
            }
            return;
        }
        if self.prefill.value == before {
            return;
        }
        let Some(current) = self.phase.showing().map(|shown| shown.calculator.clone()) else {
            return;
        };
        let (prefill, problems) =
            Prefill::read(&current.program, self.prefill.value.as_ref(), ATTR_INPUTS);
        let inputs = prefill.inputs(&current.program);
        self.prefill.prefill = prefill;
        let next = current.apply(Action::ReplaceInputs(Box::new(inputs)));
        if !problems.is_empty() {
            self.page_notices = Rc::new(problems.clone());
        }
        self.install(next, out);
        Problems::page(problems).report(out);
    }

    pub(super) fn page_link_changed(
        &mut self,
        fragment: Vec<(String, String)>,
        out: &mut Vec<HostEffect>,
    ) {
        let code = self.memory.link_code(&fragment);
        self.memory.fragment = fragment;
        if code == self.memory.link_seen {
            return;
        }
        self.memory.link_seen = code.clone();
        let Some(shown) = self.phase.showing() else {
            return;
        };
        let Some(code) = code else {
            return;
        };
        let (base, current) = (shown.base.clone(), shown.calculator.clone());
        let program = current.program.clone();
        let sources = FigureSources {
            resume: None,
            link: Some(&code),
            saved: self.saved_record(&program.id),
        };
        let start = starting_figures(&program, sources, &self.prefill.prefill);
        let tier_id = start.tier_id.as_deref();
        let show_all = current.show_all_inputs;
        let restart = Restart {
            base,
            program,
            inputs: start.inputs,
            tier_id,
            show_all_inputs: show_all,
            problems: Problems::partner(start.problems),
        };
        self.restart(restart, out);
    }
}
