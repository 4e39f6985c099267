//! Every field of the program format as the designer shows it: label, unit, range and help,
//! taken from `docs/program-format.md`, and how typed text becomes the field's JSON value.
//! The rules themselves stay the engine's: the designer validates with `Program::from_json`.

use rust_decimal::prelude::ToPrimitive;
use serde_json::Value;

use crate::engine::input_catalogue::{InputKey, Unit};
use crate::engine::json_text::parse_value;
use crate::engine::program_limits::{TextKind, COUNT_MAX, MONEY_MAX, REFERRAL_YEARS};

/// What a field holds and how it is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// One line of text of at most this many characters.
    Line(usize),
    /// A paragraph of at most this many characters.
    Paragraph(usize),
    /// A number in `unit` (`None`: a plain number) from `min` to `max`, whole when `whole`.
    Number {
        unit: Option<Unit>,
        min: i64,
        max: i64,
        whole: bool,
    },
    /// Yes or no; `default` is what the format assumes when the field is absent.
    Switch { default: bool },
    /// One text per line, each of at most this many characters (a tier's benefits).
    Lines(usize),
    /// Any of these names (`hidden_figures`).
    Flags(&'static [&'static str]),
    /// One of these names, or none (absent): whether the application form asks a field.
    Choice(&'static [&'static str]),
}

/// One field of the format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// Its key in its object.
    pub key: &'static str,
    /// What the designer calls it.
    pub label: &'static str,
    /// One sentence on what it means.
    pub help: &'static str,
    /// What it holds.
    pub kind: FieldKind,
    /// Whether the format requires it.
    pub required: bool,
}

fn line(key: &'static str, label: &'static str, help: &'static str, kind: TextKind) -> FieldSpec {
    FieldSpec {
        key,
        label,
        help,
        kind: FieldKind::Line(kind.limit()),
        required: false,
    }
}

fn paragraph(
    key: &'static str,
    label: &'static str,
    help: &'static str,
    kind: TextKind,
) -> FieldSpec {
    FieldSpec {
        key,
        label,
        help,
        kind: FieldKind::Paragraph(kind.limit()),
        required: false,
    }
}

fn required(spec: FieldSpec) -> FieldSpec {
    FieldSpec {
        required: true,
        ..spec
    }
}

fn number(
    key: &'static str,
    label: &'static str,
    help: &'static str,
    unit: Option<Unit>,
    (min, max): (i64, i64),
) -> FieldSpec {
    let whole = matches!(
        unit,
        Some(Unit::Years | Unit::People | Unit::Clients | Unit::Months)
    );
    FieldSpec {
        key,
        label,
        help,
        kind: FieldKind::Number {
            unit,
            min,
            max,
            whole,
        },
        required: false,
    }
}

const PERCENT: Option<Unit> = Some(Unit::Percent);
const MONEY: Option<Unit> = Some(Unit::Money);

/// The program's own fields (top level), in the order the designer shows them.
pub fn general() -> Vec<FieldSpec> {
    vec![
    required(line("id", "Program id", "Stable identifier: lowercase letters, digits, - and _. Saved figures and share links use it, so keep it once published.", TextKind::Id)),
    required(line("name", "Program name", "Shown at the top of the widget.", TextKind::ProgramName)),
    line("vendor", "Vendor", "Your company's name.", TextKind::Vendor),
    paragraph("description", "Description", "One paragraph shown above the calculator.", TextKind::Description),
    required(FieldSpec { key: "currency", label: "Currency", help: "ISO 4217 code, three capital letters: USD, EUR, GBP.", kind: FieldKind::Line(3), required: true }),
    FieldSpec { key: "locale", label: "Number format (locale)", help: "For partners who read your program's language: en-GB writes £1,234.50 and 7 December 2026 for English readers. Other languages keep their own format. Empty: the partner's language decides.", kind: FieldKind::Line(35), required: false },
    FieldSpec { key: "force_locale", label: "Use this number format in every language", help: "On: a German page writes figures as your locale does, not as German does.", kind: FieldKind::Switch { default: false }, required: false },
    FieldSpec { key: "language", label: "Program language", help: "The language the program is written in (e.g. de): the widget speaks it when the page does not say.", kind: FieldKind::Line(35), required: false },
    number("horizon_years", "Horizon", "Default projection horizon. Empty: 3 years.", Some(Unit::Years), (1, 10)),
    number("discount_rate_pct", "Discount rate", "Default discount rate for NPV. Empty: 10%.", PERCENT, (0, 100)),
    number("spread_pct", "Spread of the range", "How far the conservative and optimistic projections lie from the expected one. Empty: 25%.", PERCENT, (0, 100)),
    FieldSpec { key: "services_in_net", label: "Count the partner's own services in the net", help: "Off: the headline net, ROI and payback are what the program pays alone.", kind: FieldKind::Switch { default: true }, required: false },
    FieldSpec { key: "hidden_figures", label: "Figures partners do not see", help: "Hide ROI, payback or NPV from the cards, the path and the summary.", kind: FieldKind::Flags(&["roi", "payback", "npv"]), required: false },
    paragraph("disclaimer", "Disclaimer", "Shown under the results and printed on the handout.", TextKind::Disclaimer),
    line("share_url", "Public page", "Where the calculator lives on your site (https://…). Links a rep makes in the offline file point here, not to their computer.", TextKind::ShareUrl),
    ]
}

