//! Reading and validating a program file (format: `docs/program-format.md`).

use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::input_catalogue::{InputKey, Unit};
use super::json_reader::{
    child_path, index_path, optional, parse_json, shorten, FieldError, JsonReader,
    PROBLEM_QUOTE_LIMIT,
};
use super::program::{
    CallToAction, Contact, InputSpec, Program, ShownFigures, Tier, TierTerms, DEFAULT_SPREAD_PCT,
};
use partner_roi_i18n::{Message, Msg};

use super::lead_parse::read_lead;
use super::program_limits::{
    within, TextKind, COUNT_MAX, MONEY_MAX, PROGRAM_BYTES, REFERRAL_YEARS, TIERS,
};
use super::program_text_fields::{
    check_web_url, optional_text, read_benefits, read_checked_text, read_contact, read_cta_url,
    CTA_FIELDS,
};
use super::program_translations::read_translations;

/// The only format version this engine reads.
pub const FORMAT_VERSION: u64 = 1;

/// The top-level fields of a program, in the order the designer writes them.
pub const PROGRAM_FIELDS: &[&str] = &[
    "version",
    "id",
    "name",
    "vendor",
    "description",
    "currency",
    "locale",
    "force_locale",
    "language",
    "horizon_years",
    "discount_rate_pct",
    "disclaimer",
    "spread_pct",
    "cta",
    "contact",
    "lead",
    "share_url",
    "services_in_net",
    "hidden_figures",
    "inputs",
    "tiers",
    "translations",
];
/// The fields of an input's override (`inputs.<name>`).
pub const SPEC_FIELDS: &[&str] = &["default", "min", "max", "label", "help", "hidden"];
/// The fields of a tier.
pub const TIER_FIELDS: &[&str] = &[
    "id",
    "name",
    "description",
    "benefits",
    "resale_margin_pct",
    "registration_bonus_pct",
    "referral_share_pct",
    "referral_years",
    "rebate_pct",
    "rebate_threshold",
    "mdf_pct",
    "mdf_cap",
    "annual_fee",
    "certification_cost",
    "joining_cost",
    "min_certified_staff",
    "min_annual_revenue",
];

impl Program {
    /// Parses and validates program JSON text; every problem is reported with its path.
    pub fn from_json_text(text: &str) -> Result<Program, Vec<FieldError>> {
        let value = parse_program_json(text).map_err(|error| vec![error])?;
        Program::from_json(&value)
    }

    /// Validates an already parsed program value.
    pub fn from_json(value: &Value) -> Result<Program, Vec<FieldError>> {
        let mut reader = JsonReader::default();
        let program = read_program(&mut reader, value);
        match program {
            Some(program) if !reader.has_errors() => Ok(program),
            _ => Err(reader.into_errors()),
        }
    }
}

/// The JSON of a program file's `text`; a file over [`PROGRAM_BYTES`] is refused unread.
pub fn parse_program_json(text: &str) -> Result<Value, FieldError> {
    if text.len() > PROGRAM_BYTES {
        return Err(FieldError::new(
            "",
            Msg::ErrorProgramTooBig
                .with("size", text.len().div_ceil(1000))
                .with("limit", PROGRAM_BYTES / 1000),
        ));
    }
    parse_json(text)
}

