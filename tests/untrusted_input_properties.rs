//! Property tests over untrusted text — program files, embedded configuration, inputs,
//! share links and saved state: never a panic; a broken document is reported at the JSON
//! path of the value that breaks it; whatever is restored lies within the program's ranges.
//! (The cargo-fuzz targets in fuzz/ cover the same surfaces for longer runs.)
//!
//! Most documents here are built valid by [`any_program`] and then broken in one known
//! place by [`Bad`], so each test knows which path its errors must name.
#![cfg(not(target_arch = "wasm32"))]

use partner_roi::engine::decimal_text::parse_decimal;
use partner_roi::engine::default_program::{default_program, default_program_json};
use partner_roi::engine::json_text::parse_value;
use partner_roi::engine::program_limits;
use partner_roi::engine::{
    project, EngineError, FieldError, InputKey, PartnerInputs, Program, Unit,
};
use partner_roi::host_config::read_embedded_config;
use partner_roi::i18n::{Message, Msg};
use partner_roi::share_code::{decode_share_code, encode_share_code};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::Index;
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

// ---------------------------------------------------------------------------------------
// Arbitrary JSON, and where an error path points in a document.

/// JSON values of any shape, with the default program's field names thrown in.
fn any_json() -> impl Strategy<Value = Value> {
    let names = prop_oneof![
        Just("version".to_owned()),
        Just("tiers".to_owned()),
        Just("resale_margin_pct".to_owned()),
        Just("inputs".to_owned()),
        "[a-z_]{1,12}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((names.clone(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// The default program with one value somewhere replaced by an arbitrary one.
fn mutated_default_program() -> impl Strategy<Value = Value> {
    let base: Value = serde_json::from_str(&default_program_json()).unwrap_or(Value::Null);
    (any::<Index>(), any_json()).prop_map(move |(index, replacement)| {
        let mut program = base.clone();
        let pointers = pointers(&program, String::new());
        let pointer = index.get(&pointers).clone();
        if let Some(slot) = program.pointer_mut(&pointer) {
            *slot = replacement;
        }
        program
    })
}

fn pointers(value: &Value, at: String) -> Vec<String> {
    let mut all = vec![at.clone()];
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                all.extend(pointers(child, format!("{at}/{key}")));
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                all.extend(pointers(child, format!("{at}/{index}")));
            }
        }
        _ => {}
    }
    all
}

/// Where an error path such as `tiers[2].benefits[0]` points in `document`: `Some(true)`
/// at a value, `Some(false)` at an absent (or null) field of an object that is there,
/// `None` nowhere.
fn locate(document: &Value, path: &str) -> Option<bool> {
    if path.is_empty() {
        return Some(true);
    }
    enum Step<'p> {
        Key(&'p str),
        Index(usize),
    }
    let mut steps = Vec::new();
    for part in path.split('.') {
        let (name, indices) = part.split_at(part.find('[').unwrap_or(part.len()));
        steps.push(Step::Key(name));
        for index in indices.split_terminator(']') {
            steps.push(Step::Index(index.strip_prefix('[')?.parse().ok()?));
        }
    }
    let mut at = document;
    for (number, step) in steps.iter().enumerate() {
        match step {
            Step::Key(key) => match at.as_object()?.get(*key) {
                Some(value) if !value.is_null() => at = value,
                _ => return (number + 1 == steps.len()).then_some(false),
            },
            Step::Index(index) => at = at.as_array()?.get(*index)?,
        }
    }
    Some(true)
}

