//! Program files: the shipped examples parse, and each kind of invalid program is
//! reported with its path-precise message.
#![cfg(not(target_arch = "wasm32"))]

use partner_roi::engine::{project, CallToAction, Contact, Program};
use serde_json::{json, Value};
use std::fs;

#[test]
fn every_example_program_parses_and_projects() {
    let mut count = 0;
    for entry in fs::read_dir("examples/programs").unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let program =
            Program::from_json_text(&text).unwrap_or_else(|errors| panic!("{path:?}: {errors:?}"));
        assert!(program.tiers.len() >= 3, "{path:?}");
        assert!(
            project(&program, &program.default_inputs()).is_ok(),
            "{path:?}"
        );
        count += 1;
    }
    assert!(
        count >= 3,
        "expected at least three example programs, found {count}"
    );
}

#[test]
fn numbers_and_decimal_strings_mean_exactly_the_same() {
    let as_number = parse_ok(with(valid(), "/tiers/0/resale_margin_pct", json!(0.1)));
    let as_string = parse_ok(with(valid(), "/tiers/0/resale_margin_pct", json!("0.1")));
    assert_eq!(
        as_number.tiers[0].terms.resale_margin_pct.to_string(),
        "0.1"
    );
    assert_eq!(as_number, as_string);
}

#[test]
fn omitted_terms_and_settings_take_their_defaults() {
    let program = parse_ok(valid());
    let defaults = program.default_inputs();
    assert_eq!(
        defaults
            .get(partner_roi::engine::InputKey::HorizonYears)
            .to_string(),
        "3"
    );
    assert_eq!(
        defaults
            .get(partner_roi::engine::InputKey::DiscountRatePct)
            .to_string(),
        "10"
    );
    assert_eq!(program.tiers[0].terms.referral_years, None);
    assert_eq!(program.tiers[0].terms.mdf_cap, None);
}

#[test]
fn spread_defaults_to_25_and_may_be_set() {
    assert_eq!(parse_ok(valid()).spread_pct.to_string(), "25");
    let program = parse_ok(with(valid(), "/spread_pct", json!("12.5")));
    assert_eq!(program.spread_pct.to_string(), "12.5");
    assert_eq!(
        parse_ok(with(valid(), "/spread_pct", json!(0)))
            .spread_pct
            .to_string(),
        "0"
    );
}

#[test]
fn a_call_to_action_is_read_trimmed_and_optional() {
    assert_eq!(parse_ok(valid()).cta, None);
    let program = parse_ok(with(
        valid(),
        "/cta",
        json!({"label": " Apply now ", "url": " https://partners.example.com/apply?tier={tier}&net={net} "}),
    ));
    assert_eq!(
        program.cta,
        Some(CallToAction {
            label: "Apply now".into(),
            url: "https://partners.example.com/apply?tier={tier}&net={net}".into(),
        })
    );
    for url in [
        "HTTPS://EXAMPLE.COM",
        "http://example.com/?roi={roi}",
        "mailto:partners@example.com?subject=Tier%20{tier}",
    ] {
        let program = parse_ok(with(valid(), "/cta", cta(url)));
        assert_eq!(program.cta.map(|cta| cta.url).as_deref(), Some(url));
    }
}

#[test]
fn a_contact_is_read_trimmed_and_any_of_its_fields_may_be_left_out() {
    assert_eq!(parse_ok(valid()).contact, None);
    let program = parse_ok(with(
        valid(),
        "/contact",
        json!({"name": " Partner team ", "email": "partners@example.com", "phone": "+44 (0)20 7946-0000", "url": "https://example.com/partners"}),
    ));
    assert_eq!(
        program.contact,
        Some(Contact {
            name: Some("Partner team".into()),
            email: Some("partners@example.com".into()),
            phone: Some("+44 (0)20 7946-0000".into()),
            url: Some("https://example.com/partners".into()),
        })
    );
    let email_only = parse_ok(with(valid(), "/contact", json!({"email": "a@b.co"})));
    assert_eq!(
        email_only.contact,
        Some(Contact {
            email: Some("a@b.co".into()),
            ..Contact::default()
        })
    );
}