fn read_program(reader: &mut JsonReader, value: &Value) -> Option<Program> {
    let map = reader.object(value, "", PROGRAM_FIELDS)?;
    read_version(reader, map);
    let id = reader
        .required(map, "", "id")
        .and_then(|v| read_id(reader, v, "id"));
    let name = reader
        .required(map, "", "name")
        .and_then(|v| reader.non_empty_text(v, "name"))
        .and_then(|text| within(reader, "name", TextKind::ProgramName, text));
    let vendor = optional_text(reader, map, "", "vendor", TextKind::Vendor);
    let description = optional_text(reader, map, "", "description", TextKind::Description);
    let disclaimer = optional_text(reader, map, "", "disclaimer", TextKind::Disclaimer);
    let currency = reader
        .required(map, "", "currency")
        .and_then(|v| read_currency(reader, v));
    let locale = optional(map, "locale").and_then(|v| read_locale(reader, v, "locale"));
    let force_locale =
        optional(map, "force_locale").map_or(Some(false), |v| reader.boolean(v, "force_locale"));
    let language = optional(map, "language").and_then(|v| read_locale(reader, v, "language"));
    let horizon = optional(map, "horizon_years").map_or(Some(Decimal::from(3)), |v| {
        let key = InputKey::HorizonYears;
        reader.whole_in(v, "horizon_years", key.absolute_min(), key.absolute_max())
    });
    let discount = optional(map, "discount_rate_pct").map_or(Some(Decimal::TEN), |v| {
        reader.decimal_in(v, "discount_rate_pct", Decimal::ZERO, Decimal::ONE_HUNDRED)
    });
    let spread_pct = optional(map, "spread_pct").map_or(Some(DEFAULT_SPREAD_PCT), |v| {
        reader.decimal_in(v, "spread_pct", Decimal::ZERO, Decimal::ONE_HUNDRED)
    });
    let cta = optional(map, "cta").map_or(Some(None), |v| read_cta(reader, v).map(Some));
    let contact = optional(map, "contact")
        .map_or(Some(None), |v| read_contact(reader, v, "contact").map(Some));
    let lead = optional(map, "lead").map_or(Some(None), |v| read_lead(reader, v).map(Some));
    let share_url = optional(map, "share_url").map_or(Some(None), |v| {
        read_checked_text(reader, v, "share_url", TextKind::ShareUrl, check_web_url).map(Some)
    });
    let services_in_net = optional(map, "services_in_net")
        .map_or(Some(true), |v| reader.boolean(v, "services_in_net"));
    let shown_figures = optional(map, "hidden_figures")
        .map_or(Some(ShownFigures::ALL), |v| read_hidden_figures(reader, v));
    let input_specs = read_input_specs(reader, map, horizon, discount);
    let tiers = reader
        .required(map, "", "tiers")
        .and_then(|v| read_tiers(reader, v));
    let translations = optional(map, "translations").map_or(Some(Vec::new()), |v| {
        read_translations(reader, v, tiers.as_deref())
    });
    Some(Program {
        id: id?,
        name: name?,
        vendor,
        description,
        currency: currency?,
        locale,
        force_locale: force_locale?,
        language,
        disclaimer,
        input_specs,
        tiers: tiers?,
        spread_pct: spread_pct?,
        cta: cta?,
        shown_figures: shown_figures?,
        contact: contact?,
        lead: lead?,
        share_url: share_url?,
        services_in_net: services_in_net?,
        translations: translations?,
    })
}

/// `hidden_figures`: a list of `roi`, `payback` and `npv`.
fn read_hidden_figures(reader: &mut JsonReader, value: &Value) -> Option<ShownFigures> {
    let names = reader.text_list(value, "hidden_figures")?;
    let mut shown = ShownFigures::ALL;
    let mut every_name_known = true;
    for (index, name) in names.iter().enumerate() {
        match shown.hiding(name) {
            Some(hidden) => shown = hidden,
            None => {
                every_name_known = false;
                reader.error(
                    index_path("hidden_figures", index),
                    Msg::ErrorHiddenFigure
                        .with("name", shorten(name, PROBLEM_QUOTE_LIMIT))
                        .with("names", ShownFigures::NAMES.join(", ")),
                );
            }
        }
    }
    every_name_known.then_some(shown)
}

fn read_cta(reader: &mut JsonReader, value: &Value) -> Option<CallToAction> {
    let map = reader.object(value, "cta", CTA_FIELDS)?;
    let label = reader
        .required(map, "cta", "label")
        .and_then(|v| reader.non_empty_text(v, "cta.label"))
        .and_then(|text| within(reader, "cta.label", TextKind::CtaLabel, text));
    let url = reader
        .required(map, "cta", "url")
        .and_then(|v| read_cta_url(reader, v, "cta.url"));
    Some(CallToAction {
        label: label?,
        url: url?,
    })
}

/// The valid `contact` of the program document `value`, whatever else is wrong with it
/// (`None` when it has none, or an invalid one).
pub fn contact_in(value: &Value) -> Option<Contact> {
    let contact = value.get("contact").filter(|v| !v.is_null())?;
    read_contact(&mut JsonReader::default(), contact, "contact")
}

fn read_version(reader: &mut JsonReader, map: &Map<String, Value>) {
    let Some(value) = reader.required(map, "", "version") else {
        return;
    };
    if value.as_u64() != Some(FORMAT_VERSION) {
        reader.error(
            "version",
            Msg::ErrorVersion
                .with("got", value)
                .with("version", FORMAT_VERSION),
        );
    }
}

fn read_id(reader: &mut JsonReader, value: &Value, path: &str) -> Option<String> {
    let id = reader.non_empty_text(value, path)?;
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_';
    let limit = TextKind::Id.limit();
    if id.len() > limit || !id.chars().all(allowed) {
        reader.error(
            path,
            Msg::ErrorId
                .with("id", shorten(&id, PROBLEM_QUOTE_LIMIT))
                .with("limit", limit),
        );
        return None;
    }
    Some(id)
}

