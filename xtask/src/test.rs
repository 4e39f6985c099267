//! `cargo xtask test`: every check and test, in order, stopping at the first failure.

use crate::cmd::{self, Result};
use crate::dist;
use crate::flags;
use crate::frameworks;
use crate::layers;
use crate::size;
use crate::tools::{self, CHROMEDRIVER, WASM_TARGET};
use std::path::{Path, PathBuf};
use std::process::Command;

enum Step {
    /// A cargo command line (split on whitespace).
    Cargo(&'static str),
    /// Rust code; `Ok(Some(reason))` means the step was skipped.
    Code(&'static str, fn() -> Result<Option<&'static str>>),
}

const STEPS: &[Step] = &[
    Step::Code("ensure tools", || tools::ensure_all().map(|()| None)),
    Step::Cargo("fmt --all -- --check"),
    Step::Cargo("clippy --workspace --all-targets -- -D warnings"),
    Step::Cargo(
        "clippy -p partner-roi --lib --bins --tests --target wasm32-unknown-unknown -- -D warnings",
    ),
    Step::Code("layers: no web crate in the plain crates", || {
        layers::check().map(|()| None)
    }),
    Step::Cargo("test --workspace"),
    // The fuzz targets are their own workspace (nightly to run): built here so that they
    // cannot rot unnoticed.
    Step::Cargo("check --locked --manifest-path fuzz/Cargo.toml --target-dir target/fuzz --bins"),
    Step::Code("component tests in headless Chromium", component_tests),
    Step::Code("cargo xtask dist", || dist::dist().map(|()| None)),
    Step::Code("dist/ sizes within size-budget.json", || {
        size::check().map(|()| None)
    }),
    Step::Code(
        "framework examples: npm pack, install, type-check, build",
        || frameworks::build_examples().map(|()| None),
    ),
    Step::Code("test-only panic bundle (target/panic-test)", || {
        dist::panic_test_bundle().map(|()| None)
    }),
    Step::Code("Playwright end-to-end tests", || {
        cmd::run(tools::E2E.command("npx").args(["playwright", "test"])).map(|()| None)
    }),
];

impl flags::Test {
    pub fn run(self) -> Result {
        test()
    }
}

fn test() -> Result {
    let (mut passed, mut skipped) = (0, 0);
    for (index, step) in STEPS.iter().enumerate() {
        let name = match step {
            Step::Cargo(args) => format!("cargo {args}"),
            Step::Code(name, _) => name.to_string(),
        };
        println!("\n==> [{}/{}] {name}", index + 1, STEPS.len());
        let result = match step {
            Step::Cargo(args) => {
                cmd::run(Command::new("cargo").args(args.split_whitespace())).map(|()| None)
            }
            Step::Code(_, code) => code(),
        };
        match result {
            Ok(None) => passed += 1,
            Ok(Some(reason)) => {
                println!("skipped: {reason}");
                skipped += 1;
            }
            Err(message) => {
                println!("\nFAILED: {name}: {message}");
                println!("{passed} passed, 1 failed");
                return Err(format!("step `{name}` failed"));
            }
        }
    }
    println!();
    if skipped > 0 {
        println!("({skipped} step skipped)");
    }
    println!("{passed} passed, 0 failed");
    Ok(())
}

/// The component tests' file, from the repository root.
const COMPONENT_TESTS: &str = "tests/components.rs";

/// `path` under `root`, or an error when it is no file: a moved test file must stop
/// `cargo xtask test`, not skip its tests.
fn require_file(root: &Path, path: &str) -> Result<PathBuf> {
    let file = root.join(path);
    if file.is_file() {
        Ok(file)
    } else {
        Err(format!("{} does not exist", file.display()))
    }
}

fn component_tests() -> Result<Option<&'static str>> {
    require_file(&cmd::repo_root(), COMPONENT_TESTS)?;
    cmd::run(
        Command::new("cargo")
            .args(["test", "-p", "partner-roi", "--target", WASM_TARGET])
            .args(["--test", "components"])
            .env("CHROMEDRIVER", CHROMEDRIVER)
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            ),
    )?;
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_component_tests_file_is_where_the_step_looks() {
        let file = require_file(&cmd::repo_root(), COMPONENT_TESTS);
        assert!(file.is_ok(), "{file:?}");
    }

    #[test]
    fn a_missing_file_is_an_error() {
        let missing = require_file(&cmd::repo_root(), "tests/no-such-file.rs");
        assert!(
            missing.is_err_and(|message| message.ends_with("tests/no-such-file.rs does not exist"))
        );
    }
}
