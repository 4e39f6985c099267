//! Reading untyped JSON into typed values with path-precise messages.
//!
//! Every problem becomes a [`FieldError`] naming the exact path
//! (`tiers[2].resale_margin_pct`), and reading goes on so that one pass reports
//! everything that is wrong.

use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::fmt;

use super::decimal_text::decimal_from_json;
use super::json_text::parse_value;
use partner_roi_i18n::{Language, Message, Msg};

/// One problem found in a JSON document, with the path of the offending value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Dotted path, e.g. `tiers[0].name`; empty for the document itself.
    pub path: String,
    /// What is wrong, said in the widget's language when shown.
    pub message: Message,
}

impl FieldError {
    /// An error at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<Message>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }

    /// The path and what is wrong in `language` (the path as it is).
    pub fn said_in(&self, language: Language) -> String {
        let message = language.say(&self.message);
        if self.path.is_empty() {
            message
        } else {
            format!("{}: {message}", self.path)
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said_in(Language::ENGLISH))
    }
}

/// The path of `key` inside the object at `path`.
pub fn child_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// The path of element `index` of the array at `path`.
pub fn index_path(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

/// Parses JSON text into a value, or one error naming the line and column.
pub fn parse_json(text: &str) -> Result<Value, FieldError> {
    parse_value(text).map_err(|error| FieldError::new("", Msg::ErrorNotJson.with("detail", error)))
}

/// Collects errors while typed values are read out of a JSON document.
#[derive(Debug, Default)]
pub struct JsonReader {
    errors: Vec<FieldError>,
}

impl JsonReader {
    /// Records an error.
    pub fn error(&mut self, path: impl Into<String>, message: impl Into<Message>) {
        self.errors.push(FieldError::new(path, message));
    }

    /// Everything recorded so far.
    pub fn into_errors(self) -> Vec<FieldError> {
        self.errors
    }

    /// Whether anything was recorded.
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// Reads an object whose keys must all be in `known`; unknown keys are
    /// reported with the closest known one as a suggestion.
    pub fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        known: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Value::Object(map) = value else {
            self.error(path, Msg::ErrorObject.with_said("got", kind_of(value)));
            return None;
        };
        for key in map.keys().filter(|key| !known.contains(&key.as_str())) {
            let message = match closest(key, known) {
                Some(suggestion) => Msg::ErrorUnknownFieldSuggest.with("suggestion", suggestion),
                None => Msg::ErrorUnknownField.with("known", known.join(", ")),
            };
            self.error(child_path(path, key), message);
        }
        Some(map)
    }

    /// The entries of an object whose keys are names given by the document (language
    /// tags, tier ids); an entry whose value is null is absent, as an optional field is.
    pub fn keyed_object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
    ) -> Option<impl Iterator<Item = (&'v String, &'v Value)>> {
        let Value::Object(map) = value else {
            self.error(path, Msg::ErrorObject.with_said("got", kind_of(value)));
            return None;
        };
        Some(map.iter().filter(|(_, entry)| !entry.is_null()))
    }

    /// How many errors were recorded so far.
    pub fn error_count(&self) -> usize {
        self.errors.len()
    }

    /// A required field: reports `required` when absent or null.
    pub fn required<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<&'v Value> {
        let found = optional(map, key);
        if found.is_none() {
            self.error(child_path(path, key), Msg::ErrorRequired);
        }
        found
    }

    /// A text value.
    pub fn text(&mut self, value: &Value, path: &str) -> Option<String> {
        match value {
            Value::String(text) => Some(text.clone()),
            other => {
                self.error(path, Msg::ErrorText.with_said("got", kind_of(other)));
                None
            }
        }
    }

    /// A non-empty text value, trimmed.
    pub fn non_empty_text(&mut self, value: &Value, path: &str) -> Option<String> {
        let text = self.text(value, path)?;
        let trimmed = text.trim();
        if trimmed.is_empty() {
            self.error(path, Msg::ErrorEmpty);
            return None;
        }
        Some(trimmed.to_owned())
    }

    /// A boolean.
    pub fn boolean(&mut self, value: &Value, path: &str) -> Option<bool> {
        match value {
            Value::Bool(flag) => Some(*flag),
            other => {
                self.error(path, Msg::ErrorBoolean.with_said("got", kind_of(other)));
                None
            }
        }
    }

    /// A list of texts.
    pub fn text_list(&mut self, value: &Value, path: &str) -> Option<Vec<String>> {
        let Value::Array(items) = value else {
            self.error(path, Msg::ErrorTextList.with_said("got", kind_of(value)));
            return None;
        };
        let texts: Vec<Option<String>> = items
            .iter()
            .enumerate()
            .map(|(index, item)| self.text(item, &index_path(path, index)))
            .collect();
        texts.into_iter().collect()
    }

    /// A JSON number or decimal string, exactly.
    pub fn decimal(&mut self, value: &Value, path: &str) -> Option<Decimal> {
        let parsed = decimal_from_json(value);
        if parsed.is_none() {
            let message = match value {
                Value::String(text) => {
                    Msg::ErrorNumberText.with("text", shorten(text, PROBLEM_QUOTE_LIMIT))
                }
                other => Msg::ErrorNumber.with_said("got", kind_of(other)),
            };
            self.error(path, message);
        }
        parsed
    }

    /// A decimal within `min..=max` (bounds shown in messages).
    pub fn decimal_in(
        &mut self,
        value: &Value,
        path: &str,
        min: Decimal,
        max: Decimal,
    ) -> Option<Decimal> {
        let number = self.decimal(value, path)?;
        self.check_range(number, path, min, max)
    }

    /// A whole number within `min..=max`.
    pub fn whole_in(
        &mut self,
        value: &Value,
        path: &str,
        min: Decimal,
        max: Decimal,
    ) -> Option<Decimal> {
        let number = self.decimal_in(value, path, min, max)?;
        if !number.fract().is_zero() {
            self.error(path, Msg::ErrorWhole.with("number", number));
            return None;
        }
        Some(number.normalize())
    }

    /// Checks that an already read number lies within `min..=max`.
    pub fn check_range(
        &mut self,
        number: Decimal,
        path: &str,
        min: Decimal,
        max: Decimal,
    ) -> Option<Decimal> {
        if number < min || number > max {
            let message = if max == Decimal::MAX {
                Msg::ErrorAtLeast.with("min", min).with("number", number)
            } else {
                Msg::ErrorBetween
                    .with("min", min)
                    .with("max", max)
                    .with("number", number)
            };
            self.error(path, message);
            return None;
        }
        Some(number)
    }
}

