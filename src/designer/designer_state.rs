//! The designer's reducer: the draft program document, its undo history, the engine's
//! verdict on it and the last valid program the preview shows. Plain Rust.

use serde_json::{json, Value};
use std::rc::Rc;

use super::canonical_json::canonical_json;
use super::field_path::{set_value, value_at, FieldPath};
use super::schema::{typed_value, FieldKind};
use super::starts::Start;
use crate::engine::json_reader::{kind_of, FieldError};
use crate::engine::json_text::parse_value;
use crate::engine::program::Program;
use crate::engine::program_parse::parse_program_json;
use crate::i18n::{Language, Msg};

/// How many steps undo goes back.
const HISTORY: usize = 200;

/// What the vendor does to the draft.
#[derive(Debug, Clone, PartialEq)]
pub enum DesignerAction {
    /// Replace the draft with a starting point.
    Start(Start),
    /// Replace the draft with a pasted, dropped or picked file's text.
    Import(String),
    /// Text typed into the field of `kind` at `path`.
    Type {
        path: FieldPath,
        kind: FieldKind,
        text: String,
    },
    /// A new tier after the last.
    AddTier,
    /// Remove the tier at this position.
    RemoveTier(usize),
    /// A copy of the tier at this position, right after it.
    DuplicateTier(usize),
    /// Move a tier from one position to another.
    MoveTier {
        from: usize,
        to: usize,
    },
    /// Texts in another language (a tag the widget speaks).
    AddTranslation(String),
    /// Remove a language's texts.
    RemoveTranslation(String),
    Undo,
    Redo,
    /// The draft was downloaded: nothing is unsaved.
    Saved,
    /// The vendor dismissed the import report.
    DismissReport,
}

/// The valid program the preview shows, with its file text.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidProgram {
    pub program: Rc<Program>,
    /// The program as the designer writes it (`canonical_json`).
    pub json: Rc<str>,
}

/// The designer's whole state.
#[derive(Debug, Clone, PartialEq)]
pub struct DesignerState {
    draft: Value,
    undo: Vec<Value>,
    redo: Vec<Value>,
    /// The field the latest undo step is typing in: more typing there joins that step.
    typing_in: Option<FieldPath>,
    /// The draft as last downloaded (or as started): anything else is unsaved.
    saved: Option<Value>,
    problems: Vec<FieldError>,
    valid: Option<ValidProgram>,
    /// What an import could not keep, or why it could not read the file.
    import_report: Vec<String>,
}

impl Default for DesignerState {
    fn default() -> Self {
        Self::starting(Start::BuiltIn)
    }
}

impl DesignerState {
    /// The designer opened on `start`, nothing unsaved.
    pub fn starting(start: Start) -> Self {
        let draft = start.document();
        let mut state = Self {
            saved: Some(draft.clone()),
            draft,
            undo: Vec::new(),
            redo: Vec::new(),
            typing_in: None,
            problems: Vec::new(),
            valid: None,
            import_report: Vec::new(),
        };
        state.validate();
        state
    }

    /// The designer opened on a draft kept from an earlier visit (unsaved, as it was when
    /// the vendor left); `None` when the kept text is not a JSON object.
    pub fn restored(text: &str) -> Option<Self> {
        let draft = parse_value(text).ok().filter(Value::is_object)?;
        let mut state = Self::starting(Start::BuiltIn);
        state.draft = draft;
        state.saved = None;
        state.validate();
        Some(state)
    }

    /// The draft document.
    pub fn draft(&self) -> &Value {
        &self.draft
    }

    /// The draft as the file the designer downloads.
    pub fn draft_json(&self) -> String {
        canonical_json(&self.draft)
    }

    /// The value at `path` in the draft.
    pub fn value(&self, path: &FieldPath) -> Option<&Value> {
        value_at(&self.draft, path)
    }

    /// Every problem the engine finds in the draft, in its order.
    pub fn problems(&self) -> &[FieldError] {
        &self.problems
    }

