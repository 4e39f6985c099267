//! Conservative and optimistic projections: the program's spread applied to adoption and
//! new clients (`docs/model.md`, "Ranges"). The expected figure is the plain [`project`].

use rust_decimal::Decimal;

use super::checked::{add, fraction, mul, sub};
use super::error::EngineError;
use super::input_catalogue::InputKey;
use super::inputs::PartnerInputs;
use super::program::Program;
use super::projection::{project, Projection};

/// The projections with adoption and new clients moved down and up by the program's spread.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectionRange {
    /// Adoption and new clients × (1 − spread).
    pub conservative: Projection,
    /// Adoption (capped at 100%) and new clients × (1 + spread).
    pub optimistic: Projection,
}

impl ProjectionRange {
    /// `(conservative, optimistic)` total net of the tier at `tier_index`.
    pub fn net_range(&self, tier_index: usize) -> Option<(Decimal, Decimal)> {
        let conservative = self.conservative.tiers.get(tier_index)?;
        let optimistic = self.optimistic.tiers.get(tier_index)?;
        Some((conservative.net, optimistic.net))
    }
}

/// Projects `program` for `inputs` with the program's spread taken off and added on.
pub fn project_range(
    program: &Program,
    inputs: &PartnerInputs,
) -> Result<ProjectionRange, EngineError> {
    let spread = fraction(program.spread_pct);
    let blame = InputKey::AdoptionPct;
    let conservative = scaled(inputs, sub(Decimal::ONE, spread, blame)?)?;
    let optimistic = scaled(inputs, add(Decimal::ONE, spread, blame)?)?;
    Ok(ProjectionRange {
        conservative: project(program, &conservative)?,
        optimistic: project(program, &optimistic)?,
    })
}

/// `inputs` with adoption (at most 100%) and new clients per year multiplied by `factor`.
fn scaled(inputs: &PartnerInputs, factor: Decimal) -> Result<PartnerInputs, EngineError> {
    let (adoption, clients) = (InputKey::AdoptionPct, InputKey::NewClientsPerYear);
    let mut scaled = inputs.clone();
    let scaled_adoption = mul(inputs.get(adoption), factor, adoption)?;
    scaled.set(adoption, scaled_adoption.min(Decimal::ONE_HUNDRED));
    scaled.set(clients, mul(inputs.get(clients), factor, clients)?);
    Ok(scaled)
}
