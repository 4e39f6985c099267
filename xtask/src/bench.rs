//! `cargo xtask bench [--only PART]`: the speed figures, measured (not asserted; targets and
//! results in BENCHMARKS.md). Each part prints its own figures:
//!
//! 1. `engine`: `cargo bench --bench engine` (criterion; under target/criterion/);
//! 2. `browser`: dist/ in headless Chromium, `node bench/browser-bench.js` in tests/e2e
//!    (page load -> first results, keystroke -> updated results, memory, long frames);
//! 3. `lighthouse`: `node run.mjs` of the pinned npm project tests/e2e/bench/lighthouse/,
//!    which writes the landing pages of examples/pages/ with and without the widget under
//!    target/bench/lighthouse/site/, serves them with gzip and runs Lighthouse's mobile preset
//!    over them.
//!
//! Not part of `cargo xtask test`: timings depend on the machine and its load.

use crate::cmd::{self, probe, Result};
use crate::dist;
use crate::flags::{self, BenchPart};
use crate::tools::{self, NpmProject, CHROMIUM};
use std::path::Path;
use std::process::Command;

/// Lighthouse and its script, apart from tests/e2e so that `cargo xtask test` installs none
/// of it.
const LIGHTHOUSE: NpmProject = NpmProject {
    dir: "tests/e2e/bench/lighthouse",
    bins: &["lighthouse"],
};

impl flags::Bench {
    pub fn run(self) -> Result {
        let parts = self.parts();
        let rustc = probe(Command::new("rustc").arg("--version")).unwrap_or_default();
        let cpus = std::thread::available_parallelism().map_or(0, usize::from);
        println!("bench: {cpus} CPUs, {}", rustc.trim());
        let target = cmd::repo_root().join("target");
        if parts.contains(&BenchPart::Engine) {
            cmd::run(Command::new("cargo").args([
                "bench",
                "-p",
                "partner-roi",
                "--bench",
                "engine",
            ]))?;
        }
        if parts == [BenchPart::Engine] {
            return Ok(());
        }
        dist::dist()?;
        if !Path::new(CHROMIUM).exists() {
            return Err(format!("{CHROMIUM} not found: run `cargo xtask tools`"));
        }
        if parts.contains(&BenchPart::Browser) {
            tools::E2E.ensure()?;
            let out = target.join("bench/browser.json");
            cmd::run(
                tools::E2E
                    .command("node")
                    .arg("bench/browser-bench.js")
                    .env("BENCH_OUT", out),
            )?;
        }
        if parts.contains(&BenchPart::Lighthouse) {
            LIGHTHOUSE.ensure()?;
            let mut script = LIGHTHOUSE.command("node");
            let dist = cmd::repo_root().join(dist::DIST);
            cmd::run(
                script
                    .arg("run.mjs")
                    .arg(dist)
                    .arg(target.join("bench/lighthouse")),
            )?;
        }
        println!("bench: targets are reported, not enforced (see BENCHMARKS.md)");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scripts' pure parts (medians, targets, schedule, summary; the landing pages),
    /// with plain `node --test`: no Lighthouse installed.
    #[test]
    fn the_lighthouse_scripts_pass_their_tests() {
        let output = Command::new("node")
            .args(["--test", "figures-test.mjs", "landing-test.mjs"])
            .current_dir(cmd::repo_root().join(LIGHTHOUSE.dir))
            .output()
            .unwrap_or_else(|e| panic!("cannot run node: {e}"));
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stdout)
        );
    }
}
