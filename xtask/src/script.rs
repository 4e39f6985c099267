//! The widget's script from its parts: the wasm-bindgen glue as a factory (`glue.rs`), the
//! element code after the names and texts it uses, and the two wrappers `dist.rs` and
//! `npm_package.rs` write: a classic script (that also runs as a module) and an ES module.

/// The parts of the script: the glue factory (for the classic script, and for the npm
/// package's module), and the element code (after the names it uses).
pub struct Script {
    /// The glue factory of the classic script (the wasm beside the script).
    pub glue: String,
    /// The glue factory of the ES module (the wasm beside `import.meta.url`).
    pub module_glue: String,
    /// The names, texts and skeleton sheet element.js uses, then element.js.
    pub element: String,
    /// The classic script's last lines (`src/embed/classic_start.js`).
    pub classic_start: String,
}

impl Script {
    /// The script, with the wasm and the language files fetched (`None`) or inlined (the
    /// wasm's base64, the languages' object literal): a classic script (that also runs as a
    /// module), its names inside one strict-mode function so that none becomes a global and
    /// loading it twice redeclares nothing.
    pub fn with_wasm(&self, inline: Option<(&str, &str)>) -> String {
        let (wasm, languages) = match inline {
            Some((base64, languages)) => (format!("\"{base64}\""), languages),
            None => ("null".to_owned(), "null"),
        };
        format!(
            "(() => {{\n'use strict';\n{}\nconst PARTNER_ROI_INLINE_WASM = {wasm};\n\
             const PARTNER_ROI_INLINE_LANGUAGES = {languages};\n\
             const PARTNER_ROI_LANGUAGE_MODULE = null;\n{}{}}})();\n",
            self.glue, self.element, self.classic_start
        )
    }

    /// The npm package's `core.js`: an ES module that defines nothing at import and exports
    /// `defineElement`, `PartnerRoi` and the names (its entries, `src/embed/npm/`, use them).
    /// It imports the file of a language in `languages` from `languages/` beside it, each by
    /// its own literal `import()`, the form every bundler follows to a chunk of its own.
    pub fn as_module(&self, languages: &[&str]) -> String {
        let imports: Vec<String> = languages
            .iter()
            .map(|tag| format!("{tag:?}: () => import('./languages/{tag}.js')"))
            .collect();
        format!(
            "{}\nconst PARTNER_ROI_INLINE_WASM = null;\nconst PARTNER_ROI_INLINE_LANGUAGES = null;\n\
             const PARTNER_ROI_LANGUAGE_MODULE = (tag) => ({{ {} }})[tag]();\n{}export {{ partnerRoiDefine as defineElement, partnerRoiApi as PartnerRoi, PARTNER_ROI_NAMES as names }};\n",
            self.module_glue,
            imports.join(", "),
            self.element
        )
    }
}

/// A JavaScript string literal of `text` (JSON's quoting is JavaScript's; U+2028 and U+2029,
/// which older engines reject in literals, escaped too): for the texts and language files
/// the script carries.
pub fn quoted(text: &str) -> String {
    serde_json::Value::from(text)
        .to_string()
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_is_one_strict_function_whatever_loads_it() {
        let script = Script {
            glue: "function partnerRoiGlue() {}\n".to_owned(),
            module_glue: "function partnerRoiGlue() { import.meta.url; }\n".to_owned(),
            element: "const PARTNER_ROI_NAMES = {};\n".to_owned(),
            classic_start: "partnerRoiDefine();\n".to_owned(),
        };
        assert_eq!(
            script.with_wasm(Some(("AGFzbQ==", "{\"de\":\"{}\"}"))),
            "(() => {\n'use strict';\nfunction partnerRoiGlue() {}\n\n\
             const PARTNER_ROI_INLINE_WASM = \"AGFzbQ==\";\n\
             const PARTNER_ROI_INLINE_LANGUAGES = {\"de\":\"{}\"};\n\
             const PARTNER_ROI_LANGUAGE_MODULE = null;\n\
             const PARTNER_ROI_NAMES = {};\npartnerRoiDefine();\n})();\n"
        );
        let fetched = script.with_wasm(None);
        assert!(fetched.contains("const PARTNER_ROI_INLINE_WASM = null;"));
        assert!(fetched.contains("const PARTNER_ROI_INLINE_LANGUAGES = null;"));
    }

    #[test]
    fn the_module_defines_nothing_at_import_and_exports_its_api() {
        let script = Script {
            glue: String::new(),
            module_glue: "function partnerRoiGlue() { import.meta.url; }\n".to_owned(),
            element: "const PARTNER_ROI_NAMES = {};\n".to_owned(),
            classic_start: "partnerRoiDefine();\n".to_owned(),
        };
        let module = script.as_module(&["de", "pt-BR"]);
        assert!(module.starts_with("function partnerRoiGlue() { import.meta.url; }"));
        assert!(module.contains(
            "const PARTNER_ROI_LANGUAGE_MODULE = (tag) => ({ \"de\": () => import('./languages/de.js'), \
             \"pt-BR\": () => import('./languages/pt-BR.js') })[tag]();"
        ));
        assert!(!module.contains("partnerRoiDefine();"));
        assert!(module.ends_with(
            "export { partnerRoiDefine as defineElement, partnerRoiApi as PartnerRoi, PARTNER_ROI_NAMES as names };\n"
        ));
    }
}
