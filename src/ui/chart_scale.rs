//! Chart geometry without floating point: exact decimals mapped onto integer SVG units.
//!
//! Plain Rust, no web types, never panics: every decimal operation is checked and falls back
//! to a harmless value (the start of the range, or the bare data extent) when it cannot be done.

use rust_decimal::Decimal;
use std::iter::successors;

/// Maps the decimal interval `domain_min..=domain_max` linearly onto `range_start..=range_end`.
///
/// The range may run backwards (an SVG y axis grows downwards: `range_start` is the bottom).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinearScale {
    /// The value drawn at `range_start`.
    pub domain_min: Decimal,
    /// The value drawn at `range_end`.
    pub domain_max: Decimal,
    /// Where `domain_min` lands, in SVG units.
    pub range_start: i64,
    /// Where `domain_max` lands, in SVG units.
    pub range_end: i64,
}

impl LinearScale {
    /// A scale whose domain runs from the first to the last of `ticks` (see [`nice_ticks`]).
    pub fn over_ticks(ticks: &[Decimal], range_start: i64, range_end: i64) -> Self {
        Self {
            domain_min: ticks.first().copied().unwrap_or(Decimal::ZERO),
            domain_max: ticks.last().copied().unwrap_or(Decimal::ZERO),
            range_start,
            range_end,
        }
    }

    /// The rounded position of `value`; values outside the domain are pinned to its ends,
    /// and an empty domain (`domain_min == domain_max`) maps everything to `range_start`.
    pub fn map(&self, value: Decimal) -> i64 {
        let start = Decimal::from(self.range_start);
        let fraction = value
            .checked_sub(self.domain_min)
            .zip(self.domain_max.checked_sub(self.domain_min))
            .and_then(|(offset, span)| offset.checked_div(span))
            .unwrap_or(Decimal::ZERO)
            .clamp(Decimal::ZERO, Decimal::ONE);
        Decimal::from(self.range_end)
            .checked_sub(start)
            .and_then(|length| length.checked_mul(fraction))
            .and_then(|offset| start.checked_add(offset))
            .and_then(|position| i64::try_from(position.round()).ok())
            .unwrap_or(self.range_start)
    }

    /// The top-most coordinate and the length of the segment between `from` and `to`.
    pub fn extent(&self, from: Decimal, to: Decimal) -> (i64, i64) {
        let (a, b) = (self.map(from), self.map(to));
        (a.min(b), a.abs_diff(b).try_into().unwrap_or(i64::MAX))
    }
}

/// A generous average width of a character at the charts' largest font size (32 units);
/// a wide (CJK) character counts twice.
pub const CHAR_WIDTH: i64 = 18;

/// The estimated width of `text` at the charts' largest font size, in SVG units.
pub fn text_width(text: &str) -> i64 {
    let is_wide = |c: char| ('\u{2e80}'..='\u{ffdc}').contains(&c);
    text.chars()
        .map(|c| if is_wide(c) { 2 } else { 1 })
        .fold(0_i64, i64::saturating_add)
        .saturating_mul(CHAR_WIDTH)
}

/// Where a plot starts whose y-axis `labels` end `gap` units before it: at `minimum`, or
/// further right when the widest label (`-200 mil US$`) needs the room.
pub fn plot_left(labels: &[String], minimum: i64, gap: i64) -> i64 {
    labels
        .iter()
        .map(|label| text_width(label).saturating_add(gap))
        .fold(minimum, i64::max)
}

/// Where to centre `text` meant to be centred on `center` so that it stays inside
/// `0..=width` (a wide label over the last bar moves left instead of spilling).
pub fn centre_within(center: i64, text: &str, width: i64) -> i64 {
    let half = text_width(text) / 2;
    center.clamp(
        half.min(width / 2),
        width.saturating_sub(half).max(width / 2),
    )
}