#[test]
fn an_invalid_contact_field_is_named_with_what_it_must_be() {
    let cases = [
        (
            json!({}),
            "contact: give at least one of name, email, phone and url",
        ),
        (
            json!({"email": "partners.example.com"}),
            "contact.email: must be an email address, like partners@example.com",
        ),
        (
            json!({"email": "a b@example.com"}),
            "contact.email: must be an email address, like partners@example.com",
        ),
        (
            json!({"email": "a@example"}),
            "contact.email: must be an email address, like partners@example.com",
        ),
        (
            json!({"phone": "call us"}),
            "contact.phone: must be a phone number: digits, spaces and + ( ) - . /",
        ),
        (
            json!({"url": "javascript:alert(1)"}),
            "contact.url: must be an https: or http: address",
        ),
        (
            json!({"url": "https://example.com/a b"}),
            "contact.url: must not contain spaces or control characters (write a space as %20)",
        ),
        (json!({"name": ""}), "contact.name: must not be empty"),
        (
            json!({"mail": "a@b.co"}),
            "contact.mail: unknown field, did you mean email?",
        ),
        (
            json!({"name": "x".repeat(121)}),
            "contact.name: must be at most 120 characters, got 121",
        ),
    ];
    for (contact, expected) in cases {
        let errors =
            Program::from_json(&with(valid(), "/contact", contact.clone())).expect_err(expected);
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(
            messages.contains(&expected.to_owned()),
            "{contact}: {messages:?}"
        );
    }
}

#[test]
fn a_misspelt_call_to_action_field_gets_a_suggestion() {
    let program = with(
        valid(),
        "/cta",
        json!({"lable": "Apply", "url": "https://example.com"}),
    );
    let errors = Program::from_json(&program).unwrap_err();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "cta.lable: unknown field, did you mean label?",
            "cta.label: required"
        ]
    );
}

/// A call to action with `url`.
fn cta(url: &str) -> Value {
    json!({"label": "Apply", "url": url})
}

fn valid() -> Value {
    json!({
        "version": 1,
        "id": "valid",
        "name": "Valid program",
        "currency": "USD",
        "inputs": {"deal_value": {"default": 1000, "min": 100, "max": 50000}},
        "tiers": [
            {"id": "silver", "name": "Silver", "resale_margin_pct": 10},
            {"id": "gold", "name": "Gold", "resale_margin_pct": 20, "benefits": ["A"]}
        ]
    })
}

fn parse_ok(value: Value) -> Program {
    Program::from_json(&value).unwrap_or_else(|errors| panic!("{errors:?}"))
}

/// `base` with the value at JSON pointer `pointer` replaced (or inserted).
fn with(mut base: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match base.pointer_mut(parent).unwrap() {
        Value::Object(map) => {
            map.insert(key.to_owned(), value);
        }
        Value::Array(items) => items[key.parse::<usize>().unwrap()] = value,
        _ => panic!("{parent} is not a container"),
    }
    base
}

/// `base` without the field at `pointer`.
fn without(mut base: Value, pointer: &str) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    base.pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove(key);
    base
}

