//! The built-in program and every example program speak every language of the widget
//! (issue 32): each has a `translations` entry for each catalogue but English, and that entry
//! translates every text the program writes itself, so no partner sees English labels,
//! tiers or disclaimers inside a translated widget. Names may stay as they are (Gold,
//! Example Cloud); sentences may not.

use partner_roi_engine::default_program::default_program_json;
use partner_roi_engine::{InputKey, Program};
use partner_roi_i18n::{Language, TAGS};

/// The built-in program and each `examples/programs/*.json`, by name.
fn programs() -> Vec<(String, String)> {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/programs");
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .unwrap_or_else(|error| panic!("{folder}: {error}"))
        .map(|entry| {
            entry
                .unwrap_or_else(|error| panic!("{folder}: {error}"))
                .path()
        })
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .collect();
    paths.sort();
    let mut programs = vec![("the built-in program".to_owned(), default_program_json())];
    for path in paths {
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        programs.push((path.display().to_string(), text));
    }
    programs
}

/// The program's own sentences: what must read differently once translated.
fn sentences(program: &Program) -> Vec<(String, String)> {
    let mut texts = Vec::new();
    let mut add = |what: String, text: Option<&String>| {
        if let Some(text) = text {
            texts.push((what, text.clone()));
        }
    };
    add("description".into(), program.description.as_ref());
    add("disclaimer".into(), program.disclaimer.as_ref());
    add(
        "cta.label".into(),
        program.cta.as_ref().map(|cta| &cta.label),
    );
    for key in InputKey::ALL {
        let spec = program.input_spec(key);
        add(format!("inputs.{}.label", key.name()), spec.label.as_ref());
        add(format!("inputs.{}.help", key.name()), spec.help.as_ref());
    }
    for tier in &program.tiers {
        add(
            format!("tiers.{}.description", tier.id),
            tier.description.as_ref(),
        );
        for (index, benefit) in tier.benefits.iter().enumerate() {
            add(
                format!("tiers.{}.benefits[{index}]", tier.id),
                Some(benefit),
            );
        }
    }
    texts
}

#[test]
fn every_example_program_is_translated_into_every_language() {
    let programs = programs();
    assert!(programs.len() >= 4, "the built-in program and the examples");
    for (name, text) in programs {
        let program =
            Program::from_json_text(&text).unwrap_or_else(|errors| panic!("{name}: {errors:?}"));
        let english = sentences(&program);
        for tag in TAGS.iter().filter(|tag| **tag != "en") {
            let language = Language::matching(tag).unwrap_or_else(|| panic!("{tag}"));
            assert!(
                program.translations.iter().any(|(of, _)| *of == language),
                "{name}: no translations.{tag}"
            );
            let translated = sentences(&program.translated(language));
            assert_eq!(translated.len(), english.len(), "{name}: {tag}");
            for ((what, own), (_, theirs)) in english.iter().zip(&translated) {
                assert_ne!(
                    own, theirs,
                    "{name}: translations.{tag} leaves {what} in English"
                );
            }
        }
    }
}
