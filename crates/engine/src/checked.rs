//! Checked decimal arithmetic that names the input to blame on overflow.
//!
//! A figure counts as an overflow not only when a [`Decimal`] cannot hold it, but as soon
//! as its magnitude passes 10^20: below that bound every figure keeps at
//! least eight decimal places, so results stay exact to the cent.

use rust_decimal::Decimal;

use super::error::EngineError;
use super::input_catalogue::InputKey;

/// Result of an engine computation.
pub type Calc = Result<Decimal, EngineError>;

fn overflow(blame: InputKey) -> EngineError {
    EngineError::Overflow { input: blame }
}

/// `10^(exponent+s)` for the scales `s` from 0 to 8: the largest mantissa of a figure of
/// magnitude at most `10^exponent` at scale `s`. From scale 9 on, a mantissa (below
/// 2^96 < 10^29) always is within the bounds used here.
const fn largest_mantissas(exponent: u32) -> [u128; 9] {
    let mut table = [0; 9];
    let mut scale = 0;
    while scale < table.len() {
        table[scale] = 10u128.pow(exponent + scale as u32);
        scale += 1;
    }
    table
}

/// Every figure of a projection: magnitudes up to 10^20.
const FIGURE_BOUND: [u128; 9] = largest_mantissas(20);
/// A month's figures kept as 144 × their value (`schedule.rs`): up to 10^23, above
/// 144 × 10^20, so that a month never overflows where its year would not. At that size a
/// figure still keeps five decimal places, a 144th of which is far below a cent.
const SCALED_BOUND: [u128; 9] = largest_mantissas(23);

/// Whether `value`'s magnitude is within `bound`, without a decimal comparison (the
/// engine's hot path): `|m| / 10^s <= 10^e` exactly when `|m| <= 10^(e+s)`.
fn within(value: &Decimal, bound: &[u128; 9]) -> bool {
    match bound.get(value.scale() as usize) {
        Some(&largest) => value.mantissa().unsigned_abs() <= largest,
        None => true,
    }
}

fn bounded(result: Option<Decimal>, blame: InputKey) -> Calc {
    bounded_by(result, &FIGURE_BOUND, blame)
}

fn bounded_by(result: Option<Decimal>, bound: &[u128; 9], blame: InputKey) -> Calc {
    result
        .filter(|value| within(value, bound))
        .ok_or(overflow(blame))
}

/// `a + b` within `bound`.
fn total(a: Decimal, b: Decimal, bound: &[u128; 9], blame: InputKey) -> Calc {
    // Many of a projection's figures are zero (no rebate, no joining cost…): adding one
    // needs no alignment of scales.
    if b.is_zero() {
        bounded_by(Some(a), bound, blame)
    } else if a.is_zero() {
        bounded_by(Some(b), bound, blame)
    } else {
        bounded_by(a.checked_add(b), bound, blame)
    }
}

/// `a × b` within `bound`.
fn product(a: Decimal, b: Decimal, bound: &[u128; 9], blame: InputKey) -> Calc {
    if a.is_zero() || b.is_zero() {
        Ok(Decimal::ZERO)
    } else {
        bounded_by(a.checked_mul(b), bound, blame)
    }
}

/// `a + b` of two scaled monthly figures (see [`SCALED_BOUND`]), or an overflow blamed on
/// `blame`.
pub fn add_scaled(a: Decimal, b: Decimal, blame: InputKey) -> Calc {
    total(a, b, &SCALED_BOUND, blame)
}

/// `a − b` of two scaled monthly figures, or an overflow blamed on `blame`.
pub fn sub_scaled(a: Decimal, b: Decimal, blame: InputKey) -> Calc {
    add_scaled(a, -b, blame)
}

/// `a × b` where the product is a scaled monthly figure, or an overflow blamed on `blame`.
pub fn mul_scaled(a: Decimal, b: Decimal, blame: InputKey) -> Calc {
    product(a, b, &SCALED_BOUND, blame)
}

/// `a + b`, or an overflow blamed on `blame`.
pub fn add(a: Decimal, b: Decimal, blame: InputKey) -> Calc {
    total(a, b, &FIGURE_BOUND, blame)
}

/// `a − b`, or an overflow blamed on `blame`.
pub fn sub(a: Decimal, b: Decimal, blame: InputKey) -> Calc {
    add(a, -b, blame)
}

