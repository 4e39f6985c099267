//! Checked decimal arithmetic that names the input to blame on overflow.
//!
//! A figure counts as an overflow not only when a [`Decimal`] cannot hold it, but as soon
//! as its magnitude passes [`LARGEST_FIGURE`]: below that bound every figure keeps at
//! least eight decimal places, so results stay exact to the cent.

use rust_decimal::Decimal;

use super::input_catalogue::InputKey;
use super::projection::EngineError;

/// Result of an engine computation.
pub type Calc = Result<Decimal, EngineError>;

/// The largest magnitude (10^20) any figure of a projection may reach.
pub const LARGEST_FIGURE: Decimal = Decimal::from_parts(1_661_992_960, 1_808_227_885, 5, false, 0);

fn overflow(blame: InputKey) -> EngineError {
    EngineError::Overflow { input: blame }
}

fn bounded(result: Option<Decimal>, blame: InputKey) -> Calc {
    result
        .filter(|value| value.abs() <= LARGEST_FIGURE)
        .ok_or(overflow(blame))
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