/// The call to action (`cta`): both fields, or neither.
pub fn cta() -> Vec<FieldSpec> {
    vec![
        line(
            "label",
            "Button label",
            "{tier_name} becomes the tier's name: \"Apply for {tier_name}\".",
            TextKind::CtaLabel,
        ),
        line(
            "url",
            "Button link",
            "https://, http:// or mailto:. {tier}, {net}, {roi} and {program} are filled in.",
            TextKind::CtaUrl,
        ),
    ]
}

/// The application form (`lead`): the consent it asks for and the vendor's privacy page.
pub fn lead() -> Vec<FieldSpec> {
    vec![
        required(paragraph(
            "consent_text",
            "Consent text",
            "What the partner agrees to by ticking the box: who may contact them, and why.",
            TextKind::LeadConsent,
        )),
        required(line(
            "privacy_url",
            "Privacy policy page",
            "https:// or http://, linked beside the box.",
            TextKind::LeadUrl,
        )),
    ]
}

/// Where applications go (`lead.destination`), besides HubSpot: give exactly one.
pub fn lead_destination() -> Vec<FieldSpec> {
    vec![
        line(
            "webhook",
            "Webhook address",
            "Receives each application as JSON: your endpoint, or a Zapier, Make or n8n webhook. https:// only.",
            TextKind::LeadUrl,
        ),
        line(
            "mailto",
            "Email address",
            "Opens the partner's mail program with the application, to this address.",
            TextKind::ContactEmail,
        ),
    ]
}

/// A HubSpot form as the destination (`lead.destination.hubspot`).
pub fn lead_hubspot() -> Vec<FieldSpec> {
    vec![
        FieldSpec {
            key: "portal_id",
            label: "HubSpot account number",
            help: "Digits, e.g. 1234567 (Settings → Account details).",
            kind: FieldKind::Line(20),
            required: false,
        },
        FieldSpec {
            key: "form_guid",
            label: "HubSpot form GUID",
            help: "In the form editor's address: 0d5e4a6c-1f2b-4c3d-8e9f-0a1b2c3d4e5f.",
            kind: FieldKind::Line(36),
            required: false,
        },
    ]
}

/// What the form asks besides the name and the work email (`lead.fields`).
pub fn lead_fields() -> Vec<FieldSpec> {
    const ASKED: FieldKind = FieldKind::Choice(&["required", "optional"]);
    let choice = |key, label| FieldSpec {
        key,
        label,
        help: "Empty: not asked.",
        kind: ASKED,
        required: false,
    };
    vec![
        choice("company", "Company"),
        choice("phone", "Phone"),
        choice("country", "Country"),
        choice("partner_type", "Type of partner"),
        choice("message", "Message"),
    ]
}

/// Who partners ask (`contact`): any of the four.
pub fn contact() -> Vec<FieldSpec> {
    vec![
        line(
            "name",
            "Contact name",
            "A person or team.",
            TextKind::ContactName,
        ),
        line(
            "email",
            "Contact email",
            "Becomes a mailto: link.",
            TextKind::ContactEmail,
        ),
        line(
            "phone",
            "Contact phone",
            "As it should be read: digits, spaces and + ( ) - . /",
            TextKind::ContactPhone,
        ),
        line(
            "url",
            "Contact page",
            "https:// or http://",
            TextKind::ContactUrl,
        ),
    ]
}

/// A tier's texts.
pub fn tier_texts() -> Vec<FieldSpec> {
    vec![
        required(line(
            "id",
            "Tier id",
            "Unique within the program: lowercase letters, digits, - and _.",
            TextKind::Id,
        )),
        required(line(
            "name",
            "Tier name",
            "Shown on the tier's card.",
            TextKind::TierName,
        )),
        paragraph(
            "description",
            "Description",
            "One sentence.",
            TextKind::TierDescription,
        ),
        FieldSpec {
            key: "benefits",
            label: "Benefits",
            help: "One per line, at most 12.",
            kind: FieldKind::Lines(200),
            required: false,
        },
    ]
}

