//! Every name the host page sees, declared once: the tag, attributes, properties, events,
//! the share-link parameter, the saved-state key prefix and the performance mark.
//!
//! Plain Rust (built natively too): `cargo xtask dist` reads these constants and writes the
//! tag, the observed attributes, the properties and the events into the shipped JavaScript
//! as `PARTNER_ROI_NAMES` (`crates/element-api/src/names_js.rs`), which `src/embed/element.js` uses
//! instead of literals of its own (an xtask test checks that it has none).

/// The custom element's tag.
pub const TAG: &str = "partner-roi";
/// The embed bundle's file name; `partner-roi_bg.wasm` is found beside it.
pub const BUNDLE_FILE: &str = "partner-roi.js";
/// A language's file beside the bundle (`{tag}`: the language's tag, `partner-roi.de.json`).
pub const LANGUAGE_FILE: &str = "partner-roi.{tag}.json";

/// Without a program of the page's own: `example` shows the built-in example program
/// without the "Example program" notice (demos), `pending` waits for the `program`
/// property however long it takes. Otherwise the widget waits until shortly after the
/// page has loaded, then shows the example with the notice.
pub const ATTR_PROGRAM: &str = "program";
/// The `program` value that shows the built-in example program as intended.
pub const PROGRAM_EXAMPLE: &str = "example";
/// The `program` value that waits for the `program` property.
pub const PROGRAM_PENDING: &str = "pending";
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
/// The `persist` value that keeps nothing.
pub const PERSIST_OFF: &str = "off";
/// Presence starts presenter mode.
pub const ATTR_PRESENTER: &str = "presenter";
/// Presence offers loading a program from a file.
pub const ATTR_ALLOW_PROGRAM_FILE: &str = "allow-program-file";
/// `loading="eager"` starts the widget at once; otherwise (`lazy`, the default) it starts
/// when it comes within about a viewport of being visible.
pub const ATTR_LOADING: &str = "loading";
/// The `loading` value that starts the widget at once.
pub const LOADING_EAGER: &str = "eager";
/// Which sales tools the toolbar offers: `share summary csv print present`, `all` or `none`.
pub const ATTR_TOOLS: &str = "tools";
/// The `tools` values, one per tool: copy link, copy summary, CSV, print, presenter mode.
pub const TOOL_NAMES: [&str; 5] = ["share", "summary", "csv", "print", "present"];
/// The `tools` value for every tool.
pub const TOOLS_ALL: &str = "all";
/// The `tools` value for none.
pub const TOOLS_NONE: &str = "none";
/// Presence shows the page's configuration problems in the widget (always in the console).
pub const ATTR_DEBUG: &str = "debug";
/// The language the widget speaks (the global attribute, read on the element; else the
/// nearest ancestor's).
pub const ATTR_LANG: &str = "lang";
/// The colour scheme: `auto` (the visitor's, the default), `light` or `dark`.
pub const ATTR_THEME: &str = "theme";
/// Opt-in analytics: `datalayer` pushes the widget's events to `window.dataLayer` (Google
/// Tag Manager), `gtag` calls `gtag('event', …)`; without it nothing is reported.
pub const ATTR_ANALYTICS: &str = "analytics";
/// The `analytics` values: the page's `dataLayer`, its `gtag` function.
pub const ANALYTICS_TARGETS: [&str; 2] = ["datalayer", "gtag"];
/// The global array `analytics="datalayer"` pushes to.
pub const GLOBAL_DATA_LAYER: &str = "dataLayer";
/// The global function `analytics="gtag"` calls.
pub const GLOBAL_GTAG: &str = "gtag";
/// The analytics events, in the order of [`crate::host_state::AnalyticsEvent`]: the widget
/// first in view, the partner's first change, a tier chosen, a link or summary copied, the
/// handout printed, the call to action followed, an application sent (GA4's recommended
/// event).
pub const ANALYTICS_EVENTS: [&str; 7] = [
    "partner_roi_view",
    "partner_roi_start",
    "partner_roi_tier_select",
    "partner_roi_share",
    "partner_roi_print",
    "partner_roi_cta",
    "generate_lead",
];
/// The `theme` values.
pub const THEME_NAMES: [&str; 3] = ["auto", "light", "dark"];

