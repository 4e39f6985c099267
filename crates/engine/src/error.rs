//! Why a projection could not be computed.

use std::fmt;

use super::input_catalogue::InputKey;
use super::program::Program;
use partner_roi_i18n::{Message, Msg};

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

impl EngineError {
    /// What went wrong, to be said in the widget's language.
    pub fn message(&self) -> Message {
        match self {
            EngineError::Overflow { input } => {
                Msg::ErrorOverflow.with_said("input", input.label_msg())
            }
            EngineError::InvalidHorizon => Msg::ErrorInvalidHorizon.into(),
            EngineError::NoSuchTier => Msg::ErrorNoSuchTier.into(),
        }
    }

    /// [`EngineError::message`] naming the input as `program` labels it.
    pub fn message_for(&self, program: &Program) -> Message {
        match self {
            EngineError::Overflow { input } => {
                program.with_input_label(Msg::ErrorOverflow.into(), "input", *input)
            }
            _ => self.message(),
        }
    }
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for EngineError {}
