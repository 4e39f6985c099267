//! The compact, versioned text that carries a partner's figures in a share link's
//! fragment and in saved state: `2~<program id>~<tier id>~<17 values, comma separated>`,
//! one per input in [`InputKey::ALL`]'s order; with a sales rep, version 3 adds
//! `~<rep>` ([`Rep::code`]). Version 1 codes (16 values, from before `ramp_months`) still
//! decode, with no ramp.
//!
//! Every character is URL-safe in a fragment (letters, digits, `-`, `_`, `.`, `~`, `,`).
//! Decoding never fails outright: it restores what it can and says what it could not.

use partner_roi_engine::decimal_text::parse_decimal;
use partner_roi_engine::json_reader::shorten;
use partner_roi_engine::{InputKey, PartnerInputs, Program};
use partner_roi_i18n::{Message, Msg};
use rust_decimal::Decimal;

use crate::rep::Rep;

/// The format version written today.
const VERSION: &str = "2";
/// Version 2 and the rep who prepared the figures.
const VERSION_WITH_REP: &str = "3";
/// The format before `ramp_months`: the first 16 inputs only.
const VERSION_WITHOUT_RAMP: &str = "1";
const SECTION: char = '~';
const VALUE: char = ',';
/// How many characters of a share link's text a notice to the visitor quotes: 24 and an
/// ellipsis. Not [`PROBLEM_QUOTE_LIMIT`](partner_roi_engine::json_reader::PROBLEM_QUOTE_LIMIT),
/// which is for the author of a program file or configuration: the visitor did not write
/// the link, and the notice stands above the figures.
const NOTICE_QUOTE_LIMIT: usize = 25;

/// Encodes `inputs` (the selected tier, the rep who prepared them) for `program`.
pub fn encode_share_code(
    program: &Program,
    inputs: &PartnerInputs,
    tier_id: Option<&str>,
    rep: Option<&Rep>,
) -> String {
    let values: Vec<String> = InputKey::ALL
        .iter()
        .map(|key| inputs.get(*key).normalize().to_string())
        .collect();
    let (version, rep) = match rep {
        Some(rep) => (VERSION_WITH_REP, format!("{SECTION}{}", rep.code())),
        None => (VERSION, String::new()),
    };
    format!(
        "{version}{SECTION}{}{SECTION}{}{SECTION}{}{rep}",
        program.id,
        tier_id.unwrap_or_default(),
        values.join(&VALUE.to_string())
    )
}

/// What a share code restored.
#[derive(Debug, Clone, PartialEq)]
pub struct RestoredFigures {
    /// The program's defaults with every valid value from the code applied.
    pub inputs: PartnerInputs,
    /// The selected tier, when the code names one of the program's tiers.
    pub tier_id: Option<String>,
    /// Whether any value was restored at all.
    pub restored_any: bool,
    /// The rep who prepared the figures, when the code names one.
    pub rep: Option<Rep>,
    /// What could not be restored.
    pub problems: Vec<Message>,
}

