//! The designer's reducer and files, natively: round trips, imports that keep what is
//! valid, undo and redo, tier editing, prospect profiles.

use partner_roi::designer::canonical_json::canonical_json;
use partner_roi::designer::designer_state::{DesignerAction, DesignerState};
use partner_roi::designer::field_path::FieldPath;
use partner_roi::designer::profiles::PROFILES;
use partner_roi::designer::schema::{self, FieldKind};
use partner_roi::designer::starts::{Start, EXAMPLES};
use partner_roi::engine::default_program::default_program_json;
use partner_roi::engine::input_catalogue::InputKey;
use partner_roi::engine::lead_parse::{ASKABLE, DESTINATIONS, HUBSPOT_FIELDS, LEAD_FIELDS};
use partner_roi::engine::program_parse::{PROGRAM_FIELDS, SPEC_FIELDS, TIER_FIELDS};
use partner_roi::engine::program_text_fields::{CONTACT_FIELDS, CTA_FIELDS};
use partner_roi::engine::Program;
use serde_json::{json, Value};

fn imported(text: &str) -> DesignerState {
    let mut state = DesignerState::starting(Start::Blank);
    state.apply(DesignerAction::Import(text.to_owned()));
    state
}

fn type_in(state: &mut DesignerState, path: &str, kind: FieldKind, text: &str) {
    let path = FieldPath::parse(path).unwrap_or_default();
    state.apply(DesignerAction::Type {
        path,
        kind,
        text: text.to_owned(),
    });
}

const LINE: FieldKind = FieldKind::Line(60);
const PERCENT: FieldKind = FieldKind::Number {
    unit: None,
    min: 0,
    max: 100,
    whole: false,
};

#[test]
fn every_shipped_program_round_trips_and_a_second_export_is_byte_identical() {
    let builtin = default_program_json();
    let shipped = EXAMPLES
        .iter()
        .map(|(file, text)| (*file, *text))
        .chain([("built-in", builtin.as_str())]);
    for (file, text) in shipped {
        let state = imported(text);
        assert!(
            state.import_report().is_empty(),
            "{file}: {:?}",
            state.import_report()
        );
        assert!(state.is_valid(), "{file}: {:?}", state.problems());
        let exported = state.draft_json();
        let original: Value = serde_json::from_str(text).unwrap_or_default();
        let read_back: Value = serde_json::from_str(&exported).unwrap_or_default();
        assert_eq!(
            read_back, original,
            "{file}: the export is the same document"
        );
        assert_eq!(
            imported(&exported).draft_json(),
            exported,
            "{file}: byte-identical"
        );
    }
}

#[test]
fn the_file_keeps_the_formats_key_order_and_every_digit() {
    let text = canonical_json(&serde_json::from_str::<Value>(
        r#"{"tiers": [{"resale_margin_pct": 12.50, "name": "A", "id": "a"}], "name": "P", "id": "p", "version": 1, "zz": 0.1000000000000000000000000001}"#,
    ).unwrap_or_default());
    assert_eq!(
        text,
        "{\n  \"version\": 1,\n  \"id\": \"p\",\n  \"name\": \"P\",\n  \"tiers\": [\n    {\n      \"id\": \"a\",\n      \"name\": \"A\",\n      \"resale_margin_pct\": 12.50\n    }\n  ],\n  \"zz\": 0.1000000000000000000000000001\n}\n"
    );
}

