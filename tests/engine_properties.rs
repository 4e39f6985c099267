//! Property tests over the whole input space, extremes included: the engine never
//! panics; an error is the one the inputs call for; every result keeps the model's
//! identities (net = earnings − costs, cumulative sums, payback, qualification,
//! recommendation), and its JSON has one entry per tier and year, money as 2-place strings.
#![cfg(not(target_arch = "wasm32"))]

use partner_roi::engine::program::{InputSpec, ShownFigures, Tier, TierTerms, DEFAULT_SPREAD_PCT};
use partner_roi::engine::schedule::{client_schedule, MONTH_CLIENT_SCALE, MONTH_MONEY_SCALE};
use partner_roi::engine::{project, EngineError, InputKey, PartnerInputs, Program, Projection};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use rust_decimal::Decimal;
use serde_json::Value;

/// Figures stay below 10^20, so rounding in the 28th significant digit never reaches a millionth.
fn close(a: Decimal, b: Decimal) -> bool {
    (a - b).abs() <= Decimal::new(1, 6)
}

/// Decimals from zero to far beyond any limit, biased towards edges; mostly everyday
/// figures, so that most projections succeed and their identities get checked.
fn any_amount() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        1 => Just(Decimal::ZERO),
        1 => Just(Decimal::ONE_HUNDRED),
        1 => Just(Decimal::from(1_000_000_000)),
        1 => Just(Decimal::MAX),
        24 => (0i64..1_000_000, 0u32..4).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale)),
        1 => (any::<i64>(), 0u32..28).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale).abs()),
    ]
}

fn any_percent() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(Decimal::ZERO),
        Just(Decimal::ONE_HUNDRED),
        (0i64..=10_000).prop_map(|basis_points| Decimal::new(basis_points, 2)),
    ]
}

fn any_terms() -> impl Strategy<Value = TierTerms> {
    (
        (
            any_percent(),
            any_percent(),
            any_percent(),
            proptest::option::of(0u32..12),
        ),
        (
            any_percent(),
            any_amount(),
            any_percent(),
            proptest::option::of(any_amount()),
        ),
        (
            any_amount(),
            any_amount(),
            any_amount(),
            0i64..50,
            any_amount(),
        ),
    )
        .prop_map(
            |((m, mg, f, yf), (b, t, d, cap), (fee, q, j, nc, rmin))| TierTerms {
                resale_margin_pct: m,
                registration_bonus_pct: mg,
                referral_share_pct: f,
                referral_years: yf,
                rebate_pct: b,
                rebate_threshold: t,
                mdf_pct: d,
                mdf_cap: cap,
                annual_fee: fee,
                certification_cost: q,
                joining_cost: j,
                min_certified_staff: Decimal::from(nc),
                min_annual_revenue: rmin,
            },
        )
}

fn program_of(terms: Vec<TierTerms>) -> Program {
    Program {
        id: "prop".into(),
        name: "Property".into(),
        vendor: None,
        description: None,
        currency: "USD".into(),
        locale: None,
        language: None,
        disclaimer: None,
        input_specs: InputKey::ALL.map(InputSpec::builtin),
        tiers: terms
            .into_iter()
            .enumerate()
            .map(|(index, terms)| Tier {
                id: format!("t{index}"),
                name: format!("Tier {index}"),
                description: None,
                benefits: Vec::new(),
                terms,
            })
            .collect(),
        spread_pct: DEFAULT_SPREAD_PCT,
        cta: None,
        shown_figures: ShownFigures::ALL,
        contact: None,
        lead: None,
        share_url: None,
        force_locale: false,
        services_in_net: true,
        translations: Vec::new(),
    }
}

fn any_inputs() -> impl Strategy<Value = PartnerInputs> {
    (
        proptest::collection::vec(any_amount(), InputKey::COUNT),
        proptest::collection::vec(any_percent(), InputKey::COUNT),
        1i64..=10,
        -100i64..=100,
        0i64..=24,
    )
        .prop_map(|(amounts, percents, horizon, expansion, ramp)| {
            PartnerInputs::from_fn(|key| match key {
                InputKey::HorizonYears => Decimal::from(horizon),
                InputKey::ExpansionPct => Decimal::from(expansion),
                InputKey::RampMonths => Decimal::from(ramp),
                key if matches!(key.unit(), partner_roi::engine::Unit::Percent) => {
                    percents[key.index()]
                }
                key => amounts[key.index()],
            })
        })
}

