//! Turns the wasm-bindgen glue (an ES module with one module-wide wasm instance) into
//! `function partnerRoiGlue() { … }`: every call returns a fresh copy of the glue, so that
//! `src/embed/element.js` can give each widget a wasm instance of its own and retire one
//! after a panic without touching the others.
//!
//! The glue finds its wasm through `import.meta.url`, which only a module may name. In the
//! classic script that one use becomes [`SCRIPT_URL`], which `element.js` sets, so the bundle
//! also runs as a classic script (which defines the element before the page below it is
//! parsed); in the npm package's module it stays, as `new URL('./partner-roi_bg.wasm',
//! import.meta.url)`, the form bundlers (Vite, webpack, esbuild) follow to the wasm.
//!
//! The glue's shape is checked, not assumed: an `export` or `import` this does not know,
//! a missing instance variable or an `import.meta` other than the one expected is an error
//! naming the line (a new wasm-bindgen version must be looked at, not silently mis-wrapped).

use crate::cmd::Result;

/// The glue's module-wide instance variables, which `compiledModule` and `retire` use.
const INSTANCE_VARIABLES: &str = "let wasmModule, wasmInstance, wasm;";
/// The glue's last line: its init functions.
const INIT_EXPORTS: &str = "export { initSync, __wbg_init as default };";
/// Where the glue finds its wasm by default, as wasm-bindgen writes it.
const WASM_URL: &str = "new URL('partner-roi_bg.wasm', import.meta.url)";
/// The URL of the running `partner-roi.js`, defined by `src/embed/element.js`.
pub const SCRIPT_URL: &str = "PARTNER_ROI_SCRIPT_URL";
/// Where the npm package's module finds its wasm: beside itself, in the form bundlers follow.
const MODULE_WASM_URL: &str = "new URL('./partner-roi_bg.wasm', import.meta.url)";

/// What the glue's wasm URL is relative to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum WasmBase {
    /// The classic script's own URL ([`SCRIPT_URL`]).
    Script,
    /// The module's `import.meta.url` (the npm package).
    Module,
}

