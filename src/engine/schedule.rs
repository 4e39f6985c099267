//! The tier-independent part of the model: clients and licence revenue year by year.

use rust_decimal::Decimal;

use super::checked::{add, fraction, mul, sub, sum};
use super::error::EngineError;
use super::input_catalogue::InputKey;
use super::inputs::PartnerInputs;

/// Clients and licence revenue in one year of the projection.
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
    /// Licence revenue of each cohort by age: index 0 is this year's cohort.
    pub revenue_by_cohort_age: Vec<Decimal>,
}

impl ScheduleYear {
    /// `Lref_t`: licence revenue of the cohorts younger than `referral_years` (`None` = all).
    pub fn referral_revenue(&self, referral_years: Option<u32>) -> Result<Decimal, EngineError> {
        let counted = referral_years.map_or(usize::MAX, |years| years as usize);
        sum(
            self.revenue_by_cohort_age.iter().take(counted).copied(),
            InputKey::DealValue,
        )
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

/// One cohort of clients who adopted in the same year.
struct Cohort {
    clients: Decimal,
    value_per_client: Decimal,
}

/// Computes the client and revenue schedule for `horizon` years.
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

    let mut remaining = inputs.get(InputKey::ExistingClients);
    let mut cohorts: Vec<Cohort> = Vec::new();
    let mut years = Vec::new();
    for year in 1..=horizon {
        for cohort in &mut cohorts {
            cohort.clients = mul(cohort.clients, retention, InputKey::ChurnPct)?;
            cohort.value_per_client = mul(cohort.value_per_client, growth, InputKey::ExpansionPct)?;
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
        cohorts.insert(
            0,
            Cohort {
                clients: new_clients,
                value_per_client: deal_value,
            },
        );
        let revenue_by_cohort_age = cohorts
            .iter()
            .map(|cohort| mul(cohort.clients, cohort.value_per_client, InputKey::DealValue))
            .collect::<Result<Vec<_>, _>>()?;
        years.push(ScheduleYear {
            year,
            new_clients,
            remaining_existing: remaining,
            active_clients: sum(
                cohorts.iter().map(|c| c.clients),
                InputKey::NewClientsPerYear,
            )?,
            licence_revenue: sum(revenue_by_cohort_age.iter().copied(), InputKey::DealValue)?,
            revenue_by_cohort_age,
        });
    }
    Ok(years)
}