/// A tier's terms: what it pays and costs.
pub fn tier_terms() -> Vec<FieldSpec> {
    vec![
        number(
            "resale_margin_pct",
            "Resale margin",
            "Margin on resold license revenue.",
            PERCENT,
            (0, 100),
        ),
        number(
            "registration_bonus_pct",
            "Registration bonus",
            "Extra margin on registered resold deals.",
            PERCENT,
            (0, 100),
        ),
        number(
            "referral_share_pct",
            "Referral fee",
            "Share of referred license revenue.",
            PERCENT,
            (0, 100),
        ),
        number(
            "referral_years",
            "Referral fee paid for",
            "A client's first years that earn the fee. Empty: every year.",
            Some(Unit::Years),
            (0, i64::from(REFERRAL_YEARS)),
        ),
        number(
            "rebate_pct",
            "Rebate",
            "On resold license revenue above the threshold.",
            PERCENT,
            (0, 100),
        ),
        number(
            "rebate_threshold",
            "Rebate threshold",
            "Yearly resold revenue above which the rebate applies.",
            MONEY,
            (0, MONEY_MAX),
        ),
        number(
            "mdf_pct",
            "Market development funds",
            "Share of license revenue.",
            PERCENT,
            (0, 100),
        ),
        number(
            "mdf_cap",
            "MDF cap per year",
            "Empty: no cap.",
            MONEY,
            (0, MONEY_MAX),
        ),
    ]
}

/// A tier's costs and requirements.
pub fn tier_costs() -> Vec<FieldSpec> {
    vec![
        number(
            "annual_fee",
            "Annual fee",
            "Program fee per year.",
            MONEY,
            (0, MONEY_MAX),
        ),
        number(
            "certification_cost",
            "Certification cost",
            "Per certified person per year.",
            MONEY,
            (0, MONEY_MAX),
        ),
        number(
            "joining_cost",
            "Joining cost",
            "One-off, on entering the tier.",
            MONEY,
            (0, MONEY_MAX),
        ),
        number(
            "min_certified_staff",
            "Certified staff required",
            "Whole people.",
            Some(Unit::People),
            (0, COUNT_MAX),
        ),
        number(
            "min_annual_revenue",
            "License revenue required",
            "Per year.",
            MONEY,
            (0, MONEY_MAX),
        ),
    ]
}

/// The fields of one input's override (`inputs.<name>`); horizon and discount rate take
/// their default from the top-level field, so they have no `default` here.
pub fn input_fields(key: InputKey) -> Vec<FieldSpec> {
    let unit = Some(key.unit());
    let limits = (
        key.absolute_min().to_i64().unwrap_or(0),
        key.absolute_max().to_i64().unwrap_or(0),
    );
    let has_default = !matches!(key, InputKey::HorizonYears | InputKey::DiscountRatePct);
    let mut fields = Vec::new();
    if has_default {
        fields.push(number(
            "default",
            "Default",
            "What the partner sees first.",
            unit,
            limits,
        ));
    }
    fields.extend([
        number(
            "min",
            "Lowest",
            "The least a partner may enter.",
            unit,
            limits,
        ),
        number(
            "max",
            "Highest",
            "The most a partner may enter.",
            unit,
            limits,
        ),
        line(
            "label",
            "Label",
            "Replaces the built-in label.",
            TextKind::InputLabel,
        ),
        paragraph(
            "help",
            "Help",
            "Replaces the built-in help.",
            TextKind::InputHelp,
        ),
        FieldSpec {
            key: "hidden",
            label: "Hidden",
            help: "Partners do not see it; its default still counts.",
            kind: FieldKind::Switch { default: false },
            required: false,
        },
    ]);
    fields
}

/// The texts a translation may replace, keyed as in `translations.<lang>`.
pub fn translated_texts() -> Vec<FieldSpec> {
    vec![
        line("name", "Program name", "", TextKind::ProgramName),
        line("vendor", "Vendor", "", TextKind::Vendor),
        paragraph("description", "Description", "", TextKind::Description),
        paragraph("disclaimer", "Disclaimer", "", TextKind::Disclaimer),
    ]
}

/// The JSON value of `text` typed into a field of `kind`; `None` removes the field (an empty
/// optional field is absent). Nothing typed is lost: text that is not a number stays text, and
/// the engine's message says what is wrong with it.
pub fn typed_value(kind: FieldKind, text: &str) -> Option<Value> {
    match kind {
        FieldKind::Line(_) | FieldKind::Paragraph(_) => {
            (!text.is_empty()).then(|| Value::String(text.to_owned()))
        }
        FieldKind::Number { .. } => {
            let trimmed = text.trim();
            if trimmed.is_empty() {
                return None;
            }
            match parse_value(trimmed) {
                Ok(number @ Value::Number(_)) => Some(number),
                _ => Some(Value::String(trimmed.to_owned())),
            }
        }
        FieldKind::Switch { default } => {
            let on = text == "true";
            (on != default).then_some(Value::Bool(on))
        }
        FieldKind::Lines(_) => {
            let lines: Vec<Value> = text
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .map(|line| Value::String(line.to_owned()))
                .collect();
            (!lines.is_empty()).then_some(Value::Array(lines))
        }
        FieldKind::Choice(names) => names
            .contains(&text)
            .then(|| Value::String(text.to_owned())),
        FieldKind::Flags(names) => {
            let chosen: Vec<Value> = names
                .iter()
                .filter(|name| text.split(',').any(|part| part == **name))
                .map(|name| Value::String((*name).to_owned()))
                .collect();
            (!chosen.is_empty()).then_some(Value::Array(chosen))
        }
    }
}

