//! `cargo xtask dist`: the embed bundle, the single-file offline page and the host pages.
//!
//! Every shipped script is minified by terser (`minify_js.rs`).
//!
//! - `partner-roi.js` = wasm-bindgen glue (as a factory, `glue.rs`) + `PARTNER_ROI_NAMES`
//!   (the browser-facing names of `crates/host/src/names.rs`, `crates/element-api`) + `src/embed/element.js`;
//!   `partner-roi_bg.wasm` beside it; `script.rs` joins the parts;
//!   `partner-roi.<tag>.json` beside them, a file per language but English (`language_files.rs`);
//! - `partner-roi.html` = one self-contained file (glue, names, element code and the wasm
//!   inlined, gzipped and base64-encoded, `inline_wasm.rs`, and every language file);
//! - `designer.html` = the program designer, also one file (`designer_page.rs`);
//! - `hashed/` = the embed bundle and language files with content-hashed names, for a CDN
//!   (`hashed_names.rs`);
//! - `npm/` = the npm package (`npm_package.rs`); `wordpress/partner-roi.zip` = the
//!   WordPress plugin (`wordpress.rs`);
//! - `index.html` (demo, from the repo root), `embed-example.html` and `frame.html` (from
//!   `examples/pages/`) and `programs/*.json` (from `examples/programs/`);
//! - and, not shipped, the partner inputs' limits for the e2e tests (`inputs_json.rs`).

use crate::cmd::{self, Result};
use crate::designer_page::write_designer_page;
use crate::flags;
use crate::glue::{self, WasmBase};
use crate::hashed_names::write_hashed_bundle;
use crate::inline_wasm::{inline_wasm, INFLATE_JS};
use crate::inputs_json::write_inputs_json;
use crate::language_files::{inline_languages, write_language_files};
use crate::minify_js::{minify_js, JsKind};
use crate::npm_package::write_npm_package;
use crate::script::Script;
use crate::skeleton_css::{skeleton_css_block, SKELETON_CSS};
use crate::texts_js::texts_block;
use crate::tools::{self, WASM_TARGET};
use crate::wordpress;
use partner_roi_element_api::names_block;
use std::fs;
use std::path::Path;
use std::process::Command;

pub const DIST: &str = "dist";
/// The embed bundle: what a host page downloads.
pub const BUNDLE_FILES: [&str; 2] = ["partner-roi.js", "partner-roi_bg.wasm"];
const CRATE: &str = "partner-roi";
/// wasm-bindgen's `--out-name`: the bundle is `names::BUNDLE_FILE` (a test checks).
const OUT_NAME: &str = "partner-roi";
pub const ELEMENT_JS: &str = "src/embed/element.js";
const CLASSIC_START_JS: &str = "src/embed/classic_start.js";
pub const PAGES: &str = "examples/pages";
/// The files of [`PAGES`] copied as they are into dist/ (the offline template is filled in).
pub const COPIED_PAGES: [&str; 4] = ["embed-example.html", "frame.html", "frame.js", "frame.css"];
const PROGRAMS: &str = "examples/programs";
/// Where the inlined wasm goes into the minified offline script.
const INLINE_WASM_PLACEHOLDER: &str = "PARTNER_ROI_WASM_GOES_HERE";
/// Where the inlined language files go into it.
const INLINE_LANGUAGES_PLACEHOLDER: &str = "PARTNER_ROI_LANGUAGES_GO_HERE";
/// Where the offline template takes the inlined script.
const INLINE_SCRIPT_PLACEHOLDER: &str = "<!-- partner-roi:inline-script -->";

/// The wasm features rustc enables by default for wasm32-unknown-unknown. Not
/// `--all-features`: that lets wasm-opt emit encodings (compact imports) browsers reject.
const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-multivalue",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
];

/// How wasm-opt shrinks a release wasm. -Oz: the smallest of -Oz/-Os/-O2/-O3/-O4 here; the
/// two custom sections are metadata no browser reads (-265 bytes). Measured in BENCHMARKS.md.
const WASM_OPT_ARGS: [&[&str]; 2] = [
    &["-Oz", "--strip-producers", "--strip-target-features"],
    WASM_FEATURES,
];

/// Where `cargo xtask test` puts the test-only bundle (`--features test-panic`) and its page.
pub const PANIC_TEST_DIR: &str = "target/panic-test";
const PANIC_TEST_PAGE: &str = "tests/e2e/pages/panic-containment.html";

/// Which wasm a bundle is built from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Build {
    /// What ships: the release profile, optimized by wasm-opt, no test features.
    Release,
    /// Test-only: a debug build with the `test-panic` feature (never written to dist/).
    PanicTest,
}

impl flags::Dist {
    pub fn run(self) -> Result {
        dist()
    }
}

impl flags::PanicBundle {
    pub fn run(self) -> Result {
        panic_test_bundle()
    }
}

