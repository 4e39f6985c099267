//! A partner's inputs: one exact value per [`InputKey`], checked against a program's ranges.

use rust_decimal::Decimal;
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

use super::input_catalogue::InputKey;
use super::json_reader::{child_path, FieldError, JsonReader};
use super::program::Program;

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

    /// Reads an inputs object (`{"deal_value": "12000", …}`) on top of the program's defaults.
    ///
    /// Lenient: every valid value is taken, every invalid or unknown one is reported
    /// with its path under `path` and left at its default.
    pub fn from_json(program: &Program, value: &Value, path: &str) -> (Self, Vec<FieldError>) {
        let mut inputs = program.default_inputs();
        let mut reader = JsonReader::default();
        if let Some(map) = reader.object(value, path, &InputKey::names()) {
            for key in InputKey::ALL {
                let Some(raw) = map.get(key.name()) else {
                    continue;
                };
                let field_path = child_path(path, key.name());
                if let Some(number) = reader.decimal(raw, &field_path) {
                    match program.check_input(key, number) {
                        Ok(valid) => inputs.set(key, valid),
                        Err(message) => reader.error(field_path, message),
                    }
                }
            }
        }
        (inputs, reader.into_errors())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::default_program::default_program;
    use serde_json::json;

    #[test]
    fn valid_values_are_taken_and_invalid_ones_reported_at_their_path() {
        let program = default_program();
        let value = json!({"deal_value": "12000.50", "churn_pct": 140, "adoption": 3, "existing_clients": "x"});
        let (inputs, errors) = PartnerInputs::from_json(&program, &value, "inputs");
        assert_eq!(inputs.get(InputKey::DealValue), Decimal::new(1_200_050, 2));
        let defaults = program.default_inputs();
        assert_eq!(
            inputs.get(InputKey::ChurnPct),
            defaults.get(InputKey::ChurnPct)
        );
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "inputs.adoption: unknown field, did you mean adoption_pct?",
                "inputs.existing_clients: must be a number, got \"x\"",
                "inputs.churn_pct: must be between 0 and 50, got 140",
            ]
        );
    }

    #[test]
    fn serializes_as_exact_decimal_strings() {
        let program = default_program();
        let mut inputs = program.default_inputs();
        inputs.set(InputKey::DealValue, Decimal::new(1_234_567, 2));
        let json = serde_json::to_value(&inputs).unwrap_or_default();
        assert_eq!(json["deal_value"], json!("12345.67"));
        let (round_trip, errors) = PartnerInputs::from_json(&program, &json, "");
        assert_eq!(errors, []);
        assert_eq!(round_trip, inputs);
    }
}
