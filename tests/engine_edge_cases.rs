//! Hand-checked edge cases of the model (docs/model.md).
#![cfg(not(target_arch = "wasm32"))]

use partner_roi::engine::projection::TierYear;
use partner_roi::engine::{project, EngineError, InputKey, PartnerInputs, Program, Projection};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::str::FromStr;

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// A one-tier program whose tier has `terms`.
fn program_with(terms: Value) -> Program {
    let mut tier = json!({"id": "only", "name": "Only"});
    tier.as_object_mut()
        .unwrap()
        .extend(terms.as_object().unwrap().clone());
    Program::from_json(&json!({
        "version": 1, "id": "edge", "name": "Edge", "currency": "USD", "tiers": [tier]
    }))
    .unwrap()
}

/// Simple base inputs: 10 new clients a year at 1,000, nothing else; `overrides` on top.
fn inputs_with(program: &Program, overrides: Value) -> PartnerInputs {
    let mut values = json!({
        "existing_clients": 0, "adoption_pct": 0, "new_clients_per_year": 10, "deal_value": 1000,
        "expansion_pct": 0, "churn_pct": 0, "resell_pct": 100, "registered_pct": 0,
        "onboarding_fee": 0, "recurring_services": 0, "services_margin_pct": 0,
        "acquisition_cost": 0, "certified_staff": 0, "initial_investment": 0,
        "horizon_years": 3, "discount_rate_pct": 0
    });
    values
        .as_object_mut()
        .unwrap()
        .extend(overrides.as_object().unwrap().clone());
    let (inputs, errors) = PartnerInputs::from_json(program, &values, "");
    assert_eq!(errors, [], "test inputs must be valid");
    inputs
}

fn run(terms: Value, overrides: Value) -> Projection {
    let program = program_with(terms);
    let inputs = inputs_with(&program, overrides);
    project(&program, &inputs).unwrap()
}

fn yearly(
    projection: &Projection,
    pick: fn(&partner_roi::engine::projection::TierYear) -> Decimal,
) -> Vec<Decimal> {
    projection.tiers[0].years.iter().map(pick).collect()
}

#[test]
fn zero_clients_earn_nothing_and_pay_fees_certification_and_initial_costs() {
    let terms = json!({"annual_fee": 100, "certification_cost": 10, "min_certified_staff": 2, "joining_cost": 50, "resale_margin_pct": 20});
    let projection = run(
        terms,
        json!({"new_clients_per_year": 0, "existing_clients": 0, "initial_investment": 20}),
    );
    let tier = &projection.tiers[0];
    assert_eq!(tier.earnings, Decimal::ZERO);
    assert_eq!(tier.costs, dec("430")); // 50 + 20 + 3 × (100 + 2 × 10)
    assert_eq!(tier.net, dec("-430"));
    assert_eq!(tier.roi, Some(dec("-1")));
    assert_eq!(tier.payback_months, None);
}

#[test]
fn full_churn_keeps_only_the_newest_cohort() {
    let projection = run(json!({"resale_margin_pct": 10}), json!({"churn_pct": 100}));
    assert_eq!(yearly(&projection, |y| y.active_clients), [dec("10"); 3]);
    assert_eq!(
        yearly(&projection, |y| y.licence_revenue),
        [dec("10000"); 3]
    );
    assert_eq!(projection.tiers[0].earnings, dec("3000"));
}

#[test]
fn existing_clients_adopt_gradually() {
    let projection = run(
        json!({}),
        json!({"existing_clients": 100, "adoption_pct": 50, "new_clients_per_year": 0}),
    );
    assert_eq!(
        yearly(&projection, |y| y.new_clients),
        [dec("50"), dec("25"), dec("12.5")]
    );
    assert_eq!(
        yearly(&projection, |y| y.active_clients),
        [dec("50"), dec("75"), dec("87.5")]
    );
}

#[test]
fn expansion_grows_each_retained_clients_value() {
    let projection = run(
        json!({}),
        json!({"expansion_pct": 10, "churn_pct": 50, "horizon_years": 2}),
    );
    // Year 2: cohort 1 keeps 5 clients at 1,100; cohort 2 has 10 at 1,000.
    assert_eq!(
        yearly(&projection, |y| y.licence_revenue),
        [dec("10000"), dec("15500")]
    );
}

