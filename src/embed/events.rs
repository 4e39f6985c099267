//! Host-facing `CustomEvent`s: dispatched on the element, bubbling and composed.

use serde_json::{json, Value};
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use super::js_json::from_json;
use crate::host_state::Announcement;
use crate::names::{EVENT_CHANGE, EVENT_CTA, EVENT_ERROR, EVENT_READY};

/// Dispatches `name`; returns `false` when a listener cancelled a cancelable event.
fn dispatch_with(host: &HtmlElement, name: &str, detail: &Value, cancelable: bool) -> bool {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    if let Ok(detail) = from_json(detail) {
        init.set_detail(&detail);
    }
    match CustomEvent::new_with_event_init_dict(name, &init) {
        // A listener that throws is the host's problem; the widget carries on.
        Ok(event) => host.dispatch_event(&event).unwrap_or(true),
        Err(_) => true,
    }
}

/// `partner-roi:cta` with `detail`; `false` when the host cancelled it.
pub fn call_to_action(host: &HtmlElement, detail: &Value) -> bool {
    dispatch_with(host, EVENT_CTA, detail, true)
}

/// `partner-roi:ready` or `partner-roi:change` with `{inputs, result}`, or one
/// `partner-roi:error` per problem with `{message, path}`.
pub fn announce(host: &HtmlElement, announcement: &Announcement) {
    match announcement {
        Announcement::Ready { inputs, result } => {
            let detail = json!({ "inputs": inputs, "result": result });
            dispatch_with(host, EVENT_READY, &detail, false);
        }
        Announcement::Change { inputs, result } => {
            let detail = json!({ "inputs": inputs, "result": result });
            dispatch_with(host, EVENT_CHANGE, &detail, false);
        }
        Announcement::Errors(errors) => {
            for error in errors {
                let detail = json!({ "message": error.to_string(), "path": error.path });
                dispatch_with(host, EVENT_ERROR, &detail, false);
            }
        }
    }
}
