//! The tier-independent part of the model: clients, licence revenue and the partner's own
//! figures year by year, computed once per projection and shared by every tier and the path.

use rust_decimal::Decimal;

use super::checked::{add, fraction, mul, sub};
use super::error::EngineError;
use super::input_catalogue::InputKey;
use super::inputs::PartnerInputs;

/// Clients, licence revenue and the partner's own figures in one year of the projection.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleYear {
    /// Year number, from 1.
    pub year: u32,
    /// `N_t`: clients adopting this year (existing clients adopting plus new clients won).
    pub new_clients: Decimal,
    /// Existing clients who have not adopted yet, after this year.
    pub remaining_existing: Decimal,
    /// `A_t`: clients using the product this year, over all cohorts.
    pub active_clients: Decimal,
    /// `L_t`: licence revenue of all cohorts.
    pub licence_revenue: Decimal,
    /// Licence revenue of the cohorts up to each age: index `k` sums the cohorts aged 0 to
    /// `k` (this year's cohort is aged 0); the last entry is `licence_revenue`.
    pub revenue_up_to_age: Vec<Decimal>,
    /// `s·L_t`: the licence revenue the partner resells.
    pub resold_revenue: Decimal,
    /// The profit on the partner's own services: `m·(O·N_t + S·A_t)`.
    pub services_profit: Decimal,
    /// `K·N_t`: what winning this year's clients costs.
    pub acquisition: Decimal,
    /// `(1+i)^t`: what this year's figures are divided by for the NPV.
    pub discount_factor: Decimal,
}

impl ScheduleYear {
    /// `Lref_t`: licence revenue of the cohorts younger than `referral_years` (`None` = all).
    pub fn referral_revenue(&self, referral_years: Option<u32>) -> Decimal {
        match referral_years {
            None => self.licence_revenue,
            Some(years) => self
                .revenue_up_to_age
                .iter()
                .take(years as usize)
                .next_back()
                .copied()
                .unwrap_or(Decimal::ZERO),
        }
    }
}

/// `ρ_t = min(1, max(0, (12·t − R) / 12))`: the share of year `year` after the ramp of
/// `ramp_months` months, when the partner closes deals.
pub fn share_after_ramp(year: u32, ramp_months: Decimal) -> Decimal {
    let year_end = Decimal::from(12 * u64::from(year));
    if ramp_months <= year_end - Decimal::from(12) {
        Decimal::ONE
    } else if ramp_months >= year_end {
        Decimal::ZERO
    } else {
        // Within this year, so every figure here is between 0 and 12.
        (year_end - ramp_months) / Decimal::from(12)
    }
}

/// Computes the schedule for `horizon` years.
pub fn client_schedule(
    inputs: &PartnerInputs,
    horizon: u32,
) -> Result<Vec<ScheduleYear>, EngineError> {
    let adoption = fraction(inputs.get(InputKey::AdoptionPct));
    let retention = sub(
        Decimal::ONE,
        fraction(inputs.get(InputKey::ChurnPct)),
        InputKey::ChurnPct,
    )?;
    let growth = add(
        Decimal::ONE,
        fraction(inputs.get(InputKey::ExpansionPct)),
        InputKey::ExpansionPct,
    )?;
    let not_adopting = sub(Decimal::ONE, adoption, InputKey::AdoptionPct)?;
    let won_per_year = inputs.get(InputKey::NewClientsPerYear);
    let deal_value = inputs.get(InputKey::DealValue);
    let ramp_months = inputs.get(InputKey::RampMonths);
    let resell = fraction(inputs.get(InputKey::ResellPct));
    let services_margin = fraction(inputs.get(InputKey::ServicesMarginPct));
    let discount = add(
        Decimal::ONE,
        fraction(inputs.get(InputKey::DiscountRatePct)),
        InputKey::DiscountRatePct,
    )?;

    // A cohort's revenue changes each year by its clients' retention and its value's growth.
    let cohort_change = mul(retention, growth, InputKey::ExpansionPct)?;

    let mut remaining = inputs.get(InputKey::ExistingClients);
    let mut active = Decimal::ZERO;
    let mut discount_factor = Decimal::ONE;
    // Licence revenue of each cohort by age (index 0: the newest).
    let mut cohort_revenue: Vec<Decimal> = Vec::with_capacity(horizon as usize);
    let mut years = Vec::with_capacity(horizon as usize);
    for year in 1..=horizon {
        for revenue in &mut cohort_revenue {
            *revenue = mul(*revenue, cohort_change, InputKey::DealValue)?;
        }
        let selling = share_after_ramp(year, ramp_months);
        let new_clients = if selling == Decimal::ONE {
            // A full year of selling: the formulas of the model without the ramp, unchanged.
            let adopting = mul(adoption, remaining, InputKey::ExistingClients)?;
            remaining = mul(not_adopting, remaining, InputKey::ExistingClients)?;
            add(adopting, won_per_year, InputKey::NewClientsPerYear)?
        } else {
            let adopting = mul(
                selling,
                mul(adoption, remaining, InputKey::ExistingClients)?,
                InputKey::RampMonths,
            )?;
            let won = mul(selling, won_per_year, InputKey::RampMonths)?;
            remaining = sub(remaining, adopting, InputKey::ExistingClients)?;
            add(adopting, won, InputKey::NewClientsPerYear)?
        };
        // Newest cohort first, so index = age.
        cohort_revenue.insert(0, mul(new_clients, deal_value, InputKey::DealValue)?);
        // `A_t = (1−c)·A_{t−1} + N_t`: the cohorts' clients summed, one multiplication.
        active = add(
            mul(active, retention, InputKey::ChurnPct)?,
            new_clients,
            InputKey::NewClientsPerYear,
        )?;
        let mut revenue_up_to_age = Vec::with_capacity(cohort_revenue.len());
        let mut licence_revenue = Decimal::ZERO;
        for revenue in &cohort_revenue {
            licence_revenue = add(licence_revenue, *revenue, InputKey::DealValue)?;
            revenue_up_to_age.push(licence_revenue);
        }
        let services_revenue = add(
            mul(
                inputs.get(InputKey::OnboardingFee),
                new_clients,
                InputKey::OnboardingFee,
            )?,
            mul(
                inputs.get(InputKey::RecurringServices),
                active,
                InputKey::RecurringServices,
            )?,
            InputKey::RecurringServices,
        )?;
        discount_factor = mul(discount_factor, discount, InputKey::DiscountRatePct)?;
        years.push(ScheduleYear {
            year,
            new_clients,
            remaining_existing: remaining,
            active_clients: active,
            resold_revenue: mul(resell, licence_revenue, InputKey::DealValue)?,
            services_profit: mul(services_margin, services_revenue, InputKey::OnboardingFee)?,
            acquisition: mul(
                inputs.get(InputKey::AcquisitionCost),
                new_clients,
                InputKey::AcquisitionCost,
            )?,
            discount_factor,
            licence_revenue,
            revenue_up_to_age,
        });
    }
    Ok(years)
}
