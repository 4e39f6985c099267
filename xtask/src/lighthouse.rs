//! The Lighthouse part of `cargo xtask bench` (issue 12): what the widget costs a vendor's
//! landing page in Lighthouse's performance score, measured, not asserted.
//!
//! `examples/pages/` has a landing page with the widget at the top (first viewport) and one
//! with it far below the fold, each with a twin that is the same page without the widget
//! and its script (a test below keeps them so). `cargo xtask dist` copies them into dist/;
//! here dist/ is served with gzip (`cargo xtask serve --gzip`, as a CDN would) and
//! Lighthouse 12.2.3 (npm, pinned in `tests/e2e/bench/lighthouse/`, installed by `npm ci`
//! when missing) runs [`RUNS`] times per page in the system Chromium, mobile preset with
//! simulated throttling, page and twin alternating. The medians of each page, their
//! difference from the twin and the issue's targets are printed; the reports stay in
//! `target/bench/lighthouse/`.

use crate::cmd::{self, probe, Result};
use crate::tools::CHROMIUM;
use serde::Deserialize;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::SystemTime;

/// The npm project holding Lighthouse, apart from tests/e2e so that `cargo xtask test`
/// installs none of it.
pub const LIGHTHOUSE_DIR: &str = "tests/e2e/bench/lighthouse";
/// The version pinned in its package.json: newer ones refuse `npm ci` here, 13 needs Node 22.
const LIGHTHOUSE_VERSION: &str = "12.2.3";
/// Lighthouse runs per page; the figures are their medians.
pub const RUNS: usize = 5;
/// Chromium's flags for every run (Lighthouse adds its own, e.g. the mobile viewport).
const CHROME_FLAGS: &str =
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking";

/// Where a page puts the widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// Right under the hero heading, in the first viewport.
    Top,
    /// After the FAQ, far below the fold (a lazy widget that should not start).
    BelowTheFold,
}

/// A page with the widget and its widget-less twin (files in dist/).
#[derive(Clone, Copy, Debug)]
pub struct Pair {
    pub placement: Placement,
    pub page: &'static str,
    pub twin: &'static str,
}

pub const PAIRS: [Pair; 2] = [
    Pair {
        placement: Placement::Top,
        page: "landing-top.html",
        twin: "landing-top-twin.html",
    },
    Pair {
        placement: Placement::BelowTheFold,
        page: "landing-below.html",
        twin: "landing-below-twin.html",
    },
];

/// Issue 12's targets.
const TOP_MAX_CLS: f64 = 0.02;
const TOP_MAX_EXTRA_TBT_MS: f64 = 100.0;
const TOP_MIN_SCORE: f64 = 0.97;
const BELOW_MAX_SCORE_GAP: f64 = 0.01;
const BELOW_MAX_TBT_GAP_MS: f64 = 20.0;
/// Scores come with two decimals: 0.99 − 0.98 must count as 0.01, not 0.010000000000000009.
const EPSILON: f64 = 1e-9;

/// The figures of one run, or medians, or a page's difference from its twin.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figures {
    /// Performance score, 0 to 1.
    pub score: f64,
    /// Cumulative layout shift.
    pub cls: f64,
    /// Total blocking time, ms.
    pub tbt_ms: f64,
    /// Largest contentful paint, ms.
    pub lcp_ms: f64,
    /// Time to interactive, ms.
    pub tti_ms: f64,
}

impl Figures {
    /// Each figure's median over `runs` (`None` without runs).
    pub fn median(runs: &[Figures]) -> Option<Figures> {
        let of = |figure: fn(&Figures) -> f64| median(&runs.iter().map(figure).collect::<Vec<_>>());
        Some(Figures {
            score: of(|f| f.score)?,
            cls: of(|f| f.cls)?,
            tbt_ms: of(|f| f.tbt_ms)?,
            lcp_ms: of(|f| f.lcp_ms)?,
            tti_ms: of(|f| f.tti_ms)?,
        })
    }

    /// Figure by figure, `self − other` (a page's cost over its twin).
    pub fn minus(&self, other: &Figures) -> Figures {
        Figures {
            score: self.score - other.score,
            cls: self.cls - other.cls,
            tbt_ms: self.tbt_ms - other.tbt_ms,
            lcp_ms: self.lcp_ms - other.lcp_ms,
            tti_ms: self.tti_ms - other.tti_ms,
        }
    }
}

