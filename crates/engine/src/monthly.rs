//! An outcome's months (`docs/model.md`, sections 5 and 7): computed on demand from the
//! schedule and the terms of each year's tier, so that a projection computes only the
//! months its payback can lie in, and the chart all of them.
//!
//! Every figure here is 144 × its value (see [`MONTH_MONEY_SCALE`]) and exact: a year's
//! net is computed from its months' sums, never divided back.

use std::sync::Arc;

use rust_decimal::Decimal;

use super::checked::{add, add_scaled, div, mul_scaled, sub_scaled, Calc};
use super::error::EngineError;
use super::input_catalogue::InputKey;
use super::schedule::{Schedule, ScheduleMonth, MONTH_MONEY_SCALE};

/// What the months of one year earn and cost under the tier the year is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct YearTerms {
    /// What a month's license revenue earns while every client is within the referral
    /// period: `r·(g + r·b)` plus the referral fee, unless the tier pays none.
    pub per_licence_revenue: Decimal,
    /// With a referral period of `yf ≥ 1` years shorter than the horizon,
    /// `(yf, (1−r)·f·change^yf)`: what is taken back per unit of
    /// [`Schedule::older_revenue_x144`] for the clients past it.
    pub referral_ended: Option<(usize, Decimal)>,
    /// 144 × what the year's first month pays besides: its fee and certification, and a
    /// joining cost on the path.
    pub opening_x144: Decimal,
    /// 144 × what the year's last month brings besides: its rebate and MDF.
    pub closing_x144: Decimal,
    /// Whether no month's license revenue can earn less than nothing under these terms
    /// (their rates are not negative and the schedule is [`Schedule::never_negative`]).
    pub revenue_never_negative: bool,
}

/// The months of an outcome: the schedule, what counts of the partner's own figures, and
/// each year's terms.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthlyNets {
    basis: Arc<MonthBasis>,
    years: Vec<YearTerms>,
}

/// What every outcome of a projection shares: the schedule and, per unit of its scaled
/// client counts, the partner's own flows in every tier alike.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct MonthBasis {
    schedule: Schedule,
    /// Per unit of `12·n_k`: the onboarding profit if it counts in the net, less the
    /// acquisition cost.
    own_per_new: Decimal,
    /// Per unit of `12·act_k`: the recurring services profit if it counts in the net.
    own_per_active: Decimal,
    /// 144 × each year's own flows (its months' sum), year 1 first.
    own_by_year: Vec<Decimal>,
    /// 144 × a lower bound of each year's sum of its months' negative own flows (so at
    /// most zero), when the schedule is never negative.
    own_dip_by_year: Vec<Decimal>,
}

impl MonthBasis {
    /// The basis of `schedule`'s outcomes; the services profit counts in the net when
    /// `services_in_net`.
    pub fn new(schedule: Schedule, services_in_net: bool) -> Result<Self, EngineError> {
        let own = schedule.own;
        let (onboarding, recurring) = if services_in_net {
            (own.onboarding_profit, own.recurring_profit)
        } else {
            (Decimal::ZERO, Decimal::ZERO)
        };
        let own_per_new = sub_scaled(onboarding, own.acquisition_cost, InputKey::AcquisitionCost)?;
        let own_per_active = recurring;
        let mut own_by_year = Vec::with_capacity(schedule.years.len());
        let mut own_dip_by_year = Vec::with_capacity(schedule.years.len());
        for year in &schedule.years {
            let per_new = mul_scaled(
                own_per_new,
                year.scaled.new_clients_x12,
                InputKey::AcquisitionCost,
            )?;
            let per_active = mul_scaled(
                own_per_active,
                year.scaled.client_months_x12,
                InputKey::RecurringServices,
            )?;
            own_by_year.push(add_scaled(per_new, per_active, InputKey::AcquisitionCost)?);
            own_dip_by_year.push(add_scaled(
                per_new.min(Decimal::ZERO),
                per_active.min(Decimal::ZERO),
                InputKey::AcquisitionCost,
            )?);
        }
        Ok(MonthBasis {
            schedule,
            own_per_new,
            own_per_active,
            own_by_year,
            own_dip_by_year,
        })
    }

    /// The schedule.
    pub fn schedule(&self) -> &Schedule {
        &self.schedule
    }

    /// 144 × `month`'s own flows.
    fn own_x144(&self, month: &ScheduleMonth) -> Calc {
        add_scaled(
            mul_scaled(
                self.own_per_new,
                month.new_clients_x12,
                InputKey::AcquisitionCost,
            )?,
            mul_scaled(
                self.own_per_active,
                month.active_clients_x12,
                InputKey::RecurringServices,
            )?,
            InputKey::AcquisitionCost,
        )
    }
}

impl MonthlyNets {
    /// The months of an outcome over `basis` whose years have `years`' terms.
    pub(super) fn new(basis: Arc<MonthBasis>, years: Vec<YearTerms>) -> Self {
        MonthlyNets { basis, years }
    }

    /// Each year's terms.
    pub(super) fn years(&self) -> &[YearTerms] {
        &self.years
    }

    /// Each year's terms with its months, year 1 first.
    fn years_with_months(
        &self,
    ) -> impl DoubleEndedIterator<Item = (usize, &YearTerms, &[ScheduleMonth])> + ExactSizeIterator
    {
        self.years
            .iter()
            .zip(self.basis.schedule.months.chunks(12))
            .enumerate()
            .map(|(year, (terms, months))| (year, terms, months))
    }

