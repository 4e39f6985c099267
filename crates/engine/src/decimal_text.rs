//! Exact decimals from text and JSON, and [`fixed_places`]: the half-even rounding applied
//! at the output edge (the result document, call-to-action urls, displayed figures).

use std::cmp::Ordering;
use std::fmt;

use rust_decimal::Decimal;
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

/// Text of a decimal rounded half-even to exactly `places` places (at most 9; `"192000.00"`).
pub fn fixed_places(value: Decimal, places: u32) -> String {
    FixedPlaces(value, places).to_string()
}

/// A decimal written rounded half-even to exactly `.1` places (at most 9), without an
/// allocation: the rounding works on the mantissa as an integer and the digits are written
/// into a buffer on the stack. The result document writes every figure this way.
pub struct FixedPlaces(pub Decimal, pub u32);

/// `10^n` for every scale difference.
const POWERS_OF_TEN: [i128; 29] = {
    let mut table = [1; 29];
    let mut n = 1;
    while n < table.len() {
        table[n] = table[n - 1] * 10;
        n += 1;
    }
    table
};

/// The most places [`FixedPlaces`] writes: any mantissa (< 2^96) times 10^9 fits an `i128`.
const MOST_PLACES: u32 = 9;

/// Room for a sign, 29 whole digits (`Decimal::MAX`), a point and [`MOST_PLACES`] places.
pub const TEXT_CAPACITY: usize = 40;

impl FixedPlaces {
    /// The value as a whole number of `10^-places` (at most [`MOST_PLACES`]).
    fn units(&self, places: u32) -> i128 {
        let FixedPlaces(value, _) = *self;
        let (scale, mantissa) = (value.scale(), value.mantissa());
        if scale <= places {
            return mantissa * POWERS_OF_TEN[(places - scale) as usize];
        }
        let divisor = POWERS_OF_TEN[(scale - places) as usize];
        let (quotient, remainder) = (mantissa / divisor, (mantissa % divisor).abs());
        let rounds_away = match (2 * remainder).cmp(&divisor) {
            Ordering::Greater => true,
            Ordering::Equal => quotient % 2 != 0,
            Ordering::Less => false,
        };
        quotient + if rounds_away { mantissa.signum() } else { 0 }
    }

    /// Writes the text into the end of `buffer` and returns it.
    pub fn write_into<'b>(&self, buffer: &'b mut [u8; TEXT_CAPACITY]) -> &'b str {
        let places = self.1.min(MOST_PLACES) as usize;
        let units = self.units(places as u32);
        let mut wide = units.unsigned_abs();
        let mut start = buffer.len();
        // 128-bit division is slow: only the digits beyond 64 bits take it.
        while wide > u128::from(u64::MAX) {
            start -= 1;
            buffer[start] = b'0' + (wide % 10) as u8;
            wide /= 10;
        }
        let mut digits = wide as u64;
        // At least `places` + 1 digits: a whole digit, then the places.
        while digits > 0 || buffer.len() - start <= places {
            start -= 1;
            buffer[start] = b'0' + (digits % 10) as u8;
            digits /= 10;
        }
        if places > 0 {
            // The whole digits move one to the left, for the point.
            let point = buffer.len() - places;
            buffer.copy_within(start..point, start - 1);
            start -= 1;
            buffer[point - 1] = b'.';
        }
        if units < 0 {
            start -= 1;
            buffer[start] = b'-';
        }
        // Only ASCII digits, a point and a minus sign were written.
        std::str::from_utf8(&buffer[start..]).unwrap_or_default()
    }
}

impl fmt::Display for FixedPlaces {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.write_into(&mut [0; TEXT_CAPACITY]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::RoundingStrategy;
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
        assert_eq!(fixed_places(dec("-2.345"), 2), "-2.34");
        assert_eq!(fixed_places(dec("-2.355"), 2), "-2.36");
        assert_eq!(fixed_places(dec("-0.005"), 2), "0.00");
        assert_eq!(fixed_places(dec("0.015"), 2), "0.02");
        assert_eq!(fixed_places(dec("12.5"), 0), "12");
        assert_eq!(fixed_places(dec("13.5"), 0), "14");
        assert_eq!(
            fixed_places(Decimal::MAX, 2),
            "79228162514264337593543950335.00"
        );
        assert_eq!(
            fixed_places(Decimal::MIN, 4),
            "-79228162514264337593543950335.0000"
        );
        assert_eq!(
            fixed_places(Decimal::MIN, 9),
            "-79228162514264337593543950335.000000000"
        );
        assert_eq!(
            fixed_places(Decimal::MAX, 28),
            fixed_places(Decimal::MAX, 9)
        );
    }

    /// What `fixed_places` must write: rust_decimal's own half-even rounding and text.
    fn reference(value: Decimal, places: u32) -> String {
        let mut rounded =
            value.round_dp_with_strategy(places, RoundingStrategy::MidpointNearestEven);
        rounded.rescale(places);
        if rounded.is_zero() {
            rounded.set_sign_positive(true);
        }
        rounded.to_string()
    }

    #[test]
    fn integer_rounding_writes_what_rust_decimal_writes() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let mantissa = i128::from(next()) << (next() % 32) | i128::from(next() % 1000);
            let mantissa = mantissa % 79_228_162_514_264_337_593_543_950_335;
            let mantissa = if next() % 2 == 0 { -mantissa } else { mantissa };
            let value = Decimal::from_i128_with_scale(mantissa, (next() % 29) as u32);
            // Beyond the engine's largest figure (10^20), rust_decimal cannot always
            // rescale to 4 places; `fixed_places` still can.
            if value.abs() > Decimal::from(10u64.pow(19)) * Decimal::TEN {
                continue;
            }
            for places in [0, 2, 4] {
                assert_eq!(
                    fixed_places(value, places),
                    reference(value, places),
                    "{value}"
                );
            }
        }
        for text in [
            "0.5", "1.5", "2.5", "-0.5", "0.045", "0.055", "1.00005", "0",
        ] {
            for places in [0, 1, 2, 4] {
                let value = dec(text);
                assert_eq!(
                    fixed_places(value, places),
                    reference(value, places),
                    "{text}"
                );
            }
        }
    }
}
