//! Share links: the figures in the page URL's fragment (`#partner-roi=<share code>`); which
//! parameter belongs to which widget is decided in `host_state`.

/// A fragment part's name, percent-decoded (`partner-roi-gr%C3%B6%C3%9Fe` → `partner-roi-größe`).
fn decoded(text: &str) -> String {
    js_sys::decode_uri_component(text)
        .ok()
        .and_then(|decoded| decoded.as_string())
        .unwrap_or_else(|| text.to_owned())
}

/// The fragment's `name=value` parts, skipping empty ones.
fn fragment_parts(hash: &str) -> impl Iterator<Item = &str> {
    hash.trim_start_matches('#')
        .split('&')
        .filter(|part| !part.is_empty())
}

/// Whether the fragment part `part` is the parameter `param`.
fn is_param(part: &str, param: &str) -> bool {
    part.split_once('=')
        .is_some_and(|(name, _)| decoded(name) == param)
}

/// The current page URL fragment's `name=value` parameters, percent-decoded, in order.
pub fn fragment_params() -> Vec<(String, String)> {
    let hash = web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default();
    fragment_parts(&hash)
        .filter_map(|part| part.split_once('='))
        .map(|(name, value)| (decoded(name), decoded(value)))
        .collect()
}

/// The page URL without its fragment.
pub fn page_address() -> String {
    let href = web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

/// The page URL with `code` in its fragment as `param` (other parameters kept).
pub fn page_url_with(param: &str, code: &str) -> Option<String> {
    let hash = web_sys::window()?
        .location()
        .hash()
        .ok()
        .unwrap_or_default();
    let base = page_address();
    let mut parts: Vec<String> = fragment_parts(&hash)
        .filter(|part| !is_param(part, param))
        .map(str::to_owned)
        .collect();
    let name: String = js_sys::encode_uri_component(param).into();
    parts.push(format!("{name}={code}"));
    Some(format!("{base}#{}", parts.join("&")))
}

/// Puts `code` into the page URL's fragment (keeping other parameters) and returns the URL.
pub fn put_in_page_url(param: &str, code: &str) -> Option<String> {
    let url = page_url_with(param, code)?;
    if let Ok(history) = web_sys::window()?.history() {
        // Replacing (not pushing) keeps the back button meaningful.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
    Some(url)
}
