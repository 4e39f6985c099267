//! `dist/hashed/`: the embed bundle for a CDN, with content-hashed names. `partner-roi.js`
//! keeps its name (the page names it: serve it with a short cache) and finds beside it
//! `partner-roi_bg.<hash>.wasm` and `partner-roi.<tag>.<hash>.json`, whose contents never
//! change under their names (`Cache-Control: immutable`). One hash, of the wasm and every
//! language file, names them all.

use crate::cmd::Result;
use std::fs;
use std::hash::{DefaultHasher, Hasher};

/// Where the hashed bundle goes, under dist/.
pub const HASHED_DIR: &str = "hashed";
/// The wasm's URL in the minified script, as the glue writes it.
const WASM_LITERAL: &str = "\"partner-roi_bg.wasm\",";
/// The language files' name pattern in the minified script (`names::LANGUAGE_FILE`).
const LANGUAGE_LITERAL: &str = "\"partner-roi.{tag}.json\"";

/// Writes `dist/hashed/` from `dist`'s `partner-roi.js`, wasm and `language_files`.
pub fn write_hashed_bundle(dist: &str, language_files: &[String]) -> Result {
    let read = |name: &str| {
        let path = format!("{dist}/{name}");
        fs::read(&path).map_err(|e| format!("cannot read {path}: {e}"))
    };
    let script = String::from_utf8(read("partner-roi.js")?).map_err(|e| e.to_string())?;
    let wasm = read("partner-roi_bg.wasm")?;
    let mut files = vec![("partner-roi_bg.wasm".to_owned(), wasm)];
    for name in language_files {
        files.push((name.clone(), read(name)?));
    }
    let hash = content_hash(files.iter().map(|(_, bytes)| bytes.as_slice()));
    let out = format!("{dist}/{HASHED_DIR}");
    fs::create_dir_all(&out).map_err(|e| format!("cannot create {out}: {e}"))?;
    let write = |name: &str, bytes: &[u8]| {
        let path = format!("{out}/{name}");
        fs::write(&path, bytes).map_err(|e| format!("cannot write {path}: {e}"))
    };
    write("partner-roi.js", hashed_script(&script, &hash)?.as_bytes())?;
    for (name, bytes) in &files {
        write(&hashed_name(name, &hash), bytes)?;
    }
    Ok(())
}

/// 16 hex digits of a hash of `contents`, in order.
fn content_hash<'a>(contents: impl Iterator<Item = &'a [u8]>) -> String {
    let mut hasher = DefaultHasher::new();
    for bytes in contents {
        hasher.write(bytes);
        hasher.write_usize(bytes.len());
    }
    format!("{:016x}", hasher.finish())
}

/// `name` with `hash` before its extension: `partner-roi.de.json` → `partner-roi.de.<hash>.json`.
fn hashed_name(name: &str, hash: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, extension)) => format!("{stem}.{hash}.{extension}"),
        None => format!("{name}.{hash}"),
    }
}

/// The minified script with the hashed names of the wasm and of the language files; an
/// error when either name is not there exactly once (the script's shape changed).
fn hashed_script(script: &str, hash: &str) -> Result<String> {
    let mut script = script.to_owned();
    for (literal, name) in [
        (WASM_LITERAL, "partner-roi_bg.wasm"),
        (LANGUAGE_LITERAL, "partner-roi.{tag}.json"),
    ] {
        if script.matches(literal).count() != 1 {
            return Err(format!("partner-roi.js has {literal} other than once"));
        }
        let hashed = literal.replace(name, &hashed_name(name, hash));
        script = script.replace(literal, &hashed);
    }
    Ok(script)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_names_the_hashed_files_and_nothing_else_changes() {
        let script = r#"e=new URL("partner-roi_bg.wasm",o);t="Its code (partner-roi_bg.wasm) did not arrive";l={languageFile:"partner-roi.{tag}.json"}"#;
        assert_eq!(
            hashed_script(script, "00ff").as_deref(),
            Ok(
                r#"e=new URL("partner-roi_bg.00ff.wasm",o);t="Its code (partner-roi_bg.wasm) did not arrive";l={languageFile:"partner-roi.{tag}.00ff.json"}"#
            )
        );
        assert!(hashed_script("no names here", "00ff").is_err());
        assert_eq!(
            hashed_name("partner-roi.pt-BR.json", "ab"),
            "partner-roi.pt-BR.ab.json"
        );
    }

    #[test]
    fn the_hash_changes_with_any_file() {
        let one = content_hash([b"wasm".as_slice(), b"de".as_slice()].into_iter());
        let other = content_hash([b"wasm".as_slice(), b"dE".as_slice()].into_iter());
        assert_eq!(one.len(), 16);
        assert_ne!(one, other);
    }
}