#[test]
fn reselling_everything_earns_no_referral_fees_and_referring_everything_no_margin() {
    let terms =
        json!({"resale_margin_pct": 20, "registration_bonus_pct": 10, "referral_share_pct": 15});
    let all_resold = run(
        terms.clone(),
        json!({"resell_pct": 100, "registered_pct": 50}),
    );
    let tier = &all_resold.tiers[0];
    assert_eq!(tier.streams.referral, Decimal::ZERO);
    // L = 10k, 20k, 30k; rate = 20% + 50% × 10% = 25%.
    assert_eq!(tier.streams.resale, dec("15000"));

    let all_referred = run(terms, json!({"resell_pct": 0}));
    let tier = &all_referred.tiers[0];
    assert_eq!(tier.streams.resale, Decimal::ZERO);
    assert_eq!(tier.streams.referral, dec("9000")); // 15% of 60k
}

#[test]
fn referral_years_limit_which_cohorts_pay() {
    let base = json!({"resell_pct": 0});
    let never = run(
        json!({"referral_share_pct": 20, "referral_years": 0}),
        base.clone(),
    );
    assert_eq!(never.tiers[0].streams.referral, Decimal::ZERO);

    let first_year = run(
        json!({"referral_share_pct": 20, "referral_years": 1}),
        base.clone(),
    );
    assert_eq!(
        yearly(&first_year, |y| y.referral_revenue),
        [dec("10000"); 3]
    );
    assert_eq!(first_year.tiers[0].streams.referral, dec("6000"));

    let every_year = run(
        json!({"referral_share_pct": 20, "referral_years": null}),
        base,
    );
    assert_eq!(
        yearly(&every_year, |y| y.referral_revenue),
        [dec("10000"), dec("20000"), dec("30000")]
    );
    assert_eq!(every_year.tiers[0].streams.referral, dec("12000"));
}

#[test]
fn mdf_cap_binds() {
    let projection = run(json!({"mdf_pct": 10, "mdf_cap": 1500}), json!({}));
    assert_eq!(
        yearly(&projection, |y| y.streams.mdf),
        [dec("1000"), dec("1500"), dec("1500")]
    );
}

#[test]
fn rebate_applies_only_above_the_threshold() {
    let above_revenue = run(
        json!({"rebate_pct": 5, "rebate_threshold": 1000000}),
        json!({}),
    );
    assert_eq!(above_revenue.tiers[0].streams.rebate, Decimal::ZERO);

    let within = run(
        json!({"rebate_pct": 5, "rebate_threshold": 15000}),
        json!({}),
    );
    assert_eq!(
        yearly(&within, |y| y.streams.rebate),
        [dec("0"), dec("250"), dec("750")]
    );
}

#[test]
fn no_costs_means_no_roi_and_nothing_to_pay_back() {
    let projection = run(json!({"resale_margin_pct": 10}), json!({}));
    let tier = &projection.tiers[0];
    assert_eq!(tier.costs, Decimal::ZERO);
    assert_eq!(tier.roi, None);
    assert_eq!(tier.payback_months, Some(Decimal::ZERO));
}

#[test]
fn payback_not_reached_within_the_horizon() {
    let projection = run(
        json!({"resale_margin_pct": 10}),
        json!({"initial_investment": 1000000}),
    );
    assert_eq!(projection.tiers[0].payback_months, None);
}

#[test]
fn payback_within_the_first_year_is_interpolated() {
    // Full churn keeps licence revenue at 10,000 a year: 12% margin earns 1,200 a year.
    let projection = run(
        json!({"resale_margin_pct": 12}),
        json!({"churn_pct": 100, "initial_investment": 600}),
    );
    assert_eq!(projection.tiers[0].payback_months, Some(dec("6")));
}

#[test]
fn payback_after_a_loss_making_first_year() {
    // Year 1 net = 1,200 − 2,000 = −800; then 1,200 a year: cumulative −800, +400.
    let projection = run(
        json!({"resale_margin_pct": 12, "annual_fee": 0}),
        json!({"churn_pct": 100, "acquisition_cost": 200}),
    );
    // Acquisition 200 × 10 = 2,000 every year, so the net is −800 every year: never paid back.
    assert_eq!(projection.tiers[0].payback_months, None);
    assert_eq!(projection.tiers[0].years[0].cumulative_net, dec("-800"));
}