/// At most `count` (at least 2) evenly spaced round ticks covering `min..=max`, with the
/// smallest whole step of 1, 2, 2.5 or 5 × 10ⁿ that fits; zero is a tick whenever they span it.
///
/// When `min == max` the span is widened to include zero, and `0..=0` becomes `0..=1`.
pub fn nice_ticks(min: Decimal, max: Decimal, count: usize) -> Vec<Decimal> {
    let (low, high) = (min.min(max), min.max(max));
    let (low, high) = match (low == high, low.is_zero()) {
        (true, true) => (Decimal::ZERO, Decimal::ONE),
        (true, false) => (low.min(Decimal::ZERO), high.max(Decimal::ZERO)),
        (false, _) => (low, high),
    };
    let max_ticks = count.max(2);
    candidate_steps()
        .find_map(|step| ticks_with_step(low, high, step, max_ticks))
        .unwrap_or_else(|| vec![low, high])
}

/// 1, 2, 5, 10, 20, 25, 50, 100, … up to the largest that fits in a `Decimal`.
fn candidate_steps() -> impl Iterator<Item = Decimal> {
    let multiples = [
        Decimal::ONE,
        Decimal::TWO,
        Decimal::new(25, 1),
        Decimal::from(5),
    ];
    successors(Some(Decimal::ONE), |decade| {
        decade.checked_mul(Decimal::TEN)
    })
    .flat_map(move |decade| {
        multiples
            .into_iter()
            .filter_map(move |multiple| decade.checked_mul(multiple))
    })
    .filter(|step| step.fract().is_zero())
}

