//! The partner's real path (`docs/model.md`, "Ramp-up", "Your path" and "What moves your
//! profit"): hand-computed figures for the ramp, the tier journey and the levers.
#![cfg(not(target_arch = "wasm32"))]

use partner_roi::engine::levers::levers;
use partner_roi::engine::schedule::client_schedule;
use partner_roi::engine::{project, result_json, InputKey, PartnerInputs, Program};
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

/// A program whose tiers are `(id, min_annual_revenue, joining_cost, referral_years)`, each
/// with a 10% resale margin and referral share and a fee of 1,000 a year.
fn program(tiers: &[(&str, i64, i64, Option<u32>)]) -> Program {
    let tiers: Vec<Value> = tiers
        .iter()
        .enumerate()
        .map(|(index, (id, min_revenue, joining, referral_years))| {
            json!({
                "id": id,
                "name": id.to_uppercase(),
                "resale_margin_pct": 10 + 5 * index,
                "referral_share_pct": 10 + 5 * index,
                "referral_years": referral_years,
                "annual_fee": 1000,
                "joining_cost": joining,
                "min_annual_revenue": min_revenue,
            })
        })
        .collect();
    let program = json!({
        "version": 1, "id": "path-test", "name": "Path test", "currency": "USD",
        "inputs": {"existing_clients": {"max": 1000}, "ramp_months": {"max": 24}},
        "tiers": tiers,
    });
    Program::from_json(&program).unwrap()
}

fn inputs(program: &Program, values: &[(InputKey, i64)]) -> PartnerInputs {
    let mut inputs = program.default_inputs();
    for (key, value) in values {
        inputs.set(*key, Decimal::from(*value));
    }
    inputs
}

fn three_tiers() -> Program {
    program(&[
        ("bronze", 0, 1_000, None),
        ("silver", 120_000, 2_000, Some(2)),
        ("gold", 180_000, 3_000, Some(1)),
    ])
}

#[test]
fn the_ramp_delays_the_first_deals_by_whole_and_part_years() {
    let program = three_tiers();
    // C = 120, a = 25%, W = 12: without a ramp 42, 34.5 and 28.875 new clients.
    let cases: [(i64, [&str; 3]); 5] = [
        (0, ["42", "34.5", "28.875"]),
        // Half of year 1: 0.5 × (30 + 12); 15 of the 120 adopt, 105 remain.
        (6, ["21", "38.25", "31.6875"]),
        // A whole year, then the unramped figures one year late.
        (12, ["0", "42", "34.5"]),
        (18, ["0", "21", "38.25"]),
        (24, ["0", "0", "42"]),
    ];
    for (ramp, expected) in cases {
        let partner = inputs(
            &program,
            &[
                (InputKey::ExistingClients, 120),
                (InputKey::AdoptionPct, 25),
                (InputKey::NewClientsPerYear, 12),
                (InputKey::RampMonths, ramp),
            ],
        );
        let schedule = client_schedule(&partner, 3).unwrap();
        let new_clients: Vec<Decimal> =
            schedule.years.iter().map(|year| year.new_clients).collect();
        assert_eq!(new_clients, expected.map(dec), "ramp of {ramp} months");
    }
}

#[test]
fn without_a_ramp_every_figure_is_unchanged() {
    let program = three_tiers();
    let partner = program.default_inputs();
    assert_eq!(partner.get(InputKey::RampMonths), Decimal::ZERO);
    let schedule = client_schedule(&partner, 3).unwrap();
    // C = 20, a = 10%, W = 5: 7, 6.8, 6.62 (the model without a ramp).
    let new_clients: Vec<Decimal> = schedule.years.iter().map(|year| year.new_clients).collect();
    assert_eq!(new_clients, ["7", "6.8", "6.62"].map(dec));
}

/// Ten new clients a year at 10,000, no churn: 10/12 clients won each month, each paying
/// 10,000/12 a month, so revenue 162,500/3, 462,500/3 and 762,500/3 a year (54,166.67,
/// 154,166.67 and 254,166.67).
fn growing(program: &Program) -> PartnerInputs {
    inputs(
        program,
        &[
            (InputKey::ExistingClients, 0),
            (InputKey::NewClientsPerYear, 10),
            (InputKey::DealValue, 10_000),
            (InputKey::ChurnPct, 0),
            (InputKey::ExpansionPct, 0),
            (InputKey::HorizonYears, 3),
        ],
    )
}