/// Every error names a value of `document`, or a field of one of its objects that is
/// absent: one that is required, or an implicit default outside the range given. A
/// `required` error always names an absent field.
fn check_paths_point_into(document: &Value, errors: &[FieldError]) -> Result<(), TestCaseError> {
    prop_assert!(!errors.is_empty());
    for error in errors {
        match locate(document, &error.path) {
            Some(true) => prop_assert!(
                error.message.msg() != Msg::ErrorRequired,
                "{} names a field that is there",
                error
            ),
            Some(false) => prop_assert!(
                error.message.msg() == Msg::ErrorRequired
                    || error.path.ends_with(".default")
                    || matches!(
                        error.message.msg(),
                        Msg::ErrorUnknownField | Msg::ErrorUnknownFieldSuggest
                    ),
                "{} names an absent field",
                error
            ),
            None => prop_assert!(false, "{} names no place in {}", error, document),
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Valid programs, built with a record of every value in them.

/// What a value of a generated program must be, so that it can be broken on purpose.
#[derive(Debug, Clone)]
enum Kind {
    Object,
    TierList,
    TextList,
    Version,
    Id,
    Text,
    NonEmptyText,
    Currency,
    Locale,
    Url,
    Bool,
    Number {
        min: Decimal,
        max: Decimal,
        whole: bool,
    },
}

/// One value of a generated program: its JSON pointer, its error path and its kind.
#[derive(Debug, Clone)]
struct Slot {
    pointer: String,
    path: String,
    kind: Kind,
    required: bool,
}

/// A valid program document and every value in it.
#[derive(Debug, Clone)]
struct GeneratedProgram {
    document: Value,
    slots: Vec<Slot>,
}

impl GeneratedProgram {
    fn parsed(&self) -> Program {
        Program::from_json(&self.document)
            .unwrap_or_else(|errors| panic!("a generated program must be valid: {errors:?}"))
    }

    fn tier_count(&self) -> usize {
        self.document["tiers"].as_array().map_or(0, Vec::len)
    }
}

#[derive(Debug, Clone)]
struct SpecSeed {
    min: Option<u32>,
    max: Option<u32>,
    default: Option<u32>,
    label: Option<String>,
    help: Option<String>,
    hidden: Option<bool>,
}

#[derive(Debug, Clone)]
struct TierSeed {
    id: String,
    name: String,
    description: Option<String>,
    benefits: Option<Vec<String>>,
    terms: Vec<Option<u32>>,
}

#[derive(Debug, Clone)]
struct ProgramSeed {
    id: String,
    name: String,
    texts: [Option<String>; 3],
    currency: &'static str,
    locale: Option<&'static str>,
    horizon: Option<u32>,
    discount: Option<u32>,
    spread: Option<u32>,
    cta: Option<(String, &'static str)>,
    inputs: Option<Vec<Option<SpecSeed>>>,
    tiers: Vec<TierSeed>,
    numbers_as_text: bool,
}

/// The tier terms and their units, in the order of `TierSeed::terms`.
const TERMS: [(&str, Unit); 13] = [
    ("resale_margin_pct", Unit::Percent),
    ("registration_bonus_pct", Unit::Percent),
    ("referral_share_pct", Unit::Percent),
    ("referral_years", Unit::Years),
    ("rebate_pct", Unit::Percent),
    ("rebate_threshold", Unit::Money),
    ("mdf_pct", Unit::Percent),
    ("mdf_cap", Unit::Money),
    ("annual_fee", Unit::Money),
    ("certification_cost", Unit::Money),
    ("joining_cost", Unit::Money),
    ("min_certified_staff", Unit::People),
    ("min_annual_revenue", Unit::Money),
];

/// The range `docs/program-format.md` gives a tier term of `unit`.
fn term_kind(unit: Unit) -> Kind {
    let (max, whole) = match unit {
        Unit::Percent => (Decimal::ONE_HUNDRED, false),
        Unit::Money => (Decimal::from(program_limits::MONEY_MAX), false),
        Unit::Years => (Decimal::from(program_limits::REFERRAL_YEARS), true),
        Unit::Clients | Unit::People | Unit::Months => {
            (Decimal::from(program_limits::COUNT_MAX), true)
        }
    };
    Kind::Number {
        min: Decimal::ZERO,
        max,
        whole,
    }
}

/// The value `step` thousandths of the way from `low` to `high`, whole when asked.
fn pick(low: Decimal, high: Decimal, step: u32, whole: bool) -> Decimal {
    let value = low + (high - low) * Decimal::new(i64::from(step), 3);
    if whole {
        value.floor()
    } else {
        value.normalize()
    }
}

/// A decimal as a JSON number, or as a decimal string.
fn number(value: Decimal, as_text: bool) -> Value {
    if as_text {
        Value::String(value.to_string())
    } else {
        value
            .to_string()
            .parse::<serde_json::Number>()
            .map_or(Value::Null, Value::Number)
    }
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn text() -> impl Strategy<Value = String> {
    "\\PC{0,16}"
}

fn non_empty_text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9][A-Za-z0-9 ,.!?()&'-]{0,20}"
}

fn spec_seed() -> impl Strategy<Value = SpecSeed> {
    (
        option::of(0u32..=1000),
        option::of(0u32..=1000),
        option::of(0u32..=1000),
        option::of(text()),
        option::of(text()),
        option::of(any::<bool>()),
    )
        .prop_map(|(min, max, default, label, help, hidden)| SpecSeed {
            min,
            max,
            default,
            label,
            help,
            hidden,
        })
}

fn tier_seed() -> impl Strategy<Value = TierSeed> {
    (
        "[a-z0-9_]{1,12}",
        non_empty_text(),
        option::of(text()),
        option::of(proptest::collection::vec(text(), 0..4)),
        proptest::collection::vec(
            option::of(prop_oneof![Just(0u32), Just(1000u32), 0u32..=1000]),
            13,
        ),
    )
        .prop_map(|(id, name, description, benefits, terms)| TierSeed {
            id,
            name,
            description,
            benefits,
            terms,
        })
}

fn program_seed() -> impl Strategy<Value = ProgramSeed> {
    let head = (
        "[a-z0-9_-]{1,20}",
        non_empty_text(),
        [option::of(text()), option::of(text()), option::of(text())],
        prop::sample::select(vec!["USD", "EUR", "GBP", "JPY"]),
        option::of(prop::sample::select(vec!["en-US", "de-DE", "fr", "pt-BR"])),
        any::<bool>(),
    );
    let settings = (
        option::of(0u32..=1000),
        option::of(0u32..=1000),
        option::of(0u32..=1000),
        option::of((
            non_empty_text(),
            prop::sample::select(vec![
                "https://partners.example.com/apply?tier={tier}&net={net}",
                "mailto:partners@example.com",
                " http://example.test/{program} ",
            ]),
        )),
        option::of(proptest::collection::vec(
            option::of(spec_seed()),
            InputKey::COUNT,
        )),
        proptest::collection::vec(tier_seed(), 1..5),
    );
    (head, settings).prop_map(
        |(
            (id, name, texts, currency, locale, numbers_as_text),
            (horizon, discount, spread, cta, inputs, tiers),
        )| ProgramSeed {
            id,
            name,
            texts,
            currency,
            locale,
            horizon,
            discount,
            spread,
            cta,
            inputs,
            tiers,
            numbers_as_text,
        },
    )
}

/// Puts values into the objects of a program document and records a [`Slot`] for each.
struct Builder {
    slots: Vec<Slot>,
    numbers_as_text: bool,
}

impl Builder {
    /// Sets `key` of the object `map` found at (`pointer`, `path`).
    fn put(
        &mut self,
        map: &mut Map<String, Value>,
        (pointer, path): (&str, &str),
        key: &str,
        value: Value,
        kind: Kind,
        required: bool,
    ) {
        self.slots.push(Slot {
            pointer: format!("{pointer}/{key}"),
            path: child(path, key),
            kind,
            required,
        });
        map.insert(key.to_owned(), value);
    }

    fn put_number(
        &mut self,
        map: &mut Map<String, Value>,
        at: (&str, &str),
        key: &str,
        value: Decimal,
        kind: Kind,
    ) {
        let json = number(value, self.numbers_as_text);
        self.put(map, at, key, json, kind, false);
    }

    fn put_text(
        &mut self,
        map: &mut Map<String, Value>,
        at: (&str, &str),
        key: &str,
        text: &Option<String>,
    ) {
        if let Some(text) = text {
            self.put(map, at, key, json!(text), Kind::Text, false);
        }
    }

    /// Records the object at (`pointer`, `path`) itself.
    fn object(&mut self, pointer: &str, path: &str) {
        self.slots.push(Slot {
            pointer: pointer.to_owned(),
            path: path.to_owned(),
            kind: Kind::Object,
            required: false,
        });
    }
}

/// A spec for `key` from `seed`: a range holding the built-in default, a default within it.
fn spec_of(
    builder: &mut Builder,
    key: InputKey,
    seed: &SpecSeed,
    pointer: &str,
    path: &str,
) -> (Value, Decimal, Decimal) {
    let whole = key.unit().is_whole();
    let (low, builtin, high) = (
        key.absolute_min(),
        key.builtin_default(),
        key.absolute_max(),
    );
    let bound = Kind::Number {
        min: low,
        max: high,
        whole,
    };
    let mut map = Map::new();
    let at = (pointer, path);
    let min = seed.min.map_or(low, |step| pick(low, builtin, step, whole));
    let max = seed
        .max
        .map_or(high, |step| pick(builtin, high, step, whole));
    if seed.min.is_some() {
        builder.put_number(&mut map, at, "min", min, bound.clone());
    }
    if seed.max.is_some() {
        builder.put_number(&mut map, at, "max", max, bound.clone());
    }
    let top_level = matches!(key, InputKey::HorizonYears | InputKey::DiscountRatePct);
    if let (Some(step), false) = (seed.default, top_level) {
        builder.put_number(&mut map, at, "default", pick(min, max, step, whole), bound);
    }
    builder.put_text(&mut map, at, "label", &seed.label);
    builder.put_text(&mut map, at, "help", &seed.help);
    if let Some(hidden) = seed.hidden {
        builder.put(&mut map, at, "hidden", json!(hidden), Kind::Bool, false);
    }
    (Value::Object(map), min, max)
}

fn tier_of(builder: &mut Builder, index: usize, seed: &TierSeed) -> Value {
    let pointer = format!("/tiers/{index}");
    let path = format!("tiers[{index}]");
    let at = (pointer.as_str(), path.as_str());
    builder.object(&pointer, &path);
    let mut map = Map::new();
    let id = format!("{}-{index}", seed.id);
    builder.put(&mut map, at, "id", json!(id), Kind::Id, true);
    builder.put(
        &mut map,
        at,
        "name",
        json!(seed.name),
        Kind::NonEmptyText,
        true,
    );
    builder.put_text(&mut map, at, "description", &seed.description);
    if let Some(benefits) = &seed.benefits {
        builder.put(
            &mut map,
            at,
            "benefits",
            json!(benefits),
            Kind::TextList,
            false,
        );
        for (number, _) in benefits.iter().enumerate() {
            builder.slots.push(Slot {
                pointer: format!("{pointer}/benefits/{number}"),
                path: format!("{path}.benefits[{number}]"),
                kind: Kind::Text,
                required: false,
            });
        }
    }
    for ((name, unit), step) in TERMS.iter().zip(&seed.terms) {
        if let Some(step) = step {
            let kind = term_kind(*unit);
            let Kind::Number { min, max, whole } = kind else {
                continue;
            };
            builder.put_number(&mut map, at, name, pick(min, max, *step, whole), kind);
        }
    }
    Value::Object(map)
}

fn build_program(seed: &ProgramSeed) -> GeneratedProgram {
    let mut builder = Builder {
        slots: Vec::new(),
        numbers_as_text: seed.numbers_as_text,
    };
    let root = ("", "");
    builder.object("", "");
    let mut map = Map::new();
    builder.put(&mut map, root, "version", json!(1), Kind::Version, true);
    builder.put(&mut map, root, "id", json!(seed.id), Kind::Id, true);
    builder.put(
        &mut map,
        root,
        "name",
        json!(seed.name),
        Kind::NonEmptyText,
        true,
    );
    for (key, text) in ["vendor", "description", "disclaimer"]
        .iter()
        .zip(&seed.texts)
    {
        builder.put_text(&mut map, root, key, text);
    }
    builder.put(
        &mut map,
        root,
        "currency",
        json!(seed.currency),
        Kind::Currency,
        true,
    );
    if let Some(locale) = seed.locale {
        builder.put(&mut map, root, "locale", json!(locale), Kind::Locale, false);
    }

    // Input specs first: the top-level horizon and discount rate must lie in their ranges.
    let mut ranges = InputKey::ALL.map(|key| (key.absolute_min(), key.absolute_max()));
    if let Some(specs) = &seed.inputs {
        builder.object("/inputs", "inputs");
        let mut inputs = Map::new();
        for (key, spec) in InputKey::ALL.iter().zip(specs) {
            let Some(spec) = spec else { continue };
            let pointer = format!("/inputs/{}", key.name());
            let path = format!("inputs.{}", key.name());
            builder.object(&pointer, &path);
            let (value, min, max) = spec_of(&mut builder, *key, spec, &pointer, &path);
            ranges[key.index()] = (min, max);
            inputs.insert(key.name().to_owned(), value);
        }
        map.insert("inputs".to_owned(), Value::Object(inputs));
    }
    let top_level = [
        ("horizon_years", InputKey::HorizonYears, seed.horizon),
        (
            "discount_rate_pct",
            InputKey::DiscountRatePct,
            seed.discount,
        ),
    ];
    for (name, key, step) in top_level {
        if let Some(step) = step {
            let (min, max) = ranges[key.index()];
            let whole = key.unit().is_whole();
            let kind = Kind::Number {
                min: key.absolute_min(),
                max: key.absolute_max(),
                whole,
            };
            builder.put_number(&mut map, root, name, pick(min, max, step, whole), kind);
        }
    }
    if let Some(step) = seed.spread {
        let kind = Kind::Number {
            min: Decimal::ZERO,
            max: Decimal::ONE_HUNDRED,
            whole: false,
        };
        let spread = pick(Decimal::ZERO, Decimal::ONE_HUNDRED, step, false);
        builder.put_number(&mut map, root, "spread_pct", spread, kind);
    }
    if let Some((label, url)) = &seed.cta {
        builder.object("/cta", "cta");
        let mut cta = Map::new();
        let at = ("/cta", "cta");
        builder.put(
            &mut cta,
            at,
            "label",
            json!(label),
            Kind::NonEmptyText,
            true,
        );
        builder.put(&mut cta, at, "url", json!(url), Kind::Url, true);
        map.insert("cta".to_owned(), Value::Object(cta));
    }
    let tiers: Vec<Value> = seed
        .tiers
        .iter()
        .enumerate()
        .map(|(index, tier)| tier_of(&mut builder, index, tier))
        .collect();
    builder.put(
        &mut map,
        root,
        "tiers",
        Value::Array(tiers),
        Kind::TierList,
        true,
    );
    GeneratedProgram {
        document: Value::Object(map),
        slots: builder.slots,
    }
}

/// Valid program documents of every shape the format allows.
fn any_program() -> impl Strategy<Value = GeneratedProgram> {
    program_seed().prop_map(|seed| build_program(&seed))
}

// ---------------------------------------------------------------------------------------
// Breaking a valid program in one known place.

/// One way to break a valid program; each names exactly one path.
#[derive(Debug, Clone)]
enum Bad {
    /// A value of the wrong JSON type.
    WrongType(Index, Index),
    /// A value of the right type but not allowed: out of range, malformed, empty.
    Invalid(Index, Index),
    /// A required field left out (or null).
    Missing(Index, bool),
    /// An unknown field in one of the objects.
    UnknownField(Index, String),
    /// A tier reusing an earlier tier's id.
    DuplicateId(Index, Index),
    /// An input spec whose min is above its max.
    ReversedRange(Index),
}

fn any_bad() -> impl Strategy<Value = Bad> {
    prop_oneof![
        (any::<Index>(), any::<Index>()).prop_map(|(slot, choice)| Bad::WrongType(slot, choice)),
        (any::<Index>(), any::<Index>()).prop_map(|(slot, choice)| Bad::Invalid(slot, choice)),
        (any::<Index>(), any::<bool>()).prop_map(|(slot, null)| Bad::Missing(slot, null)),
        (any::<Index>(), "[a-z]{1,8}").prop_map(|(object, name)| Bad::UnknownField(object, name)),
        (any::<Index>(), any::<Index>()).prop_map(|(first, later)| Bad::DuplicateId(first, later)),
        any::<Index>().prop_map(Bad::ReversedRange),
    ]
}

fn wrong_type(kind: &Kind, choice: &Index) -> Value {
    let choices = match kind {
        Kind::Number { .. } | Kind::Version => {
            vec![
                json!(true),
                json!([]),
                json!({}),
                json!("abc"),
                json!("1,5"),
            ]
        }
        Kind::Bool => vec![json!("yes"), json!(1), json!([])],
        Kind::TextList => vec![json!("a benefit"), json!(3), json!({})],
        Kind::TierList => vec![json!({}), json!("gold"), json!(1)],
        Kind::Object => vec![json!(1), json!("x"), json!([]), json!(true)],
        Kind::Id | Kind::Text | Kind::NonEmptyText | Kind::Currency | Kind::Locale | Kind::Url => {
            vec![json!(5), json!(false), json!([]), json!({})]
        }
    };
    choice.get(&choices).clone()
}

/// A value of the right type that the format still refuses, if `kind` has one.
fn invalid(kind: &Kind, choice: &Index) -> Option<Value> {
    let choices = match kind {
        Kind::Version => vec![json!(2), json!(0), json!(1.5)],
        Kind::Id => vec![json!("Gold Tier"), json!("a".repeat(65)), json!("é")],
        Kind::NonEmptyText => vec![json!(""), json!("   ")],
        Kind::Currency => vec![json!("usd"), json!("US"), json!("EURO")],
        Kind::Locale => vec![
            json!("e"),
            json!("en US"),
            json!("-en"),
            json!("x".repeat(36)),
        ],
        Kind::Url => vec![
            json!("javascript:alert(1)"),
            json!("ftp://files.example.com"),
            json!("https://a b.example.com"),
        ],
        Kind::TierList => vec![json!([])],
        Kind::Number { min, max, whole } => {
            let mut choices = vec![
                number(*max + Decimal::ONE, false),
                number(*min - Decimal::ONE, true),
            ];
            if *whole && *max - *min >= Decimal::ONE {
                choices.push(number(*min + Decimal::new(5, 1), false));
            }
            choices
        }
        Kind::Text | Kind::Bool | Kind::TextList | Kind::Object => return None,
    };
    Some(choice.get(&choices).clone())
}

fn set(document: &mut Value, pointer: &str, value: Value) {
    if let Some(slot) = document.pointer_mut(pointer) {
        *slot = value;
    }
}

fn remove(document: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", pointer));
    if let Some(map) = document.pointer_mut(parent).and_then(Value::as_object_mut) {
        map.remove(key);
    }
}

/// `generated` broken by `bad`, and the path every error must name.
fn break_program(generated: &GeneratedProgram, bad: &Bad) -> (Value, String) {
    let mut document = generated.document.clone();
    let slots = &generated.slots;
    let path = match bad {
        Bad::WrongType(slot, choice) => {
            let slot = slot.get(slots);
            set(&mut document, &slot.pointer, wrong_type(&slot.kind, choice));
            slot.path.clone()
        }
        Bad::Invalid(slot, choice) => {
            let slot = slot.get(slots);
            let value =
                invalid(&slot.kind, choice).unwrap_or_else(|| wrong_type(&slot.kind, choice));
            set(&mut document, &slot.pointer, value);
            slot.path.clone()
        }
        Bad::Missing(slot, as_null) => {
            let required: Vec<&Slot> = slots.iter().filter(|slot| slot.required).collect();
            let slot = slot.get(&required);
            if *as_null {
                set(&mut document, &slot.pointer, Value::Null);
            } else {
                remove(&mut document, &slot.pointer);
            }
            slot.path.clone()
        }
        Bad::UnknownField(object, name) => {
            let objects: Vec<&Slot> = slots
                .iter()
                .filter(|slot| matches!(slot.kind, Kind::Object))
                .collect();
            let object = object.get(&objects);
            let key = format!("x_{name}");
            if let Some(map) = document
                .pointer_mut(&object.pointer)
                .and_then(Value::as_object_mut)
            {
                map.insert(key.clone(), json!(1));
            }
            child(&object.path, &key)
        }
        Bad::DuplicateId(first, later) => {
            let count = generated.tier_count();
            if count < 2 {
                remove(&mut document, "/tiers/0/id");
                "tiers[0].id".to_owned()
            } else {
                let first = first.index(count - 1);
                let later = first + 1 + later.index(count - first - 1);
                let id = document["tiers"][first]["id"].clone();
                set(&mut document, &format!("/tiers/{later}/id"), id);
                format!("tiers[{later}].id")
            }
        }
        Bad::ReversedRange(key) => {
            let key = *key.get(&InputKey::ALL);
            let spec = json!({
                "min": number(key.absolute_max(), false),
                "max": number(key.absolute_min(), false),
            });
            if let Some(map) = document.as_object_mut() {
                let inputs = map.entry("inputs").or_insert_with(|| json!({}));
                if let Some(inputs) = inputs.as_object_mut() {
                    inputs.insert(key.name().to_owned(), spec);
                }
            }
            format!("inputs.{}.min", key.name())
        }
    };
    (document, path)
}

// ---------------------------------------------------------------------------------------
// Partner inputs within a program's ranges, and breaking them.

/// One value per input, each `steps[i]` thousandths of the way through the program's range.
fn inputs_within(program: &Program, steps: &[u32]) -> PartnerInputs {
    PartnerInputs::from_fn(|key| {
        let spec = program.input_spec(key);
        pick(
            spec.min,
            spec.max,
            steps[key.index()],
            key.unit().is_whole(),
        )
    })
}

fn any_steps() -> impl Strategy<Value = Vec<u32>> {
    proptest::collection::vec(
        prop_oneof![Just(0u32), Just(1000u32), 0u32..=1000],
        InputKey::COUNT,
    )
}

/// One way to break an inputs document.
#[derive(Debug, Clone)]
enum BadInput {
    WrongType(Index, Index),
    OutOfRange(Index, bool),
    Fraction(Index),
    Unknown(String),
}

fn any_bad_input() -> impl Strategy<Value = BadInput> {
    prop_oneof![
        (any::<Index>(), any::<Index>()).prop_map(|(key, choice)| BadInput::WrongType(key, choice)),
        (any::<Index>(), any::<bool>()).prop_map(|(key, above)| BadInput::OutOfRange(key, above)),
        any::<Index>().prop_map(BadInput::Fraction),
        "[a-z]{1,8}".prop_map(BadInput::Unknown),
    ]
}

// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Text that is not JSON is one error naming its position; JSON text reads as its value.
    #[test]
    fn any_text_as_a_program_is_a_program_or_errors(text in ".{0,200}") {
        let result = Program::from_json_text(&text);
        match serde_json::from_str::<Value>(&text) {
            Err(_) => {
                let errors = result.err().unwrap_or_default();
                prop_assert_eq!(errors.len(), 1);
                prop_assert_eq!(errors[0].path.as_str(), "");
                prop_assert!(errors[0].message.msg() == Msg::ErrorNotJson, "{}", errors[0]);
            }
            Ok(value) => prop_assert_eq!(result, Program::from_json(&value)),
        }
        let _ = read_embedded_config(&text);
    }

    /// The widget's own JSON reader reads exactly what `serde_json` reads, as the same
    /// value: JSON text whole, and with one character taken out or put in anywhere.
    #[test]
    fn the_json_reader_agrees_with_serde_json(
        value in any_json(),
        at in any::<Index>(),
        inserted in prop_oneof![
            Just(None),
            proptest::char::any().prop_map(Some),
            proptest::sample::select(vec!['"', '\\', ',', ']', '}', '0', '-', '.', 'e', ' '])
                .prop_map(Some),
        ],
    ) {
        let text = value.to_string();
        prop_assert_eq!(parse_value(&text).ok(), Some(value));
        let mut changed: Vec<char> = text.chars().collect();
        let position = at.index(changed.len() + 1);
        match inserted {
            Some(character) => changed.insert(position, character),
            None if position < changed.len() => {
                changed.remove(position);
            }
            None => {}
        }
        let changed: String = changed.into_iter().collect();
        prop_assert_eq!(parse_value(&changed).ok(), serde_json::from_str::<Value>(&changed).ok());
    }

    #[test]
    fn any_json_as_a_program_is_a_program_or_errors_with_paths(value in any_json()) {
        match Program::from_json(&value) {
            Ok(program) => prop_assert!(!program.tiers.is_empty()),
            Err(errors) => check_paths_point_into(&value, &errors)?,
        }
    }

    #[test]
    fn a_mutated_program_is_valid_and_projects_or_names_the_path(value in mutated_default_program()) {
        match Program::from_json(&value) {
            Ok(program) => {
                let outcome = project(&program, &program.default_inputs());
                prop_assert!(
                    matches!(outcome, Ok(_) | Err(EngineError::Overflow { .. })),
                    "{:?}",
                    outcome
                );
            }
            Err(errors) => check_paths_point_into(&value, &errors)?,
        }
    }

    /// Every generated program is valid, keeps what it says and projects its defaults.
    #[test]
    fn a_valid_program_parses_as_written(generated in any_program()) {
        let program = generated.parsed();
        let document = &generated.document;
        prop_assert_eq!(Value::from(program.id.clone()), document["id"].clone());
        prop_assert_eq!(program.tiers.len(), generated.tier_count());
        for (tier, written) in program.tiers.iter().zip(document["tiers"].as_array().into_iter().flatten()) {
            prop_assert_eq!(Value::from(tier.id.clone()), written["id"].clone());
        }
        let defaults = program.default_inputs();
        for key in InputKey::ALL {
            prop_assert!(program.check_input(key, defaults.get(key)).is_ok(), "{:?}", key);
        }
        let outcome = project(&program, &defaults);
        prop_assert!(matches!(outcome, Ok(_) | Err(EngineError::Overflow { .. })), "{:?}", outcome);
        let text = serde_json::to_string(document).unwrap_or_default();
        prop_assert_eq!(Program::from_json_text(&text), Ok(program));
    }

    /// A program broken in one place (wrong type, out of range, malformed, missing,
    /// unknown field, duplicate id, reversed range) is refused, and every error names
    /// exactly that place — from a parsed value and from text alike.
    #[test]
    fn a_broken_program_names_the_path_of_the_broken_value(
        generated in any_program(),
        bad in any_bad(),
    ) {
        let (document, path) = break_program(&generated, &bad);
        let errors = Program::from_json(&document).err().unwrap_or_default();
        prop_assert!(!errors.is_empty(), "{:?} was accepted", bad);
        for error in &errors {
            prop_assert_eq!(&error.path, &path, "{} (expected {}) in {}", error, path, document);
            prop_assert!(!error.message.to_string().is_empty());
        }
        let text = serde_json::to_string(&document).unwrap_or_default();
        prop_assert_eq!(Program::from_json_text(&text).err(), Some(errors));
    }

    /// Inputs within the program's ranges are taken exactly; one broken value is reported
    /// at its own path and left at its default, every other value is still taken.
    #[test]
    fn broken_inputs_name_the_path_and_keep_every_valid_value(
        generated in any_program(),
        steps in any_steps(),
        present in proptest::collection::vec(any::<bool>(), InputKey::COUNT),
        bad in option::weighted(0.8, any_bad_input()),
        under in prop::sample::select(vec!["", "inputs"]),
    ) {
        let program = generated.parsed();
        let wanted = inputs_within(&program, &steps);
        let defaults = program.default_inputs();
        let mut map = Map::new();
        for key in InputKey::ALL.into_iter().filter(|key| present[key.index()]) {
            map.insert(key.name().to_owned(), number(wanted.get(key), steps[key.index()] % 2 == 0));
        }
        let mut broken_key = None;
        let mut expected_path = None;
        match &bad {
            None => {}
            Some(BadInput::Unknown(name)) => {
                let key = format!("x_{name}");
                map.insert(key.clone(), json!(1));
                expected_path = Some(child(under, &key));
            }
            Some(bad) => {
                let (key, value) = match bad {
                    BadInput::WrongType(key, choice) => {
                        let choices = [json!(true), json!([]), json!({}), json!("abc"), json!("1,5"), Value::Null];
                        (*key.get(&InputKey::ALL), choice.get(&choices).clone())
                    }
                    BadInput::Fraction(key) => {
                        let key = *key.get(&InputKey::ALL);
                        let spec = program.input_spec(key);
                        let half = Decimal::new(5, 1);
                        if key.unit().is_whole() && spec.min + half <= spec.max {
                            (key, number(spec.min + half, false))
                        } else {
                            (key, number(spec.max + Decimal::ONE, false))
                        }
                    }
                    BadInput::OutOfRange(key, above) => {
                        let key = *key.get(&InputKey::ALL);
                        let spec = program.input_spec(key);
                        let value = if *above { spec.max + Decimal::ONE } else { spec.min - Decimal::ONE };
                        (key, number(value, *above))
                    }
                    BadInput::Unknown(_) => unreachable!(),
                };
                map.insert(key.name().to_owned(), value);
                broken_key = Some(key);
                expected_path = Some(child(under, key.name()));
            }
        }
        let (inputs, errors) = program.inputs_from_json(&Value::Object(map), under);
        let paths: Vec<String> = errors.iter().map(|error| error.path.clone()).collect();
        prop_assert_eq!(paths, expected_path.into_iter().collect::<Vec<_>>(), "{:?}", errors);
        for key in InputKey::ALL {
            let expected = if Some(key) == broken_key || !present[key.index()] {
                defaults.get(key)
            } else {
                wanted.get(key)
            };
            prop_assert_eq!(inputs.get(key), expected, "{:?}", key);
        }
    }

    /// Random text, and text shaped like a share code, restores only valid values.
    #[test]
    fn any_share_code_restores_only_values_within_range(
        code in prop_oneof![".{0,120}", "1~example-cloud~[a-z]{0,8}~[-0-9.,eE+]{0,100}"],
    ) {
        let program = default_program();
        let restored = decode_share_code(&program, &code);
        for key in InputKey::ALL {
            prop_assert!(program.check_input(key, restored.inputs.get(key)).is_ok());
        }
        prop_assert!(project(&program, &restored.inputs).is_ok());
    }

    /// Any valid figures and tier of any program come back exactly from their share code.
    #[test]
    fn a_share_code_round_trips_any_valid_figures_exactly(
        generated in any_program(),
        steps in any_steps(),
        tier in option::of(any::<Index>()),
    ) {
        let program = generated.parsed();
        let inputs = inputs_within(&program, &steps);
        let tier_id = tier.map(|tier| tier.get(&program.tiers).id.clone());
        let code = encode_share_code(&program, &inputs, tier_id.as_deref(), None);
        prop_assert!(
            code.chars().all(|c| c.is_ascii_alphanumeric() || "-_.~,".contains(c)),
            "{}",
            code
        );
        let restored = decode_share_code(&program, &code);
        prop_assert_eq!(&restored.problems, &Vec::<Message>::new());
        prop_assert_eq!(&restored.inputs, &inputs);
        prop_assert_eq!(&restored.tier_id, &tier_id);
        prop_assert!(restored.restored_any);
        prop_assert_eq!(encode_share_code(&program, &restored.inputs, restored.tier_id.as_deref(), None), code);
    }

    /// A corrupted share code never panics; every value it restores is valid and is what
    /// the code says at that value's position, and a value whose text survived is restored.
    #[test]
    fn a_corrupted_share_code_restores_only_valid_values_it_holds(
        generated in any_program(),
        steps in any_steps(),
        tier in option::of(any::<Index>()),
        edits in proptest::collection::vec(
            (any::<Index>(), 0u8..3, prop_oneof![
                prop::sample::select("0123456789.,-~eE+ ".chars().collect::<Vec<_>>()),
                any::<char>(),
            ]),
            1..6,
        ),
    ) {
        let program = generated.parsed();
        let inputs = inputs_within(&program, &steps);
        let tier_id = tier.map(|tier| tier.get(&program.tiers).id.clone());
        let code = encode_share_code(&program, &inputs, tier_id.as_deref(), None);
        let mut chars: Vec<char> = code.chars().collect();
        for (at, edit, c) in &edits {
            let at = at.index(chars.len() + 1);
            match edit {
                0 if at < chars.len() => chars[at] = *c,
                1 if at < chars.len() => {
                    chars.remove(at);
                }
                _ => chars.insert(at, *c),
            }
        }
        let corrupted: String = chars.into_iter().collect();
        let restored = decode_share_code(&program, &corrupted);
        let defaults = program.default_inputs();

        // The value texts of the corrupted code, if its version and program survived.
        let trimmed = corrupted.trim();
        let sections: Vec<&str> = trimmed.splitn(4, '~').collect();
        let fields: Option<Vec<&str>> = match sections[..] {
            ["2", id, _, values] if id == program.id => Some(values.split(',').collect()),
            // Version 3 ends with the rep.
            ["3", id, _, values] if id == program.id => {
                Some(values.rsplit_once('~').map_or(values, |(values, _)| values).split(',').collect())
            }
            // Version 1 had no ramp: its 16 values, and no ramp.
            ["1", id, _, values] if id == program.id => {
                Some(values.split(',').take(InputKey::COUNT - 1).collect())
            }
            _ => None,
        };
        let without_ramp = matches!(sections[..], ["1", id, _, _] if id == program.id);
        let original: Vec<String> = InputKey::ALL.iter().map(|key| inputs.get(*key).normalize().to_string()).collect();
        for key in InputKey::ALL {
            let value = restored.inputs.get(key);
            prop_assert!(program.check_input(key, value).is_ok(), "{:?} = {}", key, value);
            let field = fields.as_ref().and_then(|fields| fields.get(key.index()).copied());
            if field == Some(original[key.index()].as_str()) {
                prop_assert_eq!(value, inputs.get(key), "{:?} survived as {:?}", key, field);
            } else if key == InputKey::RampMonths && without_ramp {
                // No ramp, or the program's default where its range excludes none.
                let no_ramp = program.check_input(key, Decimal::ZERO).map_or(defaults.get(key), |_| Decimal::ZERO);
                prop_assert_eq!(value, no_ramp, "a version 1 code has no ramp");
            } else if value != defaults.get(key) {
                prop_assert_eq!(field.and_then(parse_decimal), Some(value), "{:?} came from nowhere", key);
            }
        }
        if let Some(restored_tier) = &restored.tier_id {
            prop_assert!(program.tier_index(restored_tier).is_some());
            prop_assert_eq!(sections.get(2).copied(), Some(restored_tier.as_str()));
        }
        if restored.inputs != defaults {
            prop_assert!(restored.restored_any);
        }
        if trimmed.split(',').count() < InputKey::ALL.len() {
            prop_assert!(!restored.problems.is_empty());
        }
    }
}
