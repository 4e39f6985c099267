//! Exact decimals from text and JSON, and [`fixed_places`]: the half-even rounding applied
//! at the output edge (the result document, call-to-action urls, displayed figures).

use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value;

/// Parses a decimal written as `12`, `-0.5`, `1e3` or `"0.1"`-style text, exactly.
///
/// Returns `None` for anything that is not a plain decimal number or that has more
/// digits than a [`Decimal`] can hold without rounding.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let text = text.trim();
    let well_formed = !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
        && text.bytes().any(|b| b.is_ascii_digit());
    if !well_formed {
        return None;
    }
    if text.contains(['e', 'E']) {
        Decimal::from_scientific(text).ok()
    } else {
        Decimal::from_str_exact(text).ok()
    }
}

/// Reads a JSON number or decimal string as an exact decimal.
pub fn decimal_from_json(value: &Value) -> Option<Decimal> {
    match value {
        Value::Number(number) => parse_decimal(&number.to_string()),
        Value::String(text) => parse_decimal(text),
        _ => None,
    }
}

/// Text of a decimal rounded to exactly `places` places (`"192000.00"`).
pub fn fixed_places(value: Decimal, places: u32) -> String {
    let mut rounded = value.round_dp_with_strategy(places, RoundingStrategy::MidpointNearestEven);
    rounded.rescale(places);
    if rounded.is_zero() {
        rounded.set_sign_positive(true);
    }
    rounded.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap_or_default()
    }

    #[test]
    fn number_and_string_mean_the_same_exact_value() {
        let from_number: Value = serde_json::from_str("0.1").unwrap_or(Value::Null);
        let from_string = Value::String("0.1".into());
        assert_eq!(decimal_from_json(&from_number), Some(dec("0.1")));
        assert_eq!(decimal_from_json(&from_string), Some(dec("0.1")));
    }

    #[test]
    fn long_json_numbers_keep_every_digit() {
        let value: Value = serde_json::from_str("12345678901234567890.123").unwrap_or(Value::Null);
        assert_eq!(
            decimal_from_json(&value),
            Some(dec("12345678901234567890.123"))
        );
    }

    #[test]
    fn scientific_notation_is_exact() {
        assert_eq!(parse_decimal("1.5e3"), Some(dec("1500")));
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        for text in ["", "abc", "1,5", "--1", "1.2.3", "NaN", "e", "0x10"] {
            assert_eq!(parse_decimal(text), None, "{text}");
        }
        assert_eq!(decimal_from_json(&Value::Bool(true)), None);
    }

    #[test]
    fn rounding_is_half_even_at_the_edge() {
        assert_eq!(fixed_places(dec("2.345"), 2), "2.34");
        assert_eq!(fixed_places(dec("2.355"), 2), "2.36");
        assert_eq!(fixed_places(dec("7"), 2), "7.00");
        assert_eq!(fixed_places(dec("-0.001"), 2), "0.00");
        assert_eq!(fixed_places(dec("0.123450"), 4), "0.1234");
        assert_eq!(fixed_places(dec("0.12355"), 4), "0.1236");
        assert_eq!(fixed_places(dec("0.125"), 2), "0.12");
    }
}