/// The page's widget background colour (CSS custom property): with `theme="auto"` its
/// lightness picks the scheme when the page sets no surface colour.
pub const CSS_VAR_BACKGROUND: &str = "--partner-roi-background";
/// The page's panel and card colour (CSS custom property): with `theme="auto"` its
/// lightness picks the scheme.
pub const CSS_VAR_SURFACE: &str = "--partner-roi-surface";
/// Every CSS custom property a page may set on the element, with what it styles (for the
/// npm package's manifest and types; `docs/embedding.md` has the defaults). An xtask test
/// checks that the stylesheets read no other `--partner-roi-*` property.
pub const CSS_PROPERTIES: &[(&str, &str)] = &[
    ("--partner-roi-accent", "Buttons, focus rings, the recommended tier."),
    ("--partner-roi-accent-contrast", "Text on the accent colour."),
    ("--partner-roi-font", "The font of all text."),
    ("--partner-roi-radius", "Corners of panels and cards."),
    (CSS_VAR_BACKGROUND, "The widget's background; with theme=\"auto\" its lightness picks the scheme when no surface is set."),
    (CSS_VAR_SURFACE, "Panels and cards; with theme=\"auto\" its lightness picks the scheme."),
    ("--partner-roi-text", "Body text (else it follows the colour it stands on)."),
    ("--partner-roi-muted", "Secondary text (keep 4.5:1 on the background and the surface)."),
    ("--partner-roi-border", "Hairlines."),
    ("--partner-roi-positive", "Profit, \"You qualify\"."),
    ("--partner-roi-negative", "Losses, errors, invalid fields."),
    ("--partner-roi-warning", "\"You qualify from year N\", stale results."),
    ("--partner-roi-tier-1", "The first tier's colour (cards and charts)."),
    ("--partner-roi-tier-2", "The second tier's colour."),
    ("--partner-roi-tier-3", "The third tier's colour."),
    ("--partner-roi-tier-4", "The fourth tier's colour."),
    ("--partner-roi-tier-5", "The fifth tier's colour."),
    ("--partner-roi-tier-6", "The sixth tier's colour."),
    ("--partner-roi-stream-resale", "Chart series: resale margin."),
    ("--partner-roi-stream-referral", "Chart series: referral fees."),
    ("--partner-roi-stream-rebate", "Chart series: rebates."),
    ("--partner-roi-stream-mdf", "Chart series: market development funds."),
    ("--partner-roi-stream-services", "Chart series: the partner's services."),
    ("--partner-roi-cost", "Chart series: costs."),
];

/// Every attribute the element reads.
pub const ATTRIBUTES: &[&str] = &[
    ATTR_PROGRAM,
    ATTR_PROGRAM_SRC,
    ATTR_INPUTS,
    ATTR_LOCALE,
    ATTR_CURRENCY,
    ATTR_HORIZON,
    ATTR_PERSIST,
    ATTR_PRESENTER,
    ATTR_ALLOW_PROGRAM_FILE,
    ATTR_LOADING,
    ATTR_TOOLS,
    ATTR_DEBUG,
    ATTR_THEME,
    ATTR_LANG,
    ATTR_ANALYTICS,
];
/// The attributes whose changes the element follows (`observedAttributes`); `program` is
/// read when the element connects.
pub const OBSERVED_ATTRIBUTES: &[&str] = &[
    ATTR_PROGRAM_SRC,
    ATTR_INPUTS,
    ATTR_LOCALE,
    ATTR_CURRENCY,
    ATTR_HORIZON,
    ATTR_PERSIST,
    ATTR_PRESENTER,
    ATTR_ALLOW_PROGRAM_FILE,
    ATTR_LOADING,
    ATTR_TOOLS,
    ATTR_DEBUG,
    ATTR_THEME,
    ATTR_LANG,
    ATTR_ANALYTICS,
];

/// The program, as an object or JSON text (read and write).
pub const PROPERTY_PROGRAM: &str = "program";
/// The partner's figures, as an object (read and write).
pub const PROPERTY_INPUTS: &str = "inputs";
/// The properties a host may set; set before the element is defined, they are replayed.
pub const PROPERTIES: &[&str] = &[PROPERTY_PROGRAM, PROPERTY_INPUTS];

/// Fragment parameter of a share link (`#partner-roi=…`; `#partner-roi-<id>=…` for an element with an id).
pub const SHARE_PARAM: &str = "partner-roi";
/// Prefix of saved-state keys in `localStorage`: `partner-roi:<program id>:<element id>`.
pub const STORAGE_PREFIX: &str = "partner-roi";
/// Marks the `localStorage` key of applications kept while offline:
/// `partner-roi:outbox/<program id>:<element id>` (`/` is never in a program id).
pub const OUTBOX_KEY_PART: &str = "outbox/";

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
/// Fired (cancelable) when the partner sends an application; detail `{application,
/// destination}`. Cancelled, the widget sends nothing: the page sends it.
pub const EVENT_LEAD: &str = "partner-roi:lead";
/// Every event the element fires.
pub const EVENTS: &[&str] = &[
    EVENT_READY,
    EVENT_CHANGE,
    EVENT_ERROR,
    EVENT_CTA,
    EVENT_LEAD,
];

/// While a widget prints its handout: on `<html>`, so that the page's own content is left
/// off the paper (`embed/print_handout.rs`).
pub const ATTR_PRINTING_HANDOUT: &str = "data-partner-roi-handout";
/// While a widget prints its handout: on that widget and each of its ancestors, the only
/// elements printed.
pub const ATTR_HANDOUT_PATH: &str = "data-partner-roi-handout-path";

/// `performance.mark` set when a widget first shows results.
pub const MARK_FIRST_RESULTS: &str = "partner-roi:first-results";

/// The designer page (`dist/designer.html`): the id of the `<script>` that carries the
/// widget, which the offline demo it downloads copies.
pub const DESIGNER_WIDGET_SCRIPT_ID: &str = "partner-roi-widget-script";
/// The designer page: the `localStorage` key of the draft kept between visits.
pub const DESIGNER_DRAFT_KEY: &str = "partner-roi-designer:draft";
