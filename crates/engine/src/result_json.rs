//! The result document: the projection as JSON text, every amount an exact decimal string
//! rounded half-even at this edge only (money and client counts to 2 places, ratios to 4).
//!
//! It is written straight to text, field by field, with no `serde_json::Value` and no
//! serializer in between: the widget writes it at every settled change. Keys are in sorted
//! order at every level, and strings are escaped as `serde_json` escapes them, so the text
//! is what a `Value` of it writes (a test checks this).

use std::fmt::Write;

use rust_decimal::Decimal;
use serde_json::Value;

use super::decimal_text::{FixedPlaces, TEXT_CAPACITY};
use super::json_text::parse_value;
use super::program::Program;
use super::projection::{Projection, TierProjection, TierYear};
use super::range::ProjectionRange;

/// The result document of `projection` (of `program`) as JSON text: the projection, the
/// program's `"spread_pct"` and, in every tier, its `"range"`: `{"conservative_net",
/// "optimistic_net"}`, or `null` when `range` is `None`.
pub fn result_text(
    program: &Program,
    projection: &Projection,
    range: Option<&ProjectionRange>,
) -> String {
    let document = ResultDocument {
        program,
        projection,
        range,
    };
    let mut out = String::with_capacity(64 * 1024);
    document.write(&mut out);
    out
}

/// [`result_text`] read back as a JSON value, for the host API's callers and the CSV.
pub fn result_json(
    program: &Program,
    projection: &Projection,
    range: Option<&ProjectionRange>,
) -> Value {
    parse_value(&result_text(program, projection, range)).unwrap_or(Value::Null)
}

/// One value of the document. Every object is a list of named fields written by
/// [`write_object`]: one code path for all of them, which keeps the wasm small.
enum Field<'a> {
    /// Money or a client count: 2 places.
    Money(Decimal),
    OptionalMoney(Option<Decimal>),
    /// A ratio: 4 places.
    OptionalRatio(Option<Decimal>),
    Whole(u32),
    OptionalWhole(Option<u32>),
    Text(&'a str),
    OptionalText(Option<&'a str>),
    Flag(bool),
    /// `(conservative, optimistic)` net, or `null`.
    Range(Option<(Decimal, Decimal)>),
    /// A list of tier ids.
    Path(&'a [Option<&'a str>]),
    Years(YearsDocument<'a>),
    Tiers(&'a ResultDocument<'a>),
    Upgrades(&'a ResultDocument<'a>),
    Journey(&'a ResultDocument<'a>),
    /// Not written: a field only some objects of a kind have.
    Absent,
}

impl Field<'_> {
    fn write(&self, out: &mut String) {
        match self {
            Field::Money(value) | Field::OptionalMoney(Some(value)) => {
                write_decimal(out, *value, 2)
            }
            Field::OptionalRatio(Some(value)) => write_decimal(out, *value, 4),
            Field::Whole(value) | Field::OptionalWhole(Some(value)) => {
                // Writing to a `String` cannot fail.
                let _ = write!(out, "{value}");
            }
            Field::Text(text) | Field::OptionalText(Some(text)) => write_string(out, text),
            Field::Flag(flag) => out.push_str(if *flag { "true" } else { "false" }),
            Field::Range(Some((conservative, optimistic))) => write_object(
                out,
                &[
                    ("conservative_net", Field::Money(*conservative)),
                    ("optimistic_net", Field::Money(*optimistic)),
                ],
            ),
            Field::Path(path) => write_array(out, path.iter(), |out, id| {
                Field::OptionalText(*id).write(out)
            }),
            Field::Years(years) => years.write(out),
            Field::Tiers(document) => document.write_tiers(out),
            Field::Upgrades(document) => document.write_upgrades(out),
            Field::Journey(document) => document.write_journey(out),
            Field::OptionalMoney(None)
            | Field::OptionalRatio(None)
            | Field::OptionalWhole(None)
            | Field::OptionalText(None)
            | Field::Range(None)
            | Field::Absent => out.push_str("null"),
        }
    }
}

fn write_decimal(out: &mut String, value: Decimal, places: u32) {
    out.push('"');
    out.push_str(FixedPlaces(value, places).write_into(&mut [0; TEXT_CAPACITY]));
    out.push('"');
}

/// `text` as a JSON string, escaped as `serde_json` escapes it.
fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for character in text.chars() {
        match character {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            control if u32::from(control) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(control));
            }
            other => out.push(other),
        }
    }
    out.push('"');
}

/// An object of `fields`, in their order (sorted by name), [`Field::Absent`] ones left out.
/// The names are the document's own, plain ASCII: they need no escaping.
fn write_object(out: &mut String, fields: &[(&str, Field)]) {
    out.push('{');
    let mut first = true;
    for (name, field) in fields {
        if matches!(field, Field::Absent) {
            continue;
        }
        if !std::mem::take(&mut first) {
            out.push(',');
        }
        out.push('"');
        out.push_str(name);
        out.push_str("\":");
        field.write(out);
    }
    out.push('}');
}

