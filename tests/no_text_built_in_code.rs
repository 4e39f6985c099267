//! No visible or aria text is built by the code (issue 32): the widget's and the handout's
//! words, separators, arrows and "label: value" patterns come from the catalogues, and lists
//! from `Intl.ListFormat`. A review test over `src/ui/`: it fails on a `format!` whose
//! pattern, placeholders aside, holds a space or sentence punctuation, and on a `.join` or
//! `push_str` with such a text. A line that builds something else (an id, a CSS value, a
//! URL) says so with `// not text`.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

/// Characters that make a pattern read as text: a space, or punctuation of a sentence.
const TEXTUAL: [char; 9] = [' ', ',', ':', ';', '→', '←', '·', '…', '—'];

/// The string literal right after `start` in `line`, if any (no escapes needed here).
fn literal_after<'a>(line: &'a str, start: &str) -> Vec<&'a str> {
    line.match_indices(start)
        .filter_map(|(at, _)| {
            let rest = &line[at + start.len()..];
            let rest = rest.strip_prefix('"')?;
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

/// `pattern` without its `{…}` placeholders.
fn without_placeholders(pattern: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in pattern.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn is_textual(pattern: &str) -> bool {
    without_placeholders(pattern).contains(TEXTUAL)
}

/// The lines of `source` that build text, as `file:line: code`.
fn text_built(file: &str, source: &str) -> Vec<String> {
    let code_lines = source
        .lines()
        .take_while(|line| line.trim() != "#[cfg(test)]");
    code_lines
        .enumerate()
        .filter(|(_, line)| !line.trim_start().starts_with("//") && !line.contains("// not text"))
        .filter(|(_, line)| {
            ["format!(", ".join(", ".push_str("]
                .iter()
                .flat_map(|start| literal_after(line, start))
                .any(is_textual)
        })
        .map(|(index, line)| format!("{file}:{}: {}", index + 1, line.trim()))
        .collect()
}

fn rust_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for path in entries.map(|entry| entry.map(|entry| entry.path())) {
        let path = path.unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn the_ui_builds_no_text_of_its_own() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/ui"), &mut files);
    assert!(files.len() > 10, "src/ui has {} files", files.len());
    let built: Vec<String> = files
        .iter()
        .flat_map(|path| {
            let source =
                fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let file = path
                .strip_prefix(root)
                .unwrap_or(path)
                .display()
                .to_string();
            text_built(&file, &source)
        })
        .collect();
    assert_eq!(
        built,
        Vec::<String>::new(),
        "text built outside the catalogues"
    );
}

#[test]
fn the_review_finds_what_it_looks_for() {
    let source = r#"let a = format!("{} benefits", name);
let b = parts.join(", ");
let c = format!("{id}-help");
let d = format!("{}: {}", label, value);
let e = format!("translate({x}px, {y}px)"); // not text: a CSS value
// let f = format!("{} old", x);
lines.join("\n")
"#;
    assert_eq!(
        text_built("x.rs", source),
        [
            r#"x.rs:1: let a = format!("{} benefits", name);"#,
            r#"x.rs:2: let b = parts.join(", ");"#,
            r#"x.rs:4: let d = format!("{}: {}", label, value);"#,
        ]
    );
}
