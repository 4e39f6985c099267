//! The language files: `dist/partner-roi.<tag>.json` for every language but English (which
//! the wasm has), `host::language_file`'s format; inlined into the single-file pages as
//! `PARTNER_ROI_INLINE_LANGUAGES`, and in the npm package as `languages/<tag>.js`.

use crate::cmd::Result;
use crate::script::quoted;
use partner_roi::i18n::Language;
use partner_roi::language_file::{file_name, write};
use std::fs;

/// Every language file: its language's tag, its name and its text.
fn language_files() -> Result<Vec<(&'static str, String, String)>> {
    Language::all()
        .skip(1)
        .map(|language| {
            let text = write(language).ok_or_else(|| {
                format!(
                    "no texts for {}: is i18n's all-languages on?",
                    language.tag()
                )
            })?;
            Ok((language.tag(), file_name(language), text))
        })
        .collect()
}

/// Writes every language file into `dir`; their names.
pub fn write_language_files(dir: &str) -> Result<Vec<String>> {
    let mut names = Vec::new();
    for (_, name, text) in language_files()? {
        let path = format!("{dir}/{name}");
        fs::write(&path, text).map_err(|e| format!("cannot write {path}: {e}"))?;
        names.push(name);
    }
    Ok(names)
}

/// Writes each language file into `dir` as an ES module `<tag>.js` whose default export is
/// its text (the npm package imports the one it needs).
pub fn write_language_modules(dir: &str) -> Result {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {dir}: {e}"))?;
    for (tag, _, text) in language_files()? {
        let path = format!("{dir}/{tag}.js");
        let module = format!("export default {};\n", quoted(&text));
        fs::write(&path, module).map_err(|e| format!("cannot write {path}: {e}"))?;
    }
    Ok(())
}

/// `{"de": "<its file>", …}`: every language file, as a JavaScript object literal.
pub fn inline_languages() -> Result<String> {
    let entries: Vec<String> = language_files()?
        .into_iter()
        .map(|(tag, _, text)| format!("{}:{}", quoted(tag), quoted(&text)))
        .collect();
    Ok(format!("{{{}}}", entries.join(",")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_but_english_has_a_file_and_an_inline_entry() {
        let files = language_files().unwrap_or_default();
        let tags: Vec<&str> = files.iter().map(|(tag, ..)| *tag).collect();
        assert_eq!(tags, ["de", "fr", "es", "pt-BR", "ja", "ar"]);
        assert_eq!(files[3].1, "partner-roi.pt-BR.json");
        let inline = inline_languages().unwrap_or_default();
        assert!(
            inline.starts_with("{\"de\":\"{\\\"builtin_program\\\":"),
            "{}",
            &inline[..40]
        );
        assert_eq!(inline.matches("\\\"catalogue\\\":").count(), 6);
    }
}
