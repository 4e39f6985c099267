//! Compiles the widget's stylesheet for `src/ui/styles.rs`: `styles/*.css` joined and
//! stripped of comments and indentation (`styles/minify.rs`; BENCHMARKS.md has the effect);
//! and the message catalogues `src/i18n/*.txt` into `Msg` and `CATALOGUES` for
//! `src/i18n.rs` (`src/i18n/codegen.rs`).

#[path = "src/i18n/codegen.rs"]
mod codegen;
#[path = "styles/minify.rs"]
mod minify;

use std::path::Path;
use std::{env, fs};

/// The stylesheets, in cascade order.
const STYLESHEETS: [&str; 3] = ["styles/widget.css", "styles/charts.css", "styles/sales.css"];

/// The catalogues, English first: (language tag, file).
const CATALOGUES: [(&str, &str); 7] = [
    ("en", "src/i18n/en.txt"),
    ("de", "src/i18n/de.txt"),
    ("fr", "src/i18n/fr.txt"),
    ("es", "src/i18n/es.txt"),
    ("pt-BR", "src/i18n/pt-BR.txt"),
    ("ja", "src/i18n/ja.txt"),
    ("ar", "src/i18n/ar.txt"),
];

fn main() -> Result<(), String> {
    let out = env::var("OUT_DIR").map_err(|e| format!("OUT_DIR: {e}"))?;
    messages(Path::new(&out))?;
    styles(Path::new(&out))
}

/// `OUT_DIR/messages.rs` from the catalogues.
fn messages(out: &Path) -> Result<(), String> {
    println!("cargo::rerun-if-changed=src/i18n/codegen.rs");
    let mut catalogues = Vec::new();
    for (tag, file) in CATALOGUES {
        println!("cargo::rerun-if-changed={file}");
        let text = fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))?;
        catalogues.push((tag.to_owned(), codegen::parse_catalogue(file, &text)?));
    }
    let path = out.join("messages.rs");
    fs::write(&path, codegen::generate(&catalogues)?)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
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
