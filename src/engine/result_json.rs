//! The result document: the projection as JSON text, every amount an exact decimal string
//! rounded half-even at this edge only (money and client counts to 2 places, ratios to 4).
//!
//! It is written straight to text, field by field, with no `serde_json::Value` in between:
//! the widget writes it at every settled change. Keys are in sorted order at every level.

use rust_decimal::Decimal;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

use super::decimal_text::{FixedPlaces, TEXT_CAPACITY};
use super::journey::Journey;
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

/// Money and client counts: 2 places.
struct Money(Decimal);

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(FixedPlaces(self.0, 2).write_into(&mut [0; TEXT_CAPACITY]))
    }
}

/// Ratios: 4 places.
struct Ratio(Decimal);

impl Serialize for Ratio {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(FixedPlaces(self.0, 4).write_into(&mut [0; TEXT_CAPACITY]))
    }
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
}

impl Serialize for ResultDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (program, projection) = (self.program, self.projection);
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("currency", &program.currency)?;
        map.serialize_entry("horizon_years", &projection.horizon_years)?;
        map.serialize_entry(
            "journey",
            &JourneyDocument {
                journey: &projection.journey,
                document: self,
            },
        )?;
        map.serialize_entry("program_id", &program.id)?;
        map.serialize_entry(
            "recommended_tier",
            &projection.recommended.and_then(|index| self.tier_id(index)),
        )?;
        map.serialize_entry("services_in_net", &program.services_in_net)?;
        map.serialize_entry("spread_pct", &program.spread_pct.normalize().to_string())?;
        map.serialize_entry("tiers", &TiersDocument(self))?;
        map.serialize_entry("upgrades", &UpgradesDocument(self))?;
        map.end()
    }
}

struct UpgradesDocument<'a>(&'a ResultDocument<'a>);

impl Serialize for UpgradesDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let upgrades = &self.0.projection.upgrades;
        let mut seq = serializer.serialize_seq(Some(upgrades.len()))?;
        for upgrade in upgrades {
            seq.serialize_element(&UpgradeDocument {
                extra_net: upgrade.extra_net,
                tier: self.0.tier_id(upgrade.tier_index),
            })?;
        }
        seq.end()
    }
}

struct UpgradeDocument<'a> {
    extra_net: Decimal,
    tier: Option<&'a str>,
}

impl Serialize for UpgradeDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("extra_net", &Money(self.extra_net))?;
        map.serialize_entry("tier", &self.tier)?;
        map.end()
    }
}

struct TiersDocument<'a>(&'a ResultDocument<'a>);

impl Serialize for TiersDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let tiers = &self.0.projection.tiers;
        let mut seq = serializer.serialize_seq(Some(tiers.len()))?;
        for (index, tier) in tiers.iter().enumerate() {
            let range = self.0.range.and_then(|range| range.net_range(index));
            seq.serialize_element(&TierDocument { tier, range })?;
        }
        seq.end()
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
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("costs", &Money(tier.costs))?;
        map.serialize_entry("earnings", &Money(tier.earnings))?;
        map.serialize_entry("id", &tier.tier_id)?;
        map.serialize_entry("initial_costs", &Money(tier.initial_costs))?;
        map.serialize_entry("mdf", &Money(streams.mdf))?;
        map.serialize_entry("name", &tier.tier_name)?;
        map.serialize_entry("net", &Money(tier.net))?;
        map.serialize_entry("npv", &Money(tier.npv))?;
        map.serialize_entry("payback_months", &tier.payback_months.map(Money))?;
        map.serialize_entry("program_earnings", &Money(tier.program_earnings))?;
        map.serialize_entry("qualifies_from_year", &qualification.qualifies_from_year)?;
        map.serialize_entry("range", &self.range.map(RangeDocument))?;
        map.serialize_entry("rebate", &Money(streams.rebate))?;
        map.serialize_entry("referral", &Money(streams.referral))?;
        map.serialize_entry("resale", &Money(streams.resale))?;
        map.serialize_entry(
            "revenue_shortfall",
            &qualification.revenue_shortfall.map(Money),
        )?;
        map.serialize_entry("roi", &tier.roi.map(Ratio))?;
        map.serialize_entry("services", &Money(streams.services))?;
        map.serialize_entry("staff_gap", &Money(qualification.staff_gap))?;
        map.serialize_entry("yearly_average_net", &Money(tier.yearly_average_net))?;
        map.serialize_entry("years", &YearsDocument::of_tier(&tier.years))?;
        map.end()
    }
}

