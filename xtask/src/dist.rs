//! `cargo xtask dist`: release wasm + JS bindings + demo page in dist/.

use crate::cmd::{self, Result};
use crate::tools::{self, WASM_TARGET};
use std::fs;
use std::path::Path;
use std::process::Command;

pub const DIST: &str = "dist";
const CRATE: &str = "partner-roi";
const OUT_NAME: &str = "partner-roi";

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

pub fn dist() -> Result {
    tools::ensure_build_tools()?;

    println!("dist: building the release wasm");
    cmd::run(Command::new("cargo").args([
        "build",
        "--release",
        "--target",
        WASM_TARGET,
        "--lib",
        "-p",
        CRATE,
    ]))?;
    let wasm = format!("target/{WASM_TARGET}/release/partner_roi.wasm");
    if !Path::new(&wasm).is_file() {
        return Err(format!(
            "{wasm} was not produced: does the crate have crate-type = [\"cdylib\"]?"
        ));
    }

    if Path::new(DIST).exists() {
        fs::remove_dir_all(DIST).map_err(|e| format!("cannot clear {DIST}/: {e}"))?;
    }
    println!("dist: generating JS bindings");
    cmd::run(Command::new("wasm-bindgen").args([
        "--target",
        "web",
        "--no-typescript",
        "--out-dir",
        DIST,
        "--out-name",
        OUT_NAME,
        &wasm,
    ]))?;

    println!("dist: optimizing the wasm for size");
    let bg = format!("{DIST}/{OUT_NAME}_bg.wasm");
    cmd::run(
        Command::new(tools::wasm_opt())
            .arg("-Oz")
            .args(WASM_FEATURES)
            .args([&bg, "-o", &bg]),
    )?;

    let page = format!("{DIST}/index.html");
    fs::copy("index.html", &page).map_err(|e| format!("cannot copy index.html to {page}: {e}"))?;

    for file in [page, format!("{DIST}/{OUT_NAME}.js"), bg] {
        let size = fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        println!("dist: {file} ({size} bytes)");
    }
    Ok(())
}
