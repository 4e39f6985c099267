//! Which program a widget shows: the `program` property or a program file the partner
//! loaded, else the embedded document's, else `program-src`'s, else the built-in one.

use super::phase::LoadedProgram;
use partner_roi_engine::{Contact, FieldError};

/// The page's `<script type="application/json">` document inside the element.
#[derive(Debug, Clone, Default)]
pub(super) enum EmbeddedDocument {
    /// There is none.
    #[default]
    Absent,
    /// It sets no program.
    WithoutProgram,
    /// Its program.
    Program(LoadedProgram),
    /// Why it cannot be used.
    Unusable(Vec<FieldError>),
}

/// What a widget should show next.
pub(super) enum Decision {
    /// This program.
    Start(LoadedProgram),
    /// These problems: no program can be shown.
    Fail(Vec<FieldError>),
    /// `url`'s program, once loaded: the load is `token`.
    Fetch { url: String, token: u64 },
}

/// Every source of a program but the attributes.
#[derive(Debug, Default)]
pub(super) struct ProgramSource {
    /// The program the `program` property or a program file chose.
    pub chosen: Option<LoadedProgram>,
    pub embedded: EmbeddedDocument,
    /// The contact named by the program document that failed (embedded or fetched).
    pub failure_contact: Option<Contact>,
    /// The number of `program-src` loads asked for.
    loads: u64,
}

impl ProgramSource {
    /// The program that applies, with `program_src` the `program-src` attribute.
    pub fn decide(&mut self, program_src: Option<&str>) -> Decision {
        if let Some(chosen) = &self.chosen {
            return Decision::Start(chosen.clone());
        }
        match &self.embedded {
            EmbeddedDocument::Unusable(errors) => return Decision::Fail(errors.clone()),
            EmbeddedDocument::Program(program) => return Decision::Start(program.clone()),
            EmbeddedDocument::WithoutProgram | EmbeddedDocument::Absent => {}
        }
        match program_src.map(str::trim).filter(|url| !url.is_empty()) {
            None => Decision::Start(LoadedProgram::builtin()),
            Some(url) => {
                self.loads += 1;
                Decision::Fetch {
                    url: url.to_owned(),
                    token: self.loads,
                }
            }
        }
    }

    /// Whether `program-src` can matter: no chosen program, and no embedded document that
    /// settles the program (with one, or as unusable).
    pub fn program_src_applies(&self) -> bool {
        self.chosen.is_none()
            && matches!(
                self.embedded,
                EmbeddedDocument::Absent | EmbeddedDocument::WithoutProgram
            )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn started_id(decision: Decision) -> Option<String> {
        match decision {
            Decision::Start(program) => Some(program.program.id.clone()),
            _ => None,
        }
    }

    #[test]
    fn the_chosen_program_beats_the_document_which_beats_program_src() {
        let mut source = ProgramSource {
            embedded: EmbeddedDocument::Unusable(Vec::new()),
            ..ProgramSource::default()
        };
        assert!(matches!(source.decide(Some("p.json")), Decision::Fail(_)));
        assert!(!source.program_src_applies());
        source.chosen = Some(LoadedProgram::builtin());
        assert_eq!(
            started_id(source.decide(Some("p.json"))).as_deref(),
            Some("example-cloud")
        );
    }

    #[test]
    fn each_load_of_program_src_has_a_new_token_and_none_means_built_in() {
        let mut source = ProgramSource {
            embedded: EmbeddedDocument::WithoutProgram,
            ..ProgramSource::default()
        };
        assert!(source.program_src_applies());
        let tokens: Vec<u64> = (0..2)
            .filter_map(|_| match source.decide(Some(" p.json ")) {
                Decision::Fetch { url, token } if url == "p.json" => Some(token),
                _ => None,
            })
            .collect();
        assert_eq!(tokens, [1, 2]);
        assert_eq!(
            started_id(source.decide(Some("  "))).as_deref(),
            Some("example-cloud")
        );
    }
}
