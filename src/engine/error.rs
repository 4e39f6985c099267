//! Why a projection could not be computed.

use std::fmt;

use super::input_catalogue::InputKey;

/// Why a projection could not be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EngineError {
    /// A figure grew beyond what exact decimals can hold; `input` is the value to reduce.
    Overflow {
        /// The input whose size caused the overflow.
        input: InputKey,
    },
    /// The horizon is not a whole number of years from 1 to 10.
    InvalidHorizon,
    /// The tier asked for is not in the program (a validated program has at least one).
    NoSuchTier,
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EngineError::Overflow { input } => write!(
                f,
                "The projection grows too large to compute exactly. Try a smaller \"{}\".",
                input.label()
            ),
            EngineError::InvalidHorizon => {
                f.write_str("The number of years must be a whole number from 1 to 10.")
            }
            EngineError::NoSuchTier => f.write_str("The program has no such tier."),
        }
    }
}

impl std::error::Error for EngineError {}