/// Every identity of `docs/model.md` a projection of `program` for `inputs` must keep.
fn check_projection(
    program: &Program,
    inputs: &PartnerInputs,
    projection: &Projection,
) -> Result<(), TestCaseError> {
    let horizon = projection.horizon_years;
    prop_assert_eq!(Decimal::from(horizon), inputs.get(InputKey::HorizonYears));
    prop_assert_eq!(projection.tiers.len(), program.tiers.len());
    let first = &projection.tiers[0];
    for (tier, source) in projection.tiers.iter().zip(&program.tiers) {
        let terms = &source.terms;
        prop_assert_eq!(&tier.tier_id, &source.id);
        prop_assert_eq!(&tier.tier_name, &source.name);
        prop_assert_eq!(
            tier.initial_costs,
            terms.joining_cost + inputs.get(InputKey::InitialInvestment)
        );
        prop_assert_eq!(tier.years.len() as u32, horizon);

        // Each year: streams sum to earnings, costs to their parts, net and cumulative net.
        let mut cumulative = -tier.initial_costs;
        let mut cumulative_by_year = vec![cumulative];
        for (index, year) in tier.years.iter().enumerate() {
            prop_assert_eq!(year.year as usize, index + 1);
            prop_assert_eq!(
                year.streams.earnings(program.services_in_net).ok(),
                Some(year.earnings)
            );
            prop_assert_eq!(year.program_fee, terms.annual_fee);
            prop_assert_eq!(year.joining_cost, Decimal::ZERO);
            prop_assert!(close(
                year.costs,
                year.program_fee + year.certification + year.acquisition
            ));
            prop_assert_eq!(year.net, year.earnings - year.costs);
            prop_assert_eq!(year.cumulative_net, cumulative + year.net);
            cumulative = year.cumulative_net;
            cumulative_by_year.push(cumulative);
            // The schedule does not depend on the tier.
            let same = &first.years[index];
            prop_assert_eq!(year.new_clients, same.new_clients);
            prop_assert_eq!(year.active_clients, same.active_clients);
            prop_assert_eq!(year.licence_revenue, same.licence_revenue);
        }

        // Totals over the horizon.
        let years_earnings: Decimal = tier.years.iter().map(|y| y.earnings).sum();
        let years_costs: Decimal = tier.years.iter().map(|y| y.costs).sum();
        prop_assert!(close(tier.earnings, years_earnings));
        prop_assert!(close(
            tier.streams
                .earnings(program.services_in_net)
                .unwrap_or(Decimal::MAX),
            tier.earnings
        ));
        prop_assert!(close(
            tier.program_earnings,
            tier.streams.resale + tier.streams.referral + tier.streams.rebate + tier.streams.mdf
        ));
        prop_assert!(close(tier.costs, tier.initial_costs + years_costs));
        prop_assert_eq!(tier.net, tier.earnings - tier.costs);
        prop_assert!(
            close(cumulative, tier.net),
            "cumulative {} vs net {}",
            cumulative,
            tier.net
        );
        prop_assert_eq!(tier.yearly_average_net, tier.net / Decimal::from(horizon));
        match tier.roi {
            None => prop_assert!(tier.costs.is_zero()),
            Some(roi) => prop_assert_eq!(roi, tier.net / tier.costs),
        }

        // NPV: −(J+I0) + Σ net_t / (1+i)^t.
        let growth = Decimal::ONE + inputs.get(InputKey::DiscountRatePct) / Decimal::ONE_HUNDRED;
        let mut factor = Decimal::ONE;
        let mut npv = Some(-tier.initial_costs);
        for year in &tier.years {
            factor = factor.checked_mul(growth).unwrap_or(Decimal::MAX);
            npv = npv.and_then(|npv| npv.checked_add(year.net.checked_div(factor)?));
        }
        prop_assert!(
            npv.is_some_and(|npv| close(npv, tier.npv)),
            "npv {} vs {:?}",
            tier.npv,
            npv
        );

        // Months: each year's net is the sum of its months', and the cumulative net by month
        // meets the yearly one at every year's end.
        let by_month = tier
            .cumulative_net_by_month()
            .map_err(|error| TestCaseError::fail(error.to_string()))?;
        let months = 12 * horizon as usize;
        let month_nets = tier
            .month_nets_x144()
            .map_err(|error| TestCaseError::fail(error.to_string()))?;
        prop_assert_eq!(month_nets.len(), months);
        prop_assert_eq!(by_month.len(), months + 1);
        prop_assert_eq!(by_month[0], -tier.initial_costs);
        for (index, year) in tier.years.iter().enumerate() {
            let months_net: Decimal = month_nets[12 * index..12 * index + 12]
                .iter()
                .sum::<Decimal>()
                / MONTH_MONEY_SCALE;
            prop_assert!(
                close(months_net, year.net),
                "year {}: {} vs {}",
                year.year,
                months_net,
                year.net
            );
            prop_assert!(close(by_month[12 * index + 12], year.cumulative_net));
        }

        // The payback, read without computing every month, is the one every month gives.
        // (Within a millionth: a year's net from its sums may round its last digit.)
        if let Some(payback) = payback_from_every_month(tier.initial_costs, &month_nets) {
            match (tier.payback_months, payback) {
                (Some(lazy), Some(full)) => prop_assert!(close(lazy, full), "{} vs {}", lazy, full),
                (lazy, full) => prop_assert_eq!(lazy, full),
            }
        }

        // Payback: none if negative at the horizon, else zero if never negative before, else
        // within the month after the last negative cumulative net.
        let last_negative = by_month[..months].iter().rposition(|c| *c < Decimal::ZERO);
        match (last_negative, tier.payback_months) {
            // Not paid back: the horizon ends below zero, even if only its last month is.
            (_, None) => prop_assert!(by_month[months] < Decimal::ZERO),
            (None, Some(payback)) => {
                prop_assert!(by_month[months] >= Decimal::ZERO);
                prop_assert_eq!(payback, Decimal::ZERO);
            }
            (Some(month), Some(payback)) => {
                let before = Decimal::from(month);
                prop_assert!(by_month[months] >= Decimal::ZERO);
                prop_assert!(
                    before <= payback && payback <= before + Decimal::ONE + Decimal::new(1, 6),
                    "payback {} months, cumulative net last negative after month {}",
                    payback,
                    month
                );
            }
        }

        // Nothing is sold during the ramp: whatever is paid up front or in year 1's first
        // month is not paid back before it ends (its last whole month, for a fractional ramp).
        let ramp = inputs.get(InputKey::RampMonths).floor();
        let first_month_costs = tier
            .years
            .first()
            .map_or(Decimal::ZERO, |year| year.program_fee + year.certification);
        let paid_up_front = tier.initial_costs >= Decimal::ZERO
            && first_month_costs >= Decimal::ZERO
            && (tier.initial_costs > Decimal::ZERO || first_month_costs > Decimal::ZERO);
        if paid_up_front {
            if let Some(payback) = tier.payback_months {
                prop_assert!(
                    payback >= ramp,
                    "payback {} before the ramp of {} months ends",
                    payback,
                    ramp
                );
            }
        }

        // Qualification.
        let required = terms.min_annual_revenue;
        let qualifies = tier.years.iter().find(|y| y.licence_revenue >= required);
        prop_assert_eq!(
            tier.qualification.qualifies_from_year,
            qualifies.map(|y| y.year)
        );
        let last_revenue = tier
            .years
            .last()
            .map_or(Decimal::ZERO, |y| y.licence_revenue);
        prop_assert_eq!(
            tier.qualification.revenue_shortfall,
            qualifies.is_none().then(|| required - last_revenue)
        );
        prop_assert_eq!(
            tier.qualification.staff_gap,
            (terms.min_certified_staff - inputs.get(InputKey::CertifiedStaff)).max(Decimal::ZERO)
        );
    }

    // The recommendation: the best net among tiers qualifying in year 1, ties to the lower.
    let qualifying: Vec<usize> = (0..projection.tiers.len())
        .filter(|&i| projection.tiers[i].qualification.qualifies_from_year == Some(1))
        .collect();
    match projection.recommended {
        None => {
            prop_assert!(qualifying.is_empty());
            prop_assert!(projection.upgrades.is_empty());
        }
        Some(best) => {
            prop_assert!(qualifying.contains(&best));
            let best_net = projection.tiers[best].net;
            for &other in &qualifying {
                let net = projection.tiers[other].net;
                prop_assert!(net < best_net || (net == best_net && other >= best));
            }
            let above: Vec<usize> = projection.upgrades.iter().map(|u| u.tier_index).collect();
            prop_assert_eq!(
                above,
                ((best + 1)..projection.tiers.len()).collect::<Vec<_>>()
            );
            for upgrade in &projection.upgrades {
                prop_assert_eq!(
                    upgrade.extra_net,
                    projection.tiers[upgrade.tier_index].net - best_net
                );
            }
        }
    }
    check_journey(program, inputs, projection)?;
    check_result_json(program, projection)
}

