//! A program's `translations`: the texts of the widget's language replace the program's
//! own, what is not translated stays, and every wrong tag, tier id or shape is reported
//! with its path.
#![cfg(not(target_arch = "wasm32"))]

use partner_roi::engine::{InputKey, Program};
use partner_roi::i18n::{Language, Msg};
use serde_json::{json, Value};

fn program_with(translations: Value) -> Value {
    json!({
        "version": 1,
        "id": "translated",
        "name": "Cloud Partner Program",
        "vendor": "Example Cloud",
        "description": "Grow with us.",
        "disclaimer": "Estimates only.",
        "currency": "EUR",
        "cta": {"label": "Apply now", "url": "https://example.com/apply"},
        "contact": {"name": "Partner team", "email": "partners@example.com"},
        "inputs": {"deal_value": {"label": "Deal size", "help": "Yearly licence value."}},
        "tiers": [
            {"id": "silver", "name": "Silver", "description": "Start here.", "benefits": ["Training", "Demo licence"]},
            {"id": "gold", "name": "Gold", "description": "For growing partners.", "resale_margin_pct": 20}
        ],
        "translations": translations
    })
}

fn german() -> Language {
    Language::matching("de").unwrap()
}

fn parse(value: &Value) -> Program {
    Program::from_json(value).unwrap_or_else(|errors| panic!("{errors:?}"))
}

