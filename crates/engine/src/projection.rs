//! The projection: every tier's earnings, costs, net, ROI, NPV, payback and qualification
//! (the figures of `outcome.rs`), the recommended tier, the upgrades and the journey.
//!
//! Follows `docs/model.md` exactly. Figures keep full precision here; rounding happens
//! only when results are serialized ([`crate::result_json`]) or displayed.

use std::sync::Arc;

use rust_decimal::Decimal;

use super::checked::{add, fraction, mul, mul_scaled, sub};
use super::error::EngineError;
use super::input_catalogue::InputKey;
use super::inputs::PartnerInputs;
use super::journey::{journey, Journey};
use super::monthly::{MonthBasis, MonthlyNets, YearTerms};
use super::outcome::{initial_costs, Outcome, Qualification, Streams, TierProjection, TierYear};
use super::program::{Program, Tier, TierTerms};
use super::schedule::{client_schedule, Schedule, ScheduleYear, MONTH_MONEY_SCALE};

/// What moving from the recommended tier to a higher one would bring.
#[derive(Debug, Clone, PartialEq)]
pub struct Upgrade {
    /// Index of the higher tier.
    pub tier_index: usize,
    /// Its net minus the recommended tier's net.
    pub extra_net: Decimal,
}

/// The result of projecting a program for a partner's inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    /// Years projected.
    pub horizon_years: u32,
    /// One projection per tier, in program order.
    pub tiers: Vec<TierProjection>,
    /// Index of the tier with the highest net among those qualifying from year 1.
    pub recommended: Option<usize>,
    /// Every tier above the recommended one.
    pub upgrades: Vec<Upgrade>,
    /// The path through the tiers as revenue grows and falls.
    pub journey: Journey,
}

