//! `PARTNER_ROI_SKELETON_CSS`: `styles/skeleton.css`, minified like the widget's sheet
//! (`styles/minify.rs`), as a JavaScript string constant that `cargo xtask dist` puts before
//! `element.js`, which draws the skeleton before the wasm has loaded.

#[path = "../../styles/minify.rs"]
mod minify;

use crate::cmd::Result;

/// The skeleton's stylesheet.
pub const SKELETON_CSS: &str = "styles/skeleton.css";

/// The name of the generated constant.
pub const CONSTANT: &str = "PARTNER_ROI_SKELETON_CSS";

/// `const PARTNER_ROI_SKELETON_CSS = "…";` and a newline, for the stylesheet text `css`.
pub fn skeleton_css_block(css: &str) -> Result<String> {
    let minified = minify::minify_css(css).map_err(|error| format!("{SKELETON_CSS}: {error}"))?;
    // JSON's string quoting is JavaScript's.
    let literal = serde_json::Value::from(minified).to_string();
    Ok(format!("const {CONSTANT} = {literal};\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_block_is_one_string_constant_without_comments() {
        let block = skeleton_css_block("/* note */\n.a {\n  color: red;\n}\n").unwrap();
        assert_eq!(
            block,
            "const PARTNER_ROI_SKELETON_CSS = \".a {\\ncolor: red;\\n}\\n\";\n"
        );
    }

    #[test]
    fn the_shipped_skeleton_sheet_reads() {
        let css = std::fs::read_to_string(format!("../{SKELETON_CSS}")).unwrap();
        let block = skeleton_css_block(&css).unwrap();
        assert!(block.contains(".skeleton-body"), "{block}");
        assert!(!block.contains("/*"), "{block}");
    }

    #[test]
    fn an_unclosed_comment_is_an_error_naming_the_file() {
        let error = skeleton_css_block("/* open").unwrap_err();
        assert!(error.starts_with(SKELETON_CSS), "{error}");
    }
}