#[test]
fn the_journey_moves_up_as_revenue_grows_and_pays_each_joining_cost_on_entry() {
    let program = program(&[
        ("bronze", 0, 1_000, None),
        ("silver", 150_000, 2_000, None),
        ("gold", 250_000, 3_000, None),
    ]);
    let partner = growing(&program);
    let projection = project(&program, &partner).unwrap();
    let journey = &projection.journey;
    assert_eq!(journey.tier_by_year, [0, 1, 2]);
    let outcome = &journey.outcome;
    // Bronze's joining cost is paid on day 0 with the initial investment (5,000).
    assert_eq!(outcome.initial_costs, dec("6000"));
    let joining: Vec<Decimal> = outcome.years.iter().map(|y| y.joining_cost).collect();
    assert_eq!(joining, ["0", "2000", "3000"].map(dec));
    // Each year's figures are those of that year's tier, plus the joining cost.
    for (index, (year, &tier)) in outcome.years.iter().zip(&journey.tier_by_year).enumerate() {
        let alone = &projection.tiers[tier].years[index];
        assert_eq!(year.streams, alone.streams, "year {}", index + 1);
        assert_eq!(year.earnings, alone.earnings);
        assert_eq!(year.costs, alone.costs + year.joining_cost);
    }
    assert_eq!(outcome.net, outcome.earnings - outcome.costs);
    assert_eq!(
        journey.extra_net_vs_start_tier,
        outcome.net - projection.tiers[0].net
    );
    assert_eq!(journey.steps(), [(0, 1), (1, 2), (2, 3)]);
    assert_eq!(journey.first_year_in(2), Some(3));
}

#[test]
fn the_journey_moves_down_when_churn_shrinks_revenue_and_pays_no_joining_cost_twice() {
    let program = three_tiers();
    // C = 30, a = 100%, churn 60%, 6 months of ramp, 10,000 a client: 2.5 clients a month
    // in months 7–12 (15 of the 30 adopt) and 1.25 a month in year 2 (the other 15), each
    // paying 10,000/12 a month. Year 1: 2.5 × (1 + … + 6) = 52.5 client-months = 43,750;
    // year 2: 246 client-months (year 1's cohorts keep 40% at their anniversary) = 205,000;
    // then no new clients: 150,750 and 60,300.
    // (With the month-by-month model the former C = 40 and a = 50% give 29,166.67, 163,750,
    // 174,875 and 124,637.50: silver from year 2 on, never gold nor back to bronze. Every
    // existing client adopting within 18 months reaches gold in year 2 and falls back.)
    let partner = inputs(
        &program,
        &[
            (InputKey::ExistingClients, 30),
            (InputKey::AdoptionPct, 100),
            (InputKey::NewClientsPerYear, 0),
            (InputKey::DealValue, 10_000),
            (InputKey::ChurnPct, 60),
            (InputKey::ExpansionPct, 0),
            (InputKey::RampMonths, 6),
            (InputKey::HorizonYears, 4),
        ],
    );
    let projection = project(&program, &partner).unwrap();
    let revenue: Vec<Decimal> = projection.tiers[0]
        .years
        .iter()
        .map(|year| year.licence_revenue)
        .collect();
    assert_eq!(revenue, ["43750", "205000", "150750", "60300"].map(dec));
    let journey = &projection.journey;
    assert_eq!(journey.tier_by_year, [0, 2, 1, 0]);
    let joining: Vec<Decimal> = journey
        .outcome
        .years
        .iter()
        .map(|y| y.joining_cost)
        .collect();
    assert_eq!(joining, ["0", "3000", "2000", "0"].map(dec));
    // Gold's one-year referral period applies in year 2 only, silver's two years in year 3.
    assert_eq!(
        journey.outcome.years[1].referral_revenue,
        projection.tiers[2].years[1].referral_revenue
    );
    assert_eq!(
        journey.outcome.years[2].referral_revenue,
        projection.tiers[1].years[2].referral_revenue
    );
}

#[test]
fn when_no_tier_qualifies_the_journey_stays_in_the_lowest_tier() {
    let program = program(&[
        ("silver", 500_000, 2_000, None),
        ("gold", 900_000, 3_000, None),
    ]);
    let projection = project(&program, &growing(&program)).unwrap();
    let journey = &projection.journey;
    assert_eq!(journey.tier_by_year, [0, 0, 0]);
    assert_eq!(journey.outcome, projection.tiers[0].outcome);
    assert_eq!(journey.extra_net_vs_start_tier, Decimal::ZERO);
    assert_eq!(projection.recommended, None);
}