/// The middle value (the mean of the two middle ones for an even count).
pub fn median(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

/// The part of a Lighthouse JSON report (`--output=json`) the bench reads.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub lighthouse_version: String,
    /// Set when the run failed as a whole (e.g. `NO_FCP`); the scores are null then.
    pub runtime_error: Option<RuntimeError>,
    pub environment: Option<Environment>,
    pub categories: Categories,
    pub audits: Audits,
}

#[derive(Debug, Deserialize)]
pub struct RuntimeError {
    pub code: String,
    pub message: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Environment {
    /// The browser's user agent ("… HeadlessChrome/156.0.8078.114 …").
    pub host_user_agent: Option<String>,
    /// Lighthouse's measure of the machine's speed (higher is faster).
    pub benchmark_index: Option<f64>,
}

#[derive(Debug, Deserialize)]
pub struct Categories {
    pub performance: Category,
}

#[derive(Debug, Deserialize)]
pub struct Category {
    /// Null when the run could not be scored.
    pub score: Option<f64>,
}

#[derive(Debug, Deserialize)]
pub struct Audits {
    #[serde(rename = "cumulative-layout-shift")]
    pub cumulative_layout_shift: Audit,
    #[serde(rename = "total-blocking-time")]
    pub total_blocking_time: Audit,
    #[serde(rename = "largest-contentful-paint")]
    pub largest_contentful_paint: Audit,
    pub interactive: Audit,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Audit {
    pub numeric_value: Option<f64>,
    pub error_message: Option<String>,
}

impl Report {
    pub fn parse(text: &str) -> Result<Report> {
        serde_json::from_str(text).map_err(|e| format!("not a Lighthouse report: {e}"))
    }

    /// The run's figures; an error names the first one missing and why.
    pub fn figures(&self) -> Result<Figures> {
        if let Some(error) = &self.runtime_error {
            return Err(format!(
                "Lighthouse runtime error {}: {}",
                error.code,
                error.message.as_deref().unwrap_or("(no message)")
            ));
        }
        let audit = |id: &str, audit: &Audit| {
            audit.numeric_value.ok_or_else(|| {
                format!(
                    "audit {id} has no numericValue: {}",
                    audit
                        .error_message
                        .as_deref()
                        .unwrap_or("(no error message)")
                )
            })
        };
        let audits = &self.audits;
        Ok(Figures {
            score: self
                .categories
                .performance
                .score
                .ok_or("the performance category has no score")?,
            cls: audit("cumulative-layout-shift", &audits.cumulative_layout_shift)?,
            tbt_ms: audit("total-blocking-time", &audits.total_blocking_time)?,
            lcp_ms: audit("largest-contentful-paint", &audits.largest_contentful_paint)?,
            tti_ms: audit("interactive", &audits.interactive)?,
        })
    }

