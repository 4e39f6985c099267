//! `dist/npm/`: the npm package, ready for `npm publish` (not published).
//!
//! - `core.js`: the glue and the element code as an ES module that does nothing at import
//!   (`script::Script::as_module`); its wasm is `new URL('./partner-roi_bg.wasm',
//!   import.meta.url)`, which bundlers follow, or wherever `PartnerRoi.configure` says.
//! - the entries, from `src/embed/npm/`: `index.js` (`.`: defines the element, exports the
//!   API), `react.js` (`./react`: the element as a React component), `define.js` (`./define`: only the definition), `project.js` (`./project`: the
//!   headless API, defining nothing), and under Node (the `node` condition) `index.node.js`
//!   and `project.node.js`, which read the wasm from disk (`wasm-file.js`);
//! - types, the Custom Elements Manifest, VS Code custom data and web-types (from
//!   `crates/element-api`), the README, and `package.json` with the crate's version.

use crate::cmd::Result;
use crate::language_files::write_language_modules;
use crate::minify_js::{minify_js, JsKind};
use crate::script::Script;
use partner_roi::i18n::Language;
use partner_roi_element_api::manifests::{custom_elements_manifest, vscode_custom_data, web_types};
use partner_roi_element_api::types_ts::{
    declarations, global_declarations, jsx_declarations, svelte_declarations, vue_declarations,
};
use partner_roi_element_api::ElementDocs;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fs;

/// Where the package is written.
pub const NPM_DIR: &str = "dist/npm";
const ENTRIES_DIR: &str = "src/embed/npm";
const ENTRIES: [&str; 8] = [
    "index.js",
    "react.js",
    "define.js",
    "project.js",
    "index.node.js",
    "project.node.js",
    "wasm-file.js",
    "README.md",
];
/// The JSX entries: the JSX namespaces of frameworks (types only, but for React's
/// component, `react.js`), and Vue's components.
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
    let languages: Vec<&str> = Language::all().skip(1).map(Language::tag).collect();
    write(
        "core.js",
        &minify_js(&script.as_module(&languages), JsKind::Module)?,
    )?;
    for entry in ENTRIES {
        let from = format!("{ENTRIES_DIR}/{entry}");
        let text = fs::read_to_string(&from).map_err(|e| format!("cannot read {from}: {e}"))?;
        write(entry, &text)?;
    }
    fs::copy(wasm, format!("{NPM_DIR}/partner-roi_bg.wasm"))
        .map_err(|e| format!("cannot copy {wasm}: {e}"))?;
    write_language_modules(&format!("{NPM_DIR}/languages"))?;
    write(
        TYPES_ONLY_JS,
        "// Types only: see the matching .d.ts.\nexport {};\n",
    )?;

    let docs = ElementDocs::read()?;
    write("partner-roi.d.ts", &declarations(&docs))?;
    write("global.d.ts", &global_declarations())?;
    write(
        "index.d.ts",
        "import './global.js';\nexport { PartnerRoi, defineElement } from './partner-roi.js';\nexport type * from './partner-roi.js';\n",
    )?;
    write(
        "define.d.ts",
        "// Defines <partner-roi> and the PartnerRoi global (see partner-roi.d.ts).\nimport './global.js';\nexport type * from './partner-roi.js';\n",
    )?;
    write(
        "project.d.ts",
        "export { PartnerRoi } from './partner-roi.js';\nexport type * from './partner-roi.js';\n",
    )?;
    for (entry, module) in JSX_ENTRIES {
        write(&format!("{entry}.d.ts"), &jsx_declarations(&docs, module))?;
    }
    write("vue.d.ts", &vue_declarations(&docs))?;
    write("svelte.d.ts", &svelte_declarations(&docs))?;
    write_json("custom-elements.json", &custom_elements_manifest(&docs))?;
    write_json("html-custom-data.json", &vscode_custom_data(&docs))?;
    write_json("web-types.json", &web_types(&docs, partner_roi::VERSION))?;
    write_json("package.json", &package_json())?;
    fs::copy("LICENSE", format!("{NPM_DIR}/LICENSE"))
        .map_err(|e| format!("cannot copy LICENSE: {e}"))?;
    Ok(())
}

/// An export's targets, `types` first: conditions are tried in the order written.
#[derive(Serialize)]
struct Conditions {
    types: String,
    /// Under Node: the entry that reads the wasm from disk.
    #[serde(skip_serializing_if = "Option::is_none")]
    node: Option<String>,
    default: String,
}

impl Conditions {
    fn new(types: &str, default: &str) -> Self {
        Self {
            types: format!("./{types}"),
            node: None,
            default: format!("./{default}"),
        }
    }
}

/// One subpath of `exports`: a file, or conditions.
#[derive(Serialize)]
#[serde(untagged)]
enum Export {
    File(String),
    Conditions(Conditions),
}

