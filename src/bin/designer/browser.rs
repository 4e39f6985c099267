//! The designer page's own browser calls: the kept draft, the widget's script and moving
//! focus to a field (downloads and the clipboard: `partner_roi::ui::save_and_copy`, as the
//! widget's). Every browser-facing name is in `names.rs`.

use partner_roi::designer::field_path::FieldPath;
use partner_roi::names::{DESIGNER_DRAFT_KEY, DESIGNER_WIDGET_SCRIPT_ID};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, Storage};

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The draft kept from an earlier visit.
pub fn kept_draft() -> Option<String> {
    storage()?.get_item(DESIGNER_DRAFT_KEY).ok()?
}

/// Keeps the draft for the next visit.
pub fn keep_draft(json: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(DESIGNER_DRAFT_KEY, json);
    }
}

/// Forgets the kept draft.
pub fn forget_draft() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(DESIGNER_DRAFT_KEY);
    }
}

/// The widget's whole script as this page carries it (with its wasm inlined).
pub fn widget_script() -> Option<String> {
    document()?
        .get_element_by_id(DESIGNER_WIDGET_SCRIPT_ID)?
        .text_content()
}

/// Moves focus to the field of `error_path`, or the nearest section around it.
pub fn focus_field(error_path: &str) {
    let Some(document) = document() else {
        return;
    };
    let mut path = FieldPath::parse(error_path);
    while let Some(candidate) = path {
        // A `<details>` takes focus on its summary (a tabindex on it would take its
        // contents out of the tab order).
        let target = document
            .get_element_by_id(&candidate.dom_id())
            .map(|element| {
                if element.tag_name().eq_ignore_ascii_case("details") {
                    element
                        .query_selector("summary")
                        .ok()
                        .flatten()
                        .unwrap_or(element)
                } else {
                    element
                }
            });
        if let Some(element) = target.and_then(|element| element.dyn_into::<HtmlElement>().ok()) {
            open_enclosing_details(&element);
            element.scroll_into_view();
            let _ = element.focus();
            return;
        }
        path = candidate.parent();
    }
}

/// A field inside closed `<details>` cannot be seen or focused: open them.
fn open_enclosing_details(element: &HtmlElement) {
    let mut node = element.parent_element();
    while let Some(parent) = node {
        if parent.tag_name().eq_ignore_ascii_case("details") {
            let _ = parent.set_attribute("open", "");
        }
        node = parent.parent_element();
    }
}
