//! Where a field sits in a program document, written as the engine writes error paths
//! (`tiers[2].name`, `translations.de.tiers.gold.benefits`), and reading and writing there.

use serde_json::{Map, Value};
use std::fmt;

/// One step into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    /// A key of an object.
    Key(String),
    /// An element of an array.
    Index(usize),
}

/// The path of one value in a program document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct FieldPath(Vec<Step>);

impl FieldPath {
    /// The document itself.
    pub fn root() -> Self {
        Self::default()
    }

    /// The path of `key` inside this object.
    pub fn key(&self, key: &str) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Key(key.to_owned()));
        Self(steps)
    }

    /// The path of element `index` of this array.
    pub fn index(&self, index: usize) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Index(index));
        Self(steps)
    }

    /// A path of keys, e.g. `["cta", "label"]`.
    pub fn keys(keys: &[&str]) -> Self {
        Self(
            keys.iter()
                .map(|key| Step::Key((*key).to_owned()))
                .collect(),
        )
    }

    /// The path an engine message names (`tiers[0].benefits[2]`); `None` when the text is
    /// not one. The empty text is the document.
    pub fn parse(text: &str) -> Option<Self> {
        let mut steps = Vec::new();
        if text.is_empty() {
            return Some(Self(steps));
        }
        for part in text.split('.') {
            let (key, indexes) = part.split_at(part.find('[').unwrap_or(part.len()));
            if key.is_empty() {
                return None;
            }
            steps.push(Step::Key(key.to_owned()));
            for index in indexes.split('[').skip(1) {
                steps.push(Step::Index(index.strip_suffix(']')?.parse().ok()?));
            }
        }
        Some(Self(steps))
    }

    /// The path one step up; `None` for the document.
    pub fn parent(&self) -> Option<Self> {
        let (_, parents) = self.0.split_last()?;
        Some(Self(parents.to_vec()))
    }

    /// The steps from the document down.
    pub fn steps(&self) -> &[Step] {
        &self.0
    }

    /// An element id for the field at this path (letters, digits and `-` only).
    pub fn dom_id(&self) -> String {
        let text: String = self
            .to_string()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        format!("field-{text}")
    }

    /// Whether an error reported at `error_path` belongs to this field: the same path, or a
    /// path inside it (`tiers[0].benefits[2]` belongs to `tiers[0].benefits`).
    pub fn owns(&self, error_path: &str) -> bool {
        let own = self.to_string();
        error_path == own
            || error_path
                .strip_prefix(&own)
                .is_some_and(|rest| own.is_empty() || rest.starts_with(['.', '[']))
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (position, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(key) if position == 0 => f.write_str(key)?,
                Step::Key(key) => write!(f, ".{key}")?,
                Step::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// The value at `path`, if the document has one there.
pub fn value_at<'v>(document: &'v Value, path: &FieldPath) -> Option<&'v Value> {
    path.steps()
        .iter()
        .try_fold(document, |value, step| match step {
            Step::Key(key) => value.as_object()?.get(key),
            Step::Index(index) => value.as_array()?.get(*index),
        })
}

/// Puts `value` at `path`, making the objects on the way; `None` removes what is there and
/// then every object on the way that it left empty, so that clearing a field leaves no `{}`.
/// A step through something that is not an object (or an array, by index) changes nothing.
pub fn set_value(document: &mut Value, path: &FieldPath, value: Option<Value>) {
    let Some((last, parents)) = path.steps().split_last() else {
        if let Some(value) = value {
            *document = value;
        }
        return;
    };
    match value {
        Some(value) => {
            let Some(parent) = parent_making_objects(document, parents) else {
                return;
            };
            match (last, parent) {
                (Step::Key(key), Value::Object(map)) => {
                    map.insert(key.clone(), value);
                }
                (Step::Index(index), Value::Array(items)) if *index < items.len() => {
                    items[*index] = value;
                }
                _ => {}
            }
        }
        None => remove_value(document, path.steps()),
    }
}