#[test]
fn an_invalid_import_keeps_the_valid_parts_and_puts_each_problem_at_its_field() {
    let mut text: Value = serde_json::from_str(&default_program_json()).unwrap_or_default();
    text["tiers"][1]["resale_margn_pct"] = json!(15);
    text["tiers"][0]["referral_share_pct"] = json!(120);
    let state = imported(&text.to_string());
    assert_eq!(
        state.import_report().len(),
        1,
        "{:?}",
        state.import_report()
    );
    assert!(state.import_report()[0].contains("tiers[1].resale_margn_pct"));
    assert!(
        state.import_report()[0].contains("resale_margin_pct"),
        "with the suggestion"
    );
    let field = FieldPath::parse("tiers[0].referral_share_pct").unwrap_or_default();
    let at_field: Vec<String> = state.problems_at(&field).map(|p| p.to_string()).collect();
    assert_eq!(at_field.len(), 1, "{:?}", state.problems());
    assert!(at_field[0].contains("120"), "{at_field:?}");
    // Everything else is as the file had it.
    assert_eq!(state.draft()["tiers"][0]["referral_share_pct"], json!(120));
    assert_eq!(state.draft()["tiers"][3]["name"], json!("Platinum"));
    assert_eq!(state.tier_count(), 4);
}

#[test]
fn a_syntax_error_is_reported_and_the_draft_stays() {
    let mut state = DesignerState::starting(Start::BuiltIn);
    let before = state.draft().clone();
    state.apply(DesignerAction::Import("{\"id\": ".to_owned()));
    assert_eq!(state.draft(), &before);
    assert_eq!(state.import_report().len(), 1);
    assert!(
        state.import_report()[0].contains("line 1"),
        "{:?}",
        state.import_report()
    );
    state.apply(DesignerAction::Import("[1]".to_owned()));
    assert!(
        state.import_report()[0].contains("a list"),
        "{:?}",
        state.import_report()
    );
}

#[test]
fn the_preview_keeps_the_last_valid_program_while_the_draft_is_invalid() {
    let mut state = DesignerState::starting(Start::BuiltIn);
    let valid = state.valid().map(|v| v.json.clone());
    type_in(&mut state, "tiers[0].name", LINE, "");
    assert!(!state.is_valid());
    let name = FieldPath::parse("tiers[0].name").unwrap_or_default();
    assert_eq!(state.problems_at(&name).count(), 1);
    assert_eq!(state.valid().map(|v| v.json.clone()), valid);
    type_in(&mut state, "tiers[0].name", LINE, "Starter");
    assert!(state.is_valid());
    assert_eq!(
        state
            .valid()
            .map(|v| v.program.tiers[0].name.clone())
            .as_deref(),
        Some("Starter")
    );
}

#[test]
fn typing_in_one_field_is_one_undo_step_and_redo_brings_it_back() {
    let mut state = DesignerState::starting(Start::Blank);
    assert!(!state.is_unsaved());
    for text in ["A", "Ac", "Acme"] {
        type_in(&mut state, "vendor", LINE, text);
    }
    type_in(&mut state, "tiers[0].resale_margin_pct", PERCENT, "12.5");
    assert!(state.is_unsaved());
    state.apply(DesignerAction::Undo);
    assert_eq!(state.draft()["tiers"][0].get("resale_margin_pct"), None);
    assert_eq!(state.draft()["vendor"], json!("Acme"));
    state.apply(DesignerAction::Undo);
    assert_eq!(state.draft().get("vendor"), None);
    assert!(!state.can_undo());
    assert!(!state.is_unsaved());
    state.apply(DesignerAction::Redo);
    state.apply(DesignerAction::Redo);
    assert_eq!(
        state.draft()["tiers"][0]["resale_margin_pct"].to_string(),
        "12.5"
    );
    assert!(!state.can_redo());
    state.apply(DesignerAction::Saved);
    assert!(!state.is_unsaved());
}

