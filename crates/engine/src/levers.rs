//! What moves your profit: how a tier's total net answers each of the partner's own inputs
//! moved 10% down and up (`docs/model.md`, "What moves your profit").

use rust_decimal::{Decimal, RoundingStrategy};

use super::checked::mul;
use super::error::EngineError;
use super::input_catalogue::InputKey;
use super::inputs::PartnerInputs;
use super::program::Program;
use super::projection::project_tier_net;

/// One input moved down and up, and the tier's total net at each end.
#[derive(Debug, Clone, PartialEq)]
pub struct Lever {
    /// The input moved.
    pub input: InputKey,
    /// Its value × 0.9, rounded and clamped.
    pub low_value: Decimal,
    /// Its value × 1.1, rounded and clamped.
    pub high_value: Decimal,
    /// The tier's total net with `low_value`.
    pub low_net: Decimal,
    /// The tier's total net with `high_value`.
    pub high_net: Decimal,
}

impl Lever {
    /// How far apart the two nets are.
    pub fn spread(&self) -> Decimal {
        (self.high_net - self.low_net).abs()
    }
}

/// Inputs the partner sees, other than the horizon and the discount rate: those change what
/// is measured rather than the business.
pub fn lever_inputs(program: &Program) -> impl Iterator<Item = InputKey> + '_ {
    InputKey::ALL.into_iter().filter(|&key| {
        !matches!(key, InputKey::HorizonYears | InputKey::DiscountRatePct)
            && !program.input_spec(key).hidden
    })
}

/// Every lever of the tier at `tier_index`, the widest spread first (ties in input order).
pub fn levers(
    program: &Program,
    inputs: &PartnerInputs,
    tier_index: usize,
) -> Result<Vec<Lever>, EngineError> {
    let mut levers = Vec::new();
    for input in lever_inputs(program) {
        let low_value = moved(program, inputs, input, Decimal::new(9, 1))?;
        let high_value = moved(program, inputs, input, Decimal::new(11, 1))?;
        let net_with = |value: Decimal| {
            let mut changed = inputs.clone();
            changed.set(input, value);
            project_tier_net(program, &changed, tier_index)
        };
        levers.push(Lever {
            input,
            low_net: net_with(low_value)?,
            high_net: net_with(high_value)?,
            low_value,
            high_value,
        });
    }
    // Spreads are differences of checked figures (below 10^20 each): they cannot overflow.
    levers.sort_by_key(|lever| std::cmp::Reverse(lever.spread()));
    Ok(levers)
}

/// `input`'s value × `factor`, rounded half-even to a whole number for whole-number inputs,
/// then clamped to the program's range.
fn moved(
    program: &Program,
    inputs: &PartnerInputs,
    input: InputKey,
    factor: Decimal,
) -> Result<Decimal, EngineError> {
    let mut value = mul(inputs.get(input), factor, input)?;
    if input.unit().is_whole() {
        value = value.round_dp_with_strategy(0, RoundingStrategy::MidpointNearestEven);
    }
    let spec = program.input_spec(input);
    Ok(value.max(spec.min).min(spec.max))
}
