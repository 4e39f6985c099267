//! Host-facing `CustomEvent`s: dispatched on the element, bubbling and composed.

use serde_json::{json, Value};
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use super::js_json::from_json;
use super::names::{EVENT_CHANGE, EVENT_ERROR, EVENT_READY};
use crate::engine::FieldError;

fn dispatch(host: &HtmlElement, name: &str, detail: &Value) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(detail) = from_json(detail) {
        init.set_detail(&detail);
    }
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        // A listener that throws is the host's problem; the widget carries on.
        let _ = host.dispatch_event(&event);
    }
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
