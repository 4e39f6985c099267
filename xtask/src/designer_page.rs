//! `dist/designer.html`: the program designer as one file that works opened from disk.
//!
//! The page (`examples/pages/designer.html`) gets its styles (`styles/designer.css`), the
//! widget's script with its wasm inlined (the preview, and what the offline demo it
//! downloads copies, found by `names::DESIGNER_WIDGET_SCRIPT_ID`) and the designer's own
//! bundle: the crate's `designer` binary, through wasm-bindgen (`--target web`) as a
//! module script with its wasm inlined. The widget never loads the designer's code.

use crate::cmd::{self, Result};
use crate::inline_wasm::{inline_wasm, INFLATE_JS};
use crate::tools::{self, WASM_TARGET};
use partner_roi::names::DESIGNER_WIDGET_SCRIPT_ID;
use std::fs;
use std::process::Command;

const TEMPLATE: &str = "examples/pages/designer.html";
const STYLES: &str = "styles/designer.css";
const BINDGEN_OUT: &str = "target/designer-bindgen";
/// Where the template takes each part.
const CSS_MARK: &str = "/* partner-roi:designer-css */";
const WIDGET_MARK: &str = "<!-- partner-roi:widget-script -->";
const DESIGNER_MARK: &str = "<!-- partner-roi:designer-script -->";

/// Builds the designer's wasm (release, as the widget's) and writes `out`, given the
/// widget's inline script (glue, names, element code, the inlined wasm).
pub fn write_designer_page(out: &str, widget_script: &str, wasm_opt_args: &[&str]) -> Result {
    println!("{out}: building the designer");
    cmd::run(Command::new("cargo").args([
        "build",
        "--release",
        "--target",
        WASM_TARGET,
        "-p",
        "partner-roi",
        "--bin",
        "designer",
        "--features",
        "all-languages",
    ]))?;
    let wasm = format!("target/{WASM_TARGET}/release/designer.wasm");
    cmd::run(Command::new("wasm-bindgen").args([
        "--target",
        "web",
        "--no-typescript",
        "--out-dir",
        BINDGEN_OUT,
        "--out-name",
        "designer",
        &wasm,
    ]))?;
    let bg = format!("{BINDGEN_OUT}/designer_bg.wasm");
    cmd::run(
        Command::new(tools::BUILD_TOOLS.bin("wasm-opt"))
            .args(wasm_opt_args)
            .args([&bg, "-o", &bg]),
    )?;
    let glue = read(&format!("{BINDGEN_OUT}/designer.js"))?;
    let wasm_bytes = fs::read(&bg).map_err(|e| format!("cannot read {bg}: {e}"))?;
    let page = designer_page(
        &read(TEMPLATE)?,
        &read(STYLES)?,
        widget_script,
        &glue,
        &read(INFLATE_JS)?,
        &inline_wasm(&wasm_bytes)?,
    )?;
    fs::write(out, page).map_err(|e| format!("cannot write {out}: {e}"))
}

/// The page from its parts; an error names a mark the template lacks.
fn designer_page(
    template: &str,
    css: &str,
    widget_script: &str,
    designer_glue: &str,
    inflate_js: &str,
    designer_wasm_gzip_base64: &str,
) -> Result<String> {
    for mark in [CSS_MARK, WIDGET_MARK, DESIGNER_MARK] {
        if !template.contains(mark) {
            return Err(format!("{TEMPLATE} lacks {mark}"));
        }
    }
    let widget = format!("<script id=\"{DESIGNER_WIDGET_SCRIPT_ID}\">\n{widget_script}</script>");
    // A module script: the glue's `export`s stay inside it; the wasm (inflated as the
    // widget's is) starts `main`, which mounts the designer.
    let designer = format!(
        "<script type=\"module\">\n{designer_glue}\n{inflate_js}\ninitSync({{ module: await partnerRoiInflateWasm(\"{designer_wasm_gzip_base64}\") }});\n</script>"
    );
    Ok(template
        .replace(CSS_MARK, css)
        .replace(WIDGET_MARK, &widget)
        .replace(DESIGNER_MARK, &designer))
}

fn read(path: &str) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmd::repo_root;

    #[test]
    fn the_page_takes_every_part_at_its_mark() {
        let template = fs::read_to_string(repo_root().join(TEMPLATE)).unwrap_or_default();
        let inflate_js = fs::read_to_string(repo_root().join(INFLATE_JS)).unwrap_or_default();
        let page = designer_page(&template, "body{}", "/*w*/", "/*g*/", &inflate_js, "AAAA")
            .unwrap_or_default();
        assert!(page.contains("body{}"));
        assert!(page.contains("<script id=\"partner-roi-widget-script\">\n/*w*/</script>"));
        assert!(page.contains(&format!(
            "/*g*/\n{inflate_js}\ninitSync({{ module: await partnerRoiInflateWasm(\"AAAA\") }});"
        )));
        assert!(inflate_js.contains("async function partnerRoiInflateWasm(gzipBase64)"));
        assert!(designer_page("<html></html>", "", "", "", "", "").is_err());
    }
}
