//! The projection as JSON: every amount an exact decimal string, rounded half-even at
//! this edge only (money and client counts to 2 places, ratios to 4).

use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

use super::decimal_text::fixed_places;
use super::journey::Journey;
use super::program::Program;
use super::projection::{Outcome, Projection, Streams, TierProjection, TierYear};
use super::range::ProjectionRange;

fn money(value: Decimal) -> Value {
    Value::String(fixed_places(value, 2))
}

fn ratio(value: Decimal) -> Value {
    Value::String(fixed_places(value, 4))
}

fn optional(value: Option<Decimal>, format: fn(Decimal) -> Value) -> Value {
    value.map_or(Value::Null, format)
}

impl Projection {
    /// The result document shared by the host API, exports and tests.
    pub fn to_json(&self, program: &Program) -> Value {
        let tier_id = |index: usize| {
            program
                .tiers
                .get(index)
                .map_or(Value::Null, |tier| Value::String(tier.id.clone()))
        };
        // Built value by value: `json!` would copy every nested document once more.
        let mut map = Map::new();
        map.insert("program_id".into(), Value::String(program.id.clone()));
        map.insert("currency".into(), Value::String(program.currency.clone()));
        map.insert("horizon_years".into(), self.horizon_years.into());
        map.insert("services_in_net".into(), program.services_in_net.into());
        map.insert(
            "recommended_tier".into(),
            self.recommended.map_or(Value::Null, tier_id),
        );
        let upgrades = self.upgrades.iter().map(|upgrade| {
            let mut map = Map::new();
            map.insert("tier".into(), tier_id(upgrade.tier_index));
            map.insert("extra_net".into(), money(upgrade.extra_net));
            Value::Object(map)
        });
        map.insert("upgrades".into(), Value::Array(upgrades.collect()));
        map.insert(
            "tiers".into(),
            Value::Array(self.tiers.iter().map(tier_json).collect()),
        );
        map.insert("journey".into(), journey_json(&self.journey, program));
        Value::Object(map)
    }
}

/// [`Projection::to_json`] plus the program's `"spread_pct"` and, in every tier, its
/// `"range"`: `{"conservative_net", "optimistic_net"}`, or `null` when `range` is `None`.
pub fn result_json(
    program: &Program,
    projection: &Projection,
    range: Option<&ProjectionRange>,
) -> Value {
    let mut document = projection.to_json(program);
    if let Some(tiers) = document.get_mut("tiers").and_then(Value::as_array_mut) {
        for (index, tier) in tiers.iter_mut().enumerate() {
            let net_range = range.and_then(|range| range.net_range(index));
            if let Some(tier) = tier.as_object_mut() {
                tier.insert(
                    "range".into(),
                    net_range.map_or(Value::Null, |(conservative, optimistic)| {
                        json!({
                            "conservative_net": money(conservative),
                            "optimistic_net": money(optimistic),
                        })
                    }),
                );
            }
        }
    }
    if let Some(document) = document.as_object_mut() {
        document.insert(
            "spread_pct".into(),
            json!(program.spread_pct.normalize().to_string()),
        );
    }
    document
}

fn streams_into(map: &mut Map<String, Value>, streams: &Streams) {
    for (name, value) in [
        ("resale", streams.resale),
        ("referral", streams.referral),
        ("rebate", streams.rebate),
        ("mdf", streams.mdf),
        ("services", streams.services),
    ] {
        map.insert(name.into(), money(value));
    }
}

/// The totals shared by a tier and the journey, in `map`.
fn outcome_into(map: &mut Map<String, Value>, outcome: &Outcome) {
    map.insert("initial_costs".into(), money(outcome.initial_costs));
    streams_into(map, &outcome.streams);
    map.insert("program_earnings".into(), money(outcome.program_earnings));
    map.insert("earnings".into(), money(outcome.earnings));
    map.insert("costs".into(), money(outcome.costs));
    map.insert("net".into(), money(outcome.net));
    map.insert("roi".into(), optional(outcome.roi, ratio));
    map.insert("npv".into(), money(outcome.npv));
    map.insert(
        "payback_months".into(),
        optional(outcome.payback_months, money),
    );
    map.insert(
        "yearly_average_net".into(),
        money(outcome.yearly_average_net),
    );
}

fn tier_json(tier: &TierProjection) -> Value {
    let qualification = &tier.qualification;
    let mut map = Map::new();
    map.insert("id".into(), Value::String(tier.tier_id.clone()));
    map.insert("name".into(), Value::String(tier.tier_name.clone()));
    outcome_into(&mut map, tier);
    map.insert(
        "qualifies_from_year".into(),
        qualification.qualifies_from_year.into(),
    );
    map.insert(
        "revenue_shortfall".into(),
        optional(qualification.revenue_shortfall, money),
    );
    map.insert("staff_gap".into(), money(qualification.staff_gap));
    map.insert(
        "years".into(),
        Value::Array(tier.years.iter().map(year_json).collect()),
    );
    Value::Object(map)
}

/// `"journey"`: the tier of each year (`"path"`), the totals of a tier, what the path adds
/// over staying in year 1's tier, and each year with its `"tier"` and `"joining_cost"`.
fn journey_json(journey: &Journey, program: &Program) -> Value {
    let tier_id = |index: &usize| {
        program
            .tiers
            .get(*index)
            .map_or(Value::Null, |tier| Value::String(tier.id.clone()))
    };
    let mut map = Map::new();
    map.insert(
        "path".into(),
        Value::Array(journey.tier_by_year.iter().map(tier_id).collect()),
    );
    outcome_into(&mut map, &journey.outcome);
    map.insert(
        "extra_net_vs_start_tier".into(),
        money(journey.extra_net_vs_start_tier),
    );
    let years = journey
        .outcome
        .years
        .iter()
        .zip(&journey.tier_by_year)
        .map(|(year, tier)| {
            let mut year_map = year_json(year);
            if let Some(year_map) = year_map.as_object_mut() {
                year_map.insert("tier".into(), tier_id(tier));
                year_map.insert("joining_cost".into(), money(year.joining_cost));
            }
            year_map
        })
        .collect();
    map.insert("years".into(), Value::Array(years));
    Value::Object(map)
}

fn year_json(year: &TierYear) -> Value {
    let mut map = Map::new();
    map.insert("year".into(), year.year.into());
    map.insert("new_clients".into(), money(year.new_clients));
    map.insert("active_clients".into(), money(year.active_clients));
    map.insert("licence_revenue".into(), money(year.licence_revenue));
    map.insert("referral_revenue".into(), money(year.referral_revenue));
    streams_into(&mut map, &year.streams);
    map.insert("earnings".into(), money(year.earnings));
    map.insert("program_fee".into(), money(year.program_fee));
    map.insert("certification".into(), money(year.certification));
    map.insert("acquisition".into(), money(year.acquisition));
    map.insert("costs".into(), money(year.costs));
    map.insert("net".into(), money(year.net));
    map.insert("cumulative_net".into(), money(year.cumulative_net));
    Value::Object(map)
}
