//! Printing one widget's handout, never the host page around it, whatever the page's CSS.
//!
//! While the print dialog is open `<html>` carries [`ATTR_PRINTING_HANDOUT`], and the widget
//! and each of its ancestors [`ATTR_HANDOUT_PATH`]; an adopted document sheet (allowed under
//! a strict CSP, unlike a `<style>`) hides every other element and strips the ancestors'
//! boxes of the page's styling. `afterprint` undoes all of it. The browser's own Print
//! command, outside the widget, still prints the whole page.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Document, Element, HtmlElement, ShadowRoot};

use crate::names::{ATTR_HANDOUT_PATH, ATTR_PRINTING_HANDOUT};

/// The document rules in force while a handout prints.
fn handout_page_css() -> String {
    let (printing, path) = (ATTR_PRINTING_HANDOUT, ATTR_HANDOUT_PATH);
    format!(
        "@page {{ margin: 10mm; }}\
         @media print {{\
           html[{printing}] body :not([{path}]) {{ display: none !important; }}\
           html[{printing}], html[{printing}] [{path}] {{\
             all: unset !important; display: block !important; background: #ffffff !important; }}\
           html[{printing}] [{path}]::before, html[{printing}] [{path}]::after {{\
             content: none !important; display: none !important; }}\
         }}"
    )
}

/// The widget and its ancestors, through the shadow roots it may sit in.
fn path_to_root(host: &HtmlElement) -> Vec<Element> {
    let mut path = Vec::new();
    let mut next = Some(host.clone().unchecked_into::<Element>());
    while let Some(element) = next {
        next = element.parent_element().or_else(|| {
            element
                .get_root_node()
                .dyn_into::<ShadowRoot>()
                .ok()
                .map(|shadow| shadow.host())
        });
        path.push(element);
    }
    path
}

/// Adds `sheet` to the document's adopted sheets.
fn adopt(document: &Document, sheet: &CssStyleSheet) {
    let sheets = document.adopted_style_sheets();
    sheets.push(sheet);
    document.set_adopted_style_sheets(&sheets);
}

/// Takes `sheet` out of the document's adopted sheets.
fn drop_sheet(document: &Document, sheet: &CssStyleSheet) {
    let sheets = document.adopted_style_sheets();
    let sheet: &wasm_bindgen::JsValue = sheet.as_ref();
    let kept = sheets.filter(&mut |other, _, _| other != *sheet);
    document.set_adopted_style_sheets(&kept);
}

/// Opens the print dialog for the handout of the widget `host`.
pub fn print_handout(host: &HtmlElement) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let sheet = CssStyleSheet::new()
        .ok()
        .filter(|sheet| sheet.replace_sync(&handout_page_css()).is_ok());
    let path = path_to_root(host);
    for element in &path {
        let _ = element.set_attribute(ATTR_HANDOUT_PATH, "");
    }
    let root = document.document_element();
    if let Some(root) = &root {
        let _ = root.set_attribute(ATTR_PRINTING_HANDOUT, "");
    }
    if let Some(sheet) = &sheet {
        adopt(&document, sheet);
    }
    let restore_document = document.clone();
    EventListener::once(&window, "afterprint", move |_| {
        for element in &path {
            let _ = element.remove_attribute(ATTR_HANDOUT_PATH);
        }
        if let Some(root) = &root {
            let _ = root.remove_attribute(ATTR_PRINTING_HANDOUT);
        }
        if let Some(sheet) = &sheet {
            drop_sheet(&restore_document, sheet);
        }
    })
    .forget();
    let _ = window.print();
}
