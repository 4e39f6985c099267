//! The result document, typed: what a page reads of a projection (the `result` property,
//! the events' `result`, the CSV), built once from the projection and its range.
//!
//! Each object's [`Object::fields`] is its definition: the names, in sorted order, and what
//! each one is ([`Field`]). The writer (`result_json.rs`) writes them as JSON text, the CSV
//! reads them, and `typescript.rs` turns them into the npm package's `PartnerRoiResult`.

use rust_decimal::Decimal;

use super::outcome::{Outcome, TierYear};
use super::program::Program;
use super::projection::Projection;
use super::range::ProjectionRange;

/// An object of the document: its fields, sorted by name.
pub trait Object {
    fn fields(&self) -> Vec<(&'static str, Field<'_>)>;
}

/// One value of the document, and so one JSON (and TypeScript) type.
pub enum Field<'a> {
    /// Money or a client count: a decimal string with 2 places.
    Money(Decimal),
    OptionalMoney(Option<Decimal>),
    /// A ratio: a decimal string with 4 places.
    OptionalRatio(Option<Decimal>),
    Whole(u32),
    OptionalWhole(Option<u32>),
    Text(&'a str),
    OptionalText(Option<&'a str>),
    Flag(bool),
    /// Tier ids, `null` where a year has none.
    OptionalTexts(&'a [Option<String>]),
    Range(Option<&'a NetRange>),
    Journey(&'a JourneyResult),
    Tiers(&'a [TierResult]),
    Upgrades(&'a [UpgradeResult]),
    Years(&'a [YearResult]),
    JourneyYears(&'a [JourneyYear]),
}

/// The whole document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResultDocument {
    pub currency: String,
    pub horizon_years: u32,
    pub journey: JourneyResult,
    pub program_id: String,
    pub recommended_tier: Option<String>,
    pub services_in_net: bool,
    /// The program's spread, as written (`"15"`).
    pub spread_pct: String,
    pub tiers: Vec<TierResult>,
    pub upgrades: Vec<UpgradeResult>,
}

/// The totals a tier and the partner's path share.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    pub costs: Decimal,
    pub earnings: Decimal,
    pub initial_costs: Decimal,
    pub mdf: Decimal,
    pub net: Decimal,
    pub npv: Decimal,
    pub payback_months: Option<Decimal>,
    pub program_earnings: Decimal,
    pub rebate: Decimal,
    pub referral: Decimal,
    pub resale: Decimal,
    pub roi: Option<Decimal>,
    pub services: Decimal,
    pub yearly_average_net: Decimal,
}

/// A tier: its totals, its requirements, its range and its years.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TierResult {
    pub id: String,
    pub name: String,
    pub totals: Totals,
    pub qualifies_from_year: Option<u32>,
    /// `None` when the document has no range.
    pub range: Option<NetRange>,
    pub revenue_shortfall: Option<Decimal>,
    pub staff_gap: Decimal,
    pub years: Vec<YearResult>,
}

/// A tier's net with the program's spread taken off and added on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NetRange {
    pub conservative_net: Decimal,
    pub optimistic_net: Decimal,
}

/// The partner's path through the tiers: its totals, each year's tier and its years.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JourneyResult {
    pub totals: Totals,
    pub extra_net_vs_start_tier: Decimal,
    /// The tier of each year, year 1 first.
    pub path: Vec<Option<String>>,
    pub years: Vec<JourneyYear>,
}

/// One year of a tier.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct YearResult {
    pub acquisition: Decimal,
    pub active_clients: Decimal,
    pub certification: Decimal,
    pub costs: Decimal,
    pub cumulative_net: Decimal,
    pub earnings: Decimal,
    pub licence_revenue: Decimal,
    pub mdf: Decimal,
    pub net: Decimal,
    pub new_clients: Decimal,
    pub program_fee: Decimal,
    pub rebate: Decimal,
    pub referral: Decimal,
    pub referral_revenue: Decimal,
    pub resale: Decimal,
    pub services: Decimal,
    pub year: u32,
}

/// One year of the path: a tier's year, with the tier and the joining cost paid in it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JourneyYear {
    pub figures: YearResult,
    pub joining_cost: Decimal,
    pub tier: Option<String>,
}

/// A tier above the recommended one, and what moving up would add.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UpgradeResult {
    pub extra_net: Decimal,
    pub tier: Option<String>,
}