struct RangeDocument((Decimal, Decimal));

impl Serialize for RangeDocument {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (conservative, optimistic) = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("conservative_net", &Money(conservative))?;
        map.serialize_entry("optimistic_net", &Money(optimistic))?;
        map.end()
    }
}

/// `"journey"`: the tier of each year (`"path"`), the totals of a tier, what the path adds
/// over staying in year 1's tier, and each year with its `"tier"` and `"joining_cost"`.
struct JourneyDocument<'a> {
    journey: &'a Journey,
    document: &'a ResultDocument<'a>,
}

impl Serialize for JourneyDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let journey = self.journey;
        let outcome = &journey.outcome;
        let streams = &outcome.streams;
        let path: Vec<Option<&str>> = journey
            .tier_by_year
            .iter()
            .map(|&index| self.document.tier_id(index))
            .collect();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("costs", &Money(outcome.costs))?;
        map.serialize_entry("earnings", &Money(outcome.earnings))?;
        map.serialize_entry(
            "extra_net_vs_start_tier",
            &Money(journey.extra_net_vs_start_tier),
        )?;
        map.serialize_entry("initial_costs", &Money(outcome.initial_costs))?;
        map.serialize_entry("mdf", &Money(streams.mdf))?;
        map.serialize_entry("net", &Money(outcome.net))?;
        map.serialize_entry("npv", &Money(outcome.npv))?;
        map.serialize_entry("path", &path)?;
        map.serialize_entry("payback_months", &outcome.payback_months.map(Money))?;
        map.serialize_entry("program_earnings", &Money(outcome.program_earnings))?;
        map.serialize_entry("rebate", &Money(streams.rebate))?;
        map.serialize_entry("referral", &Money(streams.referral))?;
        map.serialize_entry("resale", &Money(streams.resale))?;
        map.serialize_entry("roi", &outcome.roi.map(Ratio))?;
        map.serialize_entry("services", &Money(streams.services))?;
        map.serialize_entry("yearly_average_net", &Money(outcome.yearly_average_net))?;
        map.serialize_entry(
            "years",
            &YearsDocument {
                years: &outcome.years,
                path: Some(&path),
            },
        )?;
        map.end()
    }
}

/// The years of a tier or, with the tier of each year (`path`), of the journey.
struct YearsDocument<'a> {
    years: &'a [TierYear],
    path: Option<&'a [Option<&'a str>]>,
}

impl<'a> YearsDocument<'a> {
    fn of_tier(years: &'a [TierYear]) -> Self {
        YearsDocument { years, path: None }
    }
}

impl Serialize for YearsDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.years.len()))?;
        for (index, year) in self.years.iter().enumerate() {
            let tier = self.path.map(|path| path.get(index).copied().flatten());
            seq.serialize_element(&YearDocument { year, tier })?;
        }
        seq.end()
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
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("acquisition", &Money(year.acquisition))?;
        map.serialize_entry("active_clients", &Money(year.active_clients))?;
        map.serialize_entry("certification", &Money(year.certification))?;
        map.serialize_entry("costs", &Money(year.costs))?;
        map.serialize_entry("cumulative_net", &Money(year.cumulative_net))?;
        map.serialize_entry("earnings", &Money(year.earnings))?;
        if self.tier.is_some() {
            map.serialize_entry("joining_cost", &Money(year.joining_cost))?;
        }
        map.serialize_entry("licence_revenue", &Money(year.licence_revenue))?;
        map.serialize_entry("mdf", &Money(streams.mdf))?;
        map.serialize_entry("net", &Money(year.net))?;
        map.serialize_entry("new_clients", &Money(year.new_clients))?;
        map.serialize_entry("program_fee", &Money(year.program_fee))?;
        map.serialize_entry("rebate", &Money(streams.rebate))?;
        map.serialize_entry("referral", &Money(streams.referral))?;
        map.serialize_entry("referral_revenue", &Money(year.referral_revenue))?;
        map.serialize_entry("resale", &Money(streams.resale))?;
        map.serialize_entry("services", &Money(streams.services))?;
        if let Some(tier) = self.tier {
            map.serialize_entry("tier", &tier)?;
        }
        map.serialize_entry("year", &year.year)?;
        map.end()
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
