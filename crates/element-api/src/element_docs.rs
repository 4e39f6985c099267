//! What the element offers a page, from one source: the names of `crates/host/src/names.rs` with the
//! doc comments written above them there, the CSS custom properties listed there, and the
//! types of the program format (the designer's field list) and of the result document (read
//! off real results). `types_ts.rs` and `manifests.rs` render it as TypeScript, the Custom
//! Elements Manifest, VS Code's custom data and JetBrains' web-types.

use crate::Result;
use partner_roi::names;

/// An attribute: its name, what it does, the values it takes when they are a set, and
/// whether it is a switch (its presence is what counts).
pub struct Attribute {
    pub name: &'static str,
    pub description: String,
    pub values: Vec<&'static str>,
    pub switch: bool,
}

/// A property: its name, its TypeScript type, whether it is read-only, and what it is.
pub struct Property {
    pub name: &'static str,
    pub ts_type: &'static str,
    pub readonly: bool,
    pub description: String,
}

/// An event: its name, the TypeScript type of its `detail`, and when it fires.
pub struct Event {
    pub name: &'static str,
    pub detail: &'static str,
    pub description: String,
}

/// Everything a page sees of the element.
pub struct ElementDocs {
    pub tag: &'static str,
    pub description: &'static str,
    pub attributes: Vec<Attribute>,
    pub properties: Vec<Property>,
    pub events: Vec<Event>,
    pub css_properties: Vec<(&'static str, &'static str)>,
}

const DESCRIPTION: &str = "A partner ROI calculator: for each tier of a vendor's partner program, a prospective partner's projected revenue, costs, profit, ROI, NPV and payback.";

/// The names' declarations, with their doc comments.
pub(crate) const NAMES_RS: &str = include_str!("../../host/src/names.rs");

impl ElementDocs {
    /// Reads the doc comments of `crates/host/src/names.rs`; an error names a name that has none.
    pub fn read() -> Result<ElementDocs> {
        let source = NAMES_RS;
        let doc = |kind: &str, value: &str| -> Result<String> {
            doc_of(source, kind, value).ok_or_else(|| {
                format!("crates/host/src/names.rs: the {kind}* constant `\"{value}\"` has no doc comment")
            })
        };
        let attributes = names::ATTRIBUTES
            .iter()
            .map(|&name| {
                Ok(Attribute {
                    name,
                    description: doc("ATTR_", name)?,
                    values: attribute_values(name),
                    switch: SWITCHES.contains(&name),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let mut properties = Vec::new();
        for &name in names::PROPERTIES {
            let ts_type = match name {
                names::PROPERTY_PROGRAM => "PartnerRoiProgram | string | null",
                names::PROPERTY_INPUTS => "PartnerRoiInputsInit | string | null",
                other => return Err(format!("no TypeScript type for the property `{other}`")),
            };
            properties.push(Property {
                name,
                ts_type,
                readonly: false,
                description: doc("PROPERTY_", name)?,
            });
        }
        properties.extend([
            Property {
                name: "result",
                ts_type: "PartnerRoiResult | null",
                readonly: true,
                description: "The engine's result for the current inputs (money as decimal strings, 2 places; ratios to 4); null before the first results.".into(),
            },
            Property {
                name: "ready",
                ts_type: "Promise<PartnerRoiChangeDetail>",
                readonly: true,
                description: "Resolves with the first {inputs, result}, as partner-roi:ready gives them, however late it is asked.".into(),
            },
        ]);
        let events = names::EVENTS
            .iter()
            .map(|&name| {
                let detail = match name {
                    names::EVENT_READY | names::EVENT_CHANGE => "PartnerRoiChangeDetail",
                    names::EVENT_ERROR => "PartnerRoiErrorDetail",
                    names::EVENT_CTA => "PartnerRoiCtaDetail",
                    names::EVENT_LEAD => "PartnerRoiLeadDetail",
                    other => return Err(format!("no detail type for the event `{other}`")),
                };
                Ok(Event {
                    name,
                    detail,
                    description: doc("EVENT_", name)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(ElementDocs {
            tag: names::TAG,
            description: DESCRIPTION,
            attributes,
            properties,
            events,
            css_properties: names::CSS_PROPERTIES.to_vec(),
        })
    }
}

/// The attributes whose presence is what counts.
const SWITCHES: [&str; 3] = [
    names::ATTR_PRESENTER,
    names::ATTR_ALLOW_PROGRAM_FILE,
    names::ATTR_DEBUG,
];

/// The values an attribute takes, when they are a fixed set.
fn attribute_values(name: &str) -> Vec<&'static str> {
    match name {
        names::ATTR_LOADING => vec![names::LOADING_EAGER, "lazy"],
        names::ATTR_THEME => names::THEME_NAMES.to_vec(),
        names::ATTR_PERSIST => vec![names::PERSIST_OFF],
        names::ATTR_PROGRAM => vec![names::PROGRAM_EXAMPLE, names::PROGRAM_PENDING],
        names::ATTR_ANALYTICS => names::ANALYTICS_TARGETS.to_vec(),
        _ => Vec::new(),
    }
}

/// The `///` lines right above the constant named `kind…` whose value is `"value"` in
/// `source`, joined (`ATTR_INPUTS` and `PROPERTY_INPUTS` are both `"inputs"`).
fn doc_of(source: &str, kind: &str, value: &str) -> Option<String> {
    let lines: Vec<&str> = source.lines().collect();
    let needle = format!("&str = \"{value}\";");
    let at = lines.iter().position(|line| {
        line.starts_with(&format!("pub const {kind}")) && line.trim_end().ends_with(&needle)
    })?;
    let doc: Vec<&str> = lines[..at]
        .iter()
        .rev()
        .take_while(|line| line.trim_start().starts_with("///"))
        .map(|line| line.trim_start().trim_start_matches("///").trim())
        .collect();
    (!doc.is_empty()).then(|| doc.into_iter().rev().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::{fs, path::Path};

    #[test]
    fn every_name_has_its_doc_comment() {
        let docs = ElementDocs::read().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(docs.attributes.len(), names::ATTRIBUTES.len());
        assert_eq!(docs.events.len(), names::EVENTS.len());
        let loading = docs.attributes.iter().find(|a| a.name == "loading");
        assert!(loading.is_some_and(|a| a.description.starts_with("`loading=\"eager\"` starts")));
        assert!(loading.is_some_and(|a| a.values == ["eager", "lazy"]));
    }

    #[test]
    fn the_stylesheets_read_only_the_listed_custom_properties() {
        let listed: Vec<&str> = names::CSS_PROPERTIES
            .iter()
            .map(|(name, _)| *name)
            .collect();
        for file in ["styles/widget.css", "styles/charts.css", "styles/sales.css"] {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../..")
                .join(file);
            let css = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
            for (at, _) in css.match_indices("var(--partner-roi-") {
                let name: String = css[at + 4..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                assert!(
                    listed.contains(&name.as_str()),
                    "{file} reads {name}, not in names::CSS_PROPERTIES"
                );
            }
        }
    }
}
