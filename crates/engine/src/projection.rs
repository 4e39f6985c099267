//! The projection: every tier's earnings, costs, net, ROI, NPV, payback and qualification.
//!
//! Follows `docs/model.md` exactly. Figures keep full precision here; rounding happens
//! only when results are serialized ([`crate::result_json`]) or displayed.

use std::sync::Arc;

use rust_decimal::Decimal;

use super::checked::{add, add_scaled, div, fraction, mul, mul_scaled, sub, sum, Calc};
use super::error::EngineError;
use super::input_catalogue::InputKey;
use super::inputs::PartnerInputs;
use super::journey::{journey, Journey};
use super::monthly::{MonthBasis, MonthlyNets, YearTerms};
use super::program::{Program, Tier, TierTerms};
use super::schedule::{client_schedule, Schedule, ScheduleYear, MONTH_MONEY_SCALE};

/// The five earnings streams of one year or of a whole horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Streams {
    /// Margin and registration bonus on resold licences.
    pub resale: Decimal,
    /// Referral fees on referred licences.
    pub referral: Decimal,
    /// Rebate on resold revenue above the threshold.
    pub rebate: Decimal,
    /// Market development funds.
    pub mdf: Decimal,
    /// Profit on the partner's own services.
    pub services: Decimal,
}

impl Streams {
    /// The sum of the five streams.
    pub fn total(&self) -> Calc {
        add(self.from_program()?, self.services, InputKey::DealValue)
    }

    /// What the program pays: resale margin, referral fees, rebate and MDF.
    pub fn from_program(&self) -> Calc {
        sum(
            [self.resale, self.referral, self.rebate, self.mdf],
            InputKey::DealValue,
        )
    }

    /// The earnings these streams make: all five, or with `services_in_net` false (the
    /// program's setting) only what the program pays.
    pub fn earnings(&self, services_in_net: bool) -> Calc {
        if services_in_net {
            self.total()
        } else {
            self.from_program()
        }
    }

    fn plus(&self, other: &Streams) -> Result<Streams, EngineError> {
        let blame = InputKey::DealValue;
        Ok(Streams {
            resale: add(self.resale, other.resale, blame)?,
            referral: add(self.referral, other.referral, blame)?,
            rebate: add(self.rebate, other.rebate, blame)?,
            mdf: add(self.mdf, other.mdf, blame)?,
            services: add(self.services, other.services, blame)?,
        })
    }
}

/// One tier in one year.
#[derive(Debug, Clone, PartialEq)]
pub struct TierYear {
    /// Year number, from 1.
    pub year: u32,
    /// `N_t`.
    pub new_clients: Decimal,
    /// `A_t`.
    pub active_clients: Decimal,
    /// `L_t`.
    pub licence_revenue: Decimal,
    /// `Lref_t`: licence revenue still earning referral fees.
    pub referral_revenue: Decimal,
    /// The five earnings streams.
    pub streams: Streams,
    /// Sum of the streams (without the services profit when the program keeps it apart).
    pub earnings: Decimal,
    /// `F`.
    pub program_fee: Decimal,
    /// `Q·max(k, nc)`.
    pub certification: Decimal,
    /// `K·N_t`.
    pub acquisition: Decimal,
    /// A joining cost paid within this year: the journey's, when it first enters a tier
    /// after year 1; zero for a single tier, whose joining cost is an initial cost.
    pub joining_cost: Decimal,
    /// Sum of the costs of the year.
    pub costs: Decimal,
    /// Earnings minus costs.
    pub net: Decimal,
    /// Net since the start, initial costs included.
    pub cumulative_net: Decimal,
}

/// Whether and when a tier's requirements are met.
#[derive(Debug, Clone, PartialEq)]
pub struct Qualification {
    /// First year whose licence revenue reaches the requirement; `None` within the horizon.
    pub qualifies_from_year: Option<u32>,
    /// When never reached: how far the last year's licence revenue falls short.
    pub revenue_shortfall: Option<Decimal>,
    /// Certified staff still to train (their cost is already in the projection).
    pub staff_gap: Decimal,
}

/// Yearly figures and their totals: one tier's, or the journey's.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Year 1 to the horizon.
    pub years: Vec<TierYear>,
    /// `J + I0`, spent in year 0.
    pub initial_costs: Decimal,
    /// Every stream summed over the horizon.
    pub streams: Streams,
    /// What the program pays over the horizon: the streams but the services profit.
    pub program_earnings: Decimal,
    /// Total earnings.
    pub earnings: Decimal,
    /// Total costs, initial costs included.
    pub costs: Decimal,
    /// Earnings minus costs.
    pub net: Decimal,
    /// Net ÷ costs; `None` when there are no costs.
    pub roi: Option<Decimal>,
    /// Net present value at the discount rate.
    pub npv: Decimal,
    /// Months until the cumulative net stays at or above zero; `None` if not within the horizon.
    pub payback_months: Option<Decimal>,
    /// Net ÷ years.
    pub yearly_average_net: Decimal,
    /// Its months, computed on demand.
    pub months: MonthlyNets,
}