/// Each invalid program and the one message it must produce.
fn malformed_cases() -> Vec<(Value, &'static str)> {
    let v = valid;
    vec![
        (json!([1, 2]), "must be an object, got a list"),
        (with(v(), "/colour", json!("red")), "colour: unknown field, expected one of: version, id, name, vendor, description, currency, locale, force_locale, language, horizon_years, discount_rate_pct, disclaimer, spread_pct, cta, contact, lead, share_url, services_in_net, hidden_figures, inputs, tiers, translations"),
        (with(v(), "/curency", json!("USD")), "curency: unknown field, did you mean currency?"),
        (with(v(), "/tiers/1/resale_margin_pc", json!(5)), "tiers[1].resale_margin_pc: unknown field, did you mean resale_margin_pct?"),
        (without(v(), "/version"), "version: required"),
        (with(v(), "/version", json!(2)), "version: unsupported version 2: this widget reads version 1"),
        (without(v(), "/id"), "id: required"),
        (with(v(), "/id", json!("My Program")), "id: \"My Program\" is not a valid id: use up to 64 lowercase letters, digits, - and _"),
        (with(v(), "/name", json!("  ")), "name: must not be empty"),
        (with(v(), "/name", json!(42)), "name: must be text, got a number"),
        (without(v(), "/currency"), "currency: required"),
        (with(v(), "/currency", json!("usd")), "currency: \"usd\" is not an ISO 4217 code such as USD or EUR"),
        (with(v(), "/locale", json!("<en>")), "locale: \"<en>\" is not a locale such as en-US or de-DE"),
        (with(v(), "/horizon_years", json!(0)), "horizon_years: must be between 1 and 10, got 0"),
        (with(v(), "/horizon_years", json!(11)), "horizon_years: must be between 1 and 10, got 11"),
        (with(v(), "/horizon_years", json!(2.5)), "horizon_years: must be a whole number, got 2.5"),
        (with(v(), "/discount_rate_pct", json!(150)), "discount_rate_pct: must be between 0 and 100, got 150"),
        (without(v(), "/tiers"), "tiers: required"),
        (with(v(), "/tiers", json!([])), "tiers: must contain at least one tier"),
        (with(v(), "/tiers", json!({"id": "x"})), "tiers: must be a list of tiers"),
        (with(v(), "/tiers/1", json!("gold")), "tiers[1]: must be an object, got text"),
        (with(v(), "/tiers/1/id", json!("silver")), "tiers[1].id: duplicate id \"silver\", already used by tiers[0]"),
        (without(v(), "/tiers/0/name"), "tiers[0].name: required"),
        (with(v(), "/tiers/0/referral_share_pct", json!(120)), "tiers[0].referral_share_pct: must be between 0 and 100, got 120"),
        (with(v(), "/tiers/0/annual_fee", json!(-5)), "tiers[0].annual_fee: must be between 0 and 1000000000000, got -5"),
        (with(v(), "/tiers/0/annual_fee", json!("1,000")), "tiers[0].annual_fee: must be a number, got \"1,000\""),
        (with(v(), "/tiers/0/mdf_cap", json!(true)), "tiers[0].mdf_cap: must be a number or a decimal string, got true/false"),
        (with(v(), "/tiers/0/referral_years", json!(1.5)), "tiers[0].referral_years: must be a whole number, got 1.5"),
        (with(v(), "/tiers/0/min_certified_staff", json!(-1)), "tiers[0].min_certified_staff: must be between 0 and 1000000, got -1"),
        (with(v(), "/tiers/1/benefits", json!("many")), "tiers[1].benefits: must be a list of texts, got text"),
        (with(v(), "/tiers/1/benefits", json!(["ok", 3])), "tiers[1].benefits[1]: must be text, got a number"),
        (with(v(), "/inputs/deal_values", json!({})), "inputs.deal_values: unknown field, did you mean deal_value?"),
        (with(v(), "/inputs/deal_value/default", json!(60000)), "inputs.deal_value.default: must be between inputs.deal_value.min (100) and inputs.deal_value.max (50000), got 60000"),
        (with(v(), "/inputs/deal_value/min", json!(90000)), "inputs.deal_value.min: must not be above inputs.deal_value.max (50000), got 90000"),
        (with(v(), "/inputs/churn_pct", json!({"max": 101})), "inputs.churn_pct.max: must be between 0 and 100, got 101"),
        (with(v(), "/inputs/existing_clients", json!({"default": 2.5})), "inputs.existing_clients.default: must be a whole number, got 2.5"),
        (with(v(), "/inputs/horizon_years", json!({"default": 5})), "inputs.horizon_years.default: set this default with the top-level horizon_years field"),
        (with(v(), "/inputs/deal_value/hidden", json!("yes")), "inputs.deal_value.hidden: must be true or false, got text"),
        (with(v(), "/inputs/deal_value/maximum", json!(5)), "inputs.deal_value.maximum: unknown field, did you mean max?"),
        (with(v(), "/spread_pct", json!(120)), "spread_pct: must be between 0 and 100, got 120"),
        (with(v(), "/spread_pct", json!(-5)), "spread_pct: must be between 0 and 100, got -5"),
        (with(v(), "/spread_pct", json!("wide")), "spread_pct: must be a number, got \"wide\""),
        (with(v(), "/cta", json!("https://example.com")), "cta: must be an object, got text"),
        (with(v(), "/cta", json!({"label": "Apply"})), "cta.url: required"),
        (with(v(), "/cta", json!({"label": " ", "url": "https://example.com"})), "cta.label: must not be empty"),
        (with(v(), "/cta", cta("javascript:alert(1)")), "cta.url: only https:, http: and mailto: links are allowed, got \"javascript:alert(1)\""),
        (with(v(), "/cta", cta("  JAVASCRIPT:alert(1)")), "cta.url: only https:, http: and mailto: links are allowed, got \"JAVASCRIPT:alert(1)\""),
        (with(v(), "/cta", cta("data:text/html,<script>alert(1)</script>")), "cta.url: only https:, http: and mailto: links are allowed, got \"data:text/html,<script>alert(1)</script>\""),
        (with(v(), "/cta", cta("ftp://files.example.com/kit.zip")), "cta.url: only https:, http: and mailto: links are allowed, got \"ftp://files.example.com/kit.zip\""),
        (with(v(), "/cta", cta("//evil.example.com/https://")), "cta.url: only https:, http: and mailto: links are allowed, got \"//evil.example.com/https://\""),
        (with(v(), "/cta", cta("javascript:void(0);/*0123456789012345678901234567890123456789*/")), "cta.url: only https:, http: and mailto: links are allowed, got \"javascript:void(0);/*0123456789012345678…\""),
        (with(v(), "/cta", cta("https://example.com/apply now")), "cta.url: must not contain spaces or control characters (write a space as %20)"),
        (with(v(), "/cta", cta("https://example.com/\napply")), "cta.url: must not contain spaces or control characters (write a space as %20)"),
        (with(v(), "/cta", cta("https://example.com/\u{7f}")), "cta.url: must not contain spaces or control characters (write a space as %20)"),
    ]
}

