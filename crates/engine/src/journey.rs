//! The tier journey ("Your path"): the tier a partner is in each year as its license revenue
//! grows and falls, and what that path earns (`docs/model.md`, "Your path").

use rust_decimal::Decimal;

use std::sync::Arc;

use super::checked::{add, add_scaled, mul_scaled, sub};
use super::error::EngineError;
use super::input_catalogue::InputKey;
use super::inputs::PartnerInputs;
use super::monthly::{MonthBasis, MonthlyNets};
use super::outcome::{initial_costs, Outcome, TierProjection};
use super::program::Program;
use super::schedule::MONTH_MONEY_SCALE;

/// The partner's path through the tiers.
#[derive(Debug, Clone, PartialEq)]
pub struct Journey {
    /// The index of each year's tier, year 1 first.
    pub tier_by_year: Vec<usize>,
    /// Each year's figures under that year's tier, joining costs included, and the totals.
    pub outcome: Outcome,
    /// The journey's net minus the net of staying in year 1's tier for the whole horizon.
    pub extra_net_vs_start_tier: Decimal,
}

impl Journey {
    /// The year in which the journey first enters the tier at `tier_index`, if it does.
    pub fn first_year_in(&self, tier_index: usize) -> Option<u32> {
        let position = self
            .tier_by_year
            .iter()
            .position(|&tier| tier == tier_index)?;
        u32::try_from(position + 1).ok()
    }

    /// The tiers of the path in the order they are entered, each with its first year.
    pub fn steps(&self) -> Vec<(usize, u32)> {
        let mut steps: Vec<(usize, u32)> = Vec::new();
        for (position, &tier) in self.tier_by_year.iter().enumerate() {
            if steps.last().map(|&(last, _)| last) != Some(tier) {
                steps.push((tier, u32::try_from(position + 1).unwrap_or(u32::MAX)));
            }
        }
        steps
    }
}

/// The tier of a year with license revenue `licence_revenue`: the highest (in program order)
/// whose revenue requirement it meets, else the lowest.
fn tier_for_revenue(program: &Program, licence_revenue: Decimal) -> usize {
    program
        .tiers
        .iter()
        .rposition(|tier| tier.terms.min_annual_revenue <= licence_revenue)
        .unwrap_or(0)
}

/// Follows the partner through `program` over `basis`'s schedule; `tiers` are the single-tier
/// projections: each year of the path is that year of its tier's, and the path is compared
/// with staying in year 1's tier.
pub(super) fn journey(
    program: &Program,
    inputs: &PartnerInputs,
    basis: &Arc<MonthBasis>,
    tiers: &[TierProjection],
) -> Result<Journey, EngineError> {
    let schedule = basis.schedule();
    let tier_by_year: Vec<usize> = schedule
        .years
        .iter()
        .map(|year| tier_for_revenue(program, year.licence_revenue))
        .collect();
    let terms_of = |index: usize| {
        program
            .tiers
            .get(index)
            .map(|tier| &tier.terms)
            .ok_or(EngineError::NoSuchTier)
    };
    let start = tier_by_year.first().copied().unwrap_or(0);
    let initial_costs = initial_costs(terms_of(start)?, inputs)?;

    // Year 1's joining cost is an initial cost.
    let mut entered = vec![false; program.tiers.len()];
    if let Some(first) = entered.get_mut(start) {
        *first = true;
    }
    let mut cumulative = -initial_costs;
    let mut years = Vec::with_capacity(schedule.years.len());
    let mut year_terms = Vec::with_capacity(schedule.years.len());
    for (index, &tier) in tier_by_year.iter().enumerate() {
        let joining_cost = terms_of(tier)?.joining_cost;
        let first_entry = !std::mem::replace(&mut entered[tier], true);
        // The year as that tier's own projection has it: the same operations in the same
        // order, so the same figures. A joining cost paid within it adds to its costs.
        let projection = tiers.get(tier).ok_or(EngineError::NoSuchTier)?;
        let mut year = projection
            .years
            .get(index)
            .cloned()
            .ok_or(EngineError::NoSuchTier)?;
        let mut terms = *projection
            .months
            .years()
            .get(index)
            .ok_or(EngineError::NoSuchTier)?;
        if first_entry && !joining_cost.is_zero() {
            year.joining_cost = joining_cost;
            year.costs = add(year.costs, joining_cost, InputKey::AcquisitionCost)?;
            year.net = sub(year.earnings, year.costs, InputKey::DealValue)?;
            // Paid in the year's first month.
            terms.opening_x144 = add_scaled(
                terms.opening_x144,
                mul_scaled(joining_cost, MONTH_MONEY_SCALE, InputKey::AcquisitionCost)?,
                InputKey::AcquisitionCost,
            )?;
        }
        year_terms.push(terms);
        year.cumulative_net = add(cumulative, year.net, InputKey::DealValue)?;
        cumulative = year.cumulative_net;
        years.push(year);
    }
    let months = MonthlyNets::new(Arc::clone(basis), year_terms);
    let outcome = Outcome::from_years(initial_costs, years, months, &schedule.years)?;
    let start_net = tiers.get(start).map_or(Decimal::ZERO, |tier| tier.net);
    Ok(Journey {
        extra_net_vs_start_tier: sub(outcome.net, start_net, InputKey::DealValue)?,
        tier_by_year,
        outcome,
    })
}
