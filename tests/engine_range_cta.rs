//! Conservative / optimistic ranges, the result document with ranges, and call-to-action urls.
#![cfg(not(target_arch = "wasm32"))]

use partner_roi::engine::decimal_text::fixed_places;
use partner_roi::engine::default_program::default_program;
use partner_roi::engine::{
    fill_cta_url, project, project_range, result_json, EngineError, InputKey, Program,
};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::str::FromStr;

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// A one-tier program with `spread_pct` and no terms, so only client counts matter.
fn program_with_spread(spread_pct: Value) -> Program {
    Program::from_json(&json!({
        "version": 1, "id": "range", "name": "Range", "currency": "USD",
        "spread_pct": spread_pct,
        "tiers": [{"id": "only", "name": "Only", "resale_margin_pct": 20}]
    }))
    .unwrap()
}

#[test]
fn conservative_expected_optimistic_are_in_order_for_the_default_program() {
    let program = default_program();
    let inputs = program.default_inputs();
    let expected = project(&program, &inputs).unwrap();
    let range = project_range(&program, &inputs).unwrap();
    for (index, tier) in expected.tiers.iter().enumerate() {
        let (conservative, optimistic) = range.net_range(index).unwrap();
        assert!(
            conservative < tier.net && tier.net < optimistic,
            "{}: {conservative} / {} / {optimistic}",
            tier.tier_id,
            tier.net
        );
    }
    assert_eq!(range.net_range(expected.tiers.len()), None);
}

#[test]
fn a_spread_of_zero_makes_all_three_equal() {
    let program = program_with_spread(json!(0));
    let inputs = program.default_inputs();
    let expected = project(&program, &inputs).unwrap();
    let range = project_range(&program, &inputs).unwrap();
    assert_eq!(range.conservative, expected);
    assert_eq!(range.optimistic, expected);
}

#[test]
fn the_spread_moves_adoption_and_new_clients_and_caps_adoption_at_100() {
    let program = program_with_spread(json!(25));
    let mut inputs = program.default_inputs();
    inputs.set(InputKey::ExistingClients, dec("40"));
    inputs.set(InputKey::AdoptionPct, dec("90"));
    inputs.set(InputKey::NewClientsPerYear, dec("10"));
    let range = project_range(&program, &inputs).unwrap();
    let new_clients = |projection: &partner_roi::engine::Projection| -> Vec<Decimal> {
        projection.tiers[0]
            .years
            .iter()
            .map(|year| year.new_clients.normalize())
            .collect()
    };
    // Optimistic: adoption 112.5% capped at 100% converts all 40 in year 1; 12.5 new a year.
    assert_eq!(
        new_clients(&range.optimistic)[..2],
        [dec("52.5"), dec("12.5")]
    );
    // Conservative: adoption 67.5% (27 of 40, then 67.5% of 13), 7.5 new a year.
    assert_eq!(
        new_clients(&range.conservative)[..2],
        [dec("34.5"), dec("16.275")]
    );
}

#[test]
fn the_result_document_carries_the_spread_and_each_tier_range() {
    let program = default_program();
    let inputs = program.default_inputs();
    let projection = project(&program, &inputs).unwrap();
    let range = project_range(&program, &inputs).unwrap();
    let document = result_json(&program, &projection, Some(&range));
    assert_eq!(document["spread_pct"], json!("25"));
    let (conservative, optimistic) = range.net_range(1).unwrap();
    assert_eq!(
        document["tiers"][1]["range"],
        json!({
            "conservative_net": fixed_places(conservative, 2),
            "optimistic_net": fixed_places(optimistic, 2),
        })
    );
    // Without a range, every tier's is null and everything else is the same.
    let no_range = result_json(&program, &projection, None);
    assert_eq!(no_range["tiers"][0]["range"], Value::Null);
    assert_eq!(no_range["spread_pct"], json!("25"));
    let mut without_range = document.clone();
    for tier in without_range["tiers"].as_array_mut().unwrap() {
        tier["range"] = Value::Null;
    }
    assert_eq!(without_range, no_range);
}

#[test]
fn a_range_that_cannot_be_computed_is_an_overflow_naming_the_input() {
    let program = program_with_spread(json!(25));
    let mut inputs = program.default_inputs();
    inputs.set(InputKey::NewClientsPerYear, Decimal::MAX);
    assert_eq!(
        project_range(&program, &inputs),
        Err(EngineError::Overflow {
            input: InputKey::NewClientsPerYear
        })
    );
}

#[test]
fn placeholders_are_filled_and_percent_encoded() {
    let url = fill_cta_url(
        "https://example.com/apply?program={program}&tier={tier}&net={net}&roi={roi}",
        "example-cloud",
        "gold",
        dec("15519.305"),
        Some(dec("0.81204")),
    );
    assert_eq!(
        url,
        "https://example.com/apply?program=example-cloud&tier=gold&net=15519.30&roi=0.8120"
    );
}

#[test]
fn reserved_and_non_ascii_characters_are_encoded() {
    let url = fill_cta_url(
        "https://example.com/{program}/{tier}",
        "a b&c#d?e=f/g+h",
        "é-._~ü",
        Decimal::ZERO,
        None,
    );
    assert_eq!(
        url,
        "https://example.com/a%20b%26c%23d%3Fe%3Df%2Fg%2Bh/%C3%A9-._~%C3%BC"
    );
}

#[test]
fn negative_net_no_roi_repeats_and_unknown_placeholders() {
    let url = fill_cta_url(
        "mailto:sales@example.com?subject={tier}%20{tier}&body={net}|{roi}|{unknown}|{net",
        "p",
        "silver",
        dec("-1234.565"),
        None,
    );
    assert_eq!(
        url,
        "mailto:sales@example.com?subject=silver%20silver&body=-1234.56||{unknown}|{net"
    );
}

#[test]
fn the_call_to_action_label_names_its_tier() {
    use partner_roi::engine::cta::cta_label;
    assert_eq!(cta_label("Apply for {tier_name}", "Gold"), "Apply for Gold");
    assert_eq!(
        cta_label("Apply to become a partner", "Gold"),
        "Apply to become a partner – Gold"
    );
    assert_eq!(cta_label("{tier_name} or {tier_name}", "A&B"), "A&B or A&B");
}
