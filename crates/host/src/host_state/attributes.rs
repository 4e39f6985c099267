//! The element's attributes: what each change does, and the problems their values have.

use super::problems::Problems;
use super::tools::{read_tools, unknown_tools_message};
use super::{revalidate, HostEffect, HostState, Restart, Theme, OBJECT_AS_TEXT};
use crate::host_config::{apply_overrides, Overrides};
use crate::names::{
    ATTR_ALLOW_PROGRAM_FILE, ATTR_ANALYTICS, ATTR_CURRENCY, ATTR_DEBUG, ATTR_HORIZON, ATTR_INPUTS,
    ATTR_LANG, ATTR_LOCALE, ATTR_PRESENTER, ATTR_PROGRAM_SRC, ATTR_THEME, ATTR_TOOLS,
    PROPERTY_INPUTS, PROPERTY_PROGRAM,
};
use partner_roi_engine::{FieldError, InputKey};
use partner_roi_i18n::Msg;
use std::rc::Rc;

impl HostState {
    pub(super) fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.get(name).map(String::as_str)
    }

    pub(super) fn attribute_changed(
        &mut self,
        name: &str,
        value: Option<String>,
        out: &mut Vec<HostEffect>,
    ) {
        match value {
            Some(value) => self.attributes.insert(name.to_owned(), value),
            None => self.attributes.remove(name),
        };
        if !self.is_connected() {
            return;
        }
        match name {
            ATTR_PROGRAM_SRC if self.source.program_src_applies() => self.configure(out),
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
            ATTR_ANALYTICS => {
                if let Some(problem) = self.analytics_problem() {
                    self.reject(Problems::page(vec![problem]), out);
                }
            }
            _ => {}
        }
    }

    /// A framework that set an object before the element was defined left `[object Object]`
    /// in an attribute: once the grace period is over, and unless the property has been set
    /// since (as server-rendered frameworks do on hydration), say to set the property.
    pub(super) fn report_objects_as_text(&self, out: &mut Vec<HostEffect>) {
        if !self.source.grace_over {
            return;
        }
        let property_set = |name| match name {
            PROPERTY_PROGRAM => self.source.chosen.is_some(),
            _ => self.prefill.property.is_some(),
        };
        let errors: Vec<FieldError> = [PROPERTY_PROGRAM, PROPERTY_INPUTS]
            .into_iter()
            .filter(|name| self.attribute(name) == Some(OBJECT_AS_TEXT) && !property_set(*name))
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

    pub(super) fn overrides(&self) -> Overrides {
        let get = |name| self.attribute(name).map(str::to_owned);
        Overrides {
            locale: get(ATTR_LOCALE),
            currency: get(ATTR_CURRENCY),
            horizon: get(ATTR_HORIZON),
        }
    }

    /// The attribute overrides changed: the same figures (as far as they fit) under them.
    pub(super) fn reapply_overrides(&mut self, horizon_changed: bool, out: &mut Vec<HostEffect>) {
        let Some(shown) = self.phase.showing() else {
            return;
        };
        let (base, current) = (shown.base.clone(), shown.calculator.clone());
        let overrides = self.overrides();
        let (program, mut problems) = apply_overrides(&base.program, &overrides);
        let program = self.in_language(&program, &base.program);
        let mut inputs = current.inputs.clone();
        if horizon_changed && overrides.horizon.is_some() {
            let horizon = program.input_spec(InputKey::HorizonYears).default;
            inputs.set(InputKey::HorizonYears, horizon);
        }
        let (inputs, revalidation) = revalidate(&program, &inputs);
        problems.extend(revalidation);
        let (tier_id, show_all) = (current.chosen_tier_id(), current.show_all_inputs);
        let problems = Problems::page(problems);
        let restart = Restart {
            base,
            program: Rc::new(program),
            inputs,
            tier_id,
            show_all_inputs: show_all,
            problems,
        };
        self.restart(restart, out);
    }

    /// A `theme` attribute that is not a theme, as a problem.
    pub(super) fn theme_problem(&self) -> Option<FieldError> {
        let (_, problem) = Theme::read(self.attribute(ATTR_THEME));
        problem.map(|message| FieldError::new(ATTR_THEME, message))
    }

    /// The `tools` attribute's names that are not tools, as a problem.
    pub(super) fn tools_problem(&self) -> Option<FieldError> {
        let (_, unknown) = read_tools(self.attribute(ATTR_TOOLS));
        (!unknown.is_empty()).then(|| FieldError::new(ATTR_TOOLS, unknown_tools_message(&unknown)))
    }
}
