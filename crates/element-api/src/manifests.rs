//! The npm package's editor manifests, from [`ElementDocs`]: the Custom Elements Manifest
//! (`custom-elements.json`, schema 2.1.0), VS Code's HTML custom data
//! (`html-custom-data.json`) and JetBrains' web-types (`web-types.json`).

use crate::element_docs::ElementDocs;
use serde_json::{json, Value};

/// The module that defines the element, as the manifest names it.
const DEFINING_MODULE: &str = "define.js";
const CLASS_NAME: &str = "PartnerRoiElement";

/// `custom-elements.json`.
pub fn custom_elements_manifest(docs: &ElementDocs) -> Value {
    let attributes: Vec<Value> = docs
        .attributes
        .iter()
        .map(|attribute| {
            json!({
                "name": attribute.name,
                "description": attribute.description,
                "type": { "text": attribute_type(&attribute.values) },
            })
        })
        .collect();
    let members: Vec<Value> = docs
        .properties
        .iter()
        .map(|property| {
            let mut member = json!({
                "kind": "field",
                "name": property.name,
                "description": property.description,
                "type": { "text": property.ts_type },
            });
            if property.readonly {
                member["readonly"] = json!(true);
            }
            member
        })
        .collect();
    let events: Vec<Value> = docs
        .events
        .iter()
        .map(|event| {
            json!({
                "name": event.name,
                "description": event.description,
                "type": { "text": format!("CustomEvent<{}>", event.detail) },
            })
        })
        .collect();
    let css = css_properties(docs);
    json!({
        "schemaVersion": "2.1.0",
        "readme": "README.md",
        "modules": [{
            "kind": "javascript-module",
            "path": DEFINING_MODULE,
            "declarations": [{
                "kind": "class",
                "name": CLASS_NAME,
                "tagName": docs.tag,
                "customElement": true,
                "description": docs.description,
                "superclass": { "name": "HTMLElement" },
                "attributes": attributes,
                "members": members,
                "events": events,
                "cssProperties": css,
                "cssParts": [],
                "slots": [{
                    "name": "",
                    "description": "A <script type=\"application/json\"> holding {\"program\", \"inputs\"}: the configuration that survives server rendering and hydration."
                }],
            }],
            "exports": [{
                "kind": "custom-element-definition",
                "name": docs.tag,
                "declaration": { "name": CLASS_NAME, "module": DEFINING_MODULE },
            }],
        }],
    })
}

fn attribute_type(values: &[&str]) -> String {
    if values.is_empty() {
        "string".to_owned()
    } else {
        values
            .iter()
            .map(|value| format!("\"{value}\""))
            .collect::<Vec<_>>()
            .join(" | ")
    }
}

/// The attributes as VS Code and JetBrains list them: name, description, and the values
/// when they are a set.
fn named_attributes(docs: &ElementDocs) -> Vec<Value> {
    docs.attributes
        .iter()
        .map(|attribute| {
            let mut entry = json!({ "name": attribute.name, "description": attribute.description });
            if !attribute.values.is_empty() {
                let values: Vec<Value> = attribute
                    .values
                    .iter()
                    .map(|value| json!({ "name": value }))
                    .collect();
                entry["values"] = json!(values);
            }
            entry
        })
        .collect()
}

fn css_properties(docs: &ElementDocs) -> Vec<Value> {
    docs.css_properties
        .iter()
        .map(|(name, description)| json!({ "name": name, "description": description }))
        .collect()
}

/// VS Code's `html.customData` file.
pub fn vscode_custom_data(docs: &ElementDocs) -> Value {
    let attributes = named_attributes(docs);
    json!({
        "version": 1.1,
        "tags": [{ "name": docs.tag, "description": docs.description, "attributes": attributes }],
    })
}

/// JetBrains' `web-types.json`.
pub fn web_types(docs: &ElementDocs, version: &str) -> Value {
    let attributes = named_attributes(docs);
    let properties: Vec<Value> = docs
        .properties
        .iter()
        .map(|p| json!({ "name": p.name, "description": p.description, "type": p.ts_type }))
        .collect();
    let events: Vec<Value> = docs
        .events
        .iter()
        .map(|e| json!({ "name": e.name, "description": e.description }))
        .collect();
    let css = css_properties(docs);
    json!({
        "$schema": "https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json",
        "name": docs.tag,
        "version": version,
        "description-markup": "markdown",
        "js-types-syntax": "typescript",
        "contributions": {
            "html": {
                "elements": [{
                    "name": docs.tag,
                    "description": docs.description,
                    "attributes": attributes,
                    "js": { "properties": properties, "events": events },
                }],
            },
            "css": { "properties": css },
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use partner_roi::names;

    #[test]
    fn the_manifest_lists_every_name_the_element_has() {
        let docs = ElementDocs::read().unwrap_or_else(|e| panic!("{e}"));
        let manifest = custom_elements_manifest(&docs);
        let element = &manifest["modules"][0]["declarations"][0];
        assert_eq!(element["tagName"], names::TAG);
        let listed = |key: &str| -> Vec<String> {
            element[key]
                .as_array()
                .map(|items| {
                    items
                        .iter()
                        .filter_map(|i| i["name"].as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        assert_eq!(listed("attributes"), names::ATTRIBUTES);
        assert_eq!(listed("events"), names::EVENTS);
        assert!(names::PROPERTIES
            .iter()
            .all(|p| listed("members").iter().any(|m| m == p)));
        assert_eq!(listed("cssProperties").len(), names::CSS_PROPERTIES.len());
        let vscode = vscode_custom_data(&docs);
        assert_eq!(
            vscode["tags"][0]["attributes"].as_array().map(Vec::len),
            Some(names::ATTRIBUTES.len())
        );
        let jetbrains = web_types(&docs, "1.2.3");
        assert_eq!(jetbrains["version"], "1.2.3");
    }
}
