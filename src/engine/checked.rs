//! Checked decimal arithmetic that names the input to blame on overflow.
//!
//! A figure counts as an overflow not only when a [`Decimal`] cannot hold it, but as soon
//! as its magnitude passes [`LARGEST_FIGURE`]: below that bound every figure keeps at
//! least eight decimal places, so results stay exact to the cent.

use rust_decimal::Decimal;

use super::error::EngineError;
use super::input_catalogue::InputKey;

/// Result of an engine computation.
pub type Calc = Result<Decimal, EngineError>;

/// The largest magnitude (10^20) any figure of a projection may reach.
pub const LARGEST_FIGURE: Decimal = Decimal::from_parts(1_661_992_960, 1_808_227_885, 5, false, 0);

fn overflow(blame: InputKey) -> EngineError {
    EngineError::Overflow { input: blame }
}

/// [`LARGEST_FIGURE`]'s mantissa. A decimal is its mantissa divided by 10^scale, the scale
/// never negative: a mantissa no larger than this is within the bound whatever the scale.
const LARGEST_MANTISSA: u128 = 100_000_000_000_000_000_000;

/// Whether `value`'s magnitude is at most [`LARGEST_FIGURE`]. The mantissa test settles
/// nearly every case without the full comparison (which rescales): the engine's hot path.
fn within_bound(value: &Decimal) -> bool {
    value.mantissa().unsigned_abs() <= LARGEST_MANTISSA || value.abs() <= LARGEST_FIGURE
}

fn bounded(result: Option<Decimal>, blame: InputKey) -> Calc {
    result.filter(within_bound).ok_or(overflow(blame))
}

/// `a + b`, or an overflow blamed on `blame`.
pub fn add(a: Decimal, b: Decimal, blame: InputKey) -> Calc {
    bounded(a.checked_add(b), blame)
}

/// `a − b`, or an overflow blamed on `blame`.
pub fn sub(a: Decimal, b: Decimal, blame: InputKey) -> Calc {
    bounded(a.checked_sub(b), blame)
}

/// `a × b`, or an overflow blamed on `blame`.
pub fn mul(a: Decimal, b: Decimal, blame: InputKey) -> Calc {
    bounded(a.checked_mul(b), blame)
}

/// `a ÷ b`, or an overflow blamed on `blame` (callers exclude division by zero).
pub fn div(a: Decimal, b: Decimal, blame: InputKey) -> Calc {
    bounded(a.checked_div(b), blame)
}

/// The sum of `values`, or an overflow blamed on `blame`.
pub fn sum(values: impl IntoIterator<Item = Decimal>, blame: InputKey) -> Calc {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |total, value| add(total, value, blame))
}

/// A percent (20 = 20%) as a fraction (0.2).
pub fn fraction(percent: Decimal) -> Decimal {
    // Dividing by 100 only moves the decimal point; it cannot overflow.
    percent / Decimal::ONE_HUNDRED
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn largest_figure_is_ten_to_the_twentieth() {
        assert_eq!(LARGEST_FIGURE.to_string(), "100000000000000000000");
    }

    #[test]
    fn the_mantissa_shortcut_agrees_with_the_full_comparison() {
        assert_eq!(
            Decimal::from_i128_with_scale(LARGEST_MANTISSA as i128, 0),
            LARGEST_FIGURE
        );
        let mantissas = [
            0,
            1,
            99_999_999_999_999_999_999,
            100_000_000_000_000_000_000,
            100_000_000_000_000_000_001,
            1_000_000_000_000_000_000_000,
            10_000_000_000_000_000_000_000_000,
            79_228_162_514_264_337_593_543_950_335,
        ];
        for mantissa in mantissas {
            for scale in 0..=28 {
                for sign in [1, -1] {
                    let value = Decimal::from_i128_with_scale(sign * mantissa, scale);
                    assert_eq!(
                        within_bound(&value),
                        value.abs() <= LARGEST_FIGURE,
                        "{value} (mantissa {mantissa}, scale {scale})"
                    );
                }
            }
        }
    }

    #[test]
    fn figures_beyond_the_largest_are_overflows() {
        let blame = InputKey::DealValue;
        assert_eq!(
            add(LARGEST_FIGURE, Decimal::ZERO, blame),
            Ok(LARGEST_FIGURE)
        );
        assert_eq!(
            add(LARGEST_FIGURE, Decimal::ONE, blame),
            Err(overflow(blame))
        );
        assert_eq!(mul(Decimal::MAX, Decimal::TWO, blame), Err(overflow(blame)));
        assert_eq!(
            sub(-LARGEST_FIGURE, Decimal::ONE, blame),
            Err(overflow(blame))
        );
        assert_eq!(
            div(Decimal::ONE, Decimal::ZERO, blame),
            Err(overflow(blame))
        );
    }
}