#[derive(Serialize)]
struct Optional {
    optional: bool,
}

#[derive(Serialize)]
struct Link {
    url: String,
}

#[derive(Serialize)]
struct Repository {
    r#type: &'static str,
    url: String,
}

/// `package.json`, its fields in the order npm and readers expect (serde writes a struct's
/// fields in order; a `serde_json::Value` would sort them).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PackageJson {
    name: &'static str,
    version: &'static str,
    description: &'static str,
    license: &'static str,
    repository: Repository,
    homepage: String,
    bugs: Link,
    engines: BTreeMap<&'static str, &'static str>,
    r#type: &'static str,
    main: &'static str,
    types: &'static str,
    exports: BTreeMap<String, Export>,
    files: Vec<String>,
    /// React, for `partner-roi/react` only.
    peer_dependencies: BTreeMap<&'static str, &'static str>,
    peer_dependencies_meta: BTreeMap<&'static str, Optional>,
    side_effects: [&'static str; 5],
    custom_elements: &'static str,
    #[serde(rename = "web-types")]
    web_types: &'static str,
    keywords: [&'static str; 5],
}

/// The files `npm pack` takes: every one this module writes, so that nothing stray in the
/// folder is published.
fn package_files() -> Vec<String> {
    let mut files: Vec<String> = [
        "core.js",
        TYPES_ONLY_JS,
        "partner-roi_bg.wasm",
        "languages",
        "LICENSE",
    ]
    .into_iter()
    .chain(ENTRIES)
    .map(str::to_owned)
    .collect();
    files.extend(
        [
            "partner-roi",
            "global",
            "index",
            "define",
            "project",
            "vue",
            "svelte",
        ]
        .into_iter()
        .chain(JSX_ENTRIES.map(|(entry, _)| entry))
        .map(|entry| format!("{entry}.d.ts")),
    );
    files.extend(
        [
            "custom-elements.json",
            "html-custom-data.json",
            "web-types.json",
        ]
        .map(str::to_owned),
    );
    files
}

/// `package.json`.
fn package_json() -> PackageJson {
    let mut exports = BTreeMap::new();
    for entry in ["index", "define", "project"] {
        let subpath = if entry == "index" {
            ".".to_owned()
        } else {
            format!("./{entry}")
        };
        let mut conditions = Conditions::new(&format!("{entry}.d.ts"), &format!("{entry}.js"));
        if entry != "define" {
            conditions.node = Some(format!("./{entry}.node.js"));
        }
        exports.insert(subpath, Export::Conditions(conditions));
    }
    for entry in JSX_ENTRIES
        .map(|(entry, _)| entry)
        .into_iter()
        .chain(["vue", "svelte"])
    {
        let code = if entry == "react" {
            "react.js"
        } else {
            TYPES_ONLY_JS
        };
        exports.insert(
            format!("./{entry}"),
            Export::Conditions(Conditions::new(&format!("{entry}.d.ts"), code)),
        );
    }
    for file in [
        "partner-roi_bg.wasm",
        "custom-elements.json",
        "package.json",
    ] {
        exports.insert(format!("./{file}"), Export::File(format!("./{file}")));
    }
    let repository = partner_roi::REPOSITORY;
    PackageJson {
        name: partner_roi::names::TAG,
        version: partner_roi::VERSION,
        description: "Partner ROI calculator web component: for each tier of a partner program, a prospect's projected revenue, costs, profit, ROI, NPV and payback. Rust and WebAssembly, exact decimals, no server.",
        license: partner_roi::LICENSE,
        repository: Repository {
            r#type: "git",
            url: format!("git+{repository}.git"),
        },
        homepage: format!("{repository}#readme"),
        bugs: Link {
            url: format!("{repository}/issues"),
        },
        engines: BTreeMap::from([("node", ">=18")]),
        r#type: "module",
        main: "./index.js",
        types: "./index.d.ts",
        exports,
        files: package_files(),
        peer_dependencies: BTreeMap::from([("react", ">=18")]),
        peer_dependencies_meta: BTreeMap::from([("react", Optional { optional: true })]),
        side_effects: [
            "./index.js",
            "./define.js",
            "./index.node.js",
            "./project.node.js",
            "./wasm-file.js",
        ],
        custom_elements: "custom-elements.json",
        web_types: "./web-types.json",
        keywords: ["web-component", "custom-element", "partner-program", "roi-calculator", "webassembly"],
    }
}

fn write(file: &str, text: &str) -> Result {
    let path = format!("{NPM_DIR}/{file}");
    fs::write(&path, text).map_err(|e| format!("cannot write {path}: {e}"))
}

fn write_json(file: &str, value: &impl Serialize) -> Result {
    let text = serde_json::to_string_pretty(value).map_err(|e| format!("{file}: {e}"))?;
    write(file, &(text + "\n"))
}