/// The journey: each year in the highest tier whose revenue requirement that year's licence
/// revenue meets (else the lowest), under that tier's terms, each joining cost paid once,
/// and totals with the single-tier definitions.
fn check_journey(
    program: &Program,
    inputs: &PartnerInputs,
    projection: &Projection,
) -> Result<(), TestCaseError> {
    let journey = &projection.journey;
    let outcome = &journey.outcome;
    prop_assert_eq!(outcome.years.len(), projection.horizon_years as usize);
    prop_assert_eq!(journey.tier_by_year.len(), outcome.years.len());
    let mut entered = vec![false; program.tiers.len()];
    let start = journey.tier_by_year[0];
    prop_assert_eq!(
        outcome.initial_costs,
        program.tiers[start].terms.joining_cost + inputs.get(InputKey::InitialInvestment)
    );
    entered[start] = true;
    let mut cumulative = -outcome.initial_costs;
    for (index, (year, &tier)) in outcome.years.iter().zip(&journey.tier_by_year).enumerate() {
        let revenue = projection.tiers[0].years[index].licence_revenue;
        prop_assert_eq!(year.licence_revenue, revenue);
        let meets = |t: usize| program.tiers[t].terms.min_annual_revenue <= revenue;
        prop_assert!(
            tier == 0 || meets(tier),
            "year {}: tier {} not met",
            index + 1,
            tier
        );
        prop_assert!(((tier + 1)..program.tiers.len()).all(|t| !meets(t)));
        let terms = &program.tiers[tier].terms;
        let joining = if entered[tier] {
            Decimal::ZERO
        } else {
            terms.joining_cost
        };
        entered[tier] = true;
        prop_assert_eq!(year.joining_cost, joining);
        prop_assert_eq!(year.program_fee, terms.annual_fee);
        prop_assert_eq!(
            year.streams.earnings(program.services_in_net).ok(),
            Some(year.earnings)
        );
        prop_assert!(close(
            year.costs,
            year.program_fee + year.certification + year.acquisition + year.joining_cost
        ));
        prop_assert_eq!(year.net, year.earnings - year.costs);
        prop_assert_eq!(year.cumulative_net, cumulative + year.net);
        cumulative = year.cumulative_net;
    }
    let years_earnings: Decimal = outcome.years.iter().map(|y| y.earnings).sum();
    prop_assert!(close(outcome.earnings, years_earnings));
    prop_assert!(close(
        outcome
            .streams
            .earnings(program.services_in_net)
            .unwrap_or(Decimal::MAX),
        outcome.earnings
    ));
    prop_assert_eq!(outcome.net, outcome.earnings - outcome.costs);
    prop_assert!(close(cumulative, outcome.net));
    prop_assert_eq!(
        journey.extra_net_vs_start_tier,
        outcome.net - projection.tiers[start].net
    );
    if program.tiers.len() == 1 {
        prop_assert_eq!(outcome, &projection.tiers[0].outcome);
        prop_assert_eq!(journey.extra_net_vs_start_tier, Decimal::ZERO);
    }
    Ok(())
}

