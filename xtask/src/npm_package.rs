//! `dist/npm/`: the npm package, ready for `npm publish` (not published).
//!
//! - `core.js`: the glue and the element code as an ES module that does nothing at import
//!   (`script::Script::as_module`); its wasm is `new URL('./partner-roi_bg.wasm',
//!   import.meta.url)`, which bundlers follow, or wherever `PartnerRoi.configure` says.
//! - the entries, from `src/embed/npm/`: `index.js` (`.`: defines the element, exports the
//!   API), `define.js` (`./define`: only the definition), `project.js` (`./project`: the
//!   headless API, defining nothing);
//! - types (`types_ts.rs`), the Custom Elements Manifest, VS Code custom data and web-types
//!   (`manifests.rs`), the README, and `package.json` with the crate's version.

use crate::cmd::Result;
use crate::element_docs::ElementDocs;
use crate::manifests::{custom_elements_manifest, vscode_custom_data, web_types};
use crate::minify_js::{minify_js, JsKind};
use crate::script::Script;
use crate::types_ts::{declarations, jsx_declarations, vue_declarations};
use serde_json::{json, Value};
use std::fs;

/// Where the package is written.
pub const NPM_DIR: &str = "dist/npm";
const ENTRIES_DIR: &str = "src/embed/npm";
const ENTRIES: [&str; 4] = ["index.js", "define.js", "project.js", "README.md"];
/// Type-only entries: the JSX namespaces of frameworks, and Vue's components.
const JSX_ENTRIES: [(&str, &str); 3] = [
    ("react", "react"),
    ("preact", "preact"),
    ("solid", "solid-js"),
];
/// What a type-only entry is at run time: nothing.
const TYPES_ONLY_JS: &str = "types-only.js";

/// Writes the package from the built script and wasm.
pub fn write_npm_package(script: &Script, wasm: &str) -> Result {
    if std::path::Path::new(NPM_DIR).exists() {
        fs::remove_dir_all(NPM_DIR).map_err(|e| format!("cannot clear {NPM_DIR}: {e}"))?;
    }
    fs::create_dir_all(NPM_DIR).map_err(|e| format!("cannot create {NPM_DIR}: {e}"))?;
    write("core.js", &minify_js(&script.as_module(), JsKind::Module)?)?;
    for entry in ENTRIES {
        let from = format!("{ENTRIES_DIR}/{entry}");
        let text = fs::read_to_string(&from).map_err(|e| format!("cannot read {from}: {e}"))?;
        write(entry, &text)?;
    }
    fs::copy(wasm, format!("{NPM_DIR}/partner-roi_bg.wasm"))
        .map_err(|e| format!("cannot copy {wasm}: {e}"))?;
    write(
        TYPES_ONLY_JS,
        "// Types only: see the matching .d.ts.\nexport {};\n",
    )?;

    let docs = ElementDocs::read()?;
    write("partner-roi.d.ts", &declarations(&docs))?;
    write(
        "index.d.ts",
        "export { PartnerRoi, defineElement } from './partner-roi.js';\nexport type * from './partner-roi.js';\n",
    )?;
    write(
        "define.d.ts",
        "// Defines <partner-roi> and the PartnerRoi global (see partner-roi.d.ts).\nexport type * from './partner-roi.js';\n",
    )?;
    write(
        "project.d.ts",
        "export { PartnerRoi } from './partner-roi.js';\nexport type * from './partner-roi.js';\n",
    )?;
    for (entry, module) in JSX_ENTRIES {
        write(&format!("{entry}.d.ts"), &jsx_declarations(&docs, module))?;
    }
    write("vue.d.ts", &vue_declarations(&docs))?;
    write_json("custom-elements.json", &custom_elements_manifest(&docs))?;
    write_json("html-custom-data.json", &vscode_custom_data(&docs))?;
    write_json("web-types.json", &web_types(&docs, partner_roi::VERSION))?;
    write_json("package.json", &package_json())?;
    Ok(())
}

/// `package.json`.
fn package_json() -> Value {
    let mut exports = json!({
        ".": { "types": "./index.d.ts", "default": "./index.js" },
        "./define": { "types": "./define.d.ts", "default": "./define.js" },
        "./project": { "types": "./project.d.ts", "default": "./project.js" },
        "./vue": { "types": "./vue.d.ts", "default": format!("./{TYPES_ONLY_JS}") },
        "./partner-roi_bg.wasm": "./partner-roi_bg.wasm",
        "./custom-elements.json": "./custom-elements.json",
        "./package.json": "./package.json",
    });
    for (entry, _) in JSX_ENTRIES {
        exports[format!("./{entry}")] = json!({
            "types": format!("./{entry}.d.ts"),
            "default": format!("./{TYPES_ONLY_JS}"),
        });
    }
    json!({
        "name": partner_roi::names::TAG,
        "version": partner_roi::VERSION,
        "description": "Partner ROI calculator web component: for each tier of a partner program, a prospect's projected revenue, costs, profit, ROI, NPV and payback. Rust and WebAssembly, exact decimals, no server.",
        "license": "MIT",
        "type": "module",
        "main": "./index.js",
        "module": "./index.js",
        "types": "./index.d.ts",
        "exports": exports,
        "sideEffects": ["./index.js", "./define.js"],
        "customElements": "custom-elements.json",
        "web-types": "./web-types.json",
        "keywords": ["web-component", "custom-element", "partner-program", "roi-calculator", "webassembly"],
    })
}

fn write(file: &str, text: &str) -> Result {
    let path = format!("{NPM_DIR}/{file}");
    fs::write(&path, text).map_err(|e| format!("cannot write {path}: {e}"))
}

fn write_json(file: &str, value: &Value) -> Result {
    let text = serde_json::to_string_pretty(value).map_err(|e| format!("{file}: {e}"))?;
    write(file, &(text + "\n"))
}