impl Outcome {
    /// One yearly figure summed over the horizon (e.g. `|year| year.program_fee`), checked
    /// like every engine sum.
    pub fn total_of(&self, figure: fn(&TierYear) -> Decimal) -> Result<Decimal, EngineError> {
        sum(self.years.iter().map(figure), InputKey::DealValue)
    }

    /// Each month's net, month 1 first, as 144 × its value (see [`MONTH_MONEY_SCALE`]).
    pub fn month_nets_x144(&self) -> Result<Vec<Decimal>, EngineError> {
        self.months.nets_x144()
    }

    /// The cumulative net at the end of each month, from day one (month 0, the initial
    /// costs) to the horizon's last month.
    pub fn cumulative_net_by_month(&self) -> Result<Vec<Decimal>, EngineError> {
        let blame = InputKey::DealValue;
        let month_nets = self.month_nets_x144()?;
        let mut cumulative = -mul_scaled(self.initial_costs, MONTH_MONEY_SCALE, blame)?;
        let mut by_month = Vec::with_capacity(month_nets.len() + 1);
        by_month.push(-self.initial_costs);
        for net in month_nets {
            cumulative = add_scaled(cumulative, net, blame)?;
            by_month.push(div(cumulative, MONTH_MONEY_SCALE, blame)?);
        }
        Ok(by_month)
    }

    /// The totals of `years` (those of `schedule`), whose months are `months`, after
    /// `initial_costs` (`docs/model.md`, sections 6 to 8).
    pub(super) fn from_years(
        initial_costs: Decimal,
        years: Vec<TierYear>,
        months: MonthlyNets,
        schedule: &[ScheduleYear],
    ) -> Result<Self, EngineError> {
        let blame = InputKey::DealValue;
        let streams = years
            .iter()
            .try_fold(Streams::default(), |total, year| total.plus(&year.streams))?;
        let earnings = sum(years.iter().map(|y| y.earnings), blame)?;
        let costs = add(
            initial_costs,
            sum(years.iter().map(|y| y.costs), blame)?,
            blame,
        )?;
        let net = sub(earnings, costs, blame)?;
        let roi = if costs.is_zero() {
            None
        } else {
            Some(div(net, costs, blame)?)
        };
        let horizon = Decimal::from(years.len());
        Ok(Outcome {
            npv: net_present_value(initial_costs, &years, schedule)?,
            payback_months: months.payback_months(initial_costs)?,
            yearly_average_net: div(net, horizon.max(Decimal::ONE), blame)?,
            program_earnings: streams.from_program()?,
            years,
            initial_costs,
            streams,
            earnings,
            costs,
            net,
            roi,
            months,
        })
    }
}

/// The projection of one tier: its outcome (read through `Deref`) and its requirements.
#[derive(Debug, Clone, PartialEq)]
pub struct TierProjection {
    /// The tier's id.
    pub tier_id: String,
    /// The tier's name.
    pub tier_name: String,
    /// Its yearly figures and totals.
    pub outcome: Outcome,
    /// Requirements.
    pub qualification: Qualification,
}

impl std::ops::Deref for TierProjection {
    type Target = Outcome;

    fn deref(&self) -> &Outcome {
        &self.outcome
    }
}

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

/// `J + I0`.
pub(super) fn initial_costs(terms: &TierTerms, inputs: &PartnerInputs) -> Calc {
    add(
        terms.joining_cost,
        inputs.get(InputKey::InitialInvestment),
        InputKey::InitialInvestment,
    )
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
    /// MDF per unit of licence revenue, before the cap.
    mdf: Decimal,
    /// `Q·max(k, nc)`: the certification cost of a year.
    certification: Decimal,
    /// `F + Q·max(k, nc)`: the costs of every year, whatever its clients.
    fixed_costs: Decimal,
    /// What a month's licence revenue earns while every client is within the referral
    /// period: `r·(g + r·b)` plus the referral fee, unless the tier pays none (`yf = 0`).
    per_licence_revenue: Decimal,
    /// With a referral period of `yf ≥ 1` years, `(yf, (1−r)·f·change^yf)`: what is taken
    /// back per unit of [`Schedule::older_revenue_x144`] for the clients past it.
    referral_ended: Option<(usize, Decimal)>,
    /// Whether licence revenue earns nothing negative: the resale and referral rates are
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
    let licence = schedule_year.licence_revenue;
    let referral_revenue = schedule_year.referral_revenue(terms.referral_years);
    let resold = schedule_year.resold_revenue;
    let above_threshold = sub(resold, terms.rebate_threshold, value)?.max(Decimal::ZERO);
    let mdf_uncapped = mul(rates.mdf, licence, value)?;
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
        licence_revenue: licence,
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

/// `−(J+I0) + Σ net_t / (1+i)^t`.
fn net_present_value(
    initial_costs: Decimal,
    years: &[TierYear],
    schedule: &[ScheduleYear],
) -> Calc {
    let rate = InputKey::DiscountRatePct;
    let mut npv = -initial_costs;
    for (year, schedule_year) in years.iter().zip(schedule) {
        let factor = schedule_year.discount_factor;
        if factor.is_zero() {
            return Err(EngineError::Overflow { input: rate });
        }
        npv = add(npv, div(year.net, factor, rate)?, InputKey::DealValue)?;
    }
    Ok(npv)
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
