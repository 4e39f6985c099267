//! A partner's inputs: one exact value per [`InputKey`] (checked against a program's
//! ranges by [`crate::Program::check_input`] and [`crate::Program::inputs_from_json`]).

use rust_decimal::Decimal;
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::input_catalogue::InputKey;

/// The values a partner entered (or the program's defaults), indexed by [`InputKey`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerInputs {
    values: [Decimal; InputKey::COUNT],
}

impl PartnerInputs {
    /// Inputs with every value taken from `value_of`.
    pub fn from_fn(value_of: impl Fn(InputKey) -> Decimal) -> Self {
        Self {
            values: InputKey::ALL.map(value_of),
        }
    }

    /// The value of one input.
    pub fn get(&self, key: InputKey) -> Decimal {
        self.values[key.index()]
    }

    /// Replaces the value of one input.
    pub fn set(&mut self, key: InputKey, value: Decimal) {
        self.values[key.index()] = value;
    }
}

impl Serialize for PartnerInputs {
    /// An object of input name to exact decimal string.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.values.len()))?;
        for key in InputKey::ALL {
            map.serialize_entry(key.name(), &self.get(key).normalize().to_string())?;
        }
        map.end()
    }
}
