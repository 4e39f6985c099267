//! The grace period a page has to set the `program` property before a widget without a
//! program shows the built-in example: until the page has loaded and [`GRACE_MS`] more, so
//! that a framework that hydrates, or runs its first effects, around `load` is in time.

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;

/// How long after the page's `load` event the grace lasts.
const GRACE_MS: u32 = 250;

/// Calls `over` once the grace period is over.
pub fn start(over: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return over();
    };
    if window
        .document()
        .is_some_and(|document| document.ready_state() == "complete")
    {
        Timeout::new(GRACE_MS, over).forget();
    } else {
        EventListener::once(&window, "load", move |_| {
            Timeout::new(GRACE_MS, over).forget();
        })
        .forget();
    }
}