fn parent_making_objects<'v>(document: &'v mut Value, steps: &[Step]) -> Option<&'v mut Value> {
    steps.iter().try_fold(document, |value, step| match step {
        Step::Key(key) => {
            if value.is_null() {
                *value = Value::Object(Map::new());
            }
            let map = value.as_object_mut()?;
            Some(
                map.entry(key.clone())
                    .or_insert_with(|| Value::Object(Map::new())),
            )
        }
        Step::Index(index) => value.as_array_mut()?.get_mut(*index),
    })
}

/// Removes the value at `steps`; returns nothing, but prunes objects it empties on the way
/// back up (never an array element, never the document).
fn remove_value(value: &mut Value, steps: &[Step]) {
    let Some((first, rest)) = steps.split_first() else {
        return;
    };
    match (first, value) {
        (Step::Key(key), Value::Object(map)) => {
            if rest.is_empty() {
                map.remove(key);
            } else if let Some(child) = map.get_mut(key) {
                remove_value(child, rest);
                if child.as_object().is_some_and(Map::is_empty) {
                    map.remove(key);
                }
            }
        }
        (Step::Index(index), Value::Array(items)) => {
            if let Some(child) = items.get_mut(*index) {
                remove_value(child, rest);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_read_as_the_engines_error_paths() {
        let path = FieldPath::root().key("tiers").index(2).key("name");
        assert_eq!(path.to_string(), "tiers[2].name");
        assert_eq!(path.dom_id(), "field-tiers-2--name");
        assert_eq!(FieldPath::keys(&["cta", "label"]).to_string(), "cta.label");
    }

    #[test]
    fn an_error_path_reads_back_into_its_steps() {
        let path = FieldPath::root()
            .key("tiers")
            .index(0)
            .key("benefits")
            .index(2);
        assert_eq!(FieldPath::parse("tiers[0].benefits[2]"), Some(path.clone()));
        assert_eq!(
            path.parent().map(|p| p.to_string()).as_deref(),
            Some("tiers[0].benefits")
        );
        assert_eq!(
            FieldPath::parse("translations.pt-BR.name")
                .map(|p| p.to_string())
                .as_deref(),
            Some("translations.pt-BR.name")
        );
        assert_eq!(FieldPath::parse(""), Some(FieldPath::root()));
        assert_eq!(FieldPath::parse("tiers[x]"), None);
        assert_eq!(FieldPath::parse("a..b"), None);
    }

    #[test]
    fn a_field_owns_the_errors_at_and_inside_it() {
        let benefits = FieldPath::root().key("tiers").index(0).key("benefits");
        assert!(benefits.owns("tiers[0].benefits"));
        assert!(benefits.owns("tiers[0].benefits[2]"));
        assert!(!benefits.owns("tiers[0].benefits_extra"));
        assert!(!benefits.owns("tiers[1].benefits"));
    }

    #[test]
    fn setting_makes_the_objects_on_the_way_and_clearing_prunes_them() {
        let mut document = json!({ "id": "p" });
        let label = FieldPath::keys(&["inputs", "deal_value", "label"]);
        set_value(&mut document, &label, Some(json!("Deal")));
        assert_eq!(
            document,
            json!({ "id": "p", "inputs": { "deal_value": { "label": "Deal" } } })
        );
        assert_eq!(value_at(&document, &label), Some(&json!("Deal")));
        set_value(&mut document, &label, None);
        assert_eq!(document, json!({ "id": "p" }));
    }

    #[test]
    fn an_array_element_is_set_in_place_and_never_pruned() {
        let mut document = json!({ "tiers": [{ "id": "a", "name": "A" }] });
        let name = FieldPath::root().key("tiers").index(0).key("name");
        set_value(&mut document, &name, Some(json!("Alpha")));
        set_value(
            &mut document,
            &FieldPath::root().key("tiers").index(0).key("id"),
            None,
        );
        set_value(&mut document, &name, None);
        assert_eq!(document, json!({ "tiers": [{}] }));
        // Out of range or through a text: nothing changes.
        set_value(
            &mut document,
            &FieldPath::root().key("tiers").index(5).key("name"),
            Some(json!("x")),
        );
        set_value(
            &mut document,
            &FieldPath::keys(&["tiers", "name"]),
            Some(json!("x")),
        );
        assert_eq!(document, json!({ "tiers": [{}] }));
    }
}
