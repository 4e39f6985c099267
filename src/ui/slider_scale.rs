//! Where a partner input's slider puts each value. Narrow ranges are linear. Wide money,
//! client and staff ranges (a deal value from $500 to $250,000) follow a cubic curve over
//! [`POSITIONS`] steps, so that small values get as much of the track as large ones, and
//! land on round figures (two significant digits). Plain Rust and exact decimals: no floats.

use rust_decimal::Decimal;

use crate::engine::Unit;

/// Track positions of a curved slider.
pub const POSITIONS: u32 = 1000;

/// A range this many times its lower end (or 1) or wider gets the curve.
const CURVE_RATIO: i64 = 100;

/// How a slider maps its track to an input's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SliderScale {
    /// The slider's value is the input's value, `step` apart.
    Linear {
        /// Smallest value.
        min: Decimal,
        /// Largest value.
        max: Decimal,
        /// Distance between positions.
        step: Decimal,
    },
    /// The slider's value is a position from 0 to [`POSITIONS`] on a [`Curve`].
    Curved(Curve),
}

/// A cubic track from `min` (position 0) to `max` (position [`POSITIONS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Curve {
    min: Decimal,
    max: Decimal,
}

/// The `min`, `max`, `step` and `value` attributes of an `<input type="range">`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SliderAttributes {
    /// `min`.
    pub min: String,
    /// `max`.
    pub max: String,
    /// `step`.
    pub step: String,
    /// `value`.
    pub value: String,
}

impl SliderScale {
    /// The scale for an input of `unit` accepting `min` to `max`.
    pub fn for_input(unit: Unit, min: Decimal, max: Decimal) -> Self {
        let wide = times(min.max(Decimal::ONE), Decimal::from(CURVE_RATIO))
            .is_some_and(|threshold| max >= threshold);
        if matches!(unit, Unit::Money | Unit::Clients | Unit::People) && wide {
            Self::Curved(Curve { min, max })
        } else {
            Self::Linear {
                min,
                max,
                step: linear_step(unit, min, max),
            }
        }
    }

    /// The slider's attributes showing `value`.
    pub fn attributes(&self, value: Decimal) -> SliderAttributes {
        match *self {
            Self::Linear { min, max, step } => SliderAttributes {
                min: min.normalize().to_string(),
                max: max.normalize().to_string(),
                step: step.to_string(),
                value: value.normalize().to_string(),
            },
            Self::Curved(curve) => SliderAttributes {
                min: "0".to_owned(),
                max: POSITIONS.to_string(),
                step: "1".to_owned(),
                value: curve.position_of(value).to_string(),
            },
        }
    }

    /// The input value for the slider's `value` attribute, if it is one.
    pub fn value_from_slider(&self, text: &str) -> Option<Decimal> {
        match self {
            Self::Linear { .. } => crate::engine::decimal_text::parse_decimal(text),
            Self::Curved(curve) => text
                .trim()
                .parse::<u32>()
                .ok()
                .map(|position| curve.value_at(position)),
        }
    }
}

impl Curve {
    /// The value at a track position: `min + (max − min) · (position / POSITIONS)³`, rounded
    /// to two significant digits of its distance from `min`, within `[min, max]`.
    pub fn value_at(&self, position: u32) -> Decimal {
        let (min, max) = (self.min, self.max);
        if position >= POSITIONS {
            return max;
        }
        let fraction = Decimal::from(position) / Decimal::from(POSITIONS);
        let span = max - min;
        let offset = [fraction, fraction, span]
            .into_iter()
            .try_fold(fraction, times)
            .unwrap_or(span);
        min.checked_add(round_to_two_digits(offset))
            .unwrap_or(max)
            .clamp(min, max)
    }

