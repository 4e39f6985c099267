//! Shipped JavaScript, minified by terser 5 (npm, in `xtask/build-tools`): compressed twice and its
//! local names mangled; property names, and so every name a page or the wasm glue uses, stay.

use crate::cmd::{self, Result};
use crate::tools::BUILD_TOOLS;
use std::fs;
use std::process::Command;

const WORK_DIR: &str = "target/minify";

/// How the code is loaded: as a classic script or as an ES module (whose top-level names
/// and exports stay).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum JsKind {
    Script,
    Module,
}

/// `js`, minified.
pub fn minify_js(js: &str, kind: JsKind) -> Result<String> {
    fs::create_dir_all(WORK_DIR).map_err(|e| format!("cannot create {WORK_DIR}: {e}"))?;
    let input = format!("{WORK_DIR}/in.js");
    let output = format!("{WORK_DIR}/out.js");
    fs::write(&input, js).map_err(|e| format!("cannot write {input}: {e}"))?;
    let mut command = Command::new(BUILD_TOOLS.bin("terser"));
    command
        .arg(&input)
        .args(["--compress", "passes=2", "--mangle", "--ecma", "2022"])
        .args(["--comments", "false", "--output", &output]);
    if kind == JsKind::Module {
        command.arg("--module");
    }
    cmd::run(&mut command)?;
    fs::read_to_string(&output).map_err(|e| format!("cannot read {output}: {e}"))
}
