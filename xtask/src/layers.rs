//! The layering that `Cargo.toml` enforces, checked: the plain-Rust crates (the engine, the
//! host layer, the words) depend on no web crate, on any target.

use crate::cmd::Result;
use std::process::Command;

/// The crates that must build and test natively, with no web types.
const PLAIN_CRATES: [&str; 3] = ["partner-roi-i18n", "partner-roi-engine", "partner-roi-host"];

/// The web crates, by name or name prefix (`gloo` covers `gloo-events`…).
const WEB_CRATES: [&str; 6] = ["wasm-bindgen", "web-sys", "js-sys", "yew", "gloo", "talc"];

/// Fails if a web crate is among the dependencies (normal and build, every target) of a
/// plain crate.
pub fn check() -> Result {
    let mut problems = Vec::new();
    for package in PLAIN_CRATES {
        let mut tree = Command::new("cargo");
        tree.args(["tree", "--package", package, "--edges", "normal,build"])
            .args(["--target", "all", "--prefix", "none", "--format", "{p}"]);
        let text = tree
            .output()
            .map_err(|e| format!("cannot run cargo tree: {e}"))
            .and_then(|output| {
                if output.status.success() {
                    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
                } else {
                    Err(format!(
                        "cargo tree --package {package} failed: {}",
                        String::from_utf8_lossy(&output.stderr)
                    ))
                }
            })?;
        problems.extend(
            web_crates_in(&text)
                .into_iter()
                .map(|web| format!("{package} depends on the web crate {web}")),
        );
    }
    if problems.is_empty() {
        println!("layers: {} depend on no web crate", PLAIN_CRATES.join(", "));
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// The web crates named in `cargo tree --prefix none --format {p}` output.
fn web_crates_in(tree: &str) -> Vec<String> {
    let mut found: Vec<String> = tree
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| {
            WEB_CRATES
                .iter()
                .any(|web| *name == *web || name.starts_with(&format!("{web}-")))
        })
        .map(str::to_owned)
        .collect();
    found.sort();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_web_crate_anywhere_in_the_tree_is_found_once() {
        let tree = "partner-roi-host v0.1.0 (/repo/crates/host)\n\
                    partner-roi-engine v0.1.0 (/repo/crates/engine)\n\
                    rust_decimal v1.43.0\n\
                    gloo-timers v0.3.0\n\
                    wasm-bindgen v0.2.130\n\
                    wasm-bindgen v0.2.130 (*)\n\
                    yewdux v0.1.0\n\
                    serde_json v1.0.140\n";
        assert_eq!(web_crates_in(tree), ["gloo-timers", "wasm-bindgen"]);
    }

    #[test]
    fn plain_crates_pass() {
        let tree = "partner-roi-engine v0.1.0 (/repo/crates/engine)\n\
                    partner-roi-i18n v0.1.0 (/repo/crates/i18n)\n\
                    serde v1.0.219\n";
        assert!(web_crates_in(tree).is_empty());
    }
}