    /// "HeadlessChrome/156.0.8078.114" from the user agent, if it says.
    pub fn browser(&self) -> Option<&str> {
        let agent = self.environment.as_ref()?.host_user_agent.as_deref()?;
        agent
            .split_whitespace()
            .find(|word| word.starts_with("HeadlessChrome/") || word.starts_with("Chrome/"))
    }
}

/// One issue-12 target, checked against the medians.
#[derive(Debug, PartialEq)]
pub struct Check {
    pub what: String,
    pub met: bool,
}

/// The targets of a pair: at the top, CLS ≤ 0.02, TBT ≤ twin + 100 ms and score ≥ 0.97;
/// below the fold, score within 0.01 and TBT within 20 ms of the twin.
pub fn checks(placement: Placement, page: &Figures, twin: &Figures) -> Vec<Check> {
    let gap = page.minus(twin);
    match placement {
        Placement::Top => vec![
            Check {
                what: format!("CLS {:.3} <= {TOP_MAX_CLS}", page.cls),
                met: page.cls <= TOP_MAX_CLS + EPSILON,
            },
            Check {
                what: format!(
                    "TBT {} than the twin's, at most +{TOP_MAX_EXTRA_TBT_MS:.0} ms",
                    signed_ms(gap.tbt_ms)
                ),
                met: gap.tbt_ms <= TOP_MAX_EXTRA_TBT_MS + EPSILON,
            },
            Check {
                what: format!("score {:.2} >= {TOP_MIN_SCORE}", page.score),
                met: page.score >= TOP_MIN_SCORE - EPSILON,
            },
        ],
        Placement::BelowTheFold => vec![
            Check {
                what: format!(
                    "score {:+.2} from the twin's, within {BELOW_MAX_SCORE_GAP}",
                    gap.score
                ),
                met: gap.score.abs() <= BELOW_MAX_SCORE_GAP + EPSILON,
            },
            Check {
                what: format!(
                    "TBT {} than the twin's, within {BELOW_MAX_TBT_GAP_MS:.0} ms",
                    signed_ms(gap.tbt_ms)
                ),
                met: gap.tbt_ms.abs() <= BELOW_MAX_TBT_GAP_MS + EPSILON,
            },
        ],
    }
}

/// "+120 ms more" / "-5 ms less" / "0 ms more".
fn signed_ms(ms: f64) -> String {
    if ms < 0.0 {
        format!("{:.0} ms less", -ms)
    } else {
        format!("{ms:.0} ms more")
    }
}

/// One Lighthouse run to make: which page of which pair, in which round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Visit {
    pub pair: usize,
    pub twin: bool,
    pub round: usize,
}

/// The order of the runs: round by round, each pair's page and twin next to each other,
/// the twin first in every other round, so that a machine getting busier or quieter
/// weighs on both alike.
pub fn schedule(pairs: usize, rounds: usize) -> Vec<Visit> {
    let mut visits = Vec::with_capacity(pairs * rounds * 2);
    for round in 0..rounds {
        for pair in 0..pairs {
            let twin_first = round % 2 == 1;
            for twin in [twin_first, !twin_first] {
                visits.push(Visit { pair, twin, round });
            }
        }
    }
    visits
}

/// What a page's runs gave.
#[derive(Debug, Default)]
pub struct PageRuns {
    pub runs: Vec<Figures>,
    pub failures: Vec<String>,
}

/// Everything the Lighthouse part measured.
#[derive(Debug)]
pub struct Results {
    /// Per pair: the page's runs and the twin's runs.
    pub pairs: Vec<(Pair, PageRuns, PageRuns)>,
    pub lighthouse_version: Option<String>,
    pub browser: Option<String>,
    pub benchmark_index: Option<f64>,
    /// Requests the server answered, and how many of them gzip-compressed.
    pub requests: usize,
    pub gzipped: usize,
}

/// Runs Lighthouse over the pages of `dist_dir` (already built), reports into `out_dir`.
pub fn run(dist_dir: &Path, out_dir: &Path) -> Result<Results> {
    ensure_lighthouse()?;
    if !Path::new(CHROMIUM).exists() {
        return Err(format!(
            "{CHROMIUM} not found: run `cargo xtask tools` to install Chromium"
        ));
    }
    for pair in PAIRS {
        for file in [pair.page, pair.twin] {
            if !dist_dir.join(file).is_file() {
                return Err(format!(
                    "{} has no {file}: `cargo xtask dist` copies it",
                    dist_dir.display()
                ));
            }
        }
    }
    fs::create_dir_all(out_dir).map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    let server = Server::start(dist_dir)?;
    let lighthouse = cmd::repo_root()
        .join(LIGHTHOUSE_DIR)
        .join("node_modules/.bin/lighthouse");
    println!(
        "lighthouse: {} × {RUNS} runs, each about 15 s: CHROME_PATH={CHROMIUM} {} URL \
         --chrome-flags=\"{CHROME_FLAGS}\" --only-categories=performance --output=json \
         --output-path=FILE --quiet",
        PAIRS.len() * 2,
        lighthouse.display()
    );

    let mut results = Results {
        pairs: PAIRS
            .iter()
            .map(|pair| (*pair, PageRuns::default(), PageRuns::default()))
            .collect(),
        lighthouse_version: None,
        // The full version; the report's user agent says only "HeadlessChrome/156.0.0.0".
        browser: probe(Command::new(CHROMIUM).arg("--version")).map(|text| chromium_version(&text)),
        benchmark_index: None,
        requests: 0,
        gzipped: 0,
    };
    let mut indices = Vec::new();
    let visits = schedule(PAIRS.len(), RUNS);
    for (index, visit) in visits.iter().enumerate() {
        let pair = PAIRS[visit.pair];
        let file = if visit.twin { pair.twin } else { pair.page };
        let stem = file.trim_end_matches(".html");
        let report_path = out_dir.join(format!("{stem}-{}.json", visit.round + 1));
        let url = format!("{}/{file}", server.base_url);
        println!(
            "lighthouse: run {}/{}: {file} (round {})",
            index + 1,
            visits.len(),
            visit.round + 1
        );
        let outcome = run_once(&lighthouse, &url, &report_path);
        let (_, page_runs, twin_runs) = &mut results.pairs[visit.pair];
        let runs = if visit.twin { twin_runs } else { page_runs };
        match outcome {
            Ok(report) => {
                results
                    .lighthouse_version
                    .get_or_insert_with(|| report.lighthouse_version.clone());
                if let Some(browser) = report.browser() {
                    results.browser.get_or_insert_with(|| browser.to_owned());
                }
                if let Some(index) = report
                    .environment
                    .as_ref()
                    .and_then(|environment| environment.benchmark_index)
                {
                    indices.push(index);
                }
                match report.figures() {
                    Ok(figures) => runs.runs.push(figures),
                    Err(e) => fail(runs, file, visit.round, e),
                }
            }
            Err(e) => fail(runs, file, visit.round, e),
        }
    }
    results.benchmark_index = median(&indices);
    results.requests = server.requests.load(Ordering::Relaxed);
    results.gzipped = server.gzipped.load(Ordering::Relaxed);
    Ok(results)
}

fn fail(runs: &mut PageRuns, file: &str, round: usize, error: String) {
    println!("lighthouse: {file}, round {}: failed: {error}", round + 1);
    runs.failures.push(error);
}

/// One Lighthouse run of `url`, its report written to `report_path` and read back.
fn run_once(lighthouse: &Path, url: &str, report_path: &Path) -> Result<Report> {
    // A report from an earlier bench must never pass for this run's.
    let _ = fs::remove_file(report_path);
    let mut command = Command::new(lighthouse);
    command
        .arg(url)
        .arg(format!("--chrome-flags={CHROME_FLAGS}"))
        .args(["--only-categories=performance", "--output=json"])
        .arg(format!("--output-path={}", report_path.display()))
        .arg("--quiet")
        .env("CHROME_PATH", CHROMIUM);
    let status = command
        .status()
        .map_err(|e| format!("cannot start {}: {e}", lighthouse.display()))?;
    if !status.success() {
        return Err(format!("`{}` failed ({status})", cmd::describe(&command)));
    }
    let text = fs::read_to_string(report_path)
        .map_err(|e| format!("cannot read {}: {e}", report_path.display()))?;
    Report::parse(&text).map_err(|e| format!("{}: {e}", report_path.display()))
}

/// `cargo xtask serve --gzip --root DIST --port 0` as a child process (this same xtask
/// binary), stopped when dropped.
struct Server {
    child: Child,
    base_url: String,
    requests: Arc<AtomicUsize>,
    gzipped: Arc<AtomicUsize>,
}

impl Server {
    fn start(root: &Path) -> Result<Server> {
        let xtask = std::env::current_exe()
            .map_err(|e| format!("cannot find the running xtask binary: {e}"))?;
        let mut command = Command::new(xtask);
        command
            .arg("serve")
            .arg("--gzip")
            .arg("--root")
            .arg(root)
            .args(["--port", "0"])
            .stdout(Stdio::piped());
        println!("$ {}", cmd::describe(&command));
        let mut child = command
            .spawn()
            .map_err(|e| format!("cannot start the server: {e}"))?;
        let stdout = child.stdout.take().ok_or("the server has no stdout")?;
        let mut lines = BufReader::new(stdout).lines();
        let first = match lines.next() {
            Some(Ok(line)) => line,
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return Err("the server stopped before saying where it listens".into());
            }
        };
        let Some(base_url) = served_url(&first) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("cannot read the server's address from `{first}`"));
        };
        println!("lighthouse: {first}");
        // Keep reading its log (a full pipe would stall it) and count what it served.
        let requests = Arc::new(AtomicUsize::new(0));
        let gzipped = Arc::new(AtomicUsize::new(0));
        let (all, zipped) = (Arc::clone(&requests), Arc::clone(&gzipped));
        std::thread::spawn(move || {
            for line in lines.map_while(std::io::Result::ok) {
                if line.starts_with("GET ") {
                    all.fetch_add(1, Ordering::Relaxed);
                    if line.ends_with("(gzip)") {
                        zipped.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
        });
        Ok(Server {
            child,
            base_url,
            requests,
            gzipped,
        })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// "Chromium 156.0.8078.114" from `chromium --version`.
fn chromium_version(text: &str) -> String {
    let text = text.trim();
    text.split(" built on ").next().unwrap_or(text).to_owned()
}

/// "http://127.0.0.1:PORT" from the server's first line ("serving dist/ at
/// http://127.0.0.1:PORT/ (Ctrl-C to stop), gzip").
pub fn served_url(line: &str) -> Option<String> {
    let start = line.find("http://")?;
    let url = line[start..].split_whitespace().next()?;
    Some(url.trim_end_matches('/').to_owned())
}

/// Installs the pinned Lighthouse with `npm ci` when it is missing or older than its lock.
fn ensure_lighthouse() -> Result {
    let dir = cmd::repo_root().join(LIGHTHOUSE_DIR);
    let lock = dir.join("package-lock.json");
    if !lock.is_file() {
        return Err(format!(
            "{} is missing: create it with `npm install -E lighthouse@{LIGHTHOUSE_VERSION}` in {LIGHTHOUSE_DIR}",
            lock.display()
        ));
    }
    let modules = dir.join("node_modules");
    let installed = installed_version(&modules);
    let reason = if !modules.is_dir() {
        Some("node_modules missing".to_owned())
    } else if modified(&lock) > modified(&modules.join(".package-lock.json")).or(modified(&modules))
    {
        Some("package-lock.json is newer than node_modules".to_owned())
    } else if !modules.join(".bin/lighthouse").exists() {
        Some("lighthouse missing from node_modules".to_owned())
    } else if installed.as_deref() != Some(LIGHTHOUSE_VERSION) {
        Some(format!(
            "lighthouse {} installed, {LIGHTHOUSE_VERSION} wanted",
            installed.as_deref().unwrap_or("of unknown version")
        ))
    } else {
        None
    };
    let Some(reason) = reason else {
        println!("tools: lighthouse {LIGHTHOUSE_VERSION} in {LIGHTHOUSE_DIR}: present");
        return Ok(());
    };
    println!("tools: lighthouse in {LIGHTHOUSE_DIR}: {reason}: running npm ci");
    if probe(Command::new("npm").arg("--version")).is_none() {
        return Err("npm not found: install Node.js 20 and npm".into());
    }
    cmd::run(Command::new("npm").arg("ci").current_dir(&dir))?;
    match installed_version(&modules) {
        Some(version) if version == LIGHTHOUSE_VERSION => Ok(()),
        other => Err(format!(
            "after npm ci, {LIGHTHOUSE_DIR} has lighthouse {}, not {LIGHTHOUSE_VERSION}: \
             is package-lock.json pinned to it?",
            other.unwrap_or_else(|| "missing".into())
        )),
    }
}

/// The version of node_modules/lighthouse, from its package.json.
fn installed_version(modules: &Path) -> Option<String> {
    #[derive(Deserialize)]
    struct Package {
        version: String,
    }
    let text = fs::read_to_string(modules.join("lighthouse/package.json")).ok()?;
    serde_json::from_str::<Package>(&text)
        .ok()
        .map(|package| package.version)
}

fn modified(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The table and the targets, after the bench's other parts.
pub fn print_summary(results: &Results) {
    println!(
        "bench: Lighthouse {}, mobile preset (simulated throttling), {} (headless), \
         benchmarkIndex {}; median of {RUNS} runs per page",
        results.lighthouse_version.as_deref().unwrap_or("?"),
        results.browser.as_deref().unwrap_or("Chromium"),
        results
            .benchmark_index
            .map_or_else(|| "?".into(), |index| format!("{index:.0}"))
    );
    println!(
        "bench: served with gzip: {} of {} requests compressed",
        results.gzipped, results.requests
    );
    println!(
        "bench: {:<34} {:>5} {:>7} {:>8} {:>8} {:>8}",
        "page", "score", "CLS", "TBT", "LCP", "TTI"
    );
    for (pair, page, twin) in &results.pairs {
        let page_median = Figures::median(&page.runs);
        let twin_median = Figures::median(&twin.runs);
        for (file, runs, median) in [
            (pair.page, page, page_median),
            (pair.twin, twin, twin_median),
        ] {
            let label = format!("{file} ({} runs)", runs.runs.len());
            match median {
                Some(m) => println!(
                    "bench: {label:<34} {:>5.2} {:>7.3} {:>8} {:>8} {:>8}",
                    m.score,
                    m.cls,
                    format!("{:.0} ms", m.tbt_ms),
                    seconds(m.lcp_ms),
                    seconds(m.tti_ms)
                ),
                None => println!("bench: {label:<34} no successful run"),
            }
        }
        let (Some(page_median), Some(twin_median)) = (page_median, twin_median) else {
            println!("bench: {pair:?}: targets not checked (no runs to compare)");
            continue;
        };
        let gap = page_median.minus(&twin_median);
        println!(
            "bench: {:<34} {:>+5.2} {:>+7.3} {:>8} {:>8} {:>8}",
            "  widget's cost (page − twin)",
            gap.score,
            gap.cls,
            format!("{:+.0} ms", gap.tbt_ms),
            format!("{:+.2} s", gap.lcp_ms / 1000.0),
            format!("{:+.2} s", gap.tti_ms / 1000.0)
        );
        for (file, runs) in [(pair.page, page), (pair.twin, twin)] {
            println!(
                "bench:   {file} runs: score {}; TBT {} ms",
                join(runs.runs.iter().map(|f| format!("{:.2}", f.score))),
                join(runs.runs.iter().map(|f| format!("{:.0}", f.tbt_ms)))
            );
        }
        let where_ = match pair.placement {
            Placement::Top => "widget at the top",
            Placement::BelowTheFold => "widget below the fold",
        };
        for check in checks(pair.placement, &page_median, &twin_median) {
            println!(
                "bench: {where_}: {}: {}",
                check.what,
                if check.met { "met" } else { "MISSED" }
            );
        }
    }
    let failures: usize = results
        .pairs
        .iter()
        .map(|(_, page, twin)| page.failures.len() + twin.failures.len())
        .sum();
    if failures > 0 {
        println!(
            "bench: {failures} Lighthouse run(s) failed (see above); medians are of the others"
        );
    }
}

fn seconds(ms: f64) -> String {
    format!("{:.2} s", ms / 1000.0)
}

fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A report of a real run (landing-top.html), cut down to what the bench reads and a
    /// little around it.
    const FIXTURE: &str = include_str!("lighthouse_fixture.json");

    fn figures(score: f64, tbt_ms: f64) -> Figures {
        Figures {
            score,
            cls: 0.0,
            tbt_ms,
            lcp_ms: 1000.0,
            tti_ms: 2000.0,
        }
    }

    #[test]
    fn reads_a_report() {
        let report = Report::parse(FIXTURE).unwrap();
        assert_eq!(report.lighthouse_version, "12.2.3");
        assert_eq!(report.browser(), Some("HeadlessChrome/156.0.0.0"));
        assert_eq!(
            report.environment.and_then(|e| e.benchmark_index),
            Some(1849.0)
        );
        let figures = Report::parse(FIXTURE).unwrap().figures().unwrap();
        assert_eq!(
            figures,
            Figures {
                score: 0.91,
                cls: 0.0,
                tbt_ms: 390.5,
                lcp_ms: 1040.8418,
                tti_ms: 2921.0918,
            }
        );
    }

    #[test]
    fn a_failed_run_says_why() {
        let failed = FIXTURE
            .replace(r#""score": 0.91"#, r#""score": null"#)
            .replacen(
                r#""lighthouseVersion""#,
                r#""runtimeError": {"code": "NO_FCP", "message": "The page did not paint any content."}, "lighthouseVersion""#,
                1,
            );
        let error = Report::parse(&failed).unwrap().figures().unwrap_err();
        assert!(error.contains("NO_FCP"), "{error}");

        let unscored = FIXTURE.replace(r#""score": 0.91"#, r#""score": null"#);
        let error = Report::parse(&unscored).unwrap().figures().unwrap_err();
        assert!(error.contains("performance"), "{error}");

        let no_value = FIXTURE.replace(r#""numericValue": 390.5"#, r#""numericValue": null"#);
        let error = Report::parse(&no_value).unwrap().figures().unwrap_err();
        assert!(error.contains("total-blocking-time"), "{error}");

        let no_audit = FIXTURE.replace(r#""interactive""#, r#""not-interactive""#);
        let error = Report::parse(&no_audit).unwrap_err();
        assert!(error.contains("interactive"), "{error}");
    }

    #[test]
    fn medians() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3.0]), Some(3.0));
        assert_eq!(median(&[5.0, 1.0, 4.0, 2.0, 3.0]), Some(3.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        let runs = [
            figures(0.98, 120.0),
            figures(0.91, 400.0),
            figures(0.97, 150.0),
            figures(1.0, 90.0),
            figures(0.95, 130.0),
        ];
        let m = Figures::median(&runs).unwrap();
        // Each figure's own median, not the figures of the median run.
        assert_eq!((m.score, m.tbt_ms), (0.97, 130.0));
        assert_eq!(Figures::median(&[]), None);
    }

    #[test]
    fn differences_are_page_minus_twin() {
        let gap = figures(0.93, 214.5).minus(&figures(1.0, 14.5));
        assert!((gap.score - -0.07).abs() < 1e-9);
        assert_eq!(gap.tbt_ms, 200.0);
        assert_eq!((gap.cls, gap.lcp_ms, gap.tti_ms), (0.0, 0.0, 0.0));
    }

    #[test]
    fn checks_the_targets_of_issue_12() {
        let met = |placement, page: Figures, twin: Figures| -> Vec<bool> {
            checks(placement, &page, &twin)
                .iter()
                .map(|check| check.met)
                .collect()
        };
        let twin = figures(1.0, 10.0);
        // Top: CLS, TBT over the twin, score.
        assert_eq!(met(Placement::Top, figures(0.97, 110.0), twin), [true; 3]);
        assert_eq!(
            met(Placement::Top, figures(0.96, 110.5), twin),
            [true, false, false]
        );
        let shifting = Figures {
            cls: 0.021,
            ..figures(0.99, 20.0)
        };
        assert_eq!(met(Placement::Top, shifting, twin), [false, true, true]);
        // Below the fold: within a point and 20 ms of the twin, either way.
        let twin = figures(0.99, 40.0);
        let below = Placement::BelowTheFold;
        assert_eq!(met(below, figures(0.98, 60.0), twin), [true, true]);
        assert_eq!(met(below, figures(1.0, 20.0), twin), [true, true]);
        assert_eq!(met(below, figures(0.97, 61.0), twin), [false, false]);
        let what: Vec<String> = checks(below, &figures(0.97, 61.0), &twin)
            .into_iter()
            .map(|check| check.what)
            .collect();
        assert_eq!(
            what,
            [
                "score -0.02 from the twin's, within 0.01",
                "TBT 21 ms more than the twin's, within 20 ms"
            ]
        );
    }

    #[test]
    fn alternates_page_and_twin() {
        let visits = schedule(2, 2);
        let order: Vec<(usize, bool, usize)> = visits
            .iter()
            .map(|visit| (visit.pair, visit.twin, visit.round))
            .collect();
        assert_eq!(
            order,
            [
                (0, false, 0),
                (0, true, 0),
                (1, false, 0),
                (1, true, 0),
                (0, true, 1),
                (0, false, 1),
                (1, true, 1),
                (1, false, 1),
            ]
        );
        assert_eq!(schedule(PAIRS.len(), RUNS).len(), 20);
    }

    #[test]
    fn reads_chromiums_version() {
        assert_eq!(
            chromium_version("Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)\n"),
            "Chromium 156.0.8078.114"
        );
    }

    #[test]
    fn reads_the_servers_address() {
        assert_eq!(
            served_url("serving /x/dist/ at http://127.0.0.1:41234/ (Ctrl-C to stop), gzip")
                .as_deref(),
            Some("http://127.0.0.1:41234")
        );
        assert_eq!(served_url("no address"), None);
    }

    #[test]
    fn dist_makes_every_page() {
        for pair in PAIRS {
            for file in [pair.page, pair.twin] {
                let made = crate::landing_pages::PAGES
                    .iter()
                    .any(|(page, ..)| *page == file);
                assert!(made, "{file}");
            }
        }
    }
}