    /// The problems that belong to the field at `path`.
    pub fn problems_at<'a>(&'a self, path: &'a FieldPath) -> impl Iterator<Item = &'a FieldError> {
        self.problems
            .iter()
            .filter(|problem| path.owns(&problem.path))
    }

    /// The last valid program: the draft's when it is valid, else the one before.
    pub fn valid(&self) -> Option<&ValidProgram> {
        self.valid.as_ref()
    }

    /// Whether the draft itself is valid.
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty()
    }

    /// Whether the draft differs from what was last downloaded or started from.
    pub fn is_unsaved(&self) -> bool {
        self.saved.as_ref() != Some(&self.draft)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What the last import could not keep.
    pub fn import_report(&self) -> &[String] {
        &self.import_report
    }

    /// The tiers of the draft (empty when it has no list of tiers).
    pub fn tier_count(&self) -> usize {
        self.draft["tiers"].as_array().map_or(0, Vec::len)
    }

    /// The language tags the draft has texts for, in its order.
    pub fn translation_tags(&self) -> Vec<String> {
        self.draft["translations"]
            .as_object()
            .map(|languages| languages.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// Applies one action.
    pub fn apply(&mut self, action: DesignerAction) {
        match action {
            DesignerAction::Start(start) => self.commit(start.document()),
            DesignerAction::Import(text) => self.import(&text),
            DesignerAction::Type { path, kind, text } => self.type_into(path, kind, &text),
            DesignerAction::AddTier => self.edit_tiers(|tiers| {
                let id = unique_id(tiers, "tier", tiers.len() + 1);
                let name = format!("Tier {}", tiers.len() + 1);
                tiers.push(json!({ "id": id, "name": name }));
            }),
            DesignerAction::RemoveTier(index) => self.edit_tiers(|tiers| {
                if index < tiers.len() {
                    tiers.remove(index);
                }
            }),
            DesignerAction::DuplicateTier(index) => self.edit_tiers(|tiers| {
                let Some(mut copy) = tiers.get(index).cloned() else {
                    return;
                };
                let id = copy["id"].as_str().unwrap_or("tier").to_owned();
                copy["id"] = Value::String(unique_id(tiers, &format!("{id}-copy"), 1));
                if let Some(name) = copy["name"].as_str() {
                    copy["name"] = Value::String(format!("{name} (copy)"));
                }
                tiers.insert(index + 1, copy);
            }),
            DesignerAction::MoveTier { from, to } => self.edit_tiers(|tiers| {
                if from < tiers.len() && to < tiers.len() {
                    let tier = tiers.remove(from);
                    tiers.insert(to, tier);
                }
            }),
            DesignerAction::AddTranslation(tag) => {
                let path = FieldPath::keys(&["translations", &tag]);
                if self.value(&path).is_none() && Language::matching(&tag).is_some() {
                    self.edit(|draft| set_value(draft, &path, Some(json!({}))));
                }
            }
            DesignerAction::RemoveTranslation(tag) => {
                let path = FieldPath::keys(&["translations", &tag]);
                self.edit(|draft| set_value(draft, &path, None));
            }
            DesignerAction::Undo => self.step(true),
            DesignerAction::Redo => self.step(false),
            DesignerAction::Saved => self.saved = Some(self.draft.clone()),
            DesignerAction::DismissReport => self.import_report.clear(),
        }
    }

    fn type_into(&mut self, path: FieldPath, kind: FieldKind, text: &str) {
        let value = typed_value(kind, text);
        if self.value(&path) == value.as_ref() {
            return;
        }
        let continues_typing = self.typing_in.as_ref() == Some(&path);
        let mut draft = self.draft.clone();
        set_value(&mut draft, &path, value);
        keep_languages(&self.draft, &mut draft);
        if continues_typing {
            self.redo.clear();
            self.draft = draft;
            self.validate();
        } else {
            self.commit(draft);
        }
        self.typing_in = Some(path);
    }

    fn import(&mut self, text: &str) {
        self.import_report.clear();
        let document = match parse_program_json(text) {
            Ok(document @ Value::Object(_)) => document,
            Ok(other) => {
                let problem = Msg::ErrorObject.with_said("got", kind_of(&other));
                self.import_report.push(format!(
                    "The file is not a program, so the draft is unchanged: {}",
                    Language::ENGLISH.say(&problem)
                ));
                return;
            }
            Err(error) => {
                self.import_report.push(format!(
                    "The file could not be read, so the draft is unchanged: {error}"
                ));
                return;
            }
        };
        let (document, removed) = without_unknown_fields(document);
        self.import_report = removed
            .iter()
            .map(|error| format!("Not kept: {error}"))
            .collect();
        self.commit(document);
    }

    fn edit_tiers(&mut self, change: impl FnOnce(&mut Vec<Value>)) {
        let mut draft = self.draft.clone();
        if !draft["tiers"].is_array() && draft.is_object() {
            draft["tiers"] = Value::Array(Vec::new());
        }
        if let Some(tiers) = draft["tiers"].as_array_mut() {
            change(tiers);
        }
        if draft != self.draft {
            self.commit(draft);
        }
    }

    fn edit(&mut self, change: impl FnOnce(&mut Value)) {
        let mut draft = self.draft.clone();
        change(&mut draft);
        if draft != self.draft {
            self.commit(draft);
        }
    }

    /// Makes `draft` current as a new undo step.
    fn commit(&mut self, draft: Value) {
        let previous = std::mem::replace(&mut self.draft, draft);
        self.undo.push(previous);
        if self.undo.len() > HISTORY {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.typing_in = None;
        self.validate();
    }

    fn step(&mut self, back: bool) {
        let (from, to) = if back {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(draft) = from.pop() else {
            return;
        };
        to.push(std::mem::replace(&mut self.draft, draft));
        self.typing_in = None;
        self.validate();
    }

    fn validate(&mut self) {
        match Program::from_json(&self.draft) {
            Ok(program) => {
                self.problems.clear();
                self.valid = Some(ValidProgram {
                    program: Rc::new(program),
                    json: canonical_json(&self.draft).into(),
                });
            }
            Err(problems) => self.problems = problems,
        }
    }
}

/// `base`, or `base-2`, `base-3`… starting at `first`: the first id no tier has.
fn unique_id(tiers: &[Value], base: &str, first: usize) -> String {
    let taken = |id: &str| tiers.iter().any(|tier| tier["id"].as_str() == Some(id));
    let candidate = |n: usize| {
        if base == "tier" {
            format!("tier-{n}")
        } else if n == 1 {
            base.to_owned()
        } else {
            format!("{base}-{n}")
        }
    };
    (first..)
        .map(candidate)
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_owned())
}

/// A language the vendor added stays while its texts are cleared one by one.
fn keep_languages(before: &Value, after: &mut Value) {
    let Some(languages) = before["translations"].as_object() else {
        return;
    };
    for tag in languages.keys() {
        let path = FieldPath::keys(&["translations", tag]);
        if value_at(after, &path).is_none() {
            set_value(after, &path, Some(json!({})));
        }
    }
}

/// The document without the fields the format does not know (each reported), so that an
/// import keeps everything else for editing.
fn without_unknown_fields(mut document: Value) -> (Value, Vec<FieldError>) {
    let mut removed = Vec::new();
    // A removal never makes another field unknown, but a removed field may have hidden
    // others inside it: a few rounds reach them all.
    for _ in 0..4 {
        let Err(problems) = Program::from_json(&document) else {
            break;
        };
        let unknown: Vec<FieldError> = problems
            .into_iter()
            .filter(|problem| {
                matches!(
                    problem.message.msg(),
                    Msg::ErrorUnknownField | Msg::ErrorUnknownFieldSuggest
                )
            })
            .collect();
        if unknown.is_empty() {
            break;
        }
        for problem in &unknown {
            if let Some(path) = FieldPath::parse(&problem.path) {
                set_value(&mut document, &path, None);
            }
        }
        removed.extend(unknown);
    }
    (document, removed)
}
