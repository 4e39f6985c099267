//! A program document as text with a stable key order, so that a file the designer writes
//! and reads back comes out byte for byte the same.
//!
//! Keys known to the format come in the order the engine's reader lists them (inputs in the
//! model's order, languages in the widget's), any others after them alphabetically; two spaces of indent; numbers as
//! they were written (`serde_json`'s `arbitrary_precision` keeps `0.10` as `0.10`).

use serde_json::{Map, Value};

use crate::engine::input_catalogue::InputKey;
use crate::engine::program_parse::{PROGRAM_FIELDS, SPEC_FIELDS, TIER_FIELDS};
use crate::engine::program_text_fields::{CONTACT_FIELDS, CTA_FIELDS};
use crate::i18n::TAGS;

/// Which order the keys of an object take: decided by where the object sits.
#[derive(Clone, Copy)]
enum Place {
    Program,
    /// `translations.<lang>`: ordered as a program, its `tiers` keyed by tier id.
    Translation,
    Translations,
    /// `translations.<lang>.tiers`: tier id → translated tier.
    TranslatedTiers,
    Tier,
    Inputs,
    Input,
    Cta,
    Contact,
    /// Anything else: keys alphabetically.
    Other,
}

impl Place {
    fn order(self) -> Vec<&'static str> {
        match self {
            Place::Program | Place::Translation => PROGRAM_FIELDS.to_vec(),
            Place::Tier => TIER_FIELDS.to_vec(),
            Place::Inputs => InputKey::names().to_vec(),
            Place::Input => SPEC_FIELDS.to_vec(),
            Place::Cta => CTA_FIELDS.to_vec(),
            Place::Contact => CONTACT_FIELDS.to_vec(),
            Place::Translations => TAGS.to_vec(),
            Place::TranslatedTiers | Place::Other => Vec::new(),
        }
    }

    /// Where the value under `key` of an object at this place sits (for an array, each of
    /// its elements).
    fn child(self, key: &str) -> Place {
        match (self, key) {
            (Place::Program, "tiers") | (Place::TranslatedTiers, _) => Place::Tier,
            (Place::Translation, "tiers") => Place::TranslatedTiers,
            (Place::Program | Place::Translation, "inputs") => Place::Inputs,
            (Place::Program | Place::Translation, "cta") => Place::Cta,
            (Place::Program | Place::Translation, "contact") => Place::Contact,
            (Place::Program, "translations") => Place::Translations,
            (Place::Translations, _) => Place::Translation,
            (Place::Inputs, _) => Place::Input,
            _ => Place::Other,
        }
    }
}

/// The document as formatted text, ending with a newline.
pub fn canonical_json(document: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, document, Place::Program, 0);
    out.push('\n');
    out
}

fn write_value(out: &mut String, value: &Value, place: Place, depth: usize) {
    match value {
        Value::Object(map) => write_object(out, map, place, depth),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Array(items) => {
            out.push('[');
            for (position, item) in items.iter().enumerate() {
                out.push_str(if position == 0 { "\n" } else { ",\n" });
                indent(out, depth + 1);
                write_value(out, item, place, depth + 1);
            }
            out.push('\n');
            indent(out, depth);
            out.push(']');
        }
        Value::String(text) => out.push_str(&Value::String(text.clone()).to_string()),
        scalar => out.push_str(&scalar.to_string()),
    }
}

fn write_object(out: &mut String, map: &Map<String, Value>, place: Place, depth: usize) {
    if map.is_empty() {
        out.push_str("{}");
        return;
    }
    let order = place.order();
    let rank = |key: &str| {
        order
            .iter()
            .position(|known| *known == key)
            .unwrap_or(order.len())
    };
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
    out.push('{');
    for (position, key) in keys.into_iter().enumerate() {
        out.push_str(if position == 0 { "\n" } else { ",\n" });
        indent(out, depth + 1);
        out.push_str(&Value::String(key.clone()).to_string());
        out.push_str(": ");
        if let Some(value) = map.get(key) {
            write_value(out, value, place.child(key), depth + 1);
        }
    }
    out.push('\n');
    indent(out, depth);
    out.push('}');
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}
