//! Which program a widget shows: the `program` property or a program file the partner
//! loaded, else the embedded document's, else `program-src`'s, else the built-in example.
//! The example is never shown by accident: unless the `program` attribute asks for it, the
//! widget waits out a grace period in which a framework may still set the property, then
//! shows it labelled as an example.

use super::phase::LoadedProgram;
use crate::names::{PROGRAM_EXAMPLE, PROGRAM_PENDING};
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
    /// Nothing yet: the page may still set its program.
    Await,
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
    /// Whether the grace period for setting the `program` property is over.
    pub grace_over: bool,
}

impl ProgramSource {
    /// The program that applies, with `program_src` the `program-src` attribute and
    /// `program` the `program` attribute.
    pub fn decide(&mut self, program_src: Option<&str>, program: Option<&str>) -> Decision {
        if let Some(chosen) = &self.chosen {
            return Decision::Start(chosen.clone());
        }
        match &self.embedded {
            EmbeddedDocument::Unusable(errors) => return Decision::Fail(errors.clone()),
            EmbeddedDocument::Program(program) => return Decision::Start(program.clone()),
            EmbeddedDocument::WithoutProgram | EmbeddedDocument::Absent => {}
        }
        match program_src.map(str::trim).filter(|url| !url.is_empty()) {
            None => match program.map(str::trim) {
                Some(PROGRAM_EXAMPLE) => Decision::Start(LoadedProgram::builtin(false)),
                Some(PROGRAM_PENDING) => Decision::Await,
                _ if self.grace_over => Decision::Start(LoadedProgram::builtin(true)),
                _ => Decision::Await,
            },
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

    /// Whether the decision starts the built-in example with its "Example program" notice.
    fn labelled_example(decision: Decision) -> Option<bool> {
        match decision {
            Decision::Start(program) if program.program.id == "example-cloud" => {
                Some(program.example_notice)
            }
            _ => None,
        }
    }

    #[test]
    fn the_chosen_program_beats_the_document_which_beats_program_src() {
        let mut source = ProgramSource {
            embedded: EmbeddedDocument::Unusable(Vec::new()),
            ..ProgramSource::default()
        };
        assert!(matches!(
            source.decide(Some("p.json"), None),
            Decision::Fail(_)
        ));
        assert!(!source.program_src_applies());
        source.chosen = Some(LoadedProgram::builtin(false));
        assert_eq!(
            started_id(source.decide(Some("p.json"), None)).as_deref(),
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
            .filter_map(|_| match source.decide(Some(" p.json "), None) {
                Decision::Fetch { url, token } if url == "p.json" => Some(token),
                _ => None,
            })
            .collect();
        assert_eq!(tokens, [1, 2]);
        source.grace_over = true;
        assert_eq!(
            started_id(source.decide(Some("  "), None)).as_deref(),
            Some("example-cloud")
        );
    }

    #[test]
    fn without_a_program_it_waits_out_the_grace_then_labels_the_example() {
        let mut source = ProgramSource::default();
        assert!(matches!(source.decide(None, None), Decision::Await));
        assert!(matches!(
            source.decide(None, Some("[object Object]")),
            Decision::Await
        ));
        assert_eq!(
            labelled_example(source.decide(None, Some("example"))),
            Some(false)
        );
        source.grace_over = true;
        assert_eq!(labelled_example(source.decide(None, None)), Some(true));
        assert_eq!(
            labelled_example(source.decide(None, Some(" example "))),
            Some(false)
        );
        assert!(matches!(
            source.decide(None, Some("pending")),
            Decision::Await
        ));
    }
}