#[test]
fn each_kind_of_invalid_program_gets_its_path_precise_message() {
    let cases = malformed_cases();
    assert!(cases.len() >= 30);
    for (program, expected) in cases {
        let errors = Program::from_json(&program).expect_err(expected);
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(messages, [expected], "for {program}");
    }
}

#[test]
fn every_problem_is_reported_in_one_pass() {
    let program = with(
        with(valid(), "/currency", json!("usd")),
        "/tiers/0/rebate_pct",
        json!(101),
    );
    let errors = Program::from_json(&program).unwrap_err();
    assert_eq!(errors.len(), 2);
}

#[test]
fn invalid_json_text_is_reported_with_its_position() {
    let errors = Program::from_json_text("{\"version\": 1,,}").unwrap_err();
    assert!(
        errors[0].to_string().starts_with("not valid JSON: "),
        "{errors:?}"
    );
    assert!(errors[0].to_string().contains("column"), "{errors:?}");
}

#[test]
fn texts_lists_and_ranges_beyond_their_limits_are_errors_naming_the_field() {
    let long = |length: usize| json!("x".repeat(length));
    let v = valid;
    let cases = [
        (with(v(), "/name", long(121)), "name: must be at most 120 characters, got 121"),
        (with(v(), "/description", long(2_001)), "description: must be at most 2000 characters, got 2001"),
        (with(v(), "/disclaimer", long(4_001)), "disclaimer: must be at most 4000 characters, got 4001"),
        (with(v(), "/vendor", long(121)), "vendor: must be at most 120 characters, got 121"),
        (with(v(), "/tiers/1/name", long(5_000)), "tiers[1].name: must be at most 60 characters, got 5000"),
        (with(v(), "/tiers/0/description", long(601)), "tiers[0].description: must be at most 600 characters, got 601"),
        (with(v(), "/tiers/1/benefits", json!(["ok", "x".repeat(201)])), "tiers[1].benefits[1]: must be at most 200 characters, got 201"),
        (with(v(), "/tiers/1/benefits", json!(vec!["a"; 13])), "tiers[1].benefits: may list at most 12 benefits, got 13"),
        (with(v(), "/inputs/deal_value/label", long(81)), "inputs.deal_value.label: must be at most 80 characters, got 81"),
        (with(v(), "/inputs/deal_value/help", long(401)), "inputs.deal_value.help: must be at most 400 characters, got 401"),
        (with(v(), "/cta", json!({"label": "x".repeat(61), "url": "https://example.com"})), "cta.label: must be at most 60 characters, got 61"),
        (with(v(), "/cta", cta(&format!("https://example.com/{}", "x".repeat(2_000)))), "cta.url: must be at most 2000 characters, got 2020"),
        (with(v(), "/tiers/0/referral_years", json!(11)), "tiers[0].referral_years: must be between 0 and 10, got 11"),
        (with(v(), "/id", long(65)), "id: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\" is not a valid id: use up to 64 lowercase letters, digits, - and _"),
    ];
    for (program, expected) in cases {
        let errors = Program::from_json(&program).expect_err(expected);
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(messages, [expected], "for {expected}");
    }
    let tiers: Vec<Value> = (0..9)
        .map(|index| json!({"id": format!("t{index}"), "name": format!("Tier {index}")}))
        .collect();
    let errors = Program::from_json(&with(v(), "/tiers", json!(tiers))).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "tiers: may hold at most 8 tiers, got 9"
    );
    // Multi-byte characters count as one each.
    parse_ok(with(v(), "/tiers/0/name", json!("é".repeat(60))));
}

