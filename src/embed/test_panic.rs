//! Test builds only (`--features test-panic`, never in `cargo xtask dist`): a way to make
//! a widget (or `PartnerRoi.project`) panic on purpose, to prove panic containment end to end
//! (`tests/e2e/panic.spec.js`).

use web_sys::Element;

/// While a `<partner-roi>` element has this attribute, its next settled change panics; while
/// the page's `<html>` element has it, `PartnerRoi.project` panics.
pub const ATTR_TEST_PANIC: &str = "data-partner-roi-test-panic";

/// Panics when `element` asks for it.
pub fn panic_if_asked(element: &Element) {
    if element.has_attribute(ATTR_TEST_PANIC) {
        panic!("partner-roi test panic: {ATTR_TEST_PANIC} is set");
    }
}

/// Panics when the page's `<html>` element asks for it.
pub fn panic_if_page_asks() {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element());
    if let Some(root) = root {
        panic_if_asked(&root);
    }
}
