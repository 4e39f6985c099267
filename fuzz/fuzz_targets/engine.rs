//! Arbitrary decimals for every input (the ramp included) and tier term: the engine returns a
//! projection or a typed error, never panics, and its totals (the journey's too) stay
//! consistent; the levers of every tier never panic either.
#![no_main]

use libfuzzer_sys::fuzz_target;
use partner_roi::engine::default_program::default_program;
use partner_roi::engine::levers::levers;
use partner_roi::engine::range::project_range;
use partner_roi::engine::result_document::ResultDocument;
use partner_roi::engine::{project, InputKey, PartnerInputs};
use partner_roi::export_csv::result_csv;
use partner_roi::i18n::Language;
use rust_decimal::Decimal;

/// A decimal from 13 bytes: 12 of mantissa, one of sign and scale.
fn decimal(bytes: &[u8]) -> Decimal {
    let mut mantissa = [0u8; 16];
    mantissa[..12].copy_from_slice(&bytes[..12]);
    let flags = bytes[12];
    let mut value =
        Decimal::from_i128_with_scale(i128::from_le_bytes(mantissa), u32::from(flags % 29));
    value.set_sign_negative(flags & 0x80 != 0);
    value
}

fuzz_target!(|data: &[u8]| {
    let mut chunks = data.chunks_exact(13).map(decimal);
    let mut program = default_program();
    let values: Vec<Decimal> = chunks.by_ref().take(InputKey::COUNT).collect();
    if values.len() < InputKey::COUNT {
        return;
    }
    let inputs = PartnerInputs::from_fn(|key| match key {
        InputKey::HorizonYears => Decimal::from(1 + values[key.index()].mantissa().rem_euclid(10)),
        key => values[key.index()],
    });
    for tier in &mut program.tiers {
        let terms = &mut tier.terms;
        for slot in [
            &mut terms.resale_margin_pct,
            &mut terms.registration_bonus_pct,
            &mut terms.referral_share_pct,
            &mut terms.rebate_pct,
            &mut terms.rebate_threshold,
            &mut terms.mdf_pct,
            &mut terms.annual_fee,
            &mut terms.certification_cost,
            &mut terms.joining_cost,
            &mut terms.min_annual_revenue,
        ] {
            if let Some(value) = chunks.next() {
                *slot = value;
            }
        }
    }
    if let Ok(projection) = project(&program, &inputs) {
        for tier in &projection.tiers {
            assert_eq!(tier.net, tier.earnings - tier.costs);
            // Month by month: twelve months a year, and the monthly cumulative net (when it
            // can be written) starts from the initial costs.
            if let Ok(month_nets) = tier.month_nets_x144() {
                assert_eq!(month_nets.len(), 12 * tier.years.len());
            }
            if let Ok(by_month) = tier.cumulative_net_by_month() {
                assert_eq!(by_month.first(), Some(&-tier.initial_costs));
                if let (Some(payback), Some(last)) = (tier.payback_months, by_month.last()) {
                    assert!(*last >= rust_decimal::Decimal::ZERO);
                    assert!(payback <= rust_decimal::Decimal::from(by_month.len()));
                }
            }
        }
        let journey = &projection.journey.outcome;
        assert_eq!(journey.net, journey.earnings - journey.costs);
        assert_eq!(projection.journey.tier_by_year.len(), journey.years.len());
        let document = ResultDocument::new(&program, &projection, None);
        let _ = result_csv(&program, &inputs, &document, Language::ENGLISH);
        for tier_index in 0..program.tiers.len() {
            let _ = levers(&program, &inputs, tier_index);
        }
    }
    let _ = project_range(&program, &inputs);
});
