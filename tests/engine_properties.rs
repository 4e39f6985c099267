//! Property tests over the whole input space, extremes included: the engine never
//! panics, returns a result or a typed error, and its totals are consistent.
#![cfg(not(target_arch = "wasm32"))]

use partner_roi::engine::program::{InputSpec, Tier, TierTerms, DEFAULT_SPREAD_PCT};
use partner_roi::engine::{project, EngineError, InputKey, PartnerInputs, Program};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Figures stay below 10^20, so rounding in the 28th significant digit never reaches a millionth.
fn close(a: Decimal, b: Decimal) -> bool {
    (a - b).abs() <= Decimal::new(1, 6)
}

/// Decimals from zero to far beyond any limit, biased towards edges.
fn any_amount() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(Decimal::ZERO),
        Just(Decimal::ONE_HUNDRED),
        Just(Decimal::from(1_000_000_000)),
        Just(Decimal::MAX),
        (0i64..1_000_000, 0u32..4).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale)),
        (any::<i64>(), 0u32..28).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale).abs()),
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
    }
}

fn any_inputs() -> impl Strategy<Value = PartnerInputs> {
    (
        proptest::collection::vec(any_amount(), 16),
        proptest::collection::vec(any_percent(), 16),
        1i64..=10,
        -100i64..=100,
    )
        .prop_map(|(amounts, percents, horizon, expansion)| {
            PartnerInputs::from_fn(|key| match key {
                InputKey::HorizonYears => Decimal::from(horizon),
                InputKey::ExpansionPct => Decimal::from(expansion),
                key if matches!(key.unit(), partner_roi::engine::Unit::Percent) => {
                    percents[key.index()]
                }
                key => amounts[key.index()],
            })
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn totals_are_consistent_or_the_error_is_typed(
        terms in proptest::collection::vec(any_terms(), 1..5),
        inputs in any_inputs(),
    ) {
        let program = program_of(terms);
        match project(&program, &inputs) {
            Err(EngineError::Overflow { .. }) => {}
            Err(other) => prop_assert!(false, "unexpected error {other:?}"),
            Ok(projection) => {
                prop_assert_eq!(projection.tiers.len(), program.tiers.len());
                for tier in &projection.tiers {
                    prop_assert_eq!(tier.years.len() as u32, projection.horizon_years);
                    prop_assert_eq!(tier.net, tier.earnings - tier.costs);
                    prop_assert!(close(tier.streams.total().unwrap_or(Decimal::MAX), tier.earnings));
                    for year in &tier.years {
                        prop_assert_eq!(year.streams.total().ok(), Some(year.earnings));
                        prop_assert_eq!(year.net, year.earnings - year.costs);
                    }
                }
                // The JSON form never fails either.
                let json = projection.to_json(&program);
                prop_assert!(json["tiers"].is_array());
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

    #[test]
    fn arbitrary_decimals_anywhere_never_panic(
        values in proptest::collection::vec(any::<(i64, u32, bool)>(), 16),
        terms in proptest::collection::vec(any_terms(), 1..3),
    ) {
        let inputs = PartnerInputs::from_fn(|key| {
            let (mantissa, scale, negative) = values[key.index()];
            let mut value = Decimal::new(mantissa, scale % 29);
            value.set_sign_negative(negative);
            value
        });
        let program = program_of(terms);
        let outcome = project(&program, &inputs);
        prop_assert!(outcome.is_ok() || outcome.is_err());
    }
}
