//! Compiles the message catalogues `catalogues/*.txt` and the built-in program's texts
//! `builtin_program/*.json` into `Msg`, `TAGS`, `ENGLISH` and `BUNDLED` for `src/lib.rs`
//! (`src/codegen.rs`).

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
        let builtin_program = match tag {
            "en" => String::new(),
            _ => {
                let path = format!("builtin_program/{tag}.json");
                println!("cargo::rerun-if-changed={path}");
                fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?
            }
        };
        let messages = codegen::parse_catalogue(file, &text)?;
        catalogues.push(codegen::Catalogue {
            tag: tag.to_owned(),
            messages,
            builtin_program,
        });
    }
    let path = Path::new(&out).join("messages.rs");
    fs::write(&path, codegen::generate(&catalogues)?)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}