pub fn dist() -> Result {
    tools::ensure_build_tools()?;
    let script = bundle(DIST, Build::Release)?;

    let bg = format!("{DIST}/{OUT_NAME}_bg.wasm");
    let wasm_bytes = fs::read(&bg).map_err(|e| format!("cannot read {bg}: {e}"))?;
    // Minified around placeholders, so that terser never reads the half megabyte of wasm
    // and the language files.
    let minified = minify_js(
        &script.with_wasm(Some((
            INLINE_WASM_PLACEHOLDER,
            INLINE_LANGUAGES_PLACEHOLDER,
        ))),
        JsKind::Script,
    )?;
    for placeholder in [INLINE_WASM_PLACEHOLDER, INLINE_LANGUAGES_PLACEHOLDER] {
        if minified.matches(placeholder).count() != 1 {
            return Err(format!("the minified offline script lost {placeholder}"));
        }
    }
    let inline_script = minified
        .replace(INLINE_WASM_PLACEHOLDER, &inline_wasm(&wasm_bytes)?)
        .replace(INLINE_LANGUAGES_PLACEHOLDER, &inline_languages()?);
    let inline = format!("<script>\n{inline_script}</script>");
    let template = read(&format!("{PAGES}/offline.html"))?;
    if !template.contains(INLINE_SCRIPT_PLACEHOLDER) {
        return Err(format!(
            "{PAGES}/offline.html lacks {INLINE_SCRIPT_PLACEHOLDER}"
        ));
    }
    write(
        &format!("{DIST}/{OUT_NAME}.html"),
        &template.replace(INLINE_SCRIPT_PLACEHOLDER, &inline),
    )?;

    write_npm_package(&script, &bg)?;
    write_designer_page(
        &format!("{DIST}/designer.html"),
        &inline_script,
        &WASM_OPT_ARGS.concat(),
    )?;

    copy("index.html", &format!("{DIST}/index.html"))?;
    for page in COPIED_PAGES {
        copy(&format!("{PAGES}/{page}"), &format!("{DIST}/{page}"))?;
    }
    fs::create_dir_all(format!("{DIST}/programs"))
        .map_err(|e| format!("cannot create {DIST}/programs: {e}"))?;
    let programs = fs::read_dir(PROGRAMS).map_err(|e| format!("cannot list {PROGRAMS}: {e}"))?;
    for name in programs
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
    {
        if name.ends_with(".json") {
            copy(
                &format!("{PROGRAMS}/{name}"),
                &format!("{DIST}/programs/{name}"),
            )?;
        }
    }

    write_inputs_json()?;
    let mut shipped: Vec<String> = BUNDLE_FILES.map(str::to_owned).to_vec();
    let language_files = write_language_files(DIST)?;
    write_hashed_bundle(DIST, &language_files)?;
    shipped.extend(language_files);
    wordpress::write_plugin_zip(DIST, &shipped)?;
    println!("dist: written into {DIST}/");
    Ok(())
}

/// The test-only bundle in [`PANIC_TEST_DIR`]: `partner-roi.js` built with the `test-panic`
/// feature, and the panic containment page as `index.html` (`tests/e2e/panic.spec.js`).
pub fn panic_test_bundle() -> Result {
    tools::ensure_build_tools()?;
    bundle(PANIC_TEST_DIR, Build::PanicTest)?;
    copy(PANIC_TEST_PAGE, &format!("{PANIC_TEST_DIR}/index.html"))
}

/// Builds the wasm, writes its bindings into `out` (emptied first) and `partner-roi.js` there.
fn bundle(out: &str, build: Build) -> Result<Script> {
    let (profile, build_flags): (&str, &[&str]) = match build {
        Build::Release => ("release", &["--release"]),
        Build::PanicTest => ("debug", &["--features", "test-panic"]),
    };
    println!("{out}: building the {profile} wasm");
    cmd::run(
        Command::new("cargo")
            .args(["build", "--target", WASM_TARGET, "--lib", "-p", CRATE])
            .args(build_flags),
    )?;
    let wasm = format!("target/{WASM_TARGET}/{profile}/partner_roi.wasm");
    if !Path::new(&wasm).is_file() {
        return Err(format!(
            "{wasm} was not produced: does the crate have crate-type = [\"cdylib\"]?"
        ));
    }

    if Path::new(out).exists() {
        fs::remove_dir_all(out).map_err(|e| format!("cannot clear {out}/: {e}"))?;
    }
    println!("{out}: generating JS bindings");
    cmd::run(Command::new("wasm-bindgen").args([
        "--target",
        "web",
        "--no-typescript",
        "--out-dir",
        out,
        "--out-name",
        OUT_NAME,
        &wasm,
    ]))?;

    if build == Build::Release {
        println!("{out}: optimizing the wasm for size");
        let bg = format!("{out}/{OUT_NAME}_bg.wasm");
        cmd::run(
            Command::new(tools::BUILD_TOOLS.bin("wasm-opt"))
                .args(WASM_OPT_ARGS.concat())
                .args([&bg, "-o", &bg]),
        )?;
    }

    let glue = read(&format!("{out}/{OUT_NAME}.js"))?;
    let script = Script {
        glue: glue::glue_factory(&glue, WasmBase::Script)?,
        module_glue: glue::glue_factory(&glue, WasmBase::Module)?,
        classic_start: read(CLASSIC_START_JS)?,
        element: names_block()?
            + &texts_block()
            + &skeleton_css_block(&read(SKELETON_CSS)?)?
            + &read(INFLATE_JS)?
            + &read(ELEMENT_JS)?,
    };
    let classic = script.with_wasm(None);
    let classic = match build {
        Build::Release => minify_js(&classic, JsKind::Script)?,
        Build::PanicTest => classic,
    };
    write(&format!("{out}/{OUT_NAME}.js"), &classic)?;
    Ok(script)
}

fn read(path: &str) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
}

fn write(path: &str, text: &str) -> Result {
    fs::write(path, text).map_err(|e| format!("cannot write {path}: {e}"))
}

fn copy(from: &str, to: &str) -> Result {
    fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("cannot copy {from} to {to}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundle_is_named_as_the_element_looks_for_it() {
        assert_eq!(format!("{OUT_NAME}.js"), partner_roi::names::BUNDLE_FILE);
    }
}