    /// 144 × each month's net, month 1 first.
    pub fn nets_x144(&self) -> Result<Vec<Decimal>, EngineError> {
        let mut nets = Vec::with_capacity(12 * self.years.len());
        for (year, terms, months) in self.years_with_months() {
            for (offset, month) in months.iter().enumerate() {
                nets.push(self.month_net_x144(terms, 12 * year + offset + 1, month)?);
            }
        }
        Ok(nets)
    }

    /// 144 × the net of month `number` (from 1), `month`, in a year with `terms`: its
    /// license revenue at the year's rates and the partner's own flows; the year's fee and
    /// certification in its first month, its rebate and MDF in its last.
    fn month_net_x144(&self, terms: &YearTerms, number: usize, month: &ScheduleMonth) -> Calc {
        let value = InputKey::DealValue;
        let mut net = add_scaled(
            mul_scaled(terms.per_licence_revenue, month.licence_revenue_x144, value)?,
            self.basis.own_x144(month)?,
            value,
        )?;
        if let Some((referral_years, per_older_revenue)) = terms.referral_ended {
            if let Some(older) = self
                .basis
                .schedule
                .older_revenue_x144(number, referral_years)
            {
                net = sub_scaled(net, mul_scaled(per_older_revenue, older, value)?, value)?;
            }
        }
        match number % 12 {
            1 => sub_scaled(net, terms.opening_x144, value),
            0 => add_scaled(net, terms.closing_x144, value),
            _ => Ok(net),
        }
    }

    /// 144 × each year's net: the sum of its months', from the schedule's yearly sums.
    fn year_nets_x144(&self) -> Result<Vec<Decimal>, EngineError> {
        let value = InputKey::DealValue;
        let years = &self.basis.schedule.years;
        self.years
            .iter()
            .zip(years)
            .zip(&self.basis.own_by_year)
            .enumerate()
            .map(|(year, ((terms, sums), &own))| {
                let mut net = add_scaled(
                    mul_scaled(
                        terms.per_licence_revenue,
                        sums.scaled.licence_revenue_x144,
                        value,
                    )?,
                    own,
                    value,
                )?;
                if let Some((referral_years, per_older_revenue)) = terms.referral_ended {
                    // The months `yf` years earlier: those of year `year − yf`.
                    if let Some(older) = year.checked_sub(referral_years).and_then(|y| years.get(y))
                    {
                        net = sub_scaled(
                            net,
                            mul_scaled(
                                per_older_revenue,
                                older.scaled.licence_revenue_x144,
                                value,
                            )?,
                            value,
                        )?;
                    }
                }
                add_scaled(
                    sub_scaled(net, terms.opening_x144, value)?,
                    terms.closing_x144,
                    value,
                )
            })
            .collect()
    }

    /// Whether, from a cumulative net of `start` (≥ 0) at the start of year `year`, whose
    /// terms are `terms`, the cumulative net cannot fall below zero before the year's last
    /// month: its license revenue earns nothing negative, and the year's first-month costs
    /// and every negative own flow together stay within `start`.
    fn stays_paid_back(
        &self,
        year: usize,
        terms: &YearTerms,
        start: Decimal,
    ) -> Result<bool, EngineError> {
        if !(terms.revenue_never_negative && self.basis.schedule.never_negative) {
            return Ok(false);
        }
        let dip = self
            .basis
            .own_dip_by_year
            .get(year)
            .copied()
            .unwrap_or_default();
        let lowest = add_scaled(
            sub_scaled(
                start,
                terms.opening_x144.max(Decimal::ZERO),
                InputKey::DealValue,
            )?,
            dip,
            InputKey::DealValue,
        )?;
        Ok(lowest >= Decimal::ZERO)
    }

    /// The months until the cumulative net, from −`initial_costs` on day one, last
    /// crosses zero, moving in a straight line within a month: `(k − 1) + (−C_(k−1))/net_k`
    /// for the last month `k` with `C_(k−1) < 0`.
    ///
    /// `Some(0)` when it is never negative, `None` when it is still negative at the end.
    /// Years are read from the last: a year whose cumulative net provably stays at or
    /// above zero is passed over without computing its months.
    pub(super) fn payback_months(
        &self,
        initial_costs: Decimal,
    ) -> Result<Option<Decimal>, EngineError> {
        let value = InputKey::DealValue;
        // 144 × the cumulative net at the start of each year.
        let mut starts = Vec::with_capacity(self.years.len());
        let mut cumulative = -mul_scaled(initial_costs, MONTH_MONEY_SCALE, value)?;
        for net in self.year_nets_x144()? {
            starts.push(cumulative);
            cumulative = add_scaled(cumulative, net, value)?;
        }
        if cumulative < Decimal::ZERO {
            return Ok(None);
        }
        for ((year, terms, months), &start) in self.years_with_months().zip(&starts).rev() {
            if start >= Decimal::ZERO && self.stays_paid_back(year, terms, start)? {
                continue;
            }
            let mut cumulative = start;
            let mut last_negative = None;
            for (offset, month) in months.iter().enumerate() {
                let net = self.month_net_x144(terms, 12 * year + offset + 1, month)?;
                if cumulative < Decimal::ZERO {
                    last_negative = Some((offset, cumulative, net));
                }
                cumulative = add_scaled(cumulative, net, value)?;
            }
            if let Some((offset, before, net)) = last_negative {
                // The cumulative net crosses zero during this month; `net > 0` here.
                let month = Decimal::from(12 * year + offset);
                return Ok(Some(add(month, div(-before, net, value)?, value)?));
            }
        }
        Ok(Some(Decimal::ZERO))
    }
}
