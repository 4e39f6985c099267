//! The result document: the projection as JSON text, every amount an exact decimal string
//! rounded half-even at this edge only (money and client counts to 2 places, ratios to 4).
//!
//! It is written straight to text, field by field, with no `serde_json::Value` in between:
//! the widget writes it at every settled change. Keys are in sorted order at every level.

use rust_decimal::Decimal;
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

use super::decimal_text::{FixedPlaces, TEXT_CAPACITY};
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
    // Every key is a string and every value plain data: writing it cannot fail.
    serde_json::to_string(&document).unwrap_or_default()
}

/// [`result_text`] read back as a JSON value, for the host API's callers and the CSV.
pub fn result_json(
    program: &Program,
    projection: &Projection,
    range: Option<&ProjectionRange>,
) -> Value {
    serde_json::from_str(&result_text(program, projection, range)).unwrap_or(Value::Null)
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

fn decimal_text<S: Serializer>(
    serializer: S,
    value: Decimal,
    places: u32,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(FixedPlaces(value, places).write_into(&mut [0; TEXT_CAPACITY]))
}

impl Serialize for Field<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Field::Money(value) | Field::OptionalMoney(Some(value)) => {
                decimal_text(serializer, *value, 2)
            }
            Field::OptionalRatio(Some(value)) => decimal_text(serializer, *value, 4),
            Field::Whole(value) | Field::OptionalWhole(Some(value)) => {
                serializer.serialize_u32(*value)
            }
            Field::Text(text) | Field::OptionalText(Some(text)) => serializer.serialize_str(text),
            Field::Flag(flag) => serializer.serialize_bool(*flag),
            Field::Range(Some((conservative, optimistic))) => write_object(
                serializer,
                &[
                    ("conservative_net", Field::Money(*conservative)),
                    ("optimistic_net", Field::Money(*optimistic)),
                ],
            ),
            Field::Path(path) => serializer.collect_seq(path.iter()),
            Field::Years(years) => years.serialize(serializer),
            Field::Tiers(document) => document.serialize_tiers(serializer),
            Field::Upgrades(document) => document.serialize_upgrades(serializer),
            Field::Journey(document) => document.serialize_journey(serializer),
            Field::OptionalMoney(None)
            | Field::OptionalRatio(None)
            | Field::OptionalWhole(None)
            | Field::OptionalText(None)
            | Field::Range(None)
            | Field::Absent => serializer.serialize_none(),
        }
    }
}

/// An object of `fields`, in their order (sorted by name), [`Field::Absent`] ones left out.
fn write_object<S: Serializer>(serializer: S, fields: &[(&str, Field)]) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    for (name, field) in fields {
        if !matches!(field, Field::Absent) {
            map.serialize_entry(name, field)?;
        }
    }
    map.end()
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

    fn serialize_upgrades<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.projection
                .upgrades
                .iter()
                .map(|upgrade| UpgradeDocument {
                    extra_net: upgrade.extra_net,
                    tier: self.tier_id(upgrade.tier_index),
                }),
        )
    }

    fn serialize_tiers<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.projection
                .tiers
                .iter()
                .enumerate()
                .map(|(index, tier)| TierDocument {
                    tier,
                    range: self.range.and_then(|range| range.net_range(index)),
                }),
        )
    }

    /// `"journey"`: the tier of each year (`"path"`), the totals of a tier, what the path
    /// adds over staying in year 1's tier, and each year with its `"tier"` and
    /// `"joining_cost"`.
    fn serialize_journey<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
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
            serializer,
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

impl Serialize for ResultDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (program, projection) = (self.program, self.projection);
        let spread_pct = program.spread_pct.normalize().to_string();
        write_object(
            serializer,
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

struct UpgradeDocument<'a> {
    extra_net: Decimal,
    tier: Option<&'a str>,
}

impl Serialize for UpgradeDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_object(
            serializer,
            &[
                ("extra_net", Field::Money(self.extra_net)),
                ("tier", Field::OptionalText(self.tier)),
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

impl Serialize for TierDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let tier = self.tier;
        let streams = &tier.streams;
        let qualification = &tier.qualification;
        let years = YearsDocument {
            years: &tier.years,
            path: None,
        };
        write_object(
            serializer,
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

impl Serialize for YearsDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.years
                .iter()
                .enumerate()
                .map(|(index, year)| YearDocument {
                    year,
                    tier: self.path.map(|path| path.get(index).copied().flatten()),
                }),
        )
    }
}

/// One year; in the journey, with its tier (`Some`) and joining cost.
struct YearDocument<'a> {
    year: &'a TierYear,
    tier: Option<Option<&'a str>>,
}

impl Serialize for YearDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let year = self.year;
        let streams = &year.streams;
        let in_journey = |field: Field<'static>| match self.tier {
            Some(_) => field,
            None => Field::Absent,
        };
        write_object(
            serializer,
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
    use crate::engine::default_program::default_program;
    use crate::engine::input_catalogue::InputKey;
    use crate::engine::{project, project_range};

    /// The text is what a JSON value of it writes: sorted keys at every level, as when the
    /// document was a `serde_json::Value`, and nothing a parser would change.
    #[test]
    fn the_text_is_its_own_json_value_written_back() {
        let program = default_program();
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