#[test]
fn tiers_are_added_duplicated_moved_and_removed_with_unique_ids() {
    let mut state = DesignerState::starting(Start::Blank);
    state.apply(DesignerAction::AddTier);
    state.apply(DesignerAction::DuplicateTier(1));
    state.apply(DesignerAction::DuplicateTier(1));
    let ids = |state: &DesignerState| -> Vec<String> {
        state.draft()["tiers"]
            .as_array()
            .map(|tiers| {
                tiers
                    .iter()
                    .map(|t| t["id"].as_str().unwrap_or("").to_owned())
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(
        ids(&state),
        ["partner", "tier-2", "tier-2-copy-2", "tier-2-copy"]
    );
    assert_eq!(state.draft()["tiers"][3]["name"], json!("Tier 2 (copy)"));
    assert!(state.is_valid(), "{:?}", state.problems());
    state.apply(DesignerAction::MoveTier { from: 0, to: 3 });
    assert_eq!(ids(&state)[3], "partner");
    state.apply(DesignerAction::RemoveTier(3));
    assert_eq!(state.tier_count(), 3);
    state.apply(DesignerAction::Undo);
    assert_eq!(ids(&state)[3], "partner");
}

#[test]
fn a_translation_stays_while_its_texts_are_cleared() {
    let mut state = DesignerState::starting(Start::Blank);
    state.apply(DesignerAction::AddTranslation("de".to_owned()));
    state.apply(DesignerAction::AddTranslation("xx".to_owned()));
    assert_eq!(state.translation_tags(), ["de"]);
    type_in(&mut state, "translations.de.name", LINE, "Partnerprogramm");
    assert!(state.is_valid(), "{:?}", state.problems());
    type_in(&mut state, "translations.de.name", LINE, "");
    assert_eq!(state.translation_tags(), ["de"]);
    state.apply(DesignerAction::RemoveTranslation("de".to_owned()));
    assert!(state.translation_tags().is_empty());
}

#[test]
fn a_restored_draft_is_unsaved_and_only_an_object_restores() {
    let state = DesignerState::restored(r#"{"id": "x"}"#);
    assert!(state.as_ref().is_some_and(DesignerState::is_unsaved));
    assert!(state.as_ref().is_some_and(|s| !s.is_valid()));
    assert!(DesignerState::restored("[]").is_none());
    assert!(DesignerState::restored("{").is_none());
}

#[test]
fn profiles_find_a_rising_tier_under_the_built_in_program() {
    let state = DesignerState::starting(Start::BuiltIn);
    let program = state.valid().map(|v| v.program.clone());
    let outcomes: Vec<_> = PROFILES
        .iter()
        .filter_map(|profile| program.as_ref().map(|p| profile.outcome(p)))
        .collect();
    let tiers: Vec<Option<&str>> = outcomes.iter().map(|o| o.tier.as_deref()).collect();
    assert_eq!(tiers.len(), 3);
    assert!(
        outcomes
            .iter()
            .all(|o| o.problem.is_none() && o.net.is_some()),
        "{outcomes:?}"
    );
    assert_ne!(
        tiers[0], tiers[2],
        "a small and a large partner get different tiers: {tiers:?}"
    );
}

#[test]
fn every_field_of_the_format_has_a_place_in_the_designer() {
    let general: Vec<&str> = schema::general().iter().map(|f| f.key).collect();
    // `version` is always 1; the others are sections of their own.
    let sections = [
        "version",
        "cta",
        "contact",
        "lead",
        "inputs",
        "tiers",
        "translations",
    ];
    for key in PROGRAM_FIELDS.iter().filter(|key| !sections.contains(key)) {
        assert!(general.contains(key), "{key}");
    }
    let tier: Vec<&str> = [
        schema::tier_texts(),
        schema::tier_terms(),
        schema::tier_costs(),
    ]
    .concat()
    .iter()
    .map(|f| f.key)
    .collect();
    assert_eq!(tier, TIER_FIELDS);
    let cta: Vec<&str> = schema::cta().iter().map(|f| f.key).collect();
    assert_eq!(cta, CTA_FIELDS);
    let contact: Vec<&str> = schema::contact().iter().map(|f| f.key).collect();
    assert_eq!(contact, CONTACT_FIELDS);
    let keys = |specs: Vec<schema::FieldSpec>| -> Vec<&'static str> {
        specs.iter().map(|f| f.key).collect()
    };
    // `fields` and `destination` are the parts below; HubSpot's `properties` map is kept as
    // imported (its defaults serve most forms).
    assert_eq!(
        [keys(schema::lead()), vec!["fields", "destination"]]
            .concat()
            .len(),
        LEAD_FIELDS.len()
    );
    for key in keys(schema::lead()) {
        assert!(LEAD_FIELDS.contains(&key), "{key}");
    }
    let mut destinations = keys(schema::lead_destination());
    destinations.push("hubspot");
    destinations.sort_unstable();
    let mut known = DESTINATIONS.to_vec();
    known.sort_unstable();
    assert_eq!(destinations, known);
    assert_eq!(
        [keys(schema::lead_hubspot()), vec!["properties"]].concat(),
        HUBSPOT_FIELDS
    );
    assert_eq!(keys(schema::lead_fields()), ASKABLE);
    let input: Vec<&str> = schema::input_fields(InputKey::DealValue)
        .iter()
        .map(|f| f.key)
        .collect();
    assert_eq!(input, SPEC_FIELDS);
}

#[test]
fn the_designer_offers_a_tier_term_exactly_the_range_the_engine_accepts() {
    let base: Value = serde_json::from_str(&default_program_json()).unwrap_or_default();
    let with_term = |key: &str, value: i64| {
        let mut program = base.clone();
        program["tiers"][0][key] = json!(value);
        Program::from_json(&program).map_err(|errors| {
            errors
                .iter()
                .map(|error| error.path.clone())
                .collect::<Vec<_>>()
        })
    };
    for field in [schema::tier_terms(), schema::tier_costs()].concat() {
        let FieldKind::Number { min, max, .. } = field.kind else {
            continue;
        };
        let path = format!("tiers[0].{}", field.key);
        assert!(with_term(field.key, max).is_ok(), "{path} = {max}");
        assert!(with_term(field.key, min).is_ok(), "{path} = {min}");
        assert_eq!(
            with_term(field.key, max + 1).err(),
            Some(vec![path.clone()])
        );
        assert_eq!(with_term(field.key, min - 1).err(), Some(vec![path]));
    }
}

#[test]
fn the_application_form_is_built_from_its_fields_and_each_problem_is_at_its_field() {
    let mut state = imported(&default_program_json());
    let choice = FieldKind::Choice(&["required", "optional"]);
    type_in(
        &mut state,
        "lead.consent_text",
        FieldKind::Paragraph(1000),
        "You may contact me.",
    );
    // Half done: the missing parts are named where they are typed.
    let paths: Vec<String> = state.problems().iter().map(|p| p.path.clone()).collect();
    assert_eq!(paths, ["lead.destination", "lead.privacy_url"]);
    type_in(
        &mut state,
        "lead.privacy_url",
        LINE,
        "https://example.com/privacy",
    );
    type_in(
        &mut state,
        "lead.destination.webhook",
        LINE,
        "https://hooks.example.com/lead",
    );
    type_in(&mut state, "lead.fields.company", choice, "required");
    type_in(&mut state, "lead.fields.message", choice, "optional");
    assert!(state.is_valid(), "{:?}", state.problems());
    let lead = state.valid().and_then(|valid| valid.program.lead.clone());
    let lead = lead.expect("a lead section");
    assert_eq!(lead.fields.len(), 4);
    // Two destinations are one too many; clearing one mends it.
    type_in(
        &mut state,
        "lead.destination.mailto",
        LINE,
        "partners@example.com",
    );
    let paths: Vec<String> = state.problems().iter().map(|p| p.path.clone()).collect();
    assert_eq!(paths, ["lead.destination"]);
    type_in(&mut state, "lead.destination.mailto", LINE, "");
    assert!(state.is_valid());
    // "Not asked" removes the field.
    type_in(&mut state, "lead.fields.company", choice, "");
    assert_eq!(
        state
            .valid()
            .and_then(|v| v.program.lead.as_ref())
            .map(|l| l.fields.len()),
        Some(3)
    );
}
