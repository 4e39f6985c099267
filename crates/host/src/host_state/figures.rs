//! Where a widget's figures start: a reloaded widget's own, the page's share link, saved
//! figures, the page's prefill, the program's defaults (first that restores anything
//! wins), and the saved-figures record that remembers the prefill it was saved under.

use rust_decimal::Decimal;
use serde_json::Value;

use crate::rep::Rep;
use crate::share_code::decode_share_code;
use partner_roi_engine::decimal_text::parse_decimal;
use partner_roi_engine::json_reader::child_path;
use partner_roi_engine::{FieldError, InputKey, PartnerInputs, Program};
use partner_roi_i18n::Msg;

/// Separates the share code from the prefill in a saved-figures record.
const RECORD_SEPARATOR: char = '|';

/// The fields the page's inputs (attribute, property or embedded document) set, with their
/// values, valid for the program they were read against.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prefill {
    fields: Vec<(InputKey, Decimal)>,
}

impl Prefill {
    /// Reads the page's inputs object; problems carry paths under `path`.
    pub fn read(program: &Program, value: Option<&Value>, path: &str) -> (Self, Vec<FieldError>) {
        let Some(value) = value else {
            return (Self::default(), Vec::new());
        };
        let (inputs, errors) = program.inputs_from_json(value, path);
        let fields = InputKey::ALL
            .into_iter()
            .filter(|key| value.get(key.name()).is_some())
            .filter(|key| {
                let field_path = child_path(path, key.name());
                !errors.iter().any(|error| error.path == field_path)
            })
            .map(|key| (key, inputs.get(key)))
            .collect();
        (Self { fields }, errors)
    }

    /// The program's defaults with these fields set.
    pub fn inputs(&self, program: &Program) -> PartnerInputs {
        let mut inputs = program.default_inputs();
        for (key, value) in &self.fields {
            inputs.set(*key, *value);
        }
        inputs
    }

    /// Sets in `inputs` every field whose value differs from the prefill in force when they
    /// were saved (`then`): a page's new prefill beats saved figures, its old one does not.
    fn override_changed(&self, then: &Prefill, inputs: &mut PartnerInputs) {
        for (key, value) in &self.fields {
            if !then.fields.contains(&(*key, *value)) {
                inputs.set(*key, *value);
            }
        }
    }

    /// `deal_value=20000,existing_clients=60`.
    fn encode(&self) -> String {
        let fields: Vec<String> = self
            .fields
            .iter()
            .map(|(key, value)| format!("{}={}", key.name(), value.normalize()))
            .collect();
        fields.join(",")
    }

    /// Reads [`Self::encode`]'s text; what it cannot read is left out.
    fn decode(text: &str) -> Self {
        let fields = text
            .split(',')
            .filter_map(|field| field.split_once('='))
            .filter_map(|(name, value)| {
                let key = InputKey::ALL.into_iter().find(|key| key.name() == name)?;
                Some((key, parse_decimal(value)?.normalize()))
            })
            .collect();
        Self { fields }
    }
}

/// The saved-figures record: the figures' share code, then the prefill in force.
pub fn saved_record(code: &str, prefill: &Prefill) -> String {
    format!("{code}{RECORD_SEPARATOR}{}", prefill.encode())
}

/// The share code and prefill of a saved record (a record without a prefill, as saved
/// before prefills were recorded, counts as saved under none).
fn read_saved_record(text: &str) -> (&str, Prefill) {
    match text.split_once(RECORD_SEPARATOR) {
        Some((code, prefill)) => (code, Prefill::decode(prefill)),
        None => (text, Prefill::default()),
    }
}

/// The sources figures may start from, those not available left `None`.
#[derive(Debug, Clone, Copy, Default)]
pub struct FigureSources<'a> {
    /// Where a reloaded widget left off (a share code).
    pub resume: Option<&'a str>,
    /// The page URL's share link for this widget (a share code).
    pub link: Option<&'a str>,
    /// The saved-figures record.
    pub saved: Option<&'a str>,
}

/// The figures to start from.
#[derive(Debug, Clone, PartialEq)]
pub struct StartingFigures {
    /// Every input.
    pub inputs: PartnerInputs,
    /// The tier to select, when a share code named one.
    pub tier_id: Option<String>,
    /// What could not be restored or used, for the notices.
    pub problems: Vec<FieldError>,
    /// The rep a share code named.
    pub rep: Option<Rep>,
}

/// Figures for `program`, first match wins: `resume`, `link`, `saved` (with the page's
/// changed prefill fields applied on top), `prefill`, the defaults.
pub fn starting_figures(
    program: &Program,
    sources: FigureSources<'_>,
    prefill: &Prefill,
) -> StartingFigures {
    let mut problems = Vec::new();
    if let Some(code) = sources.resume {
        let lead = Msg::RestoreSaved;
        if let Some(start) = restore(program, code, ("saved", lead), false, &mut problems) {
            return start;
        }
    }
    if let Some(code) = sources.link {
        let lead = Msg::RestoreLink;
        if let Some(start) = restore(program, code, ("link", lead), true, &mut problems) {
            return start;
        }
    }
    if let Some(record) = sources.saved {
        let (code, saved_under) = read_saved_record(record);
        let lead = Msg::RestoreSavedSome;
        if let Some(mut start) = restore(program, code, ("saved", lead), false, &mut problems) {
            prefill.override_changed(&saved_under, &mut start.inputs);
            return start;
        }
        problems.push(FieldError::new("saved", Msg::SavedUnreadable));
    }
    StartingFigures {
        inputs: prefill.inputs(program),
        tier_id: None,
        problems,
        rep: None,
    }
}

/// Decodes the share `code`; when anything was restored, the figures it gives. What was not
/// restored becomes problems at `path` (`lead` saying each), also when nothing was
/// restored if `always_report`.
fn restore(
    program: &Program,
    code: &str,
    (path, lead): (&str, Msg),
    always_report: bool,
    problems: &mut Vec<FieldError>,
) -> Option<StartingFigures> {
    let restored = decode_share_code(program, code);
    if restored.restored_any || always_report {
        problems.extend(
            restored
                .problems
                .iter()
                .map(|problem| FieldError::new(path, lead.with_said("problem", problem.clone()))),
        );
    }
    restored.restored_any.then(|| StartingFigures {
        inputs: restored.inputs,
        tier_id: restored.tier_id,
        problems: std::mem::take(problems),
        rep: restored.rep,
    })
}
