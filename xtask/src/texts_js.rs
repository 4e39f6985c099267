//! `PARTNER_ROI_TEXTS`: what `src/embed/element.js` says before the wasm runs or after it
//! stopped (the skeleton's label, "could not load", the apology and "Reload widget"), in
//! every language of `crates/i18n/catalogues/*.txt`, as a frozen JavaScript object that `cargo xtask dist`
//! puts before element.js; and `PARTNER_ROI_LANGUAGES`, the table `Language::matching` looks
//! tags up in. element.js picks the language as the widget does, without the program's (not
//! known before the wasm runs): the element's `lang`, its ancestors', the visitor's, English,
//! each tag looked up by its lookup key, then by its base language.

use crate::script::quoted;
use partner_roi::i18n::{Language, Msg, TAGS};

/// The name of the generated constant of texts.
pub const CONSTANT: &str = "PARTNER_ROI_TEXTS";
/// The name of the generated lookup table of languages.
const LANGUAGES_CONSTANT: &str = "PARTNER_ROI_LANGUAGES";

/// The messages element.js shows, with its keys for them.
const SHOWN_BY_ELEMENT_JS: [(&str, Msg); 6] = [
    ("loading", Msg::SkeletonLoading),
    ("loadFailedTitle", Msg::LoadFailedTitle),
    ("loadFailedText", Msg::LoadFailedText),
    ("panicTitle", Msg::PanicTitle),
    ("panicText", Msg::PanicText),
    ("reload", Msg::PanicReload),
];

/// `const PARTNER_ROI_TEXTS = Object.freeze({"en": {…}, "de": {…}, …});`, then
/// `const PARTNER_ROI_LANGUAGES = Object.freeze({"en": "en", …, "pt-br": "pt-BR", "pt": "pt-BR"});`,
/// each with a newline.
pub fn texts_block() -> String {
    let languages: Vec<String> = TAGS
        .iter()
        .filter_map(|tag| {
            let language = Language::matching(tag)?;
            let texts: Vec<String> = SHOWN_BY_ELEMENT_JS
                .iter()
                .map(|(key, msg)| format!("{key}:{}", quoted(language.text(*msg))))
                .collect();
            Some(format!("{}:{{{}}}", quoted(tag), texts.join(",")))
        })
        .collect();
    let lookup: Vec<String> = Language::lookup_table()
        .into_iter()
        .map(|(key, language)| format!("{}:{}", quoted(&key), quoted(language.tag())))
        .collect();
    format!(
        "const {CONSTANT} = Object.freeze({{{}}});\nconst {LANGUAGES_CONSTANT} = Object.freeze({{{}}});\n",
        languages.join(","),
        lookup.join(",")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_text() {
        let block = texts_block();
        assert!(block.starts_with("const PARTNER_ROI_TEXTS = Object.freeze({\"en\":{loading:"));
        for tag in TAGS {
            assert!(block.contains(&format!("\"{tag}\":{{loading:")), "{tag}");
        }
        assert_eq!(block.matches("reload:").count(), TAGS.len());
        assert!(block.contains("\"Reload widget\""));
        assert!(block.contains("{reason}"), "element.js fills the reason in");
        assert!(block.ends_with(
            "const PARTNER_ROI_LANGUAGES = Object.freeze({\"en\":\"en\",\"de\":\"de\",\"fr\":\"fr\",\
             \"es\":\"es\",\"pt-br\":\"pt-BR\",\"pt\":\"pt-BR\",\"ja\":\"ja\",\"ar\":\"ar\"});\n"
        ));
    }
}