/// A money string: digits, a point and exactly two decimals, within half a cent of `value`.
fn check_money(json: &Value, value: Decimal, what: &str) -> Result<(), TestCaseError> {
    check_fixed(json, value, 2, what)
}

fn check_fixed(
    json: &Value,
    value: Decimal,
    places: usize,
    what: &str,
) -> Result<(), TestCaseError> {
    let text = json.as_str().unwrap_or_default();
    let (whole, decimals) = text.split_once('.').unwrap_or((text, ""));
    let digits = whole.strip_prefix('-').unwrap_or(whole);
    prop_assert!(
        !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && decimals.len() == places
            && decimals.bytes().all(|b| b.is_ascii_digit())
            && text != format!("-0.{}", "0".repeat(places)),
        "{}: {} is not a decimal string with {} places",
        what,
        json,
        places
    );
    let shown: Decimal = text.parse().unwrap_or(Decimal::MAX);
    let half_step = Decimal::new(5, places as u32 + 1);
    prop_assert!(
        (shown - value).abs() <= half_step,
        "{}: {} shows {}",
        what,
        value,
        text
    );
    Ok(())
}

/// The result document: one entry per tier and per year, every amount a 2-place string
/// (ratios 4) within rounding of the projection's figure.
fn check_result_json(program: &Program, projection: &Projection) -> Result<(), TestCaseError> {
    let json = partner_roi::engine::result_json(program, projection, None);
    prop_assert_eq!(&json["program_id"], &Value::from(program.id.clone()));
    prop_assert_eq!(
        &json["horizon_years"],
        &Value::from(projection.horizon_years)
    );
    let recommended = projection
        .recommended
        .map(|i| Value::from(program.tiers[i].id.clone()));
    prop_assert_eq!(
        &json["recommended_tier"],
        &recommended.unwrap_or(Value::Null)
    );
    let tiers = json["tiers"].as_array().cloned().unwrap_or_default();
    prop_assert_eq!(tiers.len(), projection.tiers.len());
    for (tier_json, tier) in tiers.iter().zip(&projection.tiers) {
        prop_assert_eq!(&tier_json["id"], &Value::from(tier.tier_id.clone()));
        for (name, value) in [
            ("initial_costs", tier.initial_costs),
            ("resale", tier.streams.resale),
            ("referral", tier.streams.referral),
            ("rebate", tier.streams.rebate),
            ("mdf", tier.streams.mdf),
            ("services", tier.streams.services),
            ("earnings", tier.earnings),
            ("costs", tier.costs),
            ("net", tier.net),
            ("npv", tier.npv),
            ("yearly_average_net", tier.yearly_average_net),
            ("staff_gap", tier.qualification.staff_gap),
        ] {
            check_money(&tier_json[name], value, name)?;
        }
        match tier.roi {
            None => prop_assert_eq!(&tier_json["roi"], &Value::Null),
            Some(roi) => check_fixed(&tier_json["roi"], roi, 4, "roi")?,
        }
        match tier.payback_months {
            None => prop_assert_eq!(&tier_json["payback_months"], &Value::Null),
            Some(months) => check_money(&tier_json["payback_months"], months, "payback_months")?,
        }
        let years = tier_json["years"].as_array().cloned().unwrap_or_default();
        prop_assert_eq!(years.len(), tier.years.len());
        for (year_json, year) in years.iter().zip(&tier.years) {
            prop_assert_eq!(&year_json["year"], &Value::from(year.year));
            for (name, value) in [
                ("new_clients", year.new_clients),
                ("licence_revenue", year.licence_revenue),
                ("earnings", year.earnings),
                ("costs", year.costs),
                ("net", year.net),
                ("cumulative_net", year.cumulative_net),
            ] {
                check_money(&year_json[name], value, name)?;
            }
        }
    }
    Ok(())
}