/// Decodes `code` for `program`, restoring what it can.
pub fn decode_share_code(program: &Program, code: &str) -> RestoredFigures {
    let mut restored = RestoredFigures {
        inputs: program.default_inputs(),
        tier_id: None,
        restored_any: false,
        rep: None,
        problems: Vec::new(),
    };
    let sections: Vec<&str> = code.trim().splitn(4, SECTION).collect();
    let [version, program_id, tier_id, values] = sections[..] else {
        restored.problems.push(Msg::LinkUnreadable.into());
        return restored;
    };
    // Version 3 ends with the rep, after the values.
    let (values, rep) = match values.rsplit_once(SECTION) {
        Some((values, rep)) if version == VERSION_WITH_REP => (values, Some(rep)),
        _ => (values, None),
    };
    let expected_values = match version {
        VERSION => InputKey::COUNT,
        VERSION_WITH_REP => {
            restored.rep = rep.and_then(Rep::from_code);
            InputKey::COUNT
        }
        VERSION_WITHOUT_RAMP => {
            // Made before partners could give a ramp: there was none.
            if let Ok(no_ramp) = program.check_input(InputKey::RampMonths, Decimal::ZERO) {
                restored.inputs.set(InputKey::RampMonths, no_ramp);
            }
            InputKey::COUNT - 1
        }
        _ => {
            restored
                .problems
                .push(Msg::LinkOtherVersion.with("format", shorten(version, NOTICE_QUOTE_LIMIT)));
            return restored;
        }
    };
    if program_id != program.id {
        restored
            .problems
            .push(Msg::LinkOtherProgram.with("program", shorten(program_id, NOTICE_QUOTE_LIMIT)));
        return restored;
    }
    if !tier_id.is_empty() {
        if program.tier_index(tier_id).is_some() {
            restored.tier_id = Some(tier_id.to_owned());
        } else {
            restored
                .problems
                .push(Msg::LinkUnknownTier.with("tier", shorten(tier_id, NOTICE_QUOTE_LIMIT)));
        }
    }
    let texts: Vec<&str> = values.split(VALUE).collect();
    let keys = InputKey::ALL.into_iter().take(expected_values);
    for (key, text) in keys.zip(texts.iter().copied()) {
        restore_value(program, &mut restored, key, text);
    }
    if texts.len() < expected_values {
        restored.problems.push(
            Msg::LinkCutShort
                .with("count", texts.len())
                .with("expected", expected_values),
        );
    } else if texts.len() > expected_values {
        restored.problems.push(Msg::LinkExtraValues.into());
    }
    restored
}