/// An array of `items`, each written by `write_item`.
fn write_array<T>(
    out: &mut String,
    items: impl Iterator<Item = T>,
    write_item: impl Fn(&mut String, T),
) {
    out.push('[');
    for (index, item) in items.enumerate() {
        if index > 0 {
            out.push(',');
        }
        write_item(out, item);
    }
    out.push(']');
}

struct ResultDocument<'a> {
    program: &'a Program,
    projection: &'a Projection,
    range: Option<&'a ProjectionRange>,
}

impl ResultDocument<'_> {
    fn tier_id(&self, index: usize) -> Option<&str> {
        self.program.tiers.get(index).map(|tier| tier.id.as_str())
    }

    fn write_upgrades(&self, out: &mut String) {
        write_array(out, self.projection.upgrades.iter(), |out, upgrade| {
            write_object(
                out,
                &[
                    ("extra_net", Field::Money(upgrade.extra_net)),
                    (
                        "tier",
                        Field::OptionalText(self.tier_id(upgrade.tier_index)),
                    ),
                ],
            )
        });
    }

    fn write_tiers(&self, out: &mut String) {
        let tiers = self.projection.tiers.iter().enumerate();
        write_array(out, tiers, |out, (index, tier)| {
            let range = self.range.and_then(|range| range.net_range(index));
            TierDocument { tier, range }.write(out)
        });
    }

    /// `"journey"`: the tier of each year (`"path"`), the totals of a tier, what the path
    /// adds over staying in year 1's tier, and each year with its `"tier"` and
    /// `"joining_cost"`.
    fn write_journey(&self, out: &mut String) {
        let journey = &self.projection.journey;
        let outcome = &journey.outcome;
        let streams = &outcome.streams;
        let path: Vec<Option<&str>> = journey
            .tier_by_year
            .iter()
            .map(|&index| self.tier_id(index))
            .collect();
        let years = YearsDocument {
            years: &outcome.years,
            path: Some(&path),
        };
        write_object(
            out,
            &[
                ("costs", Field::Money(outcome.costs)),
                ("earnings", Field::Money(outcome.earnings)),
                (
                    "extra_net_vs_start_tier",
                    Field::Money(journey.extra_net_vs_start_tier),
                ),
                ("initial_costs", Field::Money(outcome.initial_costs)),
                ("mdf", Field::Money(streams.mdf)),
                ("net", Field::Money(outcome.net)),
                ("npv", Field::Money(outcome.npv)),
                ("path", Field::Path(&path)),
                (
                    "payback_months",
                    Field::OptionalMoney(outcome.payback_months),
                ),
                ("program_earnings", Field::Money(outcome.program_earnings)),
                ("rebate", Field::Money(streams.rebate)),
                ("referral", Field::Money(streams.referral)),
                ("resale", Field::Money(streams.resale)),
                ("roi", Field::OptionalRatio(outcome.roi)),
                ("services", Field::Money(streams.services)),
                (
                    "yearly_average_net",
                    Field::Money(outcome.yearly_average_net),
                ),
                ("years", Field::Years(years)),
            ],
        )
    }
}

impl ResultDocument<'_> {
    fn write(&self, out: &mut String) {
        let (program, projection) = (self.program, self.projection);
        let spread_pct = program.spread_pct.normalize().to_string();
        write_object(
            out,
            &[
                ("currency", Field::Text(&program.currency)),
                ("horizon_years", Field::Whole(projection.horizon_years)),
                ("journey", Field::Journey(self)),
                ("program_id", Field::Text(&program.id)),
                (
                    "recommended_tier",
                    Field::OptionalText(projection.recommended.and_then(|i| self.tier_id(i))),
                ),
                ("services_in_net", Field::Flag(program.services_in_net)),
                ("spread_pct", Field::Text(&spread_pct)),
                ("tiers", Field::Tiers(self)),
                ("upgrades", Field::Upgrades(self)),
            ],
        )
    }
}

/// A tier: the totals shared with the journey, its requirements, its range and its years.
struct TierDocument<'a> {
    tier: &'a TierProjection,
    /// `(conservative, optimistic)` net.
    range: Option<(Decimal, Decimal)>,
}