    /// The track position closest to `value`.
    pub fn position_of(&self, value: Decimal) -> u32 {
        // value_at never decreases along the track: the first position at or past `value`,
        // or the one before it if that is closer.
        let (mut low, mut high) = (0, POSITIONS);
        while low < high {
            let middle = (low + high) / 2;
            if self.value_at(middle) < value {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        if low > 0 && value - self.value_at(low - 1) < self.value_at(low) - value {
            low - 1
        } else {
            low
        }
    }
}

/// `a × b`, if it fits. One out-of-line copy for this file: inlined at each use, decimal
/// multiplication tripled the wasm size of [`Curve::value_at`] (twiggy, BENCHMARKS.md).
#[inline(never)]
fn times(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

/// `offset` (≥ 0) rounded to two significant digits, and to a whole number.
fn round_to_two_digits(offset: Decimal) -> Decimal {
    let mut unit = Decimal::ONE;
    while let Some(next) = times(unit, Decimal::TEN) {
        if times(unit, Decimal::ONE_HUNDRED).is_none_or(|limit| offset < limit) {
            break;
        }
        unit = next;
    }
    offset
        .checked_div(unit)
        .and_then(|units| times(units.round(), unit))
        .unwrap_or(offset)
}

/// A linear slider's step giving about a hundred positions at round values.
fn linear_step(unit: Unit, min: Decimal, max: Decimal) -> Decimal {
    if unit.is_whole() {
        return Decimal::ONE;
    }
    if unit == Unit::Percent {
        return Decimal::new(5, 1);
    }
    let span = max.checked_sub(min).unwrap_or(max).max(Decimal::ONE);
    let mut step = Decimal::ONE;
    while let Some(next) = times(step, Decimal::TEN) {
        if times(step, Decimal::ONE_THOUSAND).is_none_or(|limit| limit > span) {
            break;
        }
        step = next;
    }
    step
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(value: i64) -> Decimal {
        Decimal::from(value)
    }

    /// The built-in program's deal value range.
    fn deal_value_curve() -> Curve {
        match SliderScale::for_input(Unit::Money, dec(500), dec(250_000)) {
            SliderScale::Curved(curve) => curve,
            linear => panic!("expected a curve, got {linear:?}"),
        }
    }

    #[test]
    fn wide_money_client_and_staff_ranges_are_curved_the_rest_linear() {
        let curved = |unit, min, max| {
            matches!(
                SliderScale::for_input(unit, dec(min), dec(max)),
                SliderScale::Curved(_)
            )
        };
        assert!(curved(Unit::Money, 500, 250_000));
        assert!(curved(Unit::Money, 0, 100_000));
        assert!(curved(Unit::Clients, 0, 1_000));
        assert!(curved(Unit::People, 0, 200));
        assert!(!curved(Unit::Money, 1_000, 50_000));
        assert!(!curved(Unit::Clients, 0, 50));
        assert!(!curved(Unit::Percent, 0, 100));
        assert!(!curved(Unit::Years, 1, 10));
    }

    #[test]
    fn linear_sliders_carry_the_input_range_and_a_round_step() {
        let scale = SliderScale::for_input(Unit::Money, dec(1_000), dec(50_000));
        let attributes = scale.attributes(dec(12_345));
        assert_eq!(
            attributes,
            SliderAttributes {
                min: "1000".into(),
                max: "50000".into(),
                step: "100".into(),
                value: "12345".into(),
            }
        );
        assert_eq!(scale.value_from_slider("12300"), Some(dec(12_300)));
        let percent = SliderScale::for_input(Unit::Percent, dec(0), dec(100));
        assert_eq!(percent.attributes(dec(20)).step, "0.5");
    }

    #[test]
    fn a_curved_track_runs_from_min_to_max_without_going_back() {
        let scale = deal_value_curve();
        assert_eq!(scale.value_at(0), dec(500));
        assert_eq!(scale.value_at(POSITIONS), dec(250_000));
        let values: Vec<Decimal> = (0..=POSITIONS).map(|p| scale.value_at(p)).collect();
        assert!(values.windows(2).all(|pair| pair[0] <= pair[1]));
        assert!(values.iter().all(|v| *v >= dec(500) && *v <= dec(250_000)));
        // Small deal values get a real share of the track: under $10,000 for the first quarter.
        assert!(scale.value_at(POSITIONS / 4) < dec(10_000));
        // Several hundred distinct values, each round (two significant digits above the min).
        let mut distinct = values.clone();
        distinct.dedup();
        assert!(distinct.len() > 250, "{} distinct values", distinct.len());
        for value in values.iter().filter(|value| **value < dec(250_000)) {
            let offset = (*value - dec(500)).normalize();
            let digits = offset.mantissa().to_string().trim_end_matches('0').len();
            assert!(digits <= 2 && offset.scale() == 0, "{value} is not round");
        }
    }

    #[test]
    fn positions_and_values_round_trip() {
        let scale = deal_value_curve();
        for position in 0..=POSITIONS {
            let value = scale.value_at(position);
            assert_eq!(scale.value_at(scale.position_of(value)), value);
        }
        // A typed value between two positions shows at the nearer one.
        let position = scale.position_of(dec(42_000));
        let here = scale.value_at(position);
        for neighbour in [position.saturating_sub(1), (position + 1).min(POSITIONS)] {
            let there = scale.value_at(neighbour);
            assert!((here - dec(42_000)).abs() <= (there - dec(42_000)).abs());
        }
        assert_eq!(scale.position_of(dec(0)), 0);
        assert_eq!(scale.position_of(dec(1_000_000)), POSITIONS);
        let slider = SliderScale::Curved(scale);
        assert_eq!(slider.value_from_slider("1000"), Some(dec(250_000)));
        assert_eq!(slider.value_from_slider("0"), Some(dec(500)));
        assert_eq!(slider.value_from_slider("not a position"), None);
        assert_eq!(
            slider.attributes(dec(500)),
            SliderAttributes {
                min: "0".into(),
                max: "1000".into(),
                step: "1".into(),
                value: "0".into(),
            }
        );
    }

    #[test]
    fn client_and_staff_counts_stay_whole() {
        for (unit, max) in [(Unit::Clients, 1_000_000), (Unit::People, 200)] {
            let SliderScale::Curved(scale) = SliderScale::for_input(unit, dec(0), dec(max)) else {
                panic!("a wide {unit:?} range is curved");
            };
            assert!((0..=POSITIONS).all(|p| scale.value_at(p).fract().is_zero()));
        }
    }
}