/// Whether the engine must accept `horizon`: a whole number of years from 1 to 10.
/// The payback of `docs/model.md` section 7 read from every month's net (144 × its value):
/// `(k − 1) + (−C_(k−1))/net_k` for the last month `k` whose opening cumulative net is
/// negative; `None` should a `Decimal` overflow.
fn payback_from_every_month(
    initial_costs: Decimal,
    month_nets_x144: &[Decimal],
) -> Option<Option<Decimal>> {
    let mut cumulative = -initial_costs.checked_mul(MONTH_MONEY_SCALE)?;
    let mut payback = Some(Decimal::ZERO);
    for (month, &net) in month_nets_x144.iter().enumerate() {
        if cumulative < Decimal::ZERO {
            payback = Some(Decimal::from(month).checked_add((-cumulative).checked_div(net)?)?);
        }
        cumulative = cumulative.checked_add(net)?;
    }
    Some(if cumulative < Decimal::ZERO {
        None
    } else {
        payback
    })
}

fn horizon_is_valid(horizon: Decimal) -> bool {
    horizon.fract().is_zero() && horizon >= Decimal::ONE && horizon <= Decimal::TEN
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn totals_are_consistent_or_the_error_is_typed(
        terms in proptest::collection::vec(any_terms(), 1..5),
        inputs in any_inputs(),
        services_in_net in any::<bool>(),
    ) {
        let program = Program { services_in_net, ..program_of(terms) };
        match project(&program, &inputs) {
            Err(error @ EngineError::Overflow { input }) => {
                prop_assert!(error.to_string().contains(input.label()), "{}", error);
            }
            Err(other) => prop_assert!(false, "unexpected error {other:?}"),
            Ok(projection) => check_projection(&program, &inputs, &projection)?,
        }
    }

    /// `services_in_net: false` takes exactly each tier's services profit out of its
    /// earnings and net, and nothing out of its costs.
    #[test]
    fn keeping_services_apart_lowers_each_net_by_its_services_profit(
        terms in proptest::collection::vec(any_terms(), 1..5),
        inputs in any_inputs(),
    ) {
        let counted = program_of(terms);
        let apart = Program { services_in_net: false, ..counted.clone() };
        if let (Ok(with), Ok(without)) = (project(&counted, &inputs), project(&apart, &inputs)) {
            for (with, without) in with.tiers.iter().zip(&without.tiers) {
                prop_assert_eq!(with.streams, without.streams);
                prop_assert_eq!(with.costs, without.costs);
                prop_assert!(close(without.net, with.net - with.streams.services));
                prop_assert!(close(without.earnings, with.program_earnings));
            }
        }
    }

    #[test]
    fn no_clients_means_no_earnings_and_only_fixed_costs(
        terms in proptest::collection::vec(any_terms(), 1..5),
        inputs in any_inputs(),
    ) {
        let mut inputs = inputs;
        inputs.set(InputKey::ExistingClients, Decimal::ZERO);
        inputs.set(InputKey::NewClientsPerYear, Decimal::ZERO);
        let program = program_of(terms);
        if let Ok(projection) = project(&program, &inputs) {
            let years = Decimal::from(projection.horizon_years);
            for (tier, source) in projection.tiers.iter().zip(&program.tiers) {
                let terms = &source.terms;
                prop_assert_eq!(tier.earnings, Decimal::ZERO);
                let staff = inputs.get(InputKey::CertifiedStaff).max(terms.min_certified_staff);
                let yearly = terms.annual_fee + terms.certification_cost * staff;
                let initial = terms.joining_cost + inputs.get(InputKey::InitialInvestment);
                prop_assert!(close(tier.costs, initial + yearly * years), "{} vs {}", tier.costs, initial + yearly * years);
            }
        }
    }

    /// The schedule's years are the sums of their months (their active clients: the last
    /// month's), and its months follow `docs/model.md`: no client before the ramp ends, a
    /// twelfth of the year's pace in every month after it.
    #[test]
    fn a_years_figures_are_the_sum_of_its_months(inputs in any_inputs()) {
        let horizon = 3;
        let Ok(schedule) = client_schedule(&inputs, horizon) else {
            return Ok(());
        };
        prop_assert_eq!(schedule.months.len(), 36);
        let ramp = inputs.get(InputKey::RampMonths);
        for (year, months) in schedule.years.iter().zip(schedule.months.chunks(12)) {
            let sum = |figure: fn(&partner_roi::engine::schedule::ScheduleMonth) -> Decimal, scale| {
                months.iter().map(figure).sum::<Decimal>() / scale
            };
            prop_assert!(close(year.new_clients, sum(|m| m.new_clients_x12, MONTH_CLIENT_SCALE)));
            prop_assert!(close(year.licence_revenue, sum(|m| m.licence_revenue_x144, MONTH_MONEY_SCALE)));
            let own = schedule.own;
            let services: Decimal = months
                .iter()
                .map(|m| own.services_profit_x144(m.new_clients_x12, m.active_clients_x12).unwrap_or(Decimal::MAX))
                .sum();
            let acquisition: Decimal = months
                .iter()
                .map(|m| own.acquisition_x144(m.new_clients_x12).unwrap_or(Decimal::MAX))
                .sum();
            prop_assert!(close(year.services_profit, services / MONTH_MONEY_SCALE));
            prop_assert!(close(year.acquisition, acquisition / MONTH_MONEY_SCALE));
            prop_assert!(close(year.active_clients, months[11].active_clients_x12 / MONTH_CLIENT_SCALE));
            let pace = months.iter().map(|m| m.new_clients_x12).find(|won| !won.is_zero());
            for (offset, month) in months.iter().enumerate() {
                let number = Decimal::from(12 * (year.year - 1) + offset as u32 + 1);
                if number <= ramp {
                    prop_assert_eq!(month.new_clients_x12, Decimal::ZERO);
                    prop_assert_eq!(month.licence_revenue_x144, Decimal::ZERO);
                } else if let Some(pace) = pace {
                    prop_assert_eq!(month.new_clients_x12, pace);
                }
            }
        }
    }

    /// With no ramp, churn or expansion, the clients won in year 1 pay 12, 11, … 1 months of
    /// it: 78 of 144 twelfths, so year 1's licence revenue is 13/24 of a full year's.
    #[test]
    fn without_a_ramp_year_one_earns_thirteen_twenty_fourths_of_a_full_year(
        existing in 0i64..10_000,
        adoption in 0i64..=100,
        won in 0i64..1_000,
        deal_value in 0i64..1_000_000,
    ) {
        let program = program_of(vec![TierTerms::default()]);
        let mut inputs = program.default_inputs();
        inputs.set(InputKey::ExistingClients, Decimal::from(existing));
        inputs.set(InputKey::AdoptionPct, Decimal::from(adoption));
        inputs.set(InputKey::NewClientsPerYear, Decimal::from(won));
        inputs.set(InputKey::DealValue, Decimal::from(deal_value));
        inputs.set(InputKey::RampMonths, Decimal::ZERO);
        inputs.set(InputKey::ChurnPct, Decimal::ZERO);
        inputs.set(InputKey::ExpansionPct, Decimal::ZERO);
        let schedule = client_schedule(&inputs, 1).map_err(|error| TestCaseError::fail(error.to_string()))?;
        let clients = Decimal::from(existing) * Decimal::from(adoption) / Decimal::ONE_HUNDRED + Decimal::from(won);
        let full_year = clients * Decimal::from(deal_value);
        prop_assert_eq!(schedule.years[0].new_clients, clients);
        prop_assert!(close(schedule.years[0].licence_revenue, full_year * Decimal::from(13) / Decimal::from(24)));
    }

    /// Any decimal in every input, negative ones included: an invalid horizon is exactly
    /// what `InvalidHorizon` reports; otherwise an overflow names its input, or the
    /// result keeps every identity.
    #[test]
    fn arbitrary_decimals_anywhere_are_a_consistent_result_or_the_right_error(
        values in proptest::collection::vec(
            prop_oneof![
                1 => any::<(i64, u32, bool)>(),
                20 => (0i64..1_000_000, 0u32..4, any::<bool>()),
            ],
            InputKey::COUNT,
        ),
        horizon in prop_oneof![
            2 => (1i64..=10).prop_map(Decimal::from),
            1 => (any::<i64>(), 0u32..29).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale)),
            1 => (-3i64..=14, 0u32..3).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale)),
        ],
        terms in proptest::collection::vec(any_terms(), 1..3),
    ) {
        let inputs = PartnerInputs::from_fn(|key| {
            if key == InputKey::HorizonYears {
                return horizon;
            }
            let (mantissa, scale, negative) = values[key.index()];
            let mut value = Decimal::new(mantissa, scale % 29);
            value.set_sign_negative(negative);
            value
        });
        let program = program_of(terms);
        match project(&program, &inputs) {
            Err(EngineError::InvalidHorizon) => {
                prop_assert!(!horizon_is_valid(horizon), "{} is a valid horizon", horizon);
            }
            Err(error @ EngineError::Overflow { input }) => {
                prop_assert!(horizon_is_valid(horizon), "{} is not a valid horizon", horizon);
                prop_assert!(error.to_string().contains(input.label()), "{}", error);
            }
            Err(EngineError::NoSuchTier) => {
                prop_assert!(false, "the program has {} tiers", program.tiers.len());
            }
            Ok(projection) => {
                prop_assert!(horizon_is_valid(horizon), "{} is not a valid horizon", horizon);
                check_projection(&program, &inputs, &projection)?;
            }
        }
    }
}