impl TierDocument<'_> {
    fn write(&self, out: &mut String) {
        let tier = self.tier;
        let streams = &tier.streams;
        let qualification = &tier.qualification;
        let years = YearsDocument {
            years: &tier.years,
            path: None,
        };
        write_object(
            out,
            &[
                ("costs", Field::Money(tier.costs)),
                ("earnings", Field::Money(tier.earnings)),
                ("id", Field::Text(&tier.tier_id)),
                ("initial_costs", Field::Money(tier.initial_costs)),
                ("mdf", Field::Money(streams.mdf)),
                ("name", Field::Text(&tier.tier_name)),
                ("net", Field::Money(tier.net)),
                ("npv", Field::Money(tier.npv)),
                ("payback_months", Field::OptionalMoney(tier.payback_months)),
                ("program_earnings", Field::Money(tier.program_earnings)),
                (
                    "qualifies_from_year",
                    Field::OptionalWhole(qualification.qualifies_from_year),
                ),
                ("range", Field::Range(self.range)),
                ("rebate", Field::Money(streams.rebate)),
                ("referral", Field::Money(streams.referral)),
                ("resale", Field::Money(streams.resale)),
                (
                    "revenue_shortfall",
                    Field::OptionalMoney(qualification.revenue_shortfall),
                ),
                ("roi", Field::OptionalRatio(tier.roi)),
                ("services", Field::Money(streams.services)),
                ("staff_gap", Field::Money(qualification.staff_gap)),
                ("yearly_average_net", Field::Money(tier.yearly_average_net)),
                ("years", Field::Years(years)),
            ],
        )
    }
}

/// The years of a tier or, with the tier of each year (`path`), of the journey.
struct YearsDocument<'a> {
    years: &'a [TierYear],
    path: Option<&'a [Option<&'a str>]>,
}

impl YearsDocument<'_> {
    fn write(&self, out: &mut String) {
        write_array(out, self.years.iter().enumerate(), |out, (index, year)| {
            let tier = self.path.map(|path| path.get(index).copied().flatten());
            YearDocument { year, tier }.write(out)
        });
    }
}

/// One year; in the journey, with its tier (`Some`) and joining cost.
struct YearDocument<'a> {
    year: &'a TierYear,
    tier: Option<Option<&'a str>>,
}

impl YearDocument<'_> {
    fn write(&self, out: &mut String) {
        let year = self.year;
        let streams = &year.streams;
        let in_journey = |field: Field<'static>| match self.tier {
            Some(_) => field,
            None => Field::Absent,
        };
        write_object(
            out,
            &[
                ("acquisition", Field::Money(year.acquisition)),
                ("active_clients", Field::Money(year.active_clients)),
                ("certification", Field::Money(year.certification)),
                ("costs", Field::Money(year.costs)),
                ("cumulative_net", Field::Money(year.cumulative_net)),
                ("earnings", Field::Money(year.earnings)),
                ("joining_cost", in_journey(Field::Money(year.joining_cost))),
                ("licence_revenue", Field::Money(year.licence_revenue)),
                ("mdf", Field::Money(streams.mdf)),
                ("net", Field::Money(year.net)),
                ("new_clients", Field::Money(year.new_clients)),
                ("program_fee", Field::Money(year.program_fee)),
                ("rebate", Field::Money(streams.rebate)),
                ("referral", Field::Money(streams.referral)),
                ("referral_revenue", Field::Money(year.referral_revenue)),
                ("resale", Field::Money(streams.resale)),
                ("services", Field::Money(streams.services)),
                ("tier", self.tier.map_or(Field::Absent, Field::OptionalText)),
                ("year", Field::Whole(year.year)),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::default_program::default_program;
    use crate::input_catalogue::InputKey;
    use crate::{project, project_range};

    /// The text is what a JSON value of it writes: sorted keys at every level, as when the
    /// document was a `serde_json::Value`, and nothing a parser would change.
    #[test]
    fn the_text_is_its_own_json_value_written_back() {
        let mut program = default_program();
        // Text that must be escaped, and text that must not.
        program.tiers[0].name =
            "\"Gold\" \\ tier\n\t\r\u{8}\u{c}\u{1}\u{1f} é € 😀 \u{7f} </script>".into();
        program.id = "id-\u{0}".into();
        for (horizon, ramp) in [(1, 0), (5, 18), (10, 0)] {
            let mut inputs = program.default_inputs();
            inputs.set(InputKey::HorizonYears, Decimal::from(horizon));
            inputs.set(InputKey::RampMonths, Decimal::from(ramp));
            let projection = project(&program, &inputs).unwrap_or_else(|e| panic!("{e}"));
            let range = project_range(&program, &inputs).ok();
            for range in [range.as_ref(), None] {
                let text = result_text(&program, &projection, range);
                let value: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                assert_eq!(value.to_string(), text);
                assert_eq!(value["tiers"][1]["years"][0]["year"], 1);
                assert_eq!(value["journey"]["years"][0]["year"], 1);
                assert!(value["journey"]["years"][0]["tier"].is_string(), "{text}");
                assert!(value["tiers"][0]["years"][0].get("tier").is_none());
                assert_eq!(value["tiers"][0]["range"].is_null(), range.is_none());
            }
        }
    }
}