/// The text a field shows for `value` (absent: empty). A value of the wrong type (from an
/// imported file) shows as its JSON, so that the field keeps it and the message explains.
pub fn shown_text(kind: FieldKind, value: Option<&Value>) -> String {
    match (kind, value) {
        (_, None | Some(Value::Null)) => match kind {
            FieldKind::Switch { default } => default.to_string(),
            _ => String::new(),
        },
        (_, Some(Value::String(text))) => text.clone(),
        (FieldKind::Lines(_), Some(Value::Array(items))) => join_texts(items, "\n"),
        (FieldKind::Flags(_), Some(Value::Array(items))) => join_texts(items, ","),
        (_, Some(other)) => other.to_string(),
    }
}

fn join_texts(items: &[Value], separator: &str) -> String {
    items
        .iter()
        .map(|item| {
            item.as_str()
                .map_or_else(|| item.to_string(), str::to_owned)
        })
        .collect::<Vec<_>>()
        .join(separator)
}

/// "0 – 100 %", "1 – 10 years": the range as the designer prints it next to the field.
pub fn range_text(kind: FieldKind) -> Option<String> {
    let FieldKind::Number { unit, min, max, .. } = kind else {
        return None;
    };
    let unit = match unit {
        Some(Unit::Percent) => " %",
        Some(Unit::Years) => " years",
        Some(Unit::Months) => " months",
        Some(Unit::People) => " people",
        Some(Unit::Clients) => " clients",
        Some(Unit::Money) | None => "",
    };
    Some(format!("{} – {}{unit}", grouped(min), grouped(max)))
}

fn grouped(number: i64) -> String {
    let digits = number.unsigned_abs().to_string();
    let mut out = String::new();
    for (position, digit) in digits.chars().enumerate() {
        if position > 0 && (digits.len() - position).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    if number < 0 {
        format!("−{out}")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn typed_text_becomes_the_fields_value_and_nothing_typed_is_lost() {
        let percent = tier_terms()[0].kind;
        // The digits as typed: `12.50` stays `12.50`.
        assert_eq!(
            typed_value(percent, " 12.50 ").map(|v| v.to_string()),
            Some("12.50".into())
        );
        assert_eq!(typed_value(percent, "12,5"), Some(json!("12,5")));
        assert_eq!(typed_value(percent, ""), None);
        assert_eq!(
            typed_value(FieldKind::Line(60), "Gold"),
            Some(json!("Gold"))
        );
        assert_eq!(typed_value(FieldKind::Line(60), ""), None);
        assert_eq!(
            typed_value(FieldKind::Lines(200), "A\n\n B \n"),
            Some(json!(["A", "B"]))
        );
        assert_eq!(
            typed_value(FieldKind::Switch { default: true }, "true"),
            None
        );
        assert_eq!(
            typed_value(FieldKind::Switch { default: true }, "false"),
            Some(json!(false))
        );
        let flags = general()
            .iter()
            .find(|f| f.key == "hidden_figures")
            .map(|f| f.kind);
        assert_eq!(
            flags.and_then(|k| typed_value(k, "npv,roi")),
            Some(json!(["roi", "npv"]))
        );
    }

    #[test]
    fn a_value_shows_as_typed_and_a_wrong_type_as_its_json() {
        assert_eq!(
            shown_text(FieldKind::Lines(200), Some(&json!(["A", "B"]))),
            "A\nB"
        );
        assert_eq!(shown_text(FieldKind::Line(60), Some(&json!(7))), "7");
        assert_eq!(
            shown_text(FieldKind::Line(60), Some(&json!({ "a": 1 }))),
            "{\"a\":1}"
        );
        assert_eq!(
            shown_text(FieldKind::Switch { default: true }, None),
            "true"
        );
        assert_eq!(
            range_text(tier_costs()[0].kind).as_deref(),
            Some("0 – 1,000,000,000,000")
        );
        assert_eq!(
            range_text(input_fields(InputKey::ExpansionPct)[0].kind).as_deref(),
            Some("−100 – 100 %")
        );
    }
}
