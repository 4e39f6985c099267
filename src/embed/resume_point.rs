//! Where a reloaded widget resumes: `element.js` keeps one `{code}` object per element,
//! across the wasm instances a panic makes it replace. The widget writes the share code of
//! its figures there at every settled change and reads it when it starts again.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

const CODE: &str = "code";

/// The element's resume object.
pub struct ResumePoint(Object);

impl ResumePoint {
    /// Wraps the object `element.js` passed in.
    pub fn new(object: Object) -> Self {
        Self(object)
    }

    /// The share code of the figures a previous instance last settled on, if any.
    pub fn code(&self) -> Option<String> {
        Reflect::get(&self.0, &JsValue::from_str(CODE))
            .ok()
            .and_then(|value| value.as_string())
    }

    /// Keeps `code` for an instance that may replace this one.
    pub fn keep(&self, code: &str) {
        let _ = Reflect::set(&self.0, &JsValue::from_str(CODE), &JsValue::from_str(code));
    }
}
