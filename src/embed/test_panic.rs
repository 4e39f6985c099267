//! Test builds only (`--features test-panic`, never in `cargo xtask dist`): a way to make
//! one widget panic on purpose, to prove panic containment end to end
//! (`tests/e2e/panic.spec.js`).

use web_sys::HtmlElement;

/// While the element has this attribute, its next settled change panics.
pub const ATTR_TEST_PANIC: &str = "data-partner-roi-test-panic";

/// Panics when `host` asks for it.
pub fn panic_if_asked(host: &HtmlElement) {
    if host.has_attribute(ATTR_TEST_PANIC) {
        panic!("partner-roi test panic: {ATTR_TEST_PANIC} is set");
    }
}
