//! The result document as JSON text: every amount an exact decimal string rounded
//! half-even at this edge only (money and client counts to 2 places, ratios to 4).
//!
//! It is written straight to text from the typed document ([`ResultDocument`]), field by
//! field, with no `serde_json::Value` and no serializer in between: the widget writes it at
//! every settled change. Keys are in sorted order at every level, and strings are escaped
//! as `serde_json` escapes them, so the text is what a `Value` of it writes (a test checks
//! this).

use std::fmt::Write;

use rust_decimal::Decimal;
use serde_json::Value;

use super::decimal_text::{FixedPlaces, TEXT_CAPACITY};
use super::json_text::parse_value;
use super::program::Program;
use super::projection::Projection;
use super::range::ProjectionRange;
use super::result_document::{Field, Object, ResultDocument};

/// The result document of `projection` (of `program`) as JSON text: the projection, the
/// program's `"spread_pct"` and, in every tier, its `"range"`: `{"conservative_net",
/// "optimistic_net"}`, or `null` when `range` is `None`.
pub fn result_text(
    program: &Program,
    projection: &Projection,
    range: Option<&ProjectionRange>,
) -> String {
    ResultDocument::new(program, projection, range).to_text()
}

/// [`result_text`] read back as a JSON value, for tests and tools that look figures up by
/// name.
pub fn result_json(
    program: &Program,
    projection: &Projection,
    range: Option<&ProjectionRange>,
) -> Value {
    parse_value(&result_text(program, projection, range)).unwrap_or(Value::Null)
}

impl ResultDocument {
    /// The document as JSON text.
    pub fn to_text(&self) -> String {
        let mut out = String::with_capacity(64 * 1024);
        write_object(&mut out, self);
        out
    }
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
            Field::OptionalTexts(texts) => write_array(out, texts.iter(), |out, text| {
                Field::OptionalText(text.as_deref()).write(out)
            }),
            Field::Range(Some(range)) => write_object(out, *range),
            Field::Journey(journey) => write_object(out, *journey),
            Field::Tiers(items) => write_objects(out, items),
            Field::Upgrades(items) => write_objects(out, items),
            Field::Years(items) => write_objects(out, items),
            Field::JourneyYears(items) => write_objects(out, items),
            Field::OptionalMoney(None)
            | Field::OptionalRatio(None)
            | Field::OptionalWhole(None)
            | Field::OptionalText(None)
            | Field::Range(None) => out.push_str("null"),
        }
    }
}

/// A decimal as the document writes it: rounded half-even to `places`.
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

/// An object's fields, in their order (sorted by name). The names are the document's own,
/// plain ASCII: they need no escaping.
fn write_object(out: &mut String, object: &dyn Object) {
    out.push('{');
    for (index, (name, field)) in object.fields().iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        out.push('"');
        out.push_str(name);
        out.push_str("\":");
        field.write(out);
    }
    out.push('}');
}

fn write_objects<T: Object>(out: &mut String, items: &[T]) {
    write_array(out, items.iter(), |out, item| write_object(out, item));
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
