//! What the element shows and what the page reads of it: the view, the colour scheme, the
//! contact of a failed program, and the `program`, `inputs` and `result` properties.

use serde_json::Value;
use std::rc::Rc;

use super::phase::Phase;
use super::tools::read_tools;
use super::{HostState, HostView, ReadyView, Theme};
use crate::names::{ATTR_ALLOW_PROGRAM_FILE, ATTR_DEBUG, ATTR_THEME, ATTR_TOOLS};
use partner_roi_engine::Contact;

impl HostState {
    /// What the element shows now.
    pub fn view(&self) -> HostView {
        if let Phase::Failed(errors) = &self.phase {
            return HostView::Failed(errors.clone());
        }
        match self.phase.showing() {
            None => HostView::Loading,
            Some(shown) => HostView::Ready(Rc::new(ReadyView {
                calculator: shown.calculator.clone(),
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
                settled_seq: self.announcer.last_settled(),
                generation: self.generation,
                example_notice: shown.base.example_notice,
                application: self.application.status.clone(),
                rep: self.rep.clone(),
                share_url: self
                    .share_link(&shown.calculator)
                    .from_page(&self.memory.page_address),
                waiting: self.outbox.waiting.len(),
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

    /// Whom a prospect facing a program that failed may ask: the contact its file names.
    pub fn failure_contact(&self) -> Option<&Contact> {
        match self.phase {
            Phase::Failed(_) => self.source.failure_contact.as_ref(),
            _ => None,
        }
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
        self.phase.showing().map(|shown| shown.base.json.as_ref())
    }

    /// The `inputs` property: every input as a decimal string. While a box holds text that
    /// is not used, the figures the results were computed from.
    pub fn inputs_json(&self) -> Option<Value> {
        let shown = self.phase.showing()?;
        let calculator = &shown.calculator;
        let has_problem = calculator.problems.iter().any(Option::is_some);
        match &shown.settled {
            Some(settled) if has_problem => Some(settled.inputs.clone()),
            _ => serde_json::to_value(&calculator.inputs).ok(),
        }
    }

    /// The `result` property, as JSON text: the result of the figures settled on; `None`
    /// while the current figures cannot be computed.
    pub fn result_text(&self) -> Option<&str> {
        let shown = self.phase.showing()?;
        if shown.calculator.engine_error.is_some() {
            return None;
        }
        shown.settled.as_ref().map(|settled| &*settled.result)
    }
}