fn read_currency(reader: &mut JsonReader, value: &Value) -> Option<String> {
    let code = reader.text(value, "currency")?;
    if !is_currency_code(&code) {
        reader.error("currency", currency_problem(&code));
        return None;
    }
    Some(code)
}

/// A BCP 47 tag (`locale`, `language`) at `path`.
fn read_locale(reader: &mut JsonReader, value: &Value, path: &str) -> Option<String> {
    let locale = reader.text(value, path)?;
    if !is_locale_tag(&locale) {
        reader.error(path, locale_problem(&locale));
        return None;
    }
    Some(locale)
}

/// What is wrong with `code`, which is not a currency code.
pub fn currency_problem(code: &str) -> Message {
    Msg::ErrorCurrency.with("code", shorten(code, PROBLEM_QUOTE_LIMIT))
}

/// What is wrong with `locale`, which is not a locale tag.
pub fn locale_problem(locale: &str) -> Message {
    Msg::ErrorLocale.with("locale", shorten(locale, PROBLEM_QUOTE_LIMIT))
}

/// Whether `code` has the shape of an ISO 4217 code: three capital letters.
pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase())
}

/// Whether `locale` has the shape of a BCP 47 tag such as `en-US`.
pub fn is_locale_tag(locale: &str) -> bool {
    (2..=35).contains(&locale.len())
        && locale.starts_with(|c: char| c.is_ascii_alphabetic())
        && locale
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
}

fn read_input_specs(
    reader: &mut JsonReader,
    map: &Map<String, Value>,
    horizon: Option<Decimal>,
    discount: Option<Decimal>,
) -> [InputSpec; InputKey::COUNT] {
    let mut specs = InputKey::ALL.map(InputSpec::builtin);
    specs[InputKey::HorizonYears.index()].default =
        horizon.unwrap_or(InputKey::HorizonYears.builtin_default());
    specs[InputKey::DiscountRatePct.index()].default =
        discount.unwrap_or(InputKey::DiscountRatePct.builtin_default());
    let Some(value) = optional(map, "inputs") else {
        return specs;
    };
    let Some(inputs) = reader.object(value, "inputs", &InputKey::names()) else {
        return specs;
    };
    for key in InputKey::ALL {
        if let Some(spec_value) = optional(inputs, key.name()) {
            let path = child_path("inputs", key.name());
            read_input_spec(reader, spec_value, &path, key, &mut specs[key.index()]);
        }
    }
    specs
}

fn read_input_spec(
    reader: &mut JsonReader,
    value: &Value,
    path: &str,
    key: InputKey,
    spec: &mut InputSpec,
) {
    let Some(map) = reader.object(value, path, SPEC_FIELDS) else {
        return;
    };
    let (low, high) = (key.absolute_min(), key.absolute_max());
    let bound = |reader: &mut JsonReader, field: &str| {
        let value = optional(map, field)?;
        let field_path = child_path(path, field);
        if key.unit().is_whole() {
            reader.whole_in(value, &field_path, low, high)
        } else {
            reader.decimal_in(value, &field_path, low, high)
        }
    };
    let min = bound(reader, "min");
    let max = bound(reader, "max");
    let default = bound(reader, "default");
    if let Some(min) = min {
        spec.min = min;
    }
    if let Some(max) = max {
        spec.max = max;
    }
    let range_in_order = spec.min <= spec.max;
    if !range_in_order {
        reader.error(
            child_path(path, "min"),
            Msg::ErrorMinAboveMax
                .with("path", path)
                .with("max", spec.max)
                .with("min", spec.min),
        );
    }
    if let Some(default) = default {
        if matches!(key, InputKey::HorizonYears | InputKey::DiscountRatePct) {
            reader.error(
                child_path(path, "default"),
                Msg::ErrorDefaultTopLevel.with("field", key.name()),
            );
        } else {
            spec.default = default;
        }
    }
    if range_in_order && (spec.default < spec.min || spec.default > spec.max) {
        reader.error(
            child_path(path, "default"),
            Msg::ErrorDefaultBetween
                .with("path", path)
                .with("min", spec.min)
                .with("max", spec.max)
                .with("default", spec.default),
        );
    }
    spec.label = optional_text(reader, map, path, "label", TextKind::InputLabel);
    spec.help = optional_text(reader, map, path, "help", TextKind::InputHelp);
    spec.hidden = optional(map, "hidden")
        .and_then(|v| reader.boolean(v, &child_path(path, "hidden")))
        .unwrap_or(false);
}