#[test]
fn a_program_file_over_256_kb_is_refused_before_it_is_read() {
    let mut program = valid();
    program["description"] = json!("x".repeat(1_000));
    let small = program.to_string();
    assert!(Program::from_json_text(&small).is_ok());
    let padded = format!("{small}{}", " ".repeat(256_000 - small.len() + 1));
    let errors = Program::from_json_text(&padded).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "the program file is 257 KB; it may be at most 256 KB"
    );
}

#[test]
fn the_format_document_lists_every_limit_the_reader_enforces() {
    use partner_roi::engine::program_limits::{
        BENEFITS, PROGRAM_BYTES, REFERRAL_YEARS, TEXT_LIMITS, TIERS,
    };
    let doc = fs::read_to_string("docs/program-format.md").unwrap();
    for (kind, limit) in TEXT_LIMITS {
        let row = format!("| `{}` | {limit} characters |", kind.field());
        assert!(doc.contains(&row), "docs/program-format.md lacks {row}");
    }
    for row in [
        "| 256 KB of JSON text |".to_owned(),
        format!("| `tiers` | 1 to {TIERS} tiers |"),
        format!("| `tiers[].benefits` | at most {BENEFITS} per tier |"),
        format!("| `tiers[].referral_years` | whole years 0 – {REFERRAL_YEARS}, or `null` |"),
    ] {
        assert!(doc.contains(&row), "docs/program-format.md lacks {row}");
    }
    assert_eq!(PROGRAM_BYTES, 256_000);
}

#[test]
fn a_program_may_hide_roi_payback_and_npv() {
    use partner_roi::engine::ShownFigures;
    assert_eq!(parse_ok(valid()).shown_figures, ShownFigures::ALL);
    let program = parse_ok(with(valid(), "/hidden_figures", json!(["npv", "payback"])));
    assert_eq!(
        program.shown_figures,
        ShownFigures {
            roi: true,
            payback: false,
            npv: false
        }
    );
    let errors = Program::from_json(&with(
        valid(),
        "/hidden_figures",
        json!(["irr", "roi", "net"]),
    ))
    .unwrap_err();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "hidden_figures[0]: \"irr\" is not a figure that can be hidden: use roi, payback, npv",
            "hidden_figures[2]: \"net\" is not a figure that can be hidden: use roi, payback, npv",
        ]
    );
    let not_a_list =
        Program::from_json(&with(valid(), "/hidden_figures", json!("npv"))).unwrap_err();
    assert_eq!(
        not_a_list[0].to_string(),
        "hidden_figures: must be a list of texts, got text"
    );
}
