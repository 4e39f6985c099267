//! The worked example of docs/model.md, computed independently (Python `decimal`) into
//! tests/fixtures/worked_example.json, reproduced exactly by the engine.
#![cfg(not(target_arch = "wasm32"))]

use partner_roi::engine::{project, PartnerInputs, Program};
use serde_json::Value;

#[test]
fn worked_example() {
    let fixture: Value =
        serde_json::from_str(include_str!("fixtures/worked_example.json")).unwrap();
    let program = Program::from_json(&fixture["program"]).unwrap();
    let (inputs, errors) = PartnerInputs::from_json(&program, &fixture["inputs"], "inputs");
    assert_eq!(errors, []);
    let result = project(&program, &inputs).unwrap().to_json(&program);

    let expected = &fixture["expected"];
    assert_eq!(result["recommended_tier"], expected["recommended_tier"]);
    let expected_tiers = expected["tiers"].as_array().unwrap();
    assert_eq!(
        result["tiers"].as_array().unwrap().len(),
        expected_tiers.len()
    );
    for (tier, expected_tier) in result["tiers"]
        .as_array()
        .unwrap()
        .iter()
        .zip(expected_tiers)
    {
        for (field, expected_value) in expected_tier.as_object().unwrap() {
            if field == "years" {
                continue;
            }
            assert_eq!(
                &tier[field], expected_value,
                "tier {} field {field}",
                expected_tier["id"]
            );
        }
        let expected_years = expected_tier["years"].as_array().unwrap();
        assert_eq!(
            tier["years"].as_array().unwrap().len(),
            expected_years.len()
        );
        for (year, expected_year) in tier["years"].as_array().unwrap().iter().zip(expected_years) {
            for (field, expected_value) in expected_year.as_object().unwrap() {
                assert_eq!(
                    &year[field], expected_value,
                    "tier {} year {} field {field}",
                    expected_tier["id"], expected_year["year"]
                );
            }
        }
    }
}