impl ResultDocument {
    /// The document of `projection` (of `program`), each tier with its range when `range`
    /// is given.
    pub fn new(
        program: &Program,
        projection: &Projection,
        range: Option<&ProjectionRange>,
    ) -> ResultDocument {
        let tier_id = |index: usize| program.tiers.get(index).map(|tier| tier.id.clone());
        let journey = &projection.journey;
        let path: Vec<Option<String>> = journey.tier_by_year.iter().map(|&i| tier_id(i)).collect();
        let journey_years = journey
            .outcome
            .years
            .iter()
            .enumerate()
            .map(|(index, year)| JourneyYear {
                figures: YearResult::of(year),
                joining_cost: year.joining_cost,
                tier: path.get(index).cloned().flatten(),
            })
            .collect();
        let tiers = projection.tiers.iter().enumerate().map(|(index, tier)| {
            let qualification = &tier.qualification;
            TierResult {
                id: tier.tier_id.clone(),
                name: tier.tier_name.clone(),
                totals: Totals::of(&tier.outcome),
                qualifies_from_year: qualification.qualifies_from_year,
                range: range.and_then(|range| range.net_range(index)).map(
                    |(conservative_net, optimistic_net)| NetRange {
                        conservative_net,
                        optimistic_net,
                    },
                ),
                revenue_shortfall: qualification.revenue_shortfall,
                staff_gap: qualification.staff_gap,
                years: tier.years.iter().map(YearResult::of).collect(),
            }
        });
        let upgrades = projection.upgrades.iter().map(|upgrade| UpgradeResult {
            extra_net: upgrade.extra_net,
            tier: tier_id(upgrade.tier_index),
        });
        ResultDocument {
            currency: program.currency.clone(),
            horizon_years: projection.horizon_years,
            journey: JourneyResult {
                totals: Totals::of(&journey.outcome),
                extra_net_vs_start_tier: journey.extra_net_vs_start_tier,
                path,
                years: journey_years,
            },
            program_id: program.id.clone(),
            recommended_tier: projection.recommended.and_then(tier_id),
            services_in_net: program.services_in_net,
            spread_pct: program.spread_pct.normalize().to_string(),
            tiers: tiers.collect(),
            upgrades: upgrades.collect(),
        }
    }
}

impl Totals {
    fn of(outcome: &Outcome) -> Totals {
        let streams = &outcome.streams;
        Totals {
            costs: outcome.costs,
            earnings: outcome.earnings,
            initial_costs: outcome.initial_costs,
            mdf: streams.mdf,
            net: outcome.net,
            npv: outcome.npv,
            payback_months: outcome.payback_months,
            program_earnings: outcome.program_earnings,
            rebate: streams.rebate,
            referral: streams.referral,
            resale: streams.resale,
            roi: outcome.roi,
            services: streams.services,
            yearly_average_net: outcome.yearly_average_net,
        }
    }
}

impl YearResult {
    fn of(year: &TierYear) -> YearResult {
        let streams = &year.streams;
        YearResult {
            acquisition: year.acquisition,
            active_clients: year.active_clients,
            certification: year.certification,
            costs: year.costs,
            cumulative_net: year.cumulative_net,
            earnings: year.earnings,
            licence_revenue: year.licence_revenue,
            mdf: streams.mdf,
            net: year.net,
            new_clients: year.new_clients,
            program_fee: year.program_fee,
            rebate: streams.rebate,
            referral: streams.referral,
            referral_revenue: year.referral_revenue,
            resale: streams.resale,
            services: streams.services,
            year: year.year,
        }
    }
}

/// Two lists of fields, each sorted by name, merged into one.
fn merged<'a, const N: usize>(
    fields: Vec<(&'static str, Field<'a>)>,
    more: [(&'static str, Field<'a>); N],
) -> Vec<(&'static str, Field<'a>)> {
    let mut out = Vec::with_capacity(fields.len() + N);
    let mut more = more.into_iter().peekable();
    for field in fields {
        while let Some(earlier) = more.next_if(|(name, _)| *name < field.0) {
            out.push(earlier);
        }
        out.push(field);
    }
    out.extend(more);
    out
}

