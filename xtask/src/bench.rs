//! `cargo xtask bench [--only PART]`: the speed figures of issues #6 and #12, measured (not
//! asserted).
//!
//! 1. `engine`: the engine, natively, with criterion: `cargo bench --bench engine`
//!    (benches/engine.rs; results under target/criterion/);
//! 2. `browser`: dist/ in the system Chromium, headless: `node bench/browser-bench.js` in
//!    tests/e2e (page load -> first results, keystroke -> updated results, memory);
//! 3. `lighthouse`: Lighthouse's mobile preset over the landing pages of examples/pages/ with
//!    and without the widget: `node run.mjs` in tests/e2e/bench/lighthouse (`lighthouse.rs`).
//!
//! Then one summary against the targets. Not part of `cargo xtask test`: timings depend on
//! the machine and its load.

use crate::cmd::{self, probe, Result};
use crate::dist;
use crate::flags::{self, BenchPart};
use crate::landing_pages;
use crate::lighthouse;
use crate::tools::{self, CHROMIUM};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The browser benchmark, relative to tests/e2e (where Playwright is installed).
const BROWSER_SCRIPT: &str = "bench/browser-bench.js";
/// Criterion benchmark ids (benches/engine.rs) and the target of the first, in ns.
const ENGINE_BENCHES: [&str; 3] = [
    "project_4_tiers_10_years",
    "project_and_result_json_4_tiers_10_years",
    "parse_default_program",
];
const ENGINE_TARGET_NS: f64 = 20_000.0;
/// Targets of the browser figures, in ms: first results (median), keystroke (median, p95).
const FIRST_RESULTS_TARGET_MS: f64 = 150.0;
const KEYSTROKE_P50_TARGET_MS: f64 = 4.0;
const KEYSTROKE_P95_TARGET_MS: f64 = 8.0;

impl flags::Bench {
    pub fn run(self) -> Result {
        bench(&self.parts())
    }
}

fn bench(parts: &[BenchPart]) -> Result {
    let target = target_dir();
    let engine = if parts.contains(&BenchPart::Engine) {
        Some(engine(&target)?)
    } else {
        None
    };
    let dist_dir = if parts.contains(&BenchPart::Browser) || parts.contains(&BenchPart::Lighthouse)
    {
        println!("\nbench: building dist/");
        dist::dist()?;
        if !Path::new(CHROMIUM).exists() {
            return Err(format!(
                "{CHROMIUM} not found: run `cargo xtask tools` to install Chromium"
            ));
        }
        Some(
            fs::canonicalize(dist::DIST)
                .map_err(|e| format!("cannot resolve {}/: {e}", dist::DIST))?,
        )
    } else {
        None
    };
    let browser = match &dist_dir {
        Some(dist_dir) if parts.contains(&BenchPart::Browser) => Some(browser(&target, dist_dir)?),
        _ => None,
    };
    let lighthouse = match &dist_dir {
        Some(dist_dir) if parts.contains(&BenchPart::Lighthouse) => {
            println!("\nbench: Lighthouse (landing pages with dist/'s bundle, mobile preset)");
            let site = target.join("bench").join("landing");
            landing_pages::write_site(Path::new(dist::PAGES), dist_dir, &site)?;
            Some(lighthouse::run(
                &site,
                &target.join("bench").join("lighthouse"),
            )?)
        }
        _ => None,
    };

    println!("\nbench: ===== summary =====");
    println!("bench: machine: {}", machine());
    if engine.is_some() || browser.is_some() {
        print_summary(engine.as_deref().unwrap_or_default(), browser.as_ref());
    }
    if let Some(summary) = &lighthouse {
        println!("{summary}");
    }
    println!("bench: targets are reported, not enforced (see BENCHMARKS.md)");
    Ok(())
}

/// Criterion's estimates of [`ENGINE_BENCHES`].
fn engine(target: &Path) -> Result<Vec<(&'static str, Option<Estimate>)>> {
    let criterion_home = target.join("criterion");
    println!("bench: engine (criterion, native release build)");
    cmd::run(
        Command::new("cargo")
            .args(["bench", "-p", "partner-roi", "--bench", "engine"])
            .env("CRITERION_HOME", &criterion_home),
    )?;
    Ok(ENGINE_BENCHES
        .iter()
        .map(|id| (*id, read_estimate(&criterion_home, id)))
        .collect())
}

/// The browser benchmark's figures (its JSON output).
fn browser(target: &Path, dist_dir: &Path) -> Result<Value> {
    println!("\nbench: browser (dist/ in headless Chromium)");
    let out = target.join("bench").join("browser.json");
    tools::E2E.ensure()?;
    cmd::run(
        tools::E2E
            .command("node")
            .arg(BROWSER_SCRIPT)
            .env("DIST_DIR", dist_dir)
            .env("BENCH_OUT", &out),
    )?;
    fs::read_to_string(&out)
        .map_err(|e| format!("cannot read {}: {e}", out.display()))
        .and_then(|text| {
            serde_json::from_str::<Value>(&text)
                .map_err(|e| format!("{} is not valid JSON: {e}", out.display()))
        })
}

