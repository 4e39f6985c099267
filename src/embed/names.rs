//! Every name the host page sees: attributes, events and marks. The tag
//! (`partner-roi`) and the observed attribute list are declared in `element.js`, which
//! must list the same attribute names.

/// URL of a program JSON file, fetched relative to the page.
pub const ATTR_PROGRAM_SRC: &str = "program-src";
/// JSON object prefilling partner inputs.
pub const ATTR_INPUTS: &str = "inputs";
/// Locale overriding the program's.
pub const ATTR_LOCALE: &str = "locale";
/// Currency overriding the program's.
pub const ATTR_CURRENCY: &str = "currency";
/// Horizon (years) overriding the program's default.
pub const ATTR_HORIZON: &str = "horizon";
/// `persist="off"` keeps nothing in `localStorage`.
pub const ATTR_PERSIST: &str = "persist";
/// Presence starts presenter mode.
pub const ATTR_PRESENTER: &str = "presenter";
/// Presence offers loading a program from a file.
pub const ATTR_ALLOW_PROGRAM_FILE: &str = "allow-program-file";

/// Fragment parameter of a share link (`#partner-roi=…`; `#partner-roi-<id>=…` for an element with an id).
pub const SHARE_PARAM: &str = "partner-roi";
/// Prefix of saved-state keys in `localStorage`: `partner-roi:<program id>:<element id>`.
pub const STORAGE_PREFIX: &str = "partner-roi";

/// Selector of the embedded configuration document.
pub const CONFIG_SCRIPT_SELECTOR: &str = r#":scope > script[type="application/json"]"#;

/// Fired once when the first results are shown.
pub const EVENT_READY: &str = "partner-roi:ready";
/// Fired after each settled change; detail `{inputs, result}`.
pub const EVENT_CHANGE: &str = "partner-roi:change";
/// Fired for every configuration problem; detail `{message, path}`.
pub const EVENT_ERROR: &str = "partner-roi:error";
/// Fired (cancelable) when the call to action is followed; detail `{inputs, result, tier}`.
pub const EVENT_CTA: &str = "partner-roi:cta";

/// `performance.mark` set when a widget first shows results.
pub const MARK_FIRST_RESULTS: &str = "partner-roi:first-results";