/// The glue as a factory function named `partnerRoiGlue`.
///
/// Each copy returns its exported classes and functions plus `init` (async, fetches the
/// wasm), `initSync({module})`, `compiledModule()` and `retire()` (after which every call
/// into the copy throws instead of running Rust code in an aborted instance).
pub fn glue_factory(glue: &str, base: WasmBase) -> Result<String> {
    if !glue.lines().any(|line| line.trim() == INSTANCE_VARIABLES) {
        return Err(format!(
            "the wasm-bindgen glue lacks `{INSTANCE_VARIABLES}`: its shape changed"
        ));
    }
    let mut body = String::with_capacity(glue.len() + 512);
    let mut exported = Vec::new();
    let mut saw_init_exports = false;
    let mut wasm_urls = 0;
    for (number, line) in glue.lines().enumerate() {
        if line.trim() == INIT_EXPORTS {
            saw_init_exports = true;
            continue;
        }
        let line = if line.contains(WASM_URL) {
            wasm_urls += 1;
            match base {
                WasmBase::Script => line.replace("import.meta.url", SCRIPT_URL),
                WasmBase::Module => line.replace(WASM_URL, MODULE_WASM_URL),
            }
        } else {
            line.to_owned()
        };
        let line = line.as_str();
        if line.contains("import.meta") && !line.contains(MODULE_WASM_URL) {
            return Err(format!(
                "glue line {}: an unexpected import.meta: {line}",
                number + 1
            ));
        }
        if line.starts_with("import ") {
            return Err(format!(
                "glue line {}: imports are not supported: {line}",
                number + 1
            ));
        }
        let Some(declaration) = line.strip_prefix("export ") else {
            body.push_str(line);
            body.push('\n');
            continue;
        };
        let name = ["class ", "function ", "async function "]
            .iter()
            .find_map(|keyword| declaration.strip_prefix(keyword))
            .map(|rest| {
                rest.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                    .next()
                    .unwrap_or_default()
            })
            .filter(|name| !name.is_empty())
            .ok_or_else(|| format!("glue line {}: unexpected export: {line}", number + 1))?;
        exported.push(name.to_owned());
        body.push_str(declaration);
        body.push('\n');
    }
    if !saw_init_exports {
        return Err(format!("the wasm-bindgen glue lacks `{INIT_EXPORTS}`"));
    }
    if wasm_urls != 1 {
        return Err(format!(
            "the wasm-bindgen glue has `{WASM_URL}` {wasm_urls} times, not once"
        ));
    }
    Ok(format!(
        "function partnerRoiGlue() {{\n{body}\
         const retired = new Proxy({{}}, {{ get() {{ throw new Error('partner-roi: this widget instance was retired after a panic'); }} }});\n\
         return {{ init: __wbg_init, initSync, compiledModule: () => wasmModule, retire() {{ wasm = retired; }}, {} }};\n\
         }}\n",
        exported.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "\
/** A widget. */
export class WidgetElement {
}
export function projectForHost(program, inputs) {
    return wasm.projectForHost(program, inputs);
}
let wasmModule, wasmInstance, wasm;
async function __wbg_init(module_or_path) {
    module_or_path = new URL('partner-roi_bg.wasm', import.meta.url);
}
function initSync(module) {}
export { initSync, __wbg_init as default };
";

    #[test]
    fn wraps_the_glue_and_returns_every_export() {
        let factory = glue_factory(GLUE, WasmBase::Script).unwrap();
        assert!(factory
            .starts_with("function partnerRoiGlue() {\n/** A widget. */\nclass WidgetElement {"));
        assert!(factory.contains("\nfunction projectForHost(program, inputs) {"));
        assert!(!factory.contains("export "));
        assert!(!factory.contains("import.meta"));
        assert!(factory.contains("new URL('partner-roi_bg.wasm', PARTNER_ROI_SCRIPT_URL)"));
        assert!(factory.contains(
            "return { init: __wbg_init, initSync, compiledModule: () => wasmModule, retire() { wasm = retired; }, WidgetElement, projectForHost };"
        ));
        assert!(factory.trim_end().ends_with('}'));
        let module = glue_factory(GLUE, WasmBase::Module).unwrap();
        assert!(
            module.contains("module_or_path = new URL('./partner-roi_bg.wasm', import.meta.url);")
        );
    }

    #[test]
    fn refuses_glue_of_another_shape() {
        let unknown_export = GLUE.replace(
            "export function",
            "export const projectForHost = 1;\nexport function",
        );
        assert!(glue_factory(&unknown_export, WasmBase::Script)
            .unwrap_err()
            .contains("unexpected export"));
        let import = format!("import {{ x }} from './snippets/x.js';\n{GLUE}");
        assert!(glue_factory(&import, WasmBase::Script)
            .unwrap_err()
            .contains("imports are not supported"));
        let no_instance = GLUE.replace(INSTANCE_VARIABLES, "let wasm;");
        assert!(glue_factory(&no_instance, WasmBase::Script)
            .unwrap_err()
            .contains("shape changed"));
        let no_init = GLUE.replace(INIT_EXPORTS, "");
        assert!(glue_factory(&no_init, WasmBase::Script)
            .unwrap_err()
            .contains("lacks"));
        let no_wasm_url = GLUE.replace(WASM_URL, "'partner-roi_bg.wasm'");
        assert!(glue_factory(&no_wasm_url, WasmBase::Script)
            .unwrap_err()
            .contains("0 times, not once"));
        let other_meta = GLUE.replace(
            "function initSync(module) {}",
            "const here = import.meta.resolve('x');",
        );
        assert!(glue_factory(&other_meta, WasmBase::Script)
            .unwrap_err()
            .contains("an unexpected import.meta"));
    }
}
