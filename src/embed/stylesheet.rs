//! One constructable stylesheet shared by every widget on the page.

use std::cell::RefCell;
use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, ShadowRoot};

use crate::ui::styles::WIDGET_CSS;

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

fn shared_sheet() -> Result<CssStyleSheet, JsValue> {
    SHEET.with(|cell| {
        if let Some(sheet) = cell.borrow().as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(WIDGET_CSS)?;
        *cell.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })
}

/// Adopts the widget's stylesheet into `shadow`.
pub fn adopt(shadow: &ShadowRoot) -> Result<(), JsValue> {
    shadow.set_adopted_style_sheets(&js_sys::Array::of1(&shared_sheet()?.into()));
    Ok(())
}