/// A present, non-null field.
pub fn optional<'v>(map: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    map.get(key).filter(|value| !value.is_null())
}

/// A short name of a JSON value's kind, for messages.
pub fn kind_of(value: &Value) -> Msg {
    match value {
        Value::Null => Msg::KindNull,
        Value::Bool(_) => Msg::KindBoolean,
        Value::Number(_) => Msg::KindNumber,
        Value::String(_) => Msg::KindText,
        Value::Array(_) => Msg::KindList,
        Value::Object(_) => Msg::KindObject,
    }
}

/// How many characters of an untrusted value a problem with a document (a program file, a
/// host configuration) quotes: 40 and an ellipsis.
pub const PROBLEM_QUOTE_LIMIT: usize = 41;

/// `text` in at most `limit` characters: unchanged when it fits, else its first
/// `limit − 1` characters and an ellipsis (a limit of 0 counts as 1). Every message quoting
/// untrusted text uses it.
pub fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    text.chars()
        .take(limit.saturating_sub(1))
        .chain(['…'])
        .collect()
}

/// The known name closest to `typed`, if it is close enough to be a typo
/// (a few edits apart, or one a prefix of the other such as `max` / `maximum`).
fn closest<'k>(typed: &str, known: &[&'k str]) -> Option<&'k str> {
    let typed_lower = typed.to_lowercase();
    let is_prefix_pair = |candidate: &str| {
        let (short, long) = if candidate.len() < typed_lower.len() {
            (candidate, typed_lower.as_str())
        } else {
            (typed_lower.as_str(), candidate)
        };
        short.len() >= 3 && long.starts_with(short)
    };
    known
        .iter()
        .map(|candidate| (edit_distance(&typed_lower, candidate), *candidate))
        .filter(|(distance, candidate)| {
            *distance <= (candidate.len() / 3).max(2) || is_prefix_pair(candidate)
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance between two strings, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, char_a) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, char_b) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(char_a != *char_b);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unknown_field_suggests_the_closest_known_one() {
        let mut reader = JsonReader::default();
        let value = json!({"resale_margin_pc": 5});
        reader.object(&value, "tiers[2]", &["resale_margin_pct", "rebate_pct"]);
        assert_eq!(
            reader.into_errors()[0].to_string(),
            "tiers[2].resale_margin_pc: unknown field, did you mean resale_margin_pct?"
        );
    }

    #[test]
    fn unknown_field_far_from_any_lists_the_known_ones() {
        let mut reader = JsonReader::default();
        reader.object(&json!({"colour": "red"}), "", &["id", "name"]);
        assert_eq!(
            reader.into_errors()[0].to_string(),
            "colour: unknown field, expected one of: id, name"
        );
    }

    #[test]
    fn shorten_keeps_what_fits_and_cuts_the_rest_with_an_ellipsis() {
        assert_eq!(shorten("abcd", 4), "abcd");
        assert_eq!(shorten("abcde", 4), "abc…");
        assert_eq!(shorten("ééééé", 3), "éé…");
        assert_eq!(shorten("abc", 0), "…");
        let long = "x".repeat(60);
        assert_eq!(
            shorten(&long, PROBLEM_QUOTE_LIMIT).chars().count(),
            PROBLEM_QUOTE_LIMIT
        );
    }

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }

    #[test]
    fn whole_numbers_and_ranges_are_checked() {
        let mut reader = JsonReader::default();
        let ten = Decimal::from(10);
        assert_eq!(
            reader.whole_in(&json!("2.5"), "a", Decimal::ZERO, ten),
            None
        );
        assert_eq!(reader.whole_in(&json!(11), "b", Decimal::ZERO, ten), None);
        assert_eq!(
            reader.whole_in(&json!("3.0"), "c", Decimal::ZERO, ten),
            Some(Decimal::from(3))
        );
        let messages: Vec<String> = reader
            .into_errors()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            messages,
            [
                "a: must be a whole number, got 2.5",
                "b: must be between 0 and 10, got 11"
            ]
        );
    }

    #[test]
    fn invalid_json_names_line_and_column() {
        let error = parse_json("{\n  \"a\": ,\n}")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(error.starts_with("not valid JSON:"), "{error}");
        assert!(error.contains("line 2"), "{error}");
    }
}