fn restore_value(program: &Program, restored: &mut RestoredFigures, key: InputKey, text: &str) {
    let Some(value) = parse_decimal(text).filter(|_| !text.contains(['e', 'E'])) else {
        let problem = Msg::LinkNotANumber.with("text", shorten(text, NOTICE_QUOTE_LIMIT));
        restored
            .problems
            .push(program.with_input_label(problem, "label", key));
        return;
    };
    match program.check_input(key, value) {
        Ok(value) => {
            restored.inputs.set(key, value.normalize());
            restored.restored_any = true;
        }
        Err(message) => {
            let problem = Msg::LinkValue.with_said("problem", message);
            restored
                .problems
                .push(program.with_input_label(problem, "label", key));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use partner_roi_engine::default_program::default_program;

    fn changed_inputs(program: &Program) -> PartnerInputs {
        let mut inputs = program.default_inputs();
        inputs.set(InputKey::DealValue, Decimal::new(1_850_050, 2));
        inputs.set(InputKey::ChurnPct, Decimal::new(75, 1));
        inputs.set(InputKey::ExpansionPct, Decimal::from(-5));
        inputs
    }

    #[test]
    fn round_trip_restores_exactly_the_same_figures_and_tier() {
        let program = default_program();
        let inputs = changed_inputs(&program);
        let code = encode_share_code(&program, &inputs, Some("gold"), None);
        assert!(
            code.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.~,".contains(c)),
            "{code}"
        );
        let restored = decode_share_code(&program, &code);
        assert_eq!(restored.problems, Vec::<Message>::new());
        assert_eq!(restored.inputs, inputs);
        assert_eq!(restored.tier_id.as_deref(), Some("gold"));
        assert!(restored.restored_any);
    }

    #[test]
    fn truncated_code_restores_what_is_there() {
        let program = default_program();
        let code = encode_share_code(&program, &changed_inputs(&program), None, None);
        // Keep the first four values only.
        let cut: String = code.split(',').take(4).collect::<Vec<_>>().join(",");
        let restored = decode_share_code(&program, &cut);
        assert_eq!(
            restored.inputs.get(InputKey::DealValue),
            Decimal::new(1_850_050, 2)
        );
        assert!(
            restored
                .problems
                .iter()
                .any(|p| p.to_string().contains("cut short")),
            "{:?}",
            restored.problems
        );
    }

    #[test]
    fn a_notice_quotes_24_characters_of_a_long_tier_id() {
        let program = default_program();
        let code = encode_share_code(
            &program,
            &program.default_inputs(),
            Some(&"x".repeat(30)),
            None,
        );
        let restored = decode_share_code(&program, &code);
        let quoted = format!("\"{}…\"", "x".repeat(24));
        assert!(
            restored.problems[0].to_string().contains(&quoted),
            "{:?}",
            restored.problems
        );
    }

    #[test]
    fn another_programs_code_is_not_applied() {
        let program = default_program();
        let code = encode_share_code(&program, &changed_inputs(&program), None, None)
            .replace("example-cloud", "other");
        let restored = decode_share_code(&program, &code);
        assert_eq!(restored.inputs, program.default_inputs());
        assert!(!restored.restored_any);
        assert!(restored.problems[0]
            .to_string()
            .contains("another program (\"other\")"));
    }

    #[test]
    fn out_of_range_and_garbage_values_are_reported_one_by_one() {
        let program = default_program();
        let mut code =
            encode_share_code(&program, &program.default_inputs(), Some("platinum"), None);
        code = code
            .replacen("~40,", "~40000000,", 1)
            .replacen(",12000,", ",1e3,", 1);
        let restored = decode_share_code(&program, &code);
        assert_eq!(restored.problems.len(), 2, "{:?}", restored.problems);
        assert!(restored.problems[0]
            .to_string()
            .starts_with("\"Existing clients\" must be between 0 and 2000"));
        assert!(restored.problems[1]
            .to_string()
            .starts_with("\"Yearly license value per client\" was not a number"));
        assert_eq!(restored.tier_id.as_deref(), Some("platinum"));
    }

    #[test]
    fn random_text_and_other_versions_restore_nothing() {
        let program = default_program();
        for code in ["", "%%%", "hello", "\u{0}\u{1}~~", "9~example-cloud~~1,2,3"] {
            let restored = decode_share_code(&program, code);
            assert_eq!(restored.inputs, program.default_inputs(), "{code:?}");
            assert!(!restored.problems.is_empty(), "{code:?}");
        }
    }

    #[test]
    fn an_unknown_tier_is_reported_and_the_values_kept() {
        let program = default_program();
        let code = encode_share_code(&program, &changed_inputs(&program), Some("diamond"), None);
        let restored = decode_share_code(&program, &code);
        assert_eq!(restored.tier_id, None);
        assert_eq!(restored.inputs, changed_inputs(&program));
        assert_eq!(restored.problems.len(), 1);
    }

    #[test]
    fn a_code_from_before_the_ramp_restores_its_sixteen_values_with_no_ramp() {
        let program = default_program();
        let mut inputs = changed_inputs(&program);
        inputs.set(InputKey::RampMonths, Decimal::from(9));
        let code = encode_share_code(&program, &inputs, Some("gold"), None);
        assert!(code.starts_with("2~") && code.ends_with(",9"), "{code}");
        let old_code = format!("1{}", &code[1..code.len() - 2]);
        let restored = decode_share_code(&program, &old_code);
        assert_eq!(restored.problems, Vec::<Message>::new());
        inputs.set(InputKey::RampMonths, Decimal::ZERO);
        assert_eq!(restored.inputs, inputs);
        assert_eq!(restored.tier_id.as_deref(), Some("gold"));
    }

    #[test]
    fn a_rep_makes_a_version_3_code_that_restores_the_figures_and_the_rep() {
        let program = default_program();
        let rep = Rep::typed("Jo Müller", "jo@vendor.example").unwrap();
        let inputs = changed_inputs(&program);
        let code = encode_share_code(&program, &inputs, Some("gold"), Some(&rep));
        let without = encode_share_code(&program, &inputs, Some("gold"), None);
        assert_eq!(
            code,
            format!("3{}~Jo%20M%C3%BCller,jo%40vendor.example", &without[1..])
        );
        let restored = decode_share_code(&program, &code);
        assert_eq!(restored.problems, Vec::<Message>::new());
        assert_eq!((restored.inputs, restored.rep), (inputs, Some(rep)));
        assert_eq!(decode_share_code(&program, &without).rep, None);
        // A broken rep costs only the rep.
        let broken = decode_share_code(
            &program,
            &format!("{}~%ZZ", &code[..code.rfind('~').unwrap_or(0)]),
        );
        assert_eq!((broken.rep, broken.restored_any), (None, true));
    }
}
