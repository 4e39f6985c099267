//! What a projection finds: the earnings streams, a tier's figures in one year, their totals
//! over the horizon (an [`Outcome`], one tier's or the journey's) and one tier's projection
//! with its requirements (`docs/model.md`, sections 6 to 9). `projection.rs` computes them.

use rust_decimal::Decimal;

use super::checked::{add, add_scaled, div, mul_scaled, sub, sum, Calc};
use super::error::EngineError;
use super::input_catalogue::InputKey;
use super::inputs::PartnerInputs;
use super::monthly::MonthlyNets;
use super::program::TierTerms;
use super::schedule::{ScheduleYear, MONTH_MONEY_SCALE};

/// The five earnings streams of one year or of a whole horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Streams {
    /// Margin and registration bonus on resold licenses.
    pub resale: Decimal,
    /// Referral fees on referred licenses.
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
    /// `Lref_t`: license revenue still earning referral fees.
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
    /// First year whose license revenue reaches the requirement; `None` within the horizon.
    pub qualifies_from_year: Option<u32>,
    /// When never reached: how far the last year's license revenue falls short.
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

/// `J + I0`.
pub(super) fn initial_costs(terms: &TierTerms, inputs: &PartnerInputs) -> Calc {
    add(
        terms.joining_cost,
        inputs.get(InputKey::InitialInvestment),
        InputKey::InitialInvestment,
    )
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
