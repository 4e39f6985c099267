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

/// Selector of the embedded configuration document.
pub const CONFIG_SCRIPT_SELECTOR: &str = r#":scope > script[type="application/json"]"#;

/// Fired once when the first results are shown.
pub const EVENT_READY: &str = "partner-roi:ready";
/// Fired after each settled change; detail `{inputs, result}`.
pub const EVENT_CHANGE: &str = "partner-roi:change";
/// Fired for every configuration problem; detail `{message, path}`.
pub const EVENT_ERROR: &str = "partner-roi:error";

/// `performance.mark` set when a widget first shows results.
pub const MARK_FIRST_RESULTS: &str = "partner-roi:first-results";
