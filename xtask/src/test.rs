//! `cargo xtask test`: every check and test, in order, stopping at the first failure.

use crate::cmd::{self, Result};
use crate::dist;
use crate::flags;
use crate::frameworks;
use crate::layers;
use crate::size;
use crate::tools::{self, CHROMEDRIVER, WASM_TARGET};
use std::process::Command;

enum Step {
    /// A cargo command line (split on whitespace).
    Cargo(&'static str),
    /// Rust code.
    Code(&'static str, fn() -> Result),
}

const STEPS: &[Step] = &[
    Step::Code("ensure tools", tools::ensure_all),
    Step::Cargo("fmt --all -- --check"),
    Step::Cargo("clippy --workspace --all-targets -- -D warnings"),
    Step::Cargo(
        "clippy -p partner-roi --lib --bins --tests --target wasm32-unknown-unknown -- -D warnings",
    ),
    Step::Code("layers: no web crate in the plain crates", layers::check),
    Step::Cargo("test --workspace"),
    // The fuzz targets are their own workspace (nightly to run): built here so that they
    // cannot rot unnoticed.
    Step::Cargo("check --locked --manifest-path fuzz/Cargo.toml --target-dir target/fuzz --bins"),
    Step::Code("component tests in headless Chromium", component_tests),
    Step::Code("cargo xtask dist", dist::dist),
    Step::Code("dist/ sizes within size-budget.json", size::check),
    Step::Code(
        "framework examples: npm pack, install, type-check, build",
        frameworks::build_examples,
    ),
    Step::Code(
        "test-only panic bundle (target/panic-test)",
        dist::panic_test_bundle,
    ),
    Step::Code("Playwright end-to-end tests", || {
        cmd::run(tools::E2E.command("npx").args(["playwright", "test"]))
    }),
    Step::Code("the WordPress plugin on Debian's WordPress", || {
        let config = ["playwright", "test", "-c", "wordpress.config.js"];
        cmd::run(tools::E2E.command("npx").args(config))
    }),
];

impl flags::Test {
    pub fn run(self) -> Result {
        test()
    }
}

fn test() -> Result {
    for (index, step) in STEPS.iter().enumerate() {
        let name = match step {
            Step::Cargo(args) => format!("cargo {args}"),
            Step::Code(name, _) => name.to_string(),
        };
        println!("\n==> [{}/{}] {name}", index + 1, STEPS.len());
        let result = match step {
            Step::Cargo(args) => cmd::run(Command::new("cargo").args(args.split_whitespace())),
            Step::Code(_, code) => code(),
        };
        if let Err(message) = result {
            println!("\nFAILED: {name}: {message}\n{index} passed, 1 failed");
            return Err(format!("step `{name}` failed"));
        }
    }
    println!("\n{} passed, 0 failed", STEPS.len());
    Ok(())
}

/// `--test components` fails when the file is missing: a moved file stops the step.
fn component_tests() -> Result {
    cmd::run(
        Command::new("cargo")
            .args(["test", "-p", "partner-roi", "--target", WASM_TARGET])
            .args(["--test", "components"])
            .env("CHROMEDRIVER", CHROMEDRIVER)
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            ),
    )
}
