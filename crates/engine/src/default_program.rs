//! The built-in "Example Cloud" program, used whenever no program is given.

use super::program::Program;
use partner_roi_i18n::Language;

/// The default program's JSON text, as shipped: in English. Its texts in each other
/// language come with that language (`crates/i18n/builtin_program/`).
pub const DEFAULT_PROGRAM_JSON: &str = include_str!("default_program.json");

/// [`DEFAULT_PROGRAM_JSON`] with the texts of every language here as its `translations`.
pub fn default_program_json() -> String {
    let translations: Vec<String> = Language::all()
        .filter_map(|language| {
            let texts = language.builtin_program_texts()?;
            Some(format!("{:?}: {}", language.tag(), texts.trim()))
        })
        .collect();
    match DEFAULT_PROGRAM_JSON.trim_end().strip_suffix('}') {
        Some(body) if !translations.is_empty() => format!(
            "{},\n  \"translations\": {{{}}}\n}}\n",
            body.trim_end(),
            translations.join(", ")
        ),
        _ => DEFAULT_PROGRAM_JSON.to_owned(),
    }
}

/// The built-in program, validated, in every language here.
///
/// The embedded file is checked by a unit test; should it ever fail to parse, a
/// minimal one-tier program is returned instead of panicking.
pub fn default_program() -> Program {
    Program::from_json_text(&default_program_json()).unwrap_or_else(|_| fallback_program())
}

fn fallback_program() -> Program {
    use super::input_catalogue::InputKey;
    use super::program::{InputSpec, ShownFigures, Tier, TierTerms, DEFAULT_SPREAD_PCT};
    Program {
        id: "example-cloud".into(),
        name: "Example Cloud Partner Program".into(),
        vendor: None,
        description: None,
        currency: "USD".into(),
        locale: None,
        language: None,
        disclaimer: None,
        input_specs: InputKey::ALL.map(InputSpec::builtin),
        tiers: vec![Tier {
            id: "registered".into(),
            name: "Registered".into(),
            description: None,
            benefits: Vec::new(),
            terms: TierTerms::default(),
        }],
        spread_pct: DEFAULT_SPREAD_PCT,
        cta: None,
        shown_figures: ShownFigures::ALL,
        contact: None,
        lead: None,
        share_url: None,
        force_locale: false,
        services_in_net: true,
        translations: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_default_program_is_valid() {
        let parsed = Program::from_json_text(&default_program_json());
        let program = parsed.unwrap_or_else(|errors| panic!("{errors:?}"));
        let names: Vec<&str> = program
            .tiers
            .iter()
            .map(|tier| tier.name.as_str())
            .collect();
        assert_eq!(names, ["Registered", "Silver", "Gold", "Platinum"]);
        assert_eq!(program.currency, "USD");
        assert_eq!(program.translations.len(), Language::all().count() - 1);
    }
}