/// `a × b`, or an overflow blamed on `blame`.
pub fn mul(a: Decimal, b: Decimal, blame: InputKey) -> Calc {
    product(a, b, &FIGURE_BOUND, blame)
}

/// `a ÷ b`, or an overflow blamed on `blame` (callers exclude division by zero).
pub fn div(a: Decimal, b: Decimal, blame: InputKey) -> Calc {
    bounded(a.checked_div(b), blame)
}

/// The sum of `values`, or an overflow blamed on `blame`.
pub fn sum(values: impl IntoIterator<Item = Decimal>, blame: InputKey) -> Calc {
    let mut values = values.into_iter();
    let first = bounded(Some(values.next().unwrap_or(Decimal::ZERO)), blame)?;
    values.try_fold(first, |total, value| add(total, value, blame))
}

/// A percent (20 = 20%) as a fraction (0.2), exactly.
pub fn fraction(percent: Decimal) -> Decimal {
    // Dividing by 100 only moves the decimal point two places: a change of scale, far
    // cheaper than a division. Only a percent already at the largest scales needs one.
    let mut moved = percent;
    if moved.set_scale(percent.scale() + 2).is_ok() {
        moved
    } else {
        percent / Decimal::ONE_HUNDRED
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The largest magnitude (10^20) any figure of a projection may reach.
    const LARGEST_FIGURE: Decimal = Decimal::from_parts(1_661_992_960, 1_808_227_885, 5, false, 0);

    #[test]
    fn largest_figure_is_ten_to_the_twentieth() {
        assert_eq!(LARGEST_FIGURE.to_string(), "100000000000000000000");
    }

    #[test]
    fn the_mantissa_test_agrees_with_the_full_comparison() {
        let mantissas = [
            0,
            1,
            99_999_999_999_999_999_999,
            100_000_000_000_000_000_000,
            100_000_000_000_000_000_001,
            1_000_000_000_000_000_000_000,
            10_000_000_000_000_000_000_000_000,
            10_000_000_000_000_000_000_000_001,
            79_228_162_514_264_337_593_543_950_335,
        ];
        // Each scale's own boundary, 10^(20+s), and its neighbours, where they fit.
        let boundaries = (0..=8u32).flat_map(|scale| {
            let boundary = 10i128.pow(20 + scale);
            [boundary - 1, boundary, boundary + 1]
        });
        for mantissa in mantissas.into_iter().chain(boundaries) {
            for scale in 0..=28 {
                for sign in [1, -1] {
                    let value = Decimal::from_i128_with_scale(sign * mantissa, scale);
                    assert_eq!(
                        within(&value, &FIGURE_BOUND),
                        value.abs() <= LARGEST_FIGURE,
                        "{value} (mantissa {mantissa}, scale {scale})"
                    );
                }
            }
        }
    }

    #[test]
    fn a_fraction_is_the_percent_divided_by_a_hundred() {
        for text in [
            "20",
            "0.1",
            "-7.25",
            "0",
            "100",
            "0.0000000000000000000000001",
        ] {
            let percent: Decimal = text.parse().unwrap_or_default();
            assert_eq!(fraction(percent), percent / Decimal::ONE_HUNDRED, "{text}");
        }
        let finest = Decimal::from_i128_with_scale(123_456, 28);
        assert_eq!(fraction(finest), finest / Decimal::ONE_HUNDRED);
        assert_eq!(fraction(Decimal::from(20)).to_string(), "0.20");
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

    #[test]
    fn scaled_monthly_figures_may_reach_144_times_the_largest_figure() {
        let blame = InputKey::DealValue;
        let scaled_largest = LARGEST_FIGURE * Decimal::from(144);
        assert_eq!(
            add(scaled_largest, Decimal::ZERO, blame),
            Err(overflow(blame))
        );
        assert_eq!(
            add_scaled(scaled_largest, Decimal::ZERO, blame),
            Ok(scaled_largest)
        );
        assert_eq!(
            mul_scaled(LARGEST_FIGURE, Decimal::from(144), blame),
            Ok(scaled_largest)
        );
        let beyond = Decimal::from_i128_with_scale(10i128.pow(23) + 1, 0);
        assert_eq!(
            add_scaled(beyond, Decimal::ZERO, blame),
            Err(overflow(blame))
        );
        assert_eq!(
            sub_scaled(-beyond, Decimal::ZERO, blame),
            Err(overflow(blame))
        );
    }
}
