//! Compiles the widget's stylesheet for `src/ui/styles.rs`: `styles/*.css` joined and
//! stripped of comments and indentation (`styles/minify.rs`; BENCHMARKS.md has the effect).
//! The message catalogues are compiled by `crates/i18n/build.rs`.

#[path = "styles/minify.rs"]
mod minify;

use std::path::Path;
use std::{env, fs};

/// The stylesheets, in cascade order.
const STYLESHEETS: [&str; 3] = ["styles/widget.css", "styles/charts.css", "styles/sales.css"];

fn main() -> Result<(), String> {
    let out = env::var("OUT_DIR").map_err(|e| format!("OUT_DIR: {e}"))?;
    styles(Path::new(&out))
}

/// `OUT_DIR/widget.css` from the stylesheets.
fn styles(out: &Path) -> Result<(), String> {
    println!("cargo::rerun-if-changed=styles/minify.rs");
    let mut css = String::new();
    for sheet in STYLESHEETS {
        println!("cargo::rerun-if-changed={sheet}");
        css += &fs::read_to_string(sheet).map_err(|e| format!("cannot read {sheet}: {e}"))?;
        css.push('\n');
    }
    let css = minify::minify_css(&css).map_err(|e| format!("styles/*.css: {e}"))?;
    let path = out.join("widget.css");
    fs::write(&path, css).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