/// cargo's target directory (`CARGO_TARGET_DIR` or `target/` in the repository root).
fn target_dir() -> PathBuf {
    let dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target"));
    if dir.is_absolute() {
        dir
    } else {
        cmd::repo_root().join(dir)
    }
}

/// Criterion's median and mean of one benchmark, in nanoseconds.
#[derive(Clone, Copy)]
struct Estimate {
    median_ns: f64,
    mean_ns: f64,
}

fn read_estimate(criterion_home: &Path, id: &str) -> Option<Estimate> {
    let path = criterion_home.join(id).join("new").join("estimates.json");
    let text = fs::read_to_string(&path).ok()?;
    let json: Value = serde_json::from_str(&text).ok()?;
    let point = |name: &str| json.get(name)?.get("point_estimate")?.as_f64();
    Some(Estimate {
        median_ns: point("median")?,
        mean_ns: point("mean")?,
    })
}

fn verdict(value: Option<f64>, target: f64) -> &'static str {
    match value {
        Some(value) if value <= target => "met",
        Some(_) => "MISSED",
        None => "n/a",
    }
}

/// The engine and browser figures against issue #6's targets.
fn print_summary(engine: &[(&str, Option<Estimate>)], browser: Option<&Value>) {
    if let Some(version) = browser
        .and_then(|browser| browser.get("chromium"))
        .and_then(Value::as_str)
    {
        println!("bench: Chromium {version} (headless)");
    }
    println!(
        "bench: {:<66} {:>12} {:>12}  target",
        "measure", "median", "p95 / mean"
    );
    for (index, (id, estimate)) in engine.iter().enumerate() {
        let label = format!("engine: {id}");
        match estimate {
            Some(e) => {
                let target = if index == 0 {
                    format!(
                        "<= 20 µs median: {}",
                        verdict(Some(e.median_ns), ENGINE_TARGET_NS)
                    )
                } else {
                    "-".into()
                };
                println!(
                    "bench: {label:<66} {:>12} {:>12}  {target}",
                    micros(e.median_ns),
                    format!("{} mean", micros(e.mean_ns))
                );
            }
            None => println!(
                "bench: {label:<66} {:>12} {:>12}  (no criterion estimate found)",
                "-", "-"
            ),
        }
    }
    let pages = browser
        .and_then(|browser| browser.get("pages"))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for page in &pages {
        let name = page.get("name").and_then(Value::as_str).unwrap_or("?");
        let figure = |path: &[&str]| {
            let mut value = page;
            for key in path {
                value = value.get(key)?;
            }
            value.as_f64()
        };
        let loads = figure(&["firstResults", "n"]).unwrap_or(0.0);
        let first = figure(&["firstResults", "p50"]);
        println!(
            "bench: {:<66} {:>12} {:>12}  <= 150 ms median: {}",
            format!("{name}: navigation -> first results ({loads} loads)"),
            millis(first),
            millis(figure(&["firstResults", "p95"])),
            verdict(first, FIRST_RESULTS_TARGET_MS)
        );
        let edits = figure(&["edits", "all", "n"]).unwrap_or(0.0);
        let p50 = figure(&["edits", "all", "p50"]);
        let p95 = figure(&["edits", "all", "p95"]);
        println!(
            "bench: {:<66} {:>12} {:>12}  <= 4 ms median: {}, <= 8 ms p95: {}",
            format!("{name}: keystroke -> updated results ({edits} edits)"),
            millis(p50),
            millis(p95),
            verdict(p50, KEYSTROKE_P50_TARGET_MS),
            verdict(p95, KEYSTROKE_P95_TARGET_MS)
        );
        let bytes = |stage: &str, what: &str| figure(&["memory", stage, what]);
        println!(
            "bench: {:<66} JS heap {} / {}, wasm memory {} / {} (after load / after edits)",
            format!("{name}: memory"),
            mebibytes(bytes("afterLoad", "jsHeapUsed")),
            mebibytes(bytes("afterEdits", "jsHeapUsed")),
            mebibytes(bytes("afterLoad", "wasmMemory")),
            mebibytes(bytes("afterEdits", "wasmMemory"))
        );
    }
}

fn micros(ns: f64) -> String {
    format!("{:.2} µs", ns / 1000.0)
}

fn millis(ms: Option<f64>) -> String {
    ms.map_or_else(|| "-".into(), |ms| format!("{ms:.1} ms"))
}

fn mebibytes(bytes: Option<f64>) -> String {
    bytes.map_or_else(
        || "n/a".into(),
        |bytes| format!("{:.2} MiB", bytes / 1_048_576.0),
    )
}

/// "2 × Intel(R) Xeon(R) …, rustc 1.95.0 (…)": what the figures were measured on.
fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, usize::from);
    let model = fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|line| line.starts_with("model name"))
                .and_then(|line| line.split_once(':'))
                .map(|(_, model)| model.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let rustc = probe(Command::new("rustc").arg("--version"))
        .map(|version| version.trim().to_string())
        .unwrap_or_else(|| "rustc: unknown version".into());
    format!("{cpus} × {model}, {rustc}")
}
