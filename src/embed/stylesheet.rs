//! The widget's stylesheet as one constructable sheet: `element.js` builds it once and every
//! widget on the page, whatever its wasm instance, adopts that same sheet.

use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, ShadowRoot};

use crate::ui::styles::WIDGET_CSS;

/// A new constructable sheet holding the widget's CSS.
#[wasm_bindgen(js_name = widgetStylesheet)]
pub fn widget_stylesheet() -> Result<CssStyleSheet, JsValue> {
    let sheet = CssStyleSheet::new()?;
    sheet.replace_sync(WIDGET_CSS)?;
    Ok(sheet)
}

/// Adopts `sheet` into `shadow`, after the sheets it has (the skeleton's, while it shows).
pub fn adopt(shadow: &ShadowRoot, sheet: &CssStyleSheet) {
    let sheets = shadow.adopted_style_sheets();
    if !sheets.includes(sheet, 0) {
        sheets.push(sheet);
    }
    shadow.set_adopted_style_sheets(&sheets);
}
