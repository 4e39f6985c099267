//! A language file (`names::LANGUAGE_FILE`, `partner-roi.de.json` beside the bundle): one
//! language's catalogue and its texts of the built-in program, for a widget that speaks
//! it. The widget's wasm has English only; `cargo xtask dist` writes a file for every other
//! language, which `src/embed/element.js` fetches (or, in the single-file pages, has
//! inlined) and the widget installs.
//!
//! `{"language": "de", "catalogue": "key = text\n…", "builtin_program": {…}}`: the
//! catalogue as `crates/i18n/catalogues/*.txt` writes it, the program's texts as its
//! `translations.de` would.

use crate::names::LANGUAGE_FILE;
use partner_roi_engine::json_text::parse_value;
use partner_roi_i18n::Language;
use serde_json::{json, Value};

/// The name of `language`'s file, beside the bundle.
pub fn file_name(language: Language) -> String {
    LANGUAGE_FILE.replace("{tag}", language.tag())
}

/// `language`'s file, from its texts here; `None` for English (compiled in) or a language
/// whose texts are not here.
pub fn write(language: Language) -> Option<String> {
    let program = parse_value(language.builtin_program_texts()?).ok()?;
    let file = json!({
        "language": language.tag(),
        "catalogue": language.catalogue_text(),
        "builtin_program": program,
    });
    Some(file.to_string())
}

/// Installs the language of file `text`; its language, or what is wrong with the file (in
/// English, for the console).
pub fn install(text: &str) -> Result<Language, String> {
    let file = parse_value(text).map_err(|error| format!("not JSON: {error}"))?;
    let tag = file["language"].as_str().unwrap_or_default();
    let language = Language::all()
        .find(|language| language.tag() == tag && *language != Language::ENGLISH)
        .ok_or_else(|| format!("\"language\" is not a language the widget speaks: {tag:?}"))?;
    let catalogue = file["catalogue"]
        .as_str()
        .ok_or("\"catalogue\" is not text")?;
    let program = match &file["builtin_program"] {
        Value::Object(_) => file["builtin_program"].to_string(),
        _ => return Err("\"builtin_program\" is not an object".into()),
    };
    language.install(catalogue, program)?;
    Ok(language)
}

#[cfg(test)]
mod tests {
    use super::*;
    use partner_roi_i18n::Msg;

    #[test]
    fn every_language_but_english_has_a_file_that_installs() {
        assert_eq!(write(Language::ENGLISH), None);
        for language in Language::all().skip(1) {
            let text = write(language).unwrap_or_default();
            assert_eq!(install(&text), Ok(language), "{}", language.tag());
            let file = parse_value(&text).unwrap_or_default();
            assert_eq!(file["catalogue"], language.catalogue_text().as_str());
            assert!(language
                .catalogue_text()
                .contains(language.text(Msg::LoadFailedTitle)));
        }
        let german = Language::matching("de").unwrap_or_default();
        assert_eq!(file_name(german), "partner-roi.de.json");
    }

    #[test]
    fn a_broken_file_says_what_is_wrong() {
        let error = |text: &str| install(text).err().unwrap_or_default();
        assert!(error("{").starts_with("not JSON"));
        assert_eq!(
            error(r#"{"language": "en", "catalogue": "", "builtin_program": {}}"#),
            "\"language\" is not a language the widget speaks: \"en\""
        );
        assert_eq!(
            error(r#"{"language": "de", "catalogue": 1, "builtin_program": {}}"#),
            "\"catalogue\" is not text"
        );
        assert_eq!(
            error(r#"{"language": "de", "catalogue": "a = b"}"#),
            "\"builtin_program\" is not an object"
        );
        assert_eq!(
            error(r#"{"language": "de", "catalogue": "a: b", "builtin_program": {}}"#),
            "de:1: expected `key = text`"
        );
    }
}