#[cfg(any(test, feature = "projection-count"))]
thread_local! {
    static PROJECTIONS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Test builds (feature `projection-count`): runs `work` and counts the projections [`project`] computed meanwhile.
#[cfg(any(test, feature = "projection-count"))]
pub fn projections_counted<T>(work: impl FnOnce() -> T) -> (usize, T) {
    let before = PROJECTIONS.with(std::cell::Cell::get);
    let output = work();
    (PROJECTIONS.with(std::cell::Cell::get) - before, output)
}

/// Projects every tier of `program` for `inputs`.
pub fn project(program: &Program, inputs: &PartnerInputs) -> Result<Projection, EngineError> {
    #[cfg(any(test, feature = "projection-count"))]
    PROJECTIONS.with(|count| count.set(count.get() + 1));
    let horizon = horizon_years(inputs)?;
    let basis = month_basis(program, inputs)?;
    let tiers = program
        .tiers
        .iter()
        .map(|tier| project_tier(tier, inputs, &basis, program.services_in_net))
        .collect::<Result<Vec<_>, _>>()?;
    let recommended = recommended_tier(&tiers);
    let upgrades = match recommended {
        Some(index) => upgrades_above(&tiers, index)?,
        None => Vec::new(),
    };
    let journey = journey(program, inputs, &basis, &tiers)?;
    Ok(Projection {
        horizon_years: horizon,
        tiers,
        recommended,
        upgrades,
        journey,
    })
}

/// The total net of the tier at `tier_index` alone: what [`project`] computes for it.
pub fn project_tier_net(
    program: &Program,
    inputs: &PartnerInputs,
    tier_index: usize,
) -> Result<Decimal, EngineError> {
    let tier = program
        .tiers
        .get(tier_index)
        .ok_or(EngineError::NoSuchTier)?;
    let basis = month_basis(program, inputs)?;
    Ok(project_tier(tier, inputs, &basis, program.services_in_net)?.net)
}

/// The schedule of `inputs` and what every outcome of `program` shares of its months.
fn month_basis(program: &Program, inputs: &PartnerInputs) -> Result<Arc<MonthBasis>, EngineError> {
    let schedule = client_schedule(inputs, horizon_years(inputs)?)?;
    Ok(Arc::new(MonthBasis::new(
        schedule,
        program.services_in_net,
    )?))
}

fn horizon_years(inputs: &PartnerInputs) -> Result<u32, EngineError> {
    let horizon = inputs.get(InputKey::HorizonYears);
    let key = InputKey::HorizonYears;
    if !horizon.fract().is_zero() || horizon < key.absolute_min() || horizon > key.absolute_max() {
        return Err(EngineError::InvalidHorizon);
    }
    u32::try_from(horizon.normalize().mantissa()).map_err(|_| EngineError::InvalidHorizon)
}

/// `tier` over `basis`'s schedule.
fn project_tier(
    tier: &Tier,
    inputs: &PartnerInputs,
    basis: &Arc<MonthBasis>,
    services_in_net: bool,
) -> Result<TierProjection, EngineError> {
    let terms = &tier.terms;
    let schedule = basis.schedule();
    let rates = TierRates::new(terms, inputs, schedule)?;
    let initial_costs = initial_costs(terms, inputs)?;
    let opening_x144 = mul_scaled(
        rates.fixed_costs,
        MONTH_MONEY_SCALE,
        InputKey::AcquisitionCost,
    )?;
    let mut cumulative = -initial_costs;
    let mut years = Vec::with_capacity(schedule.years.len());
    let mut year_terms = Vec::with_capacity(schedule.years.len());
    for schedule_year in &schedule.years {
        let year = project_year(terms, &rates, schedule_year, cumulative, services_in_net)?;
        let value = InputKey::DealValue;
        year_terms.push(YearTerms {
            per_licence_revenue: rates.per_licence_revenue,
            referral_ended: rates.referral_ended,
            opening_x144,
            closing_x144: mul_scaled(
                add(year.streams.rebate, year.streams.mdf, value)?,
                MONTH_MONEY_SCALE,
                value,
            )?,
            revenue_never_negative: rates.revenue_never_negative,
        });
        cumulative = year.cumulative_net;
        years.push(year);
    }
    let months = MonthlyNets::new(Arc::clone(basis), year_terms);
    Ok(TierProjection {
        tier_id: tier.id.clone(),
        tier_name: tier.name.clone(),
        qualification: qualification(terms, inputs, &schedule.years)?,
        outcome: Outcome::from_years(initial_costs, years, months, &schedule.years)?,
    })
}

/// What a tier's terms and the partner's inputs make of every year alike: computed once per
/// tier, so that a year costs a handful of operations.
struct TierRates {
    /// `g + r·b`: margin plus registration bonus, per unit of resold revenue.
    resale: Decimal,
    /// `(1−s)·f`: the referral fee per unit of referral revenue.
    referral: Decimal,
    /// The rebate per unit of resold revenue above the threshold.
    rebate: Decimal,
    /// MDF per unit of license revenue, before the cap.
    mdf: Decimal,
    /// `Q·max(k, nc)`: the certification cost of a year.
    certification: Decimal,
    /// `F + Q·max(k, nc)`: the costs of every year, whatever its clients.
    fixed_costs: Decimal,
    /// What a month's license revenue earns while every client is within the referral
    /// period: `r·(g + r·b)` plus the referral fee, unless the tier pays none (`yf = 0`).
    per_licence_revenue: Decimal,
    /// With a referral period of `yf ≥ 1` years, `(yf, (1−r)·f·change^yf)`: what is taken
    /// back per unit of [`Schedule::older_revenue_x144`] for the clients past it.
    referral_ended: Option<(usize, Decimal)>,
    /// Whether license revenue earns nothing negative: the resale and referral rates are
    /// not negative.
    revenue_never_negative: bool,
}

impl TierRates {
    fn new(
        terms: &TierTerms,
        inputs: &PartnerInputs,
        schedule: &Schedule,
    ) -> Result<Self, EngineError> {
        let resell = fraction(inputs.get(InputKey::ResellPct));
        let registered_bonus = mul(
            fraction(inputs.get(InputKey::RegisteredPct)),
            fraction(terms.registration_bonus_pct),
            InputKey::RegisteredPct,
        )?;
        let referred_share = sub(Decimal::ONE, resell, InputKey::ResellPct)?;
        let certified = inputs
            .get(InputKey::CertifiedStaff)
            .max(terms.min_certified_staff);
        let certification = mul(
            terms.certification_cost,
            certified,
            InputKey::CertifiedStaff,
        )?;
        let resale = add(
            fraction(terms.resale_margin_pct),
            registered_bonus,
            InputKey::DealValue,
        )?;
        let referral = mul(
            referred_share,
            fraction(terms.referral_share_pct),
            InputKey::ResellPct,
        )?;
        let resale_per_licence_revenue = mul(resell, resale, InputKey::ResellPct)?;
        let horizon = schedule.years.len();
        let (per_licence_revenue, referral_ended) = match terms.referral_years {
            Some(0) => (resale_per_licence_revenue, None),
            Some(years) if (years as usize) < horizon => {
                let mut per_older_revenue = referral;
                for _ in 0..years {
                    per_older_revenue = mul(
                        per_older_revenue,
                        schedule.cohort_change,
                        InputKey::ExpansionPct,
                    )?;
                }
                (
                    add(resale_per_licence_revenue, referral, InputKey::DealValue)?,
                    Some((years as usize, per_older_revenue)),
                )
            }
            _ => (
                add(resale_per_licence_revenue, referral, InputKey::DealValue)?,
                None,
            ),
        };
        Ok(TierRates {
            resale,
            referral,
            rebate: fraction(terms.rebate_pct),
            mdf: fraction(terms.mdf_pct),
            fixed_costs: add(terms.annual_fee, certification, InputKey::AcquisitionCost)?,
            certification,
            per_licence_revenue,
            referral_ended,
            revenue_never_negative: resale_per_licence_revenue >= Decimal::ZERO
                && referral >= Decimal::ZERO,
        })
    }
}

/// Year `schedule_year` under `terms` (whose `rates` these are), after a cumulative net of
/// `cumulative_before`; the services profit counts in its earnings when `services_in_net`.
/// A single tier's joining cost is an initial cost, so none is paid within a year.
fn project_year(
    terms: &TierTerms,
    rates: &TierRates,
    schedule_year: &ScheduleYear,
    cumulative_before: Decimal,
    services_in_net: bool,
) -> Result<TierYear, EngineError> {
    let value = InputKey::DealValue;
    let license = schedule_year.licence_revenue;
    let referral_revenue = schedule_year.referral_revenue(terms.referral_years);
    let resold = schedule_year.resold_revenue;
    let above_threshold = sub(resold, terms.rebate_threshold, value)?.max(Decimal::ZERO);
    let mdf_uncapped = mul(rates.mdf, license, value)?;
    let streams = Streams {
        resale: mul(resold, rates.resale, value)?,
        referral: mul(rates.referral, referral_revenue, value)?,
        rebate: mul(rates.rebate, above_threshold, value)?,
        mdf: terms
            .mdf_cap
            .map_or(mdf_uncapped, |cap| mdf_uncapped.min(cap)),
        services: schedule_year.services_profit,
    };
    let earnings = streams.earnings(services_in_net)?;
    let costs = add(
        rates.fixed_costs,
        schedule_year.acquisition,
        InputKey::AcquisitionCost,
    )?;
    let net = sub(earnings, costs, value)?;
    Ok(TierYear {
        year: schedule_year.year,
        new_clients: schedule_year.new_clients,
        active_clients: schedule_year.active_clients,
        licence_revenue: license,
        referral_revenue,
        streams,
        earnings,
        program_fee: terms.annual_fee,
        certification: rates.certification,
        acquisition: schedule_year.acquisition,
        joining_cost: Decimal::ZERO,
        costs,
        net,
        cumulative_net: add(cumulative_before, net, value)?,
    })
}

fn qualification(
    terms: &TierTerms,
    inputs: &PartnerInputs,
    schedule: &[ScheduleYear],
) -> Result<Qualification, EngineError> {
    let required = terms.min_annual_revenue;
    let qualifies_from_year = schedule
        .iter()
        .find(|year| year.licence_revenue >= required)
        .map(|year| year.year);
    let revenue_shortfall = match (qualifies_from_year, schedule.last()) {
        (None, Some(last)) => Some(sub(required, last.licence_revenue, InputKey::DealValue)?),
        _ => None,
    };
    let staff_gap = sub(
        terms.min_certified_staff,
        inputs.get(InputKey::CertifiedStaff),
        InputKey::CertifiedStaff,
    )?
    .max(Decimal::ZERO);
    Ok(Qualification {
        qualifies_from_year,
        revenue_shortfall,
        staff_gap,
    })
}

/// The tier with the highest net among those qualifying from year 1; ties go to the lower tier.
fn recommended_tier(tiers: &[TierProjection]) -> Option<usize> {
    tiers
        .iter()
        .enumerate()
        .filter(|(_, tier)| tier.qualification.qualifies_from_year == Some(1))
        .fold(
            None,
            |best: Option<(usize, Decimal)>, (index, tier)| match best {
                Some((_, best_net)) if best_net >= tier.net => best,
                _ => Some((index, tier.net)),
            },
        )
        .map(|(index, _)| index)
}

fn upgrades_above(
    tiers: &[TierProjection],
    recommended: usize,
) -> Result<Vec<Upgrade>, EngineError> {
    let base = tiers[recommended].net;
    tiers
        .iter()
        .enumerate()
        .skip(recommended + 1)
        .map(|(tier_index, tier)| {
            Ok(Upgrade {
                tier_index,
                extra_net: sub(tier.net, base, InputKey::DealValue)?,
            })
        })
        .collect()
}