/// The English messages of a program that must not parse.
fn errors(value: &Value) -> Vec<String> {
    match Program::from_json(value) {
        Ok(_) => panic!("expected errors for {value}"),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn the_languages_texts_replace_the_programs_own() {
    let program = parse(&program_with(json!({
        "de": {
            "name": "Cloud-Partnerprogramm",
            "vendor": "Example Cloud GmbH",
            "description": "Wachsen Sie mit uns.",
            "disclaimer": "Nur Schätzungen.",
            "cta": {"label": "Jetzt bewerben", "url": "https://example.com/de/bewerben"},
            "contact": {"name": "Partnerteam DACH", "phone": "+49 30 1234"},
            "inputs": {"deal_value": {"label": "Auftragswert", "help": "Jährlicher Lizenzwert."}},
            "tiers": {"silver": {"name": "Silber", "description": "Hier beginnen.", "benefits": ["Schulung"]}}
        }
    })));
    let german_program = program.translated(german());
    assert_eq!(german_program.name, "Cloud-Partnerprogramm");
    assert_eq!(german_program.vendor.as_deref(), Some("Example Cloud GmbH"));
    assert_eq!(
        german_program.description.as_deref(),
        Some("Wachsen Sie mit uns.")
    );
    assert_eq!(
        german_program.disclaimer.as_deref(),
        Some("Nur Schätzungen.")
    );
    let cta = german_program.cta.as_ref().unwrap();
    assert_eq!(cta.label, "Jetzt bewerben");
    assert_eq!(cta.url, "https://example.com/de/bewerben");
    let contact = german_program.contact.as_ref().unwrap();
    assert_eq!(contact.name.as_deref(), Some("Partnerteam DACH"));
    assert_eq!(contact.phone.as_deref(), Some("+49 30 1234"));
    assert_eq!(
        contact.email, None,
        "a translated contact replaces the whole contact"
    );
    let deal = german_program.input_spec(InputKey::DealValue);
    assert_eq!(deal.label.as_deref(), Some("Auftragswert"));
    assert_eq!(deal.help.as_deref(), Some("Jährlicher Lizenzwert."));
    assert_eq!(german_program.tiers[0].name, "Silber");
    assert_eq!(
        german_program.tiers[0].description.as_deref(),
        Some("Hier beginnen.")
    );
    assert_eq!(
        german_program.tiers[0].benefits,
        vec!["Schulung".to_owned()]
    );
    // What is not translated stays the program's own; figures and ids never change.
    assert_eq!(german_program.tiers[1].name, "Gold");
    assert_eq!(
        german_program.tiers[1].description.as_deref(),
        Some("For growing partners.")
    );
    assert_eq!(german_program.tiers[1].terms, program.tiers[1].terms);
    assert_eq!(german_program.tiers[0].id, "silver");
    assert_eq!(german_program.id, program.id);
    // Another language, or English, shows the program's own texts.
    for other in ["fr", "en", "ja"] {
        let translated = program.translated(Language::matching(other).unwrap());
        assert_eq!(translated, program, "{other}");
    }
}

#[test]
fn a_partial_translation_falls_back_field_by_field() {
    let program = parse(&program_with(
        json!({"fr": {"tiers": {"gold": {"name": "Or"}}}}),
    ));
    let french = program.translated(Language::matching("fr").unwrap());
    assert_eq!(french.name, "Cloud Partner Program");
    assert_eq!(french.tiers[1].name, "Or");
    assert_eq!(
        french.tiers[1].description.as_deref(),
        Some("For growing partners.")
    );
    assert_eq!(french.cta, program.cta);
}

#[test]
fn a_null_language_or_tier_is_absent_like_any_optional_field() {
    let program = parse(&program_with(
        json!({"ja": null, "fr": {"tiers": {"silver": null, "gold": {"name": "Or"}}}}),
    ));
    assert_eq!(
        program.translated(Language::matching("ja").unwrap()).name,
        "Cloud Partner Program"
    );
    let french = program.translated(Language::matching("fr").unwrap());
    assert_eq!(french.tiers[0].name, "Silver");
    assert_eq!(french.tiers[1].name, "Or");
}

#[test]
fn a_regional_tag_translates_for_its_language() {
    let program = parse(&program_with(
        json!({"pt-BR": {"name": "Programa"}, "de-AT": {"name": "Programm"}}),
    ));
    assert_eq!(
        program.translated(Language::matching("pt").unwrap()).name,
        "Programa"
    );
    assert_eq!(program.translated(german()).name, "Programm");
}

#[test]
fn each_mistake_is_reported_with_its_path() {
    let cases = [
        (json!("de"), "translations: must be an object, got text"),
        (
            json!({"xx": {"name": "X"}}),
            "translations.xx: \"xx\" is not a language this widget speaks: use en, de, fr, es, pt-BR, ja, ar",
        ),
        (
            json!({"de": {"name": "A"}, "de-DE": {"name": "B"}}),
            "translations.de-DE: the same language as translations.de",
        ),
        (json!({"de": "Hallo"}), "translations.de: must be an object, got text"),
        (
            json!({"de": {"nmae": "Programm"}}),
            "translations.de.nmae: unknown field, did you mean name?",
        ),
        (json!({"de": {"name": " "}}), "translations.de.name: must not be empty"),
        (
            json!({"de": {"tiers": {"platinum": {"name": "Platin"}}}}),
            "translations.de.tiers.platinum: no tier has the id \"platinum\"",
        ),
        (
            json!({"de": {"tiers": {"gold": {"benefits": 3}}}}),
            "translations.de.tiers.gold.benefits: must be a list of texts, got a number",
        ),
        (
            json!({"de": {"tiers": {"gold": {"name": "G".repeat(61)}}}}),
            "translations.de.tiers.gold.name: must be at most 60 characters, got 61",
        ),
        (
            json!({"de": {"inputs": {"deal_valu": {"label": "Wert"}}}}),
            "translations.de.inputs.deal_valu: unknown field, did you mean deal_value?",
        ),
        (
            json!({"de": {"cta": {"url": "javascript:alert(1)"}}}),
            "translations.de.cta.url: only https:, http: and mailto: links are allowed, got \"javascript:alert(1)\"",
        ),
        (
            json!({"de": {"contact": {"email": "nobody"}}}),
            "translations.de.contact.email: must be an email address, like partners@example.com",
        ),
    ];
    for (translations, expected) in cases {
        let found = errors(&program_with(translations.clone()));
        assert_eq!(found, vec![expected.to_owned()], "{translations}");
    }
}

#[test]
fn the_messages_are_said_in_the_widgets_language_with_the_paths_unchanged() {
    let value = program_with(json!({"de": {"tiers": {"platinum": {}}}}));
    let Err(errors) = Program::from_json(&value) else {
        panic!("expected an error");
    };
    let said = errors[0].said_in(german());
    let german_words = german().fill(Msg::ErrorTranslationTier, &[("id", "platinum")]);
    assert_eq!(
        said,
        format!("translations.de.tiers.platinum: {german_words}")
    );
    assert_ne!(said, errors[0].to_string());
}
