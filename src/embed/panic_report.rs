//! Panic containment, Rust side. Every widget runs in a wasm instance of its own
//! (`element.js`); this hook hands a panic's message to the function `element.js` registered
//! for the instance, before the instance aborts. The element then retires the instance and
//! shows its apology; other widgets, in other instances, carry on.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static REPORTER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Registers `reporter(message)`: called when this instance panics, after which the instance
/// must not be called again.
#[wasm_bindgen(js_name = setPanicReporter)]
pub fn set_panic_reporter(reporter: js_sys::Function) {
    REPORTER.with(|slot| *slot.borrow_mut() = Some(reporter));
    // Through Yew, which would otherwise replace the hook with its own when a widget renders.
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = JsValue::from_str(&info.to_string());
        REPORTER.with(|slot| {
            if let Some(reporter) = slot.try_borrow().ok().as_deref().and_then(Option::as_ref) {
                // The reporter is element.js's own code; if it throws there is nothing left to do.
                let _ = reporter.call1(&JsValue::NULL, &message);
            }
        });
    }));
}
