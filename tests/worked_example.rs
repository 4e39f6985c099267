//! The worked examples of docs/model.md, computed independently (Python `decimal`) into
//! tests/fixtures/worked_example.json and tests/fixtures/journey_example.json (by
//! tests/fixtures/journey_example.py), reproduced exactly by the engine.
#![cfg(not(target_arch = "wasm32"))]

use partner_roi::engine::decimal_text::fixed_places;
use partner_roi::engine::schedule::client_schedule;
use partner_roi::engine::{project, result_json, InputKey, PartnerInputs, Program};
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// Every field of `expected` (recursively) is in `actual` with the same value; arrays have
/// the same length.
fn assert_contains(actual: &Value, expected: &Value, path: &str) {
    match expected {
        Value::Object(fields) => {
            for (field, expected_value) in fields {
                assert_contains(&actual[field], expected_value, &format!("{path}.{field}"));
            }
        }
        Value::Array(items) => {
            let actual_items = actual.as_array().map_or(&[][..], Vec::as_slice);
            assert_eq!(actual_items.len(), items.len(), "{path}: length");
            for (index, (item, expected_item)) in actual_items.iter().zip(items).enumerate() {
                assert_contains(item, expected_item, &format!("{path}[{index}]"));
            }
        }
        _ => assert_eq!(actual, expected, "{path}"),
    }
}

/// The fixture's program and inputs, and the engine's result document for them.
fn engine_result(fixture: &Value) -> (PartnerInputs, Value) {
    let program = Program::from_json(&fixture["program"]).unwrap();
    let (inputs, errors) = program.inputs_from_json(&fixture["inputs"], "inputs");
    assert_eq!(errors, []);
    let result = result_json(&program, &project(&program, &inputs).unwrap(), None);
    (inputs, result)
}

#[test]
fn worked_example() {
    let fixture: Value =
        serde_json::from_str(include_str!("fixtures/worked_example.json")).unwrap();
    let (_, result) = engine_result(&fixture);
    let expected = &fixture["expected"];
    assert_contains(
        &result["recommended_tier"],
        &expected["recommended_tier"],
        "recommended_tier",
    );
    assert_contains(&result["tiers"], &expected["tiers"], "tiers");
}

/// The month-by-month cases of tests/fixtures/monthly_cases.py: every ramp from 0 to 24
/// months, referral periods of 0, 1 and 3 years and none, capped and uncapped MDF, rebates
/// above and below the threshold, downsell, 100% churn, the path moving up and down, the
/// services kept apart, horizons of 1 and 10 years.
#[test]
fn monthly_cases() {
    let fixture: Value = serde_json::from_str(include_str!("fixtures/monthly_cases.json")).unwrap();
    let cases = fixture["cases"].as_array().unwrap();
    assert!(cases.len() >= 10, "{} cases", cases.len());
    for case in cases {
        let (_, result) = engine_result(case);
        let name = case["name"].as_str().unwrap();
        assert_contains(&result, &case["expected"], name);
    }
}

#[test]
fn journey_example_with_a_ramp() {
    let fixture: Value =
        serde_json::from_str(include_str!("fixtures/journey_example.json")).unwrap();
    let (inputs, result) = engine_result(&fixture);
    assert_contains(&result, &fixture["expected"], "result");
    assert_eq!(
        result["journey"]["path"],
        json!(["registered", "silver", "gold", "gold", "silver"])
    );

    for case in fixture["ramp_cases"].as_array().unwrap() {
        let mut ramped = inputs.clone();
        let ramp = case["ramp_months"].as_i64().unwrap();
        ramped.set(InputKey::RampMonths, Decimal::from(ramp));
        let schedule = client_schedule(&ramped, 3).unwrap();
        let years: Vec<Value> = schedule
            .years
            .iter()
            .map(|year| {
                let cents = |value: Decimal| json!(fixed_places(value, 2));
                json!({
                    "year": year.year,
                    "new_clients": cents(year.new_clients),
                    "remaining_existing": cents(year.remaining_existing),
                    "active_clients": cents(year.active_clients),
                    "licence_revenue": cents(year.licence_revenue),
                })
            })
            .collect();
        assert_contains(&json!(years), &case["years"], &format!("ramp {ramp}"));
    }
}

#[test]
fn journey_example_with_the_services_profit_kept_apart() {
    let fixture: Value =
        serde_json::from_str(include_str!("fixtures/journey_example.json")).unwrap();
    let mut program_json = fixture["program"].clone();
    program_json["services_in_net"] = json!(false);
    let program = Program::from_json(&program_json).unwrap();
    let (inputs, errors) = program.inputs_from_json(&fixture["inputs"], "inputs");
    assert_eq!(errors, []);
    let result = result_json(&program, &project(&program, &inputs).unwrap(), None);
    assert_contains(
        &result,
        &fixture["expected_services_apart"],
        "result (services apart)",
    );
    // What the program pays is the same either way; only the services leave the net.
    for (apart, counted) in result["tiers"]
        .as_array()
        .unwrap()
        .iter()
        .zip(fixture["expected"]["tiers"].as_array().unwrap())
    {
        assert_eq!(apart["program_earnings"], counted["program_earnings"]);
        assert_eq!(apart["earnings"], counted["program_earnings"]);
    }
}
