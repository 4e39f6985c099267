//! Connecting to the page: what the element reads of it once, and the program it then
//! shows.

use super::page_memory::element_key;
use super::phase::LoadedProgram;
use super::program_source::EmbeddedDocument;
use super::{HostEffect, HostState, PageSnapshot};
use crate::host_config::read_embedded_config;
use crate::names::{ATTR_INPUTS, ATTR_PRESENTER, SHARE_PARAM, TAG};
use partner_roi_engine::json_reader::parse_json;
use partner_roi_engine::program_parse::contact_in;

impl HostState {
    pub(super) fn connect(&mut self, snapshot: PageSnapshot, out: &mut Vec<HostEffect>) {
        if self.is_connected() {
            return;
        }
        self.attributes = snapshot.attributes;
        self.page_scheme = snapshot.page_scheme;
        self.ancestor_lang = snapshot.ancestor_lang;
        self.browser_languages = snapshot.browser_languages;
        self.texts.here = snapshot.languages_here;
        self.memory.element_key = element_key(self.attribute("id"), snapshot.unnamed_rank);
        if snapshot.unnamed_rank == Some(1) {
            out.push(HostEffect::Warn(format!(
                "{TAG}: several <{TAG}> elements on this page have no id. Each keeps its saved \
                 figures and share link by its place on the page (#{SHARE_PARAM}-(2), …), which \
                 changes when widgets are added or removed: give each one an id."
            )));
        }
        self.memory.saved = snapshot.saved;
        self.memory.resume_code = snapshot.resume_code;
        self.memory.link_seen = self.memory.link_code(&snapshot.fragment);
        self.memory.fragment = snapshot.fragment;
        self.memory.page_address = snapshot.page_address;
        self.online = snapshot.online;
        self.page_time_ms = snapshot.time_ms;
        self.presenter = self.attribute(ATTR_PRESENTER).is_some();
        out.push(HostEffect::StartProgramGrace);
        if let Some(text) = snapshot.embedded_document {
            self.prefill.document = true;
            self.source.embedded = match read_embedded_config(&text) {
                Ok(config) => {
                    self.prefill.document_inputs = config.inputs;
                    config
                        .program
                        .map_or(EmbeddedDocument::WithoutProgram, |program| {
                            EmbeddedDocument::Program(LoadedProgram::new(program))
                        })
                }
                Err(errors) => {
                    self.source.failure_contact = parse_json(&text)
                        .ok()
                        .and_then(|document| contact_in(&document["program"]));
                    EmbeddedDocument::Unusable(errors)
                }
            };
        }
        let problem = self
            .prefill
            .refresh(self.attributes.get(ATTR_INPUTS).map(String::as_str));
        self.pending_problems.extend(problem);
        self.pending_problems.extend(self.tools_problem());
        self.pending_problems.extend(self.theme_problem());
        self.pending_problems.extend(self.analytics_problem());
        self.show_what_applies(out);
    }
}
