//! Property tests over untrusted text — program files, embedded configuration, share links
//! and saved state: never a panic, always a result or path-precise errors, and whatever is
//! restored lies within the program's ranges. (The cargo-fuzz targets in fuzz/ cover the
//! same surfaces for longer runs.)
#![cfg(not(target_arch = "wasm32"))]

use partner_roi::engine::default_program::{default_program, DEFAULT_PROGRAM_JSON};
use partner_roi::engine::{project, InputKey, Program};
use partner_roi::host_config::read_embedded_config;
use partner_roi::share_code::{decode_share_code, encode_share_code};
use proptest::prelude::*;
use serde_json::Value;

/// JSON values of any shape, with the default program's field names thrown in.
fn any_json() -> impl Strategy<Value = Value> {
    let names = prop_oneof![
        Just("version".to_owned()),
        Just("tiers".to_owned()),
        Just("resale_margin_pct".to_owned()),
        Just("inputs".to_owned()),
        "[a-z_]{1,12}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((names.clone(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// The default program with one value somewhere replaced by an arbitrary one.
fn mutated_default_program() -> impl Strategy<Value = Value> {
    let base: Value = serde_json::from_str(DEFAULT_PROGRAM_JSON).unwrap_or(Value::Null);
    (any::<prop::sample::Index>(), any_json()).prop_map(move |(index, replacement)| {
        let mut program = base.clone();
        let pointers = pointers(&program, String::new());
        let pointer = index.get(&pointers).clone();
        if let Some(slot) = program.pointer_mut(&pointer) {
            *slot = replacement;
        }
        program
    })
}

fn pointers(value: &Value, at: String) -> Vec<String> {
    let mut all = vec![at.clone()];
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                all.extend(pointers(child, format!("{at}/{key}")));
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                all.extend(pointers(child, format!("{at}/{index}")));
            }
        }
        _ => {}
    }
    all
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_text_as_a_program_is_a_program_or_errors(text in ".{0,200}") {
        if let Err(errors) = Program::from_json_text(&text) {
            prop_assert!(!errors.is_empty());
        }
        let _ = read_embedded_config(&text);
    }

    #[test]
    fn any_json_as_a_program_is_a_program_or_errors_with_paths(value in any_json()) {
        match Program::from_json(&value) {
            Ok(program) => prop_assert!(!program.tiers.is_empty()),
            Err(errors) => prop_assert!(!errors.is_empty()),
        }
    }

    #[test]
    fn a_mutated_program_is_valid_and_projects_or_names_the_path(value in mutated_default_program()) {
        match Program::from_json(&value) {
            Ok(program) => {
                let _ = project(&program, &program.default_inputs());
            }
            Err(errors) => {
                for error in &errors {
                    prop_assert!(!error.message.is_empty());
                }
            }
        }
    }

    #[test]
    fn any_share_code_restores_only_values_within_range(code in ".{0,120}") {
        let program = default_program();
        let restored = decode_share_code(&program, &code);
        for key in InputKey::ALL {
            prop_assert!(program.check_input(key, restored.inputs.get(key)).is_ok());
        }
        prop_assert!(project(&program, &restored.inputs).is_ok());
    }

    #[test]
    fn a_tampered_share_code_restores_what_it_can(
        cut in 0usize..120,
        noise in ".{0,8}",
    ) {
        let program = default_program();
        let code = encode_share_code(&program, &program.default_inputs(), Some("gold"));
        let mut tampered: String = code.chars().take(cut).collect();
        tampered.push_str(&noise);
        let restored = decode_share_code(&program, &tampered);
        for key in InputKey::ALL {
            prop_assert!(program.check_input(key, restored.inputs.get(key)).is_ok());
        }
        // Whatever was not restored is explained.
        if tampered != code && restored.inputs != program.default_inputs() {
            prop_assert!(restored.restored_any);
        }
        // Fewer than sixteen values is always explained.
        if tampered.split(',').count() < InputKey::ALL.len() {
            prop_assert!(!restored.problems.is_empty());
        }
    }
}
