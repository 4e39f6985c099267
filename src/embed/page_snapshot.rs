//! Reading what the page says to one element when it connects: its attributes, embedded
//! document, the URL fragment, saved figures, its resume point and its place on the page.

use web_sys::HtmlElement;

use super::resume_point::ResumePoint;
use super::{page_colours, saved_state, share_link};
use crate::host_state::{PageSnapshot, TextMap};
use crate::i18n::Language;
use crate::names::{ATTRIBUTES, ATTR_LANG, CONFIG_SCRIPT_SELECTOR, TAG};

/// What the page looks like to `host` now.
pub fn read(host: &HtmlElement, resume: &ResumePoint) -> PageSnapshot {
    // A loop, not `collect`: each `collect` call site is an iterator adapter of its own.
    let mut attributes = TextMap::default();
    for name in ATTRIBUTES.iter().chain(&["id"]) {
        if let Some(value) = host.get_attribute(name) {
            attributes.insert(name.to_string(), value);
        }
    }
    let embedded_document = host
        .query_selector(CONFIG_SCRIPT_SELECTOR)
        .ok()
        .flatten()
        .map(|script| script.text_content().unwrap_or_default());
    PageSnapshot {
        attributes,
        embedded_document,
        fragment: share_link::fragment_params(),
        page_address: share_link::page_address(),
        online: web_sys::window().is_some_and(|window| window.navigator().on_line()),
        time_ms: js_sys::Date::now() as u64,
        saved: saved_state::entries(),
        resume_code: resume.code(),
        unnamed_rank: unnamed_rank(host),
        page_scheme: page_colours::page_scheme(host),
        ancestor_lang: ancestor_lang(host),
        browser_languages: browser_languages(),
        languages_here: Language::all()
            .filter(|language| language.has_texts())
            .collect(),
    }
}

/// The `lang` of `host`'s nearest ancestor that has one.
fn ancestor_lang(host: &HtmlElement) -> Option<String> {
    let selector = format!("[{ATTR_LANG}]");
    host.parent_element()?
        .closest(&selector)
        .ok()??
        .get_attribute(ATTR_LANG)
}

/// `navigator.languages`, most wanted first.
fn browser_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    window
        .navigator()
        .languages()
        .iter()
        .filter_map(|language| language.as_string())
        .collect()
}

/// `host`'s place among the page's widgets without an id (`None` when it has one).
fn unnamed_rank(host: &HtmlElement) -> Option<usize> {
    if !host.id().is_empty() {
        return None;
    }
    let selector = format!("{TAG}:not([id]), {TAG}[id=\"\"]");
    let unnamed = host.owner_document()?.query_selector_all(&selector).ok()?;
    (0..unnamed.length())
        .find(|index| unnamed.item(*index).as_ref() == Some(host.as_ref()))
        .map(|index| index as usize)
}