/// The multiples of `step` from just below `low` to just above `high`, if at most `max_ticks`.
fn ticks_with_step(
    low: Decimal,
    high: Decimal,
    step: Decimal,
    max_ticks: usize,
) -> Option<Vec<Decimal>> {
    let first = low.checked_div(step)?.floor().checked_mul(step)?;
    let last = high.checked_div(step)?.ceil().checked_mul(step)?;
    let intervals = u64::try_from(last.checked_sub(first)?.checked_div(step)?).ok()?;
    if usize::try_from(intervals).ok()? >= max_ticks {
        return None;
    }
    (0..=intervals)
        .map(|index| {
            let tick = first.checked_add(step.checked_mul(Decimal::from(index))?)?;
            Some(tick.normalize())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_wide_axis_label_moves_the_plot_right() {
        let labels = |texts: &[&str]| texts.iter().map(|t| (*t).to_owned()).collect::<Vec<_>>();
        assert_eq!(super::plot_left(&labels(&["$0", "$600K"]), 128, 8), 128);
        // 12 characters of 18 units and the gap.
        assert_eq!(
            super::plot_left(&labels(&["0", "-200 mil US$"]), 128, 8),
            224
        );
        // Japanese: wide characters count twice.
        assert_eq!(super::text_width("6000万"), 6 * 18);
        assert_eq!(super::plot_left(&[], 128, 8), 128);
    }

    #[test]
    fn a_label_near_an_edge_moves_inside_the_chart() {
        // "306,5 mil US$": 13 characters, 234 units wide, half of it 117.
        assert_eq!(super::centre_within(572, "306,5 mil US$", 640), 523);
        assert_eq!(super::centre_within(60, "306,5 mil US$", 640), 117);
        assert_eq!(super::centre_within(320, "306,5 mil US$", 640), 320);
        // Wider than the chart: centred.
        assert_eq!(super::centre_within(600, &"x".repeat(50), 640), 320);
    }

    use super::*;

    fn dec(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn decs(texts: &[&str]) -> Vec<Decimal> {
        texts.iter().map(|text| dec(text)).collect()
    }

    fn y_axis(min: &str, max: &str) -> LinearScale {
        LinearScale {
            domain_min: dec(min),
            domain_max: dec(max),
            range_start: 300,
            range_end: 20,
        }
    }

    #[test]
    fn maps_ends_and_middle_onto_a_downward_axis() {
        let scale = y_axis("-100", "300");
        assert_eq!(scale.map(dec("-100")), 300);
        assert_eq!(scale.map(dec("300")), 20);
        assert_eq!(scale.map(Decimal::ZERO), 230);
        assert_eq!(scale.map(dec("100")), 160);
    }

    #[test]
    fn rounds_to_the_nearest_unit() {
        let scale = LinearScale {
            domain_min: Decimal::ZERO,
            domain_max: dec("3"),
            range_start: 0,
            range_end: 100,
        };
        assert_eq!(scale.map(Decimal::ONE), 33);
        assert_eq!(scale.map(dec("2")), 67);
    }

    #[test]
    fn pins_values_outside_the_domain() {
        let scale = y_axis("0", "10");
        assert_eq!(scale.map(dec("-5")), 300);
        assert_eq!(scale.map(dec("1e20")), 20);
    }

    #[test]
    fn an_empty_or_extreme_domain_does_not_panic() {
        assert_eq!(y_axis("0", "0").map(dec("5")), 300);
        let huge = LinearScale {
            domain_min: Decimal::MIN,
            domain_max: Decimal::MAX,
            range_start: i64::MIN,
            range_end: i64::MAX,
        };
        assert_eq!(huge.map(Decimal::ZERO), i64::MIN);
        assert_eq!(LinearScale::over_ticks(&[], 0, 10).map(Decimal::ONE), 0);
    }

    #[test]
    fn extent_is_top_and_length_whatever_the_order() {
        let scale = y_axis("-100", "300");
        assert_eq!(scale.extent(Decimal::ZERO, dec("100")), (160, 70));
        assert_eq!(scale.extent(dec("100"), Decimal::ZERO), (160, 70));
        assert_eq!(scale.extent(Decimal::ZERO, dec("-100")), (230, 70));
    }

    #[test]
    fn ticks_are_round_and_cover_the_data() {
        assert_eq!(
            nice_ticks(Decimal::ZERO, dec("873"), 5),
            decs(&["0", "250", "500", "750", "1000"])
        );
        assert_eq!(
            nice_ticks(dec("-12500"), dec("41000.37"), 5),
            decs(&["-20000", "0", "20000", "40000", "60000"])
        );
        assert_eq!(
            nice_ticks(Decimal::ZERO, dec("17"), 6),
            decs(&["0", "5", "10", "15", "20"])
        );
    }

    #[test]
    fn steps_are_whole_so_whole_money_labels_differ() {
        assert_eq!(nice_ticks(dec("0.001"), dec("0.004"), 4), decs(&["0", "1"]));
        assert_eq!(
            nice_ticks(dec("-0.5"), dec("2.2"), 5),
            decs(&["-1", "0", "1", "2", "3"])
        );
    }

    #[test]
    fn zero_is_a_tick_when_the_data_spans_it() {
        let ticks = nice_ticks(dec("-3.7"), dec("8.2"), 6);
        assert!(ticks.contains(&Decimal::ZERO), "{ticks:?}");
        assert!(ticks.len() <= 6);
    }

    #[test]
    fn a_single_value_is_widened_to_zero() {
        assert_eq!(
            nice_ticks(Decimal::ZERO, Decimal::ZERO, 5),
            decs(&["0", "1"])
        );
        assert_eq!(
            nice_ticks(dec("-300"), dec("-300"), 4),
            decs(&["-300", "-200", "-100", "0"])
        );
        assert_eq!(nice_ticks(dec("250"), dec("250"), 2), decs(&["0", "250"]));
    }

    #[test]
    fn extreme_inputs_do_not_panic() {
        let ticks = nice_ticks(Decimal::MIN, Decimal::MAX, 5);
        assert!(!ticks.is_empty());
        assert_eq!(nice_ticks(dec("10"), dec("-10"), 0).len(), 2);
        assert!(nice_ticks(dec("1e20"), dec("1e20"), 5).len() <= 5);
    }
}
