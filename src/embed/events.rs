//! Host-facing `CustomEvent`s: dispatched on the element, bubbling and composed.

use serde_json::{json, Value};
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use super::js_json::from_json;
use super::names::{EVENT_CHANGE, EVENT_CTA, EVENT_ERROR, EVENT_READY};
use crate::engine::FieldError;

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

fn dispatch(host: &HtmlElement, name: &str, detail: &Value) {
    dispatch_with(host, name, detail, false);
}

/// `partner-roi:cta` with `{inputs, result, tier}`; `false` when the host cancelled it.
pub fn call_to_action(
    host: &HtmlElement,
    inputs: &Value,
    result: &Value,
    tier: Option<&str>,
) -> bool {
    let detail = json!({ "inputs": inputs, "result": result, "tier": tier });
    dispatch_with(host, EVENT_CTA, &detail, true)
}

/// `partner-roi:ready` with the first `{inputs, result}`.
pub fn ready(host: &HtmlElement, inputs: &Value, result: &Value) {
    dispatch(
        host,
        EVENT_READY,
        &json!({ "inputs": inputs, "result": result }),
    );
}

/// `partner-roi:change` with `{inputs, result}`.
pub fn change(host: &HtmlElement, inputs: &Value, result: &Value) {
    dispatch(
        host,
        EVENT_CHANGE,
        &json!({ "inputs": inputs, "result": result }),
    );
}

/// One `partner-roi:error` per problem, detail `{message, path}`.
pub fn errors(host: &HtmlElement, errors: &[FieldError]) {
    for error in errors {
        dispatch(
            host,
            EVENT_ERROR,
            &json!({ "message": error.to_string(), "path": error.path }),
        );
    }
}