fn read_tiers(reader: &mut JsonReader, value: &Value) -> Option<Vec<Tier>> {
    let Value::Array(items) = value else {
        reader.error("tiers", Msg::ErrorTiersList);
        return None;
    };
    if items.is_empty() {
        reader.error("tiers", Msg::ErrorTiersEmpty);
        return None;
    }
    if items.len() > TIERS {
        reader.error(
            "tiers",
            Msg::ErrorTiersMax
                .with("limit", TIERS)
                .with("count", items.len()),
        );
        return None;
    }
    let tiers: Vec<Option<Tier>> = items
        .iter()
        .enumerate()
        .map(|(index, item)| read_tier(reader, item, &index_path("tiers", index)))
        .collect();
    for (index, tier) in tiers.iter().enumerate() {
        let Some(tier) = tier else { continue };
        let first = tiers
            .iter()
            .position(|other| other.as_ref().is_some_and(|o| o.id == tier.id));
        if let Some(first) = first.filter(|first| *first < index) {
            reader.error(
                child_path(&index_path("tiers", index), "id"),
                Msg::ErrorDuplicateId
                    .with("id", &tier.id)
                    .with("first", first),
            );
        }
    }
    tiers.into_iter().collect()
}

fn read_tier(reader: &mut JsonReader, value: &Value, path: &str) -> Option<Tier> {
    let map = reader.object(value, path, TIER_FIELDS)?;
    let id = reader
        .required(map, path, "id")
        .and_then(|v| read_id(reader, v, &child_path(path, "id")));
    let name_path = child_path(path, "name");
    let name = reader
        .required(map, path, "name")
        .and_then(|v| reader.non_empty_text(v, &name_path))
        .and_then(|text| within(reader, &name_path, TextKind::TierName, text));
    let description = optional_text(reader, map, path, "description", TextKind::TierDescription);
    let benefits = optional(map, "benefits")
        .and_then(|v| read_benefits(reader, v, &child_path(path, "benefits")))
        .unwrap_or_default();
    let mut terms = TermReader { reader, map, path };
    let terms = TierTerms {
        resale_margin_pct: terms.read("resale_margin_pct", Unit::Percent),
        registration_bonus_pct: terms.read("registration_bonus_pct", Unit::Percent),
        referral_share_pct: terms.read("referral_share_pct", Unit::Percent),
        referral_years: terms.read_referral_years(),
        rebate_pct: terms.read("rebate_pct", Unit::Percent),
        rebate_threshold: terms.read("rebate_threshold", Unit::Money),
        mdf_pct: terms.read("mdf_pct", Unit::Percent),
        mdf_cap: terms.read_optional("mdf_cap", Unit::Money),
        annual_fee: terms.read("annual_fee", Unit::Money),
        certification_cost: terms.read("certification_cost", Unit::Money),
        joining_cost: terms.read("joining_cost", Unit::Money),
        min_certified_staff: terms.read("min_certified_staff", Unit::People),
        min_annual_revenue: terms.read("min_annual_revenue", Unit::Money),
    };
    Some(Tier {
        id: id?,
        name: name?,
        description,
        benefits,
        terms,
    })
}

/// Reads a tier's numeric terms; absent terms are zero, invalid ones are reported.
struct TermReader<'r, 'v> {
    reader: &'r mut JsonReader,
    map: &'v Map<String, Value>,
    path: &'r str,
}

impl TermReader<'_, '_> {
    fn read(&mut self, field: &str, unit: Unit) -> Decimal {
        self.read_optional(field, unit).unwrap_or(Decimal::ZERO)
    }

    fn read_optional(&mut self, field: &str, unit: Unit) -> Option<Decimal> {
        let value = optional(self.map, field)?;
        let path = child_path(self.path, field);
        match unit {
            Unit::Percent => {
                self.reader
                    .decimal_in(value, &path, Decimal::ZERO, Decimal::ONE_HUNDRED)
            }
            Unit::Money => {
                self.reader
                    .decimal_in(value, &path, Decimal::ZERO, Decimal::from(MONEY_MAX))
            }
            Unit::Clients | Unit::People | Unit::Months => {
                self.reader
                    .whole_in(value, &path, Decimal::ZERO, Decimal::from(COUNT_MAX))
            }
            Unit::Years => {
                self.reader
                    .whole_in(value, &path, Decimal::ZERO, Decimal::from(REFERRAL_YEARS))
            }
        }
    }

    fn read_referral_years(&mut self) -> Option<u32> {
        self.read_optional("referral_years", Unit::Years)
            .and_then(|years| u32::try_from(years.mantissa()).ok())
    }
}
