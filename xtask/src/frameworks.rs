//! The framework examples of `examples/frameworks/` (React 19 and Vue 3, each with Vite and
//! TypeScript; Next.js 16 with the App Router; SvelteKit 2 with Svelte 5; Astro 5; Angular
//! 20), built against the npm package as a user gets it: `npm pack` of `dist/npm/`,
//! checked by publint and arethetypeswrong, installed over the examples' locked
//! dependencies, then type-checked with `strict` (and Vue's `strictTemplates`) and built.
//! `tests/e2e/frameworks.spec.js` drives the builds.

use crate::cmd::{self, Result};
use crate::npm_package::NPM_DIR;
use crate::tools::E2E;
use std::fs;
use std::path::Path;
use std::process::Command;

/// The examples, each an npm project with `check` and `build` scripts.
pub const EXAMPLES: [&str; 6] = [
    "examples/frameworks/react",
    "examples/frameworks/vue",
    "examples/frameworks/next",
    "examples/frameworks/sveltekit",
    "examples/frameworks/astro",
    "examples/frameworks/angular",
];
/// Where `npm pack` writes the package's tarball.
const PACK_DIR: &str = "target/npm-pack";

/// Packs the package, then installs, checks and builds every example.
pub fn build_examples() -> Result {
    if Path::new(PACK_DIR).exists() {
        fs::remove_dir_all(PACK_DIR).map_err(|e| format!("cannot clear {PACK_DIR}: {e}"))?;
    }
    fs::create_dir_all(PACK_DIR).map_err(|e| format!("cannot create {PACK_DIR}: {e}"))?;
    cmd::run(
        Command::new("npm")
            .args(["pack", "--pack-destination"])
            .arg(Path::new("..").join("..").join(PACK_DIR))
            .current_dir(NPM_DIR),
    )?;
    let tarball = fs::read_dir(PACK_DIR)
        .map_err(|e| format!("cannot list {PACK_DIR}: {e}"))?
        .flatten()
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|ext| ext == "tgz"))
        .ok_or_else(|| format!("npm pack wrote no tarball into {PACK_DIR}"))?;
    let tarball = fs::canonicalize(&tarball).map_err(|e| format!("{}: {e}", tarball.display()))?;
    check_package(&tarball)?;
    for example in EXAMPLES {
        println!("frameworks: {example}");
        let npm = |args: &[&str]| {
            let mut command = Command::new("npm");
            command
                .args(args)
                .current_dir(example)
                // The frameworks' CLIs send nothing anywhere, and ask nothing.
                .env("NEXT_TELEMETRY_DISABLED", "1")
                .env("ASTRO_TELEMETRY_DISABLED", "1")
                .env("NG_CLI_ANALYTICS", "false");
            command
        };
        // The locked dependencies, then the package from its tarball, as a user installs it.
        cmd::run(&mut npm(&["ci", "--no-audit", "--no-fund"]))?;
        cmd::run(npm(&["install", "--no-save", "--no-audit", "--no-fund"]).arg(&tarball))?;
        cmd::run(&mut npm(&["run", "check"]))?;
        cmd::run(&mut npm(&["run", "build"]))?;
    }
    Ok(())
}

/// The ecosystem's checks of the tarball a user installs: publint, with warnings as errors
/// and nothing to suggest, and arethetypeswrong for an ES-module-only package (the wasm is a
/// file to fetch, not a module to type).
fn check_package(tarball: &Path) -> Result {
    let mut publint = E2E.command("npx");
    publint.args(["publint", "run", "--strict"]).arg(tarball);
    println!("$ {}", cmd::describe(&publint));
    let output = publint
        .output()
        .map_err(|e| format!("cannot run publint: {e}"))?;
    let said = String::from_utf8_lossy(&output.stdout);
    print!("{said}");
    if !output.status.success() || !said.contains("All good!") {
        return Err(format!("publint found problems in {}", tarball.display()));
    }
    // The tarball first: `--exclude-entrypoints` takes every word after it.
    cmd::run(
        E2E.command("npx")
            .arg("attw")
            .arg(tarball)
            .args(["--profile", "esm-only", "--format", "ascii"])
            .args(["--exclude-entrypoints", "./partner-roi_bg.wasm"]),
    )
}
