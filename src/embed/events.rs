//! Host-facing `CustomEvent`s: dispatched on the element, bubbling and composed.

use serde_json::{json, Value};
use wasm_bindgen::{JsError, JsValue};
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use super::js_json::{from_json, from_json_text};
use crate::host_state::Announcement;
use crate::names::{EVENT_CHANGE, EVENT_CTA, EVENT_ERROR, EVENT_LEAD, EVENT_READY};

/// Dispatches `name`; returns `false` when a listener cancelled a cancelable event.
fn dispatch_with(host: &HtmlElement, name: &str, detail: JsValue, cancelable: bool) -> bool {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(&detail);
    match CustomEvent::new_with_event_init_dict(name, &init) {
        // A listener that throws is the host's problem; the widget carries on.
        Ok(event) => host.dispatch_event(&event).unwrap_or(true),
        Err(_) => true,
    }
}

/// `partner-roi:cta` with `detail` (JSON text); `false` when the host cancelled it.
pub fn call_to_action(host: &HtmlElement, detail: &str) -> bool {
    dispatch_with(host, EVENT_CTA, js_or_null(from_json_text(detail)), true)
}

/// `partner-roi:lead` with `detail`; `false` when the host cancelled it.
pub fn lead(host: &HtmlElement, detail: &Value) -> bool {
    dispatch_with(host, EVENT_LEAD, js_or_null(from_json(detail)), true)
}

fn js_or_null(value: Result<JsValue, JsError>) -> JsValue {
    value.unwrap_or(JsValue::NULL)
}

/// `{inputs, result}`, the result document's text spliced in as it is.
fn figures_detail(inputs: &Value, result: &str) -> JsValue {
    js_or_null(from_json_text(&format!(
        r#"{{"inputs":{inputs},"result":{result}}}"#
    )))
}

/// `partner-roi:ready` or `partner-roi:change` with `{inputs, result}`, or one
/// `partner-roi:error` per problem with `{message, path}`.
pub fn announce(host: &HtmlElement, announcement: &Announcement) {
    match announcement {
        Announcement::Ready { inputs, result } => {
            dispatch_with(host, EVENT_READY, figures_detail(inputs, result), false);
        }
        Announcement::Change { inputs, result } => {
            dispatch_with(host, EVENT_CHANGE, figures_detail(inputs, result), false);
        }
        Announcement::Errors(errors) => {
            for error in errors {
                let detail = json!({ "message": error.to_string(), "path": error.path });
                dispatch_with(host, EVENT_ERROR, js_or_null(from_json(&detail)), false);
            }
        }
    }
}
