//! Reporting an analytics event to the page: `window.dataLayer.push({event, …params})` or
//! `gtag('event', event, params)`. A page without the array or the function loses nothing:
//! the array is created, a missing `gtag` is skipped.

use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};

use super::js_json;
use crate::host_state::AnalyticsTarget;
use crate::names::{GLOBAL_DATA_LAYER, GLOBAL_GTAG};

/// Reports `event` with `params` to `target`.
pub fn report(target: AnalyticsTarget, event: &str, params: &Value) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let window: &JsValue = window.as_ref();
    match target {
        AnalyticsTarget::DataLayer => {
            let mut entry = serde_json::Map::new();
            entry.insert("event".into(), Value::from(event));
            if let Value::Object(params) = params {
                entry.extend(params.clone());
            }
            let Ok(entry) = js_json::from_json(&Value::Object(entry)) else {
                return;
            };
            let layer = js_sys::Reflect::get(window, &GLOBAL_DATA_LAYER.into())
                .ok()
                .filter(|layer| !layer.is_undefined() && !layer.is_null())
                .unwrap_or_else(|| {
                    let layer = js_sys::Array::new();
                    let _ = js_sys::Reflect::set(window, &GLOBAL_DATA_LAYER.into(), &layer);
                    layer.into()
                });
            // The page's own `push` (GTM replaces the array's), called as a method.
            if let Some(push) = js_sys::Reflect::get(&layer, &"push".into())
                .ok()
                .and_then(|push| push.dyn_into::<js_sys::Function>().ok())
            {
                let _ = push.call1(&layer, &entry);
            }
        }
        AnalyticsTarget::Gtag => {
            let (Some(gtag), Ok(params)) = (
                js_sys::Reflect::get(window, &GLOBAL_GTAG.into())
                    .ok()
                    .and_then(|gtag| gtag.dyn_into::<js_sys::Function>().ok()),
                js_json::from_json(params),
            ) else {
                return;
            };
            let _ = gtag.call3(&JsValue::UNDEFINED, &"event".into(), &event.into(), &params);
        }
    }
}
