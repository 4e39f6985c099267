//! Hand-checked edge cases of the model (docs/model.md).
#![cfg(not(target_arch = "wasm32"))]

use partner_roi::engine::outcome::TierYear;
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
///
/// Month by month, 10/12 clients are won in each month, each paying 1,000/12 a month: a
/// month's cohort brings 10,000/144 a month. Year 1 has k cohorts in month k, so its licence
/// revenue is 10,000 × (1 + … + 12)/144 = 16,250/3; without churn each later year adds
/// 10,000 (12 more full cohorts): 46,250/3 and 76,250/3.
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
    let (inputs, errors) = program.inputs_from_json(&values, "");
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
    pick: fn(&partner_roi::engine::outcome::TierYear) -> Decimal,
) -> Vec<Decimal> {
    projection.tiers[0].years.iter().map(pick).collect()
}

/// `values` rounded to 10 places, like the NPV below: thirds and sixths (see
/// [`inputs_with`]) are no finite decimal, and the engine's sums of them carry its
/// 28-digit rounding, so such figures are compared with their exact quotient rounded alike.
fn rounded(values: &[Decimal]) -> Vec<Decimal> {
    values.iter().map(|value| value.round_dp(10)).collect()
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
    // Each monthly cohort leaves at its first anniversary: every year ends with the 12
    // cohorts of its own months, 12 × 10/12 = 10 clients.
    assert_eq!(yearly(&projection, |y| y.active_clients), [dec("10"); 3]);
    // Year 1 fills up (16,250/3); later years have 12 cohorts in every month:
    // 12 × 12 × 10,000/144 = 10,000.
    let licence = yearly(&projection, |y| y.licence_revenue);
    assert_eq!(
        licence[0].round_dp(10),
        (dec("16250") / dec("3")).round_dp(10)
    );
    assert_eq!(licence[1..], [dec("10000"), dec("10000")]);
    // 10% of (16,250/3 + 20,000) = 7,625/3.
    assert_eq!(
        projection.tiers[0].earnings.round_dp(10),
        (dec("7625") / dec("3")).round_dp(10)
    );
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
    // Year 1: 16,250/3. Year 2, month 12 + m: the 12 youngest cohorts pay 10,000/144 each
    // (10,000 a year in all) and the m cohorts past their anniversary keep 5/12 clients at
    // 1,100/12 (5,500/144 each): 10,000 + 5,500 × 78/144 = 77,875/6.
    assert_eq!(
        rounded(&yearly(&projection, |y| y.licence_revenue)),
        rounded(&[dec("16250") / dec("3"), dec("77875") / dec("6")])
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
    // L = 16,250/3, 46,250/3, 76,250/3 (46,250 in all); rate = 20% + 50% × 10% = 25%.
    // The years are thirds, so the engine's total is compared to 10 places.
    assert_eq!(tier.streams.resale.round_dp(10), dec("11562.5"));

    let all_referred = run(terms, json!({"resell_pct": 0}));
    let tier = &all_referred.tiers[0];
    assert_eq!(tier.streams.resale, Decimal::ZERO);
    assert_eq!(tier.streams.referral.round_dp(10), dec("6937.5")); // 15% of 46,250
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
    // Only the cohorts of the last 12 months pay: year 1's 16,250/3, then 10,000 a year.
    let referral_revenue = yearly(&first_year, |y| y.referral_revenue);
    assert_eq!(
        referral_revenue[0].round_dp(10),
        (dec("16250") / dec("3")).round_dp(10)
    );
    assert_eq!(referral_revenue[1..], [dec("10000"), dec("10000")]);
    // 20% of (16,250/3 + 20,000) = 15,250/3.
    assert_eq!(
        first_year.tiers[0].streams.referral.round_dp(10),
        (dec("15250") / dec("3")).round_dp(10)
    );

    let every_year = run(
        json!({"referral_share_pct": 20, "referral_years": null}),
        base,
    );
    assert_eq!(
        rounded(&yearly(&every_year, |y| y.referral_revenue)),
        rounded(&[
            dec("16250") / dec("3"),
            dec("46250") / dec("3"),
            dec("76250") / dec("3")
        ])
    );
    // 20% of 46,250 (a sum of thirds: compared to 10 places).
    assert_eq!(
        every_year.tiers[0].streams.referral.round_dp(10),
        dec("9250")
    );
}

#[test]
fn mdf_cap_binds() {
    let projection = run(json!({"mdf_pct": 10, "mdf_cap": 1500}), json!({}));
    // 10% of 16,250/3 = 1,625/3 in year 1; 10% of 46,250/3 and 76,250/3 is capped at 1,500.
    let mdf = yearly(&projection, |y| y.streams.mdf);
    assert_eq!(mdf[0].round_dp(10), (dec("1625") / dec("3")).round_dp(10));
    assert_eq!(mdf[1..], [dec("1500"), dec("1500")]);
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
    // Resold 16,250/3 (below 15,000), then 46,250/3 and 76,250/3: 5% of 1,250/3 and of
    // 31,250/3 above the threshold.
    let rebate = yearly(&within, |y| y.streams.rebate);
    assert_eq!(rebate[0], dec("0"));
    assert_eq!(
        rounded(&rebate[1..]),
        rounded(&[dec("125") / dec("6"), dec("3125") / dec("6")])
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
    // Month k of year 1 has k cohorts paying 10,000/144 each: a 12% margin earns 100k/12.
    // After 11 months 100 × 66/12 = 550, 50 short of the 600 invested; month 12 earns 100:
    // 11 + 50/100 = 11.5 months.
    let projection = run(
        json!({"resale_margin_pct": 12}),
        json!({"churn_pct": 100, "initial_investment": 600}),
    );
    assert_eq!(projection.tiers[0].payback_months, Some(dec("11.5")));
}

#[test]
fn payback_after_a_loss_making_first_year() {
    // Year 1 net = 12% of 16,250/3 − 2,000 = 650 − 2,000 = −1,350.
    let projection = run(
        json!({"resale_margin_pct": 12, "annual_fee": 0}),
        json!({"churn_pct": 100, "acquisition_cost": 200}),
    );
    // Acquisition 200 × 10/12 = 166.67 a month, 2,000 every year, against 1,200 a year
    // from year 2: the net is −800 a year after year 1, never paid back.
    assert_eq!(projection.tiers[0].payback_months, None);
    assert_eq!(projection.tiers[0].years[0].cumulative_net, dec("-1350"));
}

#[test]
fn npv_discounts_each_year() {
    let projection = run(
        json!({"resale_margin_pct": 10}),
        json!({"churn_pct": 100, "discount_rate_pct": 10, "horizon_years": 2, "initial_investment": 100}),
    );
    // Yearly nets: 10% of 16,250/3 = 1,625/3, then 10% of 10,000 = 1,000.
    // −100 + (1625/3)/1.1 + 1000/1.21
    let expected = dec("-100") + dec("1625") / dec("3") / dec("1.1") + dec("1000") / dec("1.21");
    assert_eq!(projection.tiers[0].npv.round_dp(10), expected.round_dp(10));
}

#[test]
fn qualification_reports_first_year_shortfall_and_staff_gap() {
    // Licence revenue 16,250/3, 46,250/3 and 76,250/3 (about 5,417, 15,417 and 25,417):
    // 20,000 is reached in year 3.
    let later = run(json!({"min_annual_revenue": 20000}), json!({}));
    let qualification = &later.tiers[0].qualification;
    assert_eq!(qualification.qualifies_from_year, Some(3));
    assert_eq!(qualification.revenue_shortfall, None);

    let never = run(
        json!({"min_annual_revenue": 50000, "min_certified_staff": 3}),
        json!({"certified_staff": 1}),
    );
    let qualification = &never.tiers[0].qualification;
    assert_eq!(qualification.qualifies_from_year, None);
    // 50,000 − 76,250/3 = 73,750/3.
    assert_eq!(
        qualification
            .revenue_shortfall
            .map(|shortfall| shortfall.round_dp(10)),
        Some((dec("73750") / dec("3")).round_dp(10))
    );
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
    // Licence revenue 16,250/3 (about 5,417), 46,250/3 and 76,250/3: mid qualifies from
    // year 1, top (20,000) from year 3.
    assert_eq!(projection.recommended, Some(1));
    assert_eq!(projection.upgrades.len(), 1);
    assert_eq!(projection.upgrades[0].tier_index, 2);
    // 10% more of 46,250 (a sum of thirds: compared to 10 places).
    assert_eq!(projection.upgrades[0].extra_net.round_dp(10), dec("4625"));
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
    assert!(error
        .to_string()
        .contains("Yearly license value per client"));
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