#[test]
fn the_result_document_carries_the_journey() {
    let program = three_tiers();
    let partner = growing(&program);
    let document = result_json(&program, &project(&program, &partner).unwrap(), None);
    let journey = &document["journey"];
    // Revenue 54,166.67, 154,166.67, 254,166.67 against requirements of 0, 120,000 and
    // 180,000.
    assert_eq!(journey["path"], json!(["bronze", "silver", "gold"]));
    assert_eq!(journey["years"][1]["tier"], "silver");
    let joining: Vec<&Value> = (0..3)
        .map(|year| &journey["years"][year]["joining_cost"])
        .collect();
    assert_eq!(
        joining,
        [&json!("0.00"), &json!("2000.00"), &json!("3000.00")]
    );
    assert_eq!(journey["initial_costs"], "6000.00");
    for field in [
        "net",
        "roi",
        "npv",
        "payback_months",
        "extra_net_vs_start_tier",
    ] {
        assert!(journey.get(field).is_some(), "{field}");
    }
}

#[test]
fn levers_move_each_input_ten_percent_round_whole_numbers_and_clamp_to_the_range() {
    let program = three_tiers();
    let mut partner = growing(&program);
    partner.set(InputKey::ExistingClients, Decimal::from(25));
    partner.set(InputKey::NewClientsPerYear, Decimal::from(15));
    partner.set(InputKey::AdoptionPct, Decimal::from(100));
    let all = levers(&program, &partner, 0).unwrap();
    let lever = |key: InputKey| all.iter().find(|lever| lever.input == key).unwrap();

    // 25 × 0.9 = 22.5 → 22 and 25 × 1.1 = 27.5 → 28 (half-even); 15 → 13.5 → 14, 16.5 → 16.
    let clients = lever(InputKey::ExistingClients);
    assert_eq!(
        (clients.low_value, clients.high_value),
        (dec("22"), dec("28"))
    );
    let won = lever(InputKey::NewClientsPerYear);
    assert_eq!((won.low_value, won.high_value), (dec("14"), dec("16")));
    // 100% adoption cannot go higher.
    let adoption = lever(InputKey::AdoptionPct);
    assert_eq!(
        (adoption.low_value, adoption.high_value),
        (dec("90"), dec("100"))
    );
    // Fractions stay exact for other inputs: 10,000 → 9,000 and 11,000.
    let deal = lever(InputKey::DealValue);
    assert_eq!(
        (deal.low_value, deal.high_value),
        (dec("9000"), dec("11000"))
    );

    // Each net is the tier's net with that one value changed.
    let mut low = partner.clone();
    low.set(InputKey::DealValue, dec("9000"));
    assert_eq!(deal.low_net, project(&program, &low).unwrap().tiers[0].net);

    // The horizon and the discount rate are not levers.
    assert!(all.iter().all(|lever| !matches!(
        lever.input,
        InputKey::HorizonYears | InputKey::DiscountRatePct
    )));
    // Widest spread first.
    assert!(all
        .windows(2)
        .all(|pair| pair[0].spread() >= pair[1].spread()));
}

#[test]
fn an_input_at_zero_is_a_lever_that_moves_nothing() {
    let program = three_tiers();
    let partner = growing(&program);
    assert_eq!(partner.get(InputKey::ExistingClients), Decimal::ZERO);
    let all = levers(&program, &partner, 1).unwrap();
    let lever = all
        .iter()
        .find(|lever| lever.input == InputKey::ExistingClients)
        .unwrap();
    assert_eq!(
        (lever.low_value, lever.high_value),
        (Decimal::ZERO, Decimal::ZERO)
    );
    assert_eq!(lever.low_net, lever.high_net);
    assert_eq!(
        lever.low_net,
        project(&program, &partner).unwrap().tiers[1].net
    );
}

#[test]
fn a_hidden_input_is_not_a_lever_and_an_unknown_tier_is_an_error() {
    let mut program = three_tiers();
    let mut spec = program.input_spec(InputKey::DealValue).clone();
    spec.hidden = true;
    program.input_specs[InputKey::DealValue.index()] = spec;
    let partner = growing(&program);
    let all = levers(&program, &partner, 0).unwrap();
    assert!(all.iter().all(|lever| lever.input != InputKey::DealValue));
    assert!(levers(&program, &partner, 7).is_err());
}