#[test]
fn npv_discounts_each_year() {
    let projection = run(
        json!({"resale_margin_pct": 10}),
        json!({"churn_pct": 100, "discount_rate_pct": 10, "horizon_years": 2, "initial_investment": 100}),
    );
    // −100 + 1000/1.1 + 1000/1.21
    let expected = dec("-100") + dec("1000") / dec("1.1") + dec("1000") / dec("1.21");
    assert_eq!(projection.tiers[0].npv.round_dp(10), expected.round_dp(10));
}

#[test]
fn qualification_reports_first_year_shortfall_and_staff_gap() {
    let later = run(json!({"min_annual_revenue": 20000}), json!({}));
    let qualification = &later.tiers[0].qualification;
    assert_eq!(qualification.qualifies_from_year, Some(2));
    assert_eq!(qualification.revenue_shortfall, None);

    let never = run(
        json!({"min_annual_revenue": 50000, "min_certified_staff": 3}),
        json!({"certified_staff": 1}),
    );
    let qualification = &never.tiers[0].qualification;
    assert_eq!(qualification.qualifies_from_year, None);
    assert_eq!(qualification.revenue_shortfall, Some(dec("20000")));
    assert_eq!(qualification.staff_gap, dec("2"));
}

#[test]
fn recommends_the_best_tier_that_qualifies_now_and_prices_upgrades() {
    let program = Program::from_json(&json!({
        "version": 1, "id": "ladder", "name": "Ladder", "currency": "USD",
        "tiers": [
            {"id": "low", "name": "Low", "resale_margin_pct": 10},
            {"id": "mid", "name": "Mid", "resale_margin_pct": 20, "min_annual_revenue": 5000},
            {"id": "top", "name": "Top", "resale_margin_pct": 30, "min_annual_revenue": 20000}
        ]
    }))
    .unwrap();
    let inputs = inputs_with(&program, json!({}));
    let projection = project(&program, &inputs).unwrap();
    assert_eq!(projection.recommended, Some(1));
    assert_eq!(projection.upgrades.len(), 1);
    assert_eq!(projection.upgrades[0].tier_index, 2);
    assert_eq!(projection.upgrades[0].extra_net, dec("6000")); // 10% more of 60,000
}

#[test]
fn overflow_is_an_error_naming_the_input() {
    let program = program_with(json!({"resale_margin_pct": 10}));
    let mut inputs = inputs_with(&program, json!({}));
    inputs.set(InputKey::DealValue, Decimal::MAX);
    inputs.set(InputKey::NewClientsPerYear, Decimal::from(1_000_000));
    let error = project(&program, &inputs).unwrap_err();
    assert_eq!(
        error,
        EngineError::Overflow {
            input: InputKey::DealValue
        }
    );
    assert!(error.to_string().contains("Average annual deal value"));
}

#[test]
fn invalid_horizon_is_an_error() {
    let program = program_with(json!({}));
    let mut inputs = inputs_with(&program, json!({}));
    inputs.set(InputKey::HorizonYears, Decimal::from(11));
    assert_eq!(
        project(&program, &inputs).unwrap_err(),
        EngineError::InvalidHorizon
    );
}

#[test]
fn yearly_totals_are_the_checked_sums_of_the_years() {
    let projection = run(
        json!({"annual_fee": 100, "certification_cost": 10, "min_certified_staff": 2}),
        json!({"horizon_years": 5, "acquisition_cost": 200, "churn_pct": 10}),
    );
    let tier = &projection.tiers[0];
    let figures: [fn(&TierYear) -> Decimal; 5] = [
        |year| year.new_clients,
        |year| year.licence_revenue,
        |year| year.program_fee,
        |year| year.certification,
        |year| year.acquisition,
    ];
    for figure in figures {
        let by_hand = tier
            .years
            .iter()
            .fold(Decimal::ZERO, |total, year| total + figure(year));
        assert_eq!(tier.total_of(figure), Ok(by_hand));
    }
    for figure in figures {
        assert!(
            tier.total_of(figure).unwrap() > Decimal::ZERO,
            "every total is non-zero here"
        );
    }

    // Years near the largest figure overflow as an error, not a panic.
    let mut huge = tier.clone();
    for year in &mut huge.outcome.years {
        year.program_fee = dec("90000000000000000000");
    }
    assert!(matches!(
        huge.total_of(|year| year.program_fee),
        Err(EngineError::Overflow { .. })
    ));
}
