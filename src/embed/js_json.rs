//! Moving JSON between JavaScript values and `serde_json` through the browser's own
//! `JSON.stringify` / `JSON.parse`.

use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::engine::json_text::parse_value;
use crate::engine::FieldError;

/// A JavaScript value as JSON; `None` for `null` and `undefined`.
pub fn to_json(value: &JsValue) -> Result<Option<Value>, JsError> {
    if value.is_null() || value.is_undefined() {
        return Ok(None);
    }
    let text = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| JsError::new("the value cannot be written as JSON"))?;
    parse_value(&text)
        .map(Some)
        .map_err(|error| JsError::new(&format!("not valid JSON: {error}")))
}

/// A JSON value as a JavaScript value.
pub fn from_json(value: &Value) -> Result<JsValue, JsError> {
    from_json_text(&value.to_string())
}

/// JSON text written by the widget as a JavaScript value.
pub fn from_json_text(text: &str) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(text).map_err(|_| JsError::new("internal: JSON could not be parsed back"))
}

/// One `Error` whose message lists every problem, one per line.
pub fn errors_to_js(errors: &[FieldError]) -> JsError {
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    JsError::new(&lines.join("\n"))
}
