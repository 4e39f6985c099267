//! Compiles the message catalogues `catalogues/*.txt` into `Msg` and `CATALOGUES` for
//! `src/lib.rs` (`src/codegen.rs`).

#[path = "src/codegen.rs"]
mod codegen;

use std::path::Path;
use std::{env, fs};

/// The catalogues, English first: (language tag, file).
const CATALOGUES: [(&str, &str); 7] = [
    ("en", "catalogues/en.txt"),
    ("de", "catalogues/de.txt"),
    ("fr", "catalogues/fr.txt"),
    ("es", "catalogues/es.txt"),
    ("pt-BR", "catalogues/pt-BR.txt"),
    ("ja", "catalogues/ja.txt"),
    ("ar", "catalogues/ar.txt"),
];

fn main() -> Result<(), String> {
    let out = env::var("OUT_DIR").map_err(|e| format!("OUT_DIR: {e}"))?;
    println!("cargo::rerun-if-changed=src/codegen.rs");
    let mut catalogues = Vec::new();
    for (tag, file) in CATALOGUES {
        println!("cargo::rerun-if-changed={file}");
        let text = fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))?;
        catalogues.push((tag.to_owned(), codegen::parse_catalogue(file, &text)?));
    }
    let path = Path::new(&out).join("messages.rs");
    fs::write(&path, codegen::generate(&catalogues)?)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}
