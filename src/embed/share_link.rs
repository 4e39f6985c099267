//! Share links: the figures in the page URL's fragment (`#partner-roi=<share code>`).

use super::names::SHARE_PARAM;

/// The fragment parameter for an element with `element_id` (may be empty).
pub fn share_param(element_id: &str) -> String {
    if element_id.is_empty() {
        SHARE_PARAM.to_owned()
    } else {
        format!("{SHARE_PARAM}-{element_id}")
    }
}

/// The share code in the current page's fragment, if there is one for `param`.
pub fn code_in_page_url(param: &str) -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let prefix = format!("{param}=");
    let raw = hash
        .trim_start_matches('#')
        .split('&')
        .find_map(|part| part.strip_prefix(&prefix))?
        .to_owned();
    let decoded = js_sys::decode_uri_component(&raw)
        .ok()
        .and_then(|text| text.as_string());
    Some(decoded.unwrap_or(raw))
}

/// Puts `code` into the page URL's fragment (keeping other parameters) and returns the URL.
pub fn put_in_page_url(param: &str, code: &str) -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let href = location.href().ok()?;
    let base = href.split('#').next().unwrap_or_default();
    let hash = location.hash().ok().unwrap_or_default();
    let prefix = format!("{param}=");
    let mut parts: Vec<String> = hash
        .trim_start_matches('#')
        .split('&')
        .filter(|part| !part.is_empty() && !part.starts_with(&prefix))
        .map(str::to_owned)
        .collect();
    parts.push(format!("{prefix}{code}"));
    let url = format!("{base}#{}", parts.join("&"));
    if let Ok(history) = window.history() {
        // Replacing (not pushing) keeps the back button meaningful.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
    Some(url)
}