impl Object for ResultDocument {
    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        vec![
            ("currency", Field::Text(&self.currency)),
            ("horizon_years", Field::Whole(self.horizon_years)),
            ("journey", Field::Journey(&self.journey)),
            ("program_id", Field::Text(&self.program_id)),
            (
                "recommended_tier",
                Field::OptionalText(self.recommended_tier.as_deref()),
            ),
            ("services_in_net", Field::Flag(self.services_in_net)),
            ("spread_pct", Field::Text(&self.spread_pct)),
            ("tiers", Field::Tiers(&self.tiers)),
            ("upgrades", Field::Upgrades(&self.upgrades)),
        ]
    }
}

impl Object for Totals {
    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        vec![
            ("costs", Field::Money(self.costs)),
            ("earnings", Field::Money(self.earnings)),
            ("initial_costs", Field::Money(self.initial_costs)),
            ("mdf", Field::Money(self.mdf)),
            ("net", Field::Money(self.net)),
            ("npv", Field::Money(self.npv)),
            ("payback_months", Field::OptionalMoney(self.payback_months)),
            ("program_earnings", Field::Money(self.program_earnings)),
            ("rebate", Field::Money(self.rebate)),
            ("referral", Field::Money(self.referral)),
            ("resale", Field::Money(self.resale)),
            ("roi", Field::OptionalRatio(self.roi)),
            ("services", Field::Money(self.services)),
            ("yearly_average_net", Field::Money(self.yearly_average_net)),
        ]
    }
}

impl Object for TierResult {
    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        merged(
            self.totals.fields(),
            [
                ("id", Field::Text(&self.id)),
                ("name", Field::Text(&self.name)),
                (
                    "qualifies_from_year",
                    Field::OptionalWhole(self.qualifies_from_year),
                ),
                ("range", Field::Range(self.range.as_ref())),
                (
                    "revenue_shortfall",
                    Field::OptionalMoney(self.revenue_shortfall),
                ),
                ("staff_gap", Field::Money(self.staff_gap)),
                ("years", Field::Years(&self.years)),
            ],
        )
    }
}

impl Object for NetRange {
    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        vec![
            ("conservative_net", Field::Money(self.conservative_net)),
            ("optimistic_net", Field::Money(self.optimistic_net)),
        ]
    }
}

impl Object for JourneyResult {
    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        merged(
            self.totals.fields(),
            [
                (
                    "extra_net_vs_start_tier",
                    Field::Money(self.extra_net_vs_start_tier),
                ),
                ("path", Field::OptionalTexts(&self.path)),
                ("years", Field::JourneyYears(&self.years)),
            ],
        )
    }
}

impl Object for YearResult {
    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        vec![
            ("acquisition", Field::Money(self.acquisition)),
            ("active_clients", Field::Money(self.active_clients)),
            ("certification", Field::Money(self.certification)),
            ("costs", Field::Money(self.costs)),
            ("cumulative_net", Field::Money(self.cumulative_net)),
            ("earnings", Field::Money(self.earnings)),
            ("licence_revenue", Field::Money(self.licence_revenue)),
            ("mdf", Field::Money(self.mdf)),
            ("net", Field::Money(self.net)),
            ("new_clients", Field::Money(self.new_clients)),
            ("program_fee", Field::Money(self.program_fee)),
            ("rebate", Field::Money(self.rebate)),
            ("referral", Field::Money(self.referral)),
            ("referral_revenue", Field::Money(self.referral_revenue)),
            ("resale", Field::Money(self.resale)),
            ("services", Field::Money(self.services)),
            ("year", Field::Whole(self.year)),
        ]
    }
}

impl Object for JourneyYear {
    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        merged(
            self.figures.fields(),
            [
                ("joining_cost", Field::Money(self.joining_cost)),
                ("tier", Field::OptionalText(self.tier.as_deref())),
            ],
        )
    }
}

impl Object for UpgradeResult {
    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        vec![
            ("extra_net", Field::Money(self.extra_net)),
            ("tier", Field::OptionalText(self.tier.as_deref())),
        ]
    }
}
