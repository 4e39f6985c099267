//! The page's prefill: the `inputs` property, else the embedded document's inputs, else
//! the `inputs` attribute; setting the one in force again changes nothing.

use serde_json::Value;

use super::figures::Prefill;
use super::OBJECT_AS_TEXT;
use crate::names::ATTR_INPUTS;
use partner_roi_engine::json_reader::parse_json;
use partner_roi_engine::FieldError;

/// The prefill's sources and the one in force.
#[derive(Debug, Default)]
pub(super) struct PrefillSource {
    /// The `inputs` property.
    pub property: Option<Value>,
    /// Whether the element has an embedded document, and its inputs.
    pub document: bool,
    pub document_inputs: Option<Value>,
    /// The prefill in force (its JSON) and what it sets.
    pub value: Option<Value>,
    pub prefill: Prefill,
}

impl PrefillSource {
    /// Makes the prefill in force the one that applies, with `attribute` the `inputs`
    /// attribute's text. Returns a problem with that text (the prefill in force then stays).
    pub fn refresh(&mut self, attribute: Option<&str>) -> Option<FieldError> {
        let (value, problem) = if self.property.is_some() {
            (self.property.clone(), None)
        } else if self.document {
            (self.document_inputs.clone(), None)
        } else {
            match attribute.filter(|text| *text != OBJECT_AS_TEXT) {
                None => (None, None),
                Some(text) => match parse_json(text) {
                    Ok(value) => (Some(value), None),
                    Err(error) => (
                        self.value.clone(),
                        Some(FieldError::new(ATTR_INPUTS, error.message)),
                    ),
                },
            }
        };
        self.value = value;
        problem
    }
}
