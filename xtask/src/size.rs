//! `cargo xtask size`: raw, gzip -9 and brotli sizes of every file in dist/, checked
//! against the budget in `size-budget.json`.
//!
//! The compressed sizes are computed in-process with crates pinned in Cargo.lock
//! (`flate2` with miniz_oxide at level 9, `brotli` at quality 11 and window 22), so
//! they are the same on every machine and need no gzip or brotli binaries.

use crate::cmd::Result;
use crate::dist::{self, DIST};
use serde_json::Value;
use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The budget file, at the repository root.
pub const BUDGET_FILE: &str = "size-budget.json";
/// The embed bundle: the two files a host page downloads.
const EMBED_FILES: [&str; 2] = ["partner-roi.js", "partner-roi_bg.wasm"];
/// The budget key of the embed bundle's total.
const EMBED_TOTAL: &str = "embed";
/// Files that must exist and be in the budget.
const BUDGETED_FILES: [&str; 3] = ["partner-roi.js", "partner-roi_bg.wasm", "partner-roi.html"];
/// Headroom written by `--update-budget` above the measured sizes.
const MARGIN_PERCENT: u64 = 3;
/// Budget limits are rounded up to a multiple of this many bytes.
const ROUND_TO: u64 = 100;
const METRICS: [&str; 3] = ["raw", "gzip", "brotli"];
/// The issue's targets (1 KB = 1000 bytes), used when the budget file has no `goals`.
const DEFAULT_GOALS: &str =
    r#"{ "embed": { "gzip": 80000 }, "partner-roi.html": { "raw": 250000 } }"#;

/// Raw and compressed sizes of one file (or a total), in bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sizes {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

impl Sizes {
    fn get(&self, metric: &str) -> Option<u64> {
        match metric {
            "raw" => Some(self.raw),
            "gzip" => Some(self.gzip),
            "brotli" => Some(self.brotli),
            _ => None,
        }
    }

    fn add(&mut self, other: Sizes) {
        self.raw += other.raw;
        self.gzip += other.gzip;
        self.brotli += other.brotli;
    }
}

/// What `cargo xtask size` does after building dist/.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Fail when a size is over its budget.
    Check,
    /// Rewrite the budget as the measured sizes plus the margin.
    UpdateBudget,
}

/// `cargo xtask size [--update-budget]`: builds dist/, then checks (or rewrites) the budget.
pub fn size(mode: Mode) -> Result {
    if mode == Mode::Check {
        // A missing or broken budget file fails before the (long) build.
        read_budget()?;
    }
    dist::dist()?;
    match mode {
        Mode::Check => check(),
        Mode::UpdateBudget => update_budget(),
    }
}

/// Measures the existing dist/ and fails when a size is over the budget (the test step).
pub fn check() -> Result {
    let measured = measure_dist()?;
    let budget = read_budget()?;
    print_table(&measured, &budget.limits);
    print_goals(&measured, &budget.goals);
    let over = over_budget(&measured, &budget.limits)?;
    if over.is_empty() {
        println!("size: every size is within {BUDGET_FILE}");
        return Ok(());
    }
    for line in &over {
        println!("size: OVER BUDGET: {line}");
    }
    Err(format!(
        "{} size(s) over the budget in {BUDGET_FILE}: {}\n\
         If the growth is intended, run `cargo xtask size --update-budget` and commit {BUDGET_FILE}.",
        over.len(),
        over.join("; ")
    ))
}

fn update_budget() -> Result {
    let measured = measure_dist()?;
    // Keep the goals of an existing budget file, even when its limits are broken.
    let goals = fs::read_to_string(BUDGET_FILE)
        .ok()
        .and_then(|text| serde_json::from_str::<Value>(&text).ok())
        .and_then(|json| json.get("goals").cloned())
        .unwrap_or_else(default_goals);
    let goals = table(&goals, "goals")?;
    let text = budget_json(&measured, &goals);
    fs::write(BUDGET_FILE, &text).map_err(|e| format!("cannot write {BUDGET_FILE}: {e}"))?;
    let budget = parse_budget(&text)?;
    print_table(&measured, &budget.limits);
    print_goals(&measured, &budget.goals);
    println!("size: wrote {BUDGET_FILE} (measured sizes + {MARGIN_PERCENT}%)");
    Ok(())
}

/// The measured sizes: every file in dist/ by its path relative to dist/, then the
/// `embed` total; in a stable order.
struct Measured {
    files: Vec<(String, Sizes)>,
    embed: Sizes,
    all: Sizes,
}

impl Measured {
    fn get(&self, name: &str) -> Option<Sizes> {
        if name == EMBED_TOTAL {
            return Some(self.embed);
        }
        self.files
            .iter()
            .find(|(file, _)| file == name)
            .map(|(_, sizes)| *sizes)
    }
}

fn measure_dist() -> Result<Measured> {
    let dist = Path::new(DIST);
    if !dist.is_dir() {
        return Err(format!(
            "{DIST}/ does not exist: run `cargo xtask dist` first"
        ));
    }
    let mut paths = Vec::new();
    list_files(dist, &mut paths)?;
    paths.sort();
    for required in BUDGETED_FILES {
        if !paths.iter().any(|path| path == &dist.join(required)) {
            return Err(format!(
                "{DIST}/{required} is missing: run `cargo xtask dist` first"
            ));
        }
    }
    let contents = paths
        .iter()
        .map(|path| {
            fs::read(path)
                .map(|bytes| (relative_name(dist, path), bytes))
                .map_err(|e| format!("cannot read {}: {e}", path.display()))
        })
        .collect::<Result<Vec<_>>>()?;
    // brotli at quality 11 is slow: compress the files on parallel threads.
    let sizes: Vec<Result<Sizes>> = std::thread::scope(|scope| {
        let handles: Vec<_> = contents
            .iter()
            .map(|(_, bytes)| scope.spawn(|| compressed_sizes(bytes)))
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|_| Err("a compression thread panicked".into()))
            })
            .collect()
    });
    let mut measured = Measured {
        files: Vec::new(),
        embed: Sizes::default(),
        all: Sizes::default(),
    };
    for ((name, _), sizes) in contents.into_iter().zip(sizes) {
        let sizes = sizes.map_err(|e| format!("{DIST}/{name}: {e}"))?;
        if EMBED_FILES.contains(&name.as_str()) {
            measured.embed.add(sizes);
        }
        measured.all.add(sizes);
        measured.files.push((name, sizes));
    }
    Ok(measured)
}

fn list_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        let path = entry.path();
        if path.is_dir() {
            list_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// `programs/reseller.json` for `dist/programs/reseller.json`, with `/` on every platform.
fn relative_name(dist: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(dist).unwrap_or(path);
    let parts: Vec<String> = relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// Raw size, gzip at level 9 and brotli at quality 11 (window 22, the library default).
pub fn compressed_sizes(bytes: &[u8]) -> Result<Sizes> {
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(9));
    gzip.write_all(bytes)
        .map_err(|e| format!("gzip failed: {e}"))?;
    let gzip = gzip.finish().map_err(|e| format!("gzip failed: {e}"))?;
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut brotli = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut brotli, &params)
        .map_err(|e| format!("brotli failed: {e}"))?;
    Ok(Sizes {
        raw: len(bytes.len()),
        gzip: len(gzip.len()),
        brotli: len(brotli.len()),
    })
}

fn len(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// Sizes by name (file or total), then by metric ("raw", "gzip", "brotli"), in bytes.
type Table = Vec<(String, Vec<(String, u64)>)>;

/// The limits (and goals) read from the budget file.
struct Budget {
    limits: Table,
    goals: Table,
}

fn read_budget() -> Result<Budget> {
    let text = fs::read_to_string(BUDGET_FILE).map_err(|e| {
        format!(
            "cannot read {BUDGET_FILE}: {e}\n\
             Create it from the current dist/ with `cargo xtask size --update-budget`."
        )
    })?;
    parse_budget(&text)
}

fn parse_budget(text: &str) -> Result<Budget> {
    let json: Value =
        serde_json::from_str(text).map_err(|e| format!("{BUDGET_FILE} is not valid JSON: {e}"))?;
    let limits = match json.get("budget") {
        Some(budget) => table(budget, "budget")?,
        None => return Err(format!("{BUDGET_FILE} has no \"budget\" object")),
    };
    let goals = match json.get("goals") {
        Some(goals) => table(goals, "goals")?,
        None => table(&default_goals(), "goals")?,
    };
    for required in BUDGETED_FILES.iter().chain([&EMBED_TOTAL]) {
        if !limits.iter().any(|(name, _)| name == required) {
            return Err(format!(
                "{BUDGET_FILE}: budget.\"{required}\" is missing (expected {}, and \"{EMBED_TOTAL}\")",
                BUDGETED_FILES.join(", ")
            ));
        }
    }
    Ok(Budget { limits, goals })
}

/// `{"name": {"raw": 1, "gzip": 2}}` as a list, checking names and numbers.
fn table(value: &Value, key: &str) -> Result<Table> {
    let object = value
        .as_object()
        .ok_or_else(|| format!("{BUDGET_FILE}: \"{key}\" must be an object"))?;
    let mut rows = Vec::new();
    for (name, metrics) in object {
        let metrics = metrics
            .as_object()
            .ok_or_else(|| format!("{BUDGET_FILE}: {key}.\"{name}\" must be an object"))?;
        let mut limits = Vec::new();
        for (metric, limit) in metrics {
            if !METRICS.contains(&metric.as_str()) {
                return Err(format!(
                    "{BUDGET_FILE}: {key}.\"{name}\".\"{metric}\": unknown size (expected {})",
                    METRICS.join(", ")
                ));
            }
            let limit = limit.as_u64().ok_or_else(|| {
                format!(
                    "{BUDGET_FILE}: {key}.\"{name}\".\"{metric}\" must be a whole number of bytes"
                )
            })?;
            limits.push((metric.clone(), limit));
        }
        limits.sort_by_key(|(metric, _)| METRICS.iter().position(|m| m == metric));
        rows.push((name.clone(), limits));
    }
    Ok(rows)
}

fn default_goals() -> Value {
    serde_json::from_str(DEFAULT_GOALS).unwrap_or(Value::Null)
}

/// One line per size over its limit; an error when the budget names a file dist/ lacks.
fn over_budget(
    measured: &Measured,
    limits: &[(String, Vec<(String, u64)>)],
) -> Result<Vec<String>> {
    let mut over = Vec::new();
    for (name, metrics) in limits {
        let sizes = measured.get(name).ok_or_else(|| {
            format!("{BUDGET_FILE} has a budget for \"{name}\", which is not in {DIST}/")
        })?;
        for (metric, limit) in metrics {
            let size = sizes.get(metric).unwrap_or(0);
            if size > *limit {
                over.push(format!(
                    "{name} {metric} {size} bytes > {limit} (+{} bytes, +{:.1}%)",
                    size - limit,
                    percent(size - limit, *limit)
                ));
            }
        }
    }
    Ok(over)
}

fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    part as f64 * 100.0 / whole as f64
}

fn print_table(measured: &Measured, limits: &[(String, Vec<(String, u64)>)]) {
    println!("size: {DIST}/ in bytes (gzip -9: flate2/miniz_oxide level 9; brotli: quality 11)");
    println!(
        "size: {:<32} {:>9} {:>9} {:>9}  budget",
        "file", "raw", "gzip", "brotli"
    );
    let row = |name: &str, label: &str, sizes: Sizes| {
        let status = match limits.iter().find(|(budgeted, _)| budgeted == name) {
            None => "-".to_string(),
            Some((_, metrics)) => {
                let mut status = String::new();
                for (metric, limit) in metrics {
                    let size = sizes.get(metric).unwrap_or(0);
                    let mark = if size > *limit { "OVER" } else { "ok" };
                    let _ = write!(
                        status,
                        "{}{metric} {mark} ({:.0}%)",
                        if status.is_empty() { "" } else { ", " },
                        percent(size, *limit)
                    );
                }
                status
            }
        };
        println!(
            "size: {label:<32} {:>9} {:>9} {:>9}  {status}",
            sizes.raw, sizes.gzip, sizes.brotli
        );
    };
    for (name, sizes) in &measured.files {
        row(name, name, *sizes);
    }
    row(
        EMBED_TOTAL,
        &format!("{EMBED_TOTAL} (js + wasm)"),
        measured.embed,
    );
    row("", "all files", measured.all);
}

fn print_goals(measured: &Measured, goals: &[(String, Vec<(String, u64)>)]) {
    for (name, metrics) in goals {
        let Some(sizes) = measured.get(name) else {
            continue;
        };
        for (metric, goal) in metrics {
            let size = sizes.get(metric).unwrap_or(0);
            let verdict = if size <= *goal {
                "met".to_string()
            } else {
                format!(
                    "missed, {:.2}x the goal",
                    size as f64 / (*goal).max(1) as f64
                )
            };
            println!(
                "size: goal (issue #6, not enforced): {name} {metric} <= {:.1} KB: {:.1} KB, {verdict}",
                *goal as f64 / 1000.0,
                size as f64 / 1000.0
            );
        }
    }
}

/// The budget file for `measured`: every budgeted size plus the margin, rounded up.
fn budget_json(measured: &Measured, goals: &[(String, Vec<(String, u64)>)]) -> String {
    let limit = |size: u64| {
        let with_margin = size + (size * MARGIN_PERCENT).div_ceil(100);
        with_margin.div_ceil(ROUND_TO) * ROUND_TO
    };
    let mut entries = Vec::new();
    for name in BUDGETED_FILES.iter().chain([&EMBED_TOTAL]) {
        let sizes = measured.get(name).unwrap_or_default();
        entries.push(format!(
            "    \"{name}\": {{ \"raw\": {}, \"gzip\": {}, \"brotli\": {} }}",
            limit(sizes.raw),
            limit(sizes.gzip),
            limit(sizes.brotli)
        ));
    }
    let goals: Vec<String> = goals
        .iter()
        .map(|(name, metrics)| {
            let metrics: Vec<String> = metrics
                .iter()
                .map(|(metric, bytes)| format!("\"{metric}\": {bytes}"))
                .collect();
            format!("    \"{name}\": {{ {} }}", metrics.join(", "))
        })
        .collect();
    format!(
        "{{\n  \"about\": \"Size budget of dist/ in bytes, checked by `cargo xtask size` and `cargo xtask test`: \
         a size above its limit fails. gzip = level 9 (flate2/miniz_oxide), brotli = quality 11, window 22. \
         \\\"{EMBED_TOTAL}\\\" = {}. Limits = measured + {MARGIN_PERCENT}%, rounded up to {ROUND_TO} bytes; \
         regenerate after an intended change with `cargo xtask size --update-budget`. \
         \\\"goals\\\" are the targets of issue #6 (1 KB = 1000 bytes), reported, not enforced.\",\n  \
         \"budget\": {{\n{}\n  }},\n  \"goals\": {{\n{}\n  }}\n}}\n",
        EMBED_FILES.join(" + "),
        entries.join(",\n"),
        goals.join(",\n")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measured(js: u64, wasm: u64) -> Measured {
        let sizes = |n: u64| Sizes {
            raw: n,
            gzip: n / 2,
            brotli: n / 3,
        };
        let mut embed = sizes(js);
        embed.add(sizes(wasm));
        Measured {
            files: vec![
                ("partner-roi.js".into(), sizes(js)),
                ("partner-roi_bg.wasm".into(), sizes(wasm)),
                ("partner-roi.html".into(), sizes(js + wasm * 4 / 3)),
            ],
            embed,
            all: embed,
        }
    }

    #[test]
    fn a_written_budget_reads_back_and_passes_with_margin() {
        let now = measured(40_000, 500_000);
        let goals = table(&default_goals(), "goals").unwrap();
        let text = budget_json(&now, &goals);
        let budget = parse_budget(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert!(over_budget(&now, &budget.limits).unwrap().is_empty());
        let wasm = budget
            .limits
            .iter()
            .find(|(name, _)| name == "partner-roi_bg.wasm")
            .unwrap();
        let limit = |metric: &str| wasm.1.iter().find(|(m, _)| m == metric).map(|(_, l)| *l);
        // 500000 + 3% = 515000; gzip 250000 + 3% = 257500; brotli 166666 + 3% -> 171700.
        assert_eq!(limit("raw"), Some(515_000));
        assert_eq!(limit("gzip"), Some(257_500));
        assert_eq!(limit("brotli"), Some(171_700));
        assert!(budget.goals.iter().any(|(name, _)| name == "embed"));
    }

    #[test]
    fn growth_beyond_the_margin_is_reported() {
        let goals = table(&default_goals(), "goals").unwrap();
        let text = budget_json(&measured(40_000, 500_000), &goals);
        let budget = parse_budget(&text).unwrap();
        let grown = measured(40_000, 540_000);
        let over = over_budget(&grown, &budget.limits).unwrap();
        assert!(over
            .iter()
            .any(|line| line.starts_with("partner-roi_bg.wasm raw 540000")));
        assert!(over.iter().any(|line| line.starts_with("embed gzip")));
    }

    #[test]
    fn bad_budget_files_are_explained() {
        let missing = parse_budget(r#"{"budget": {"partner-roi.js": {"raw": 1}}}"#);
        assert!(missing
            .err()
            .unwrap()
            .contains("budget.\"partner-roi_bg.wasm\" is missing"));
        let unknown = parse_budget(r#"{"budget": {"partner-roi.js": {"zstd": 1}}}"#);
        assert!(unknown.err().unwrap().contains("unknown size"));
        let negative = parse_budget(r#"{"budget": {"partner-roi.js": {"raw": -1}}}"#);
        assert!(negative.err().unwrap().contains("whole number"));
        assert!(parse_budget("{").err().unwrap().contains("not valid JSON"));
    }

    #[test]
    fn compression_is_deterministic_and_smaller_for_repetitive_text() {
        let text = "partner-roi ".repeat(1000);
        let a = compressed_sizes(text.as_bytes()).unwrap();
        let b = compressed_sizes(text.as_bytes()).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.raw, 12_000);
        assert!(a.gzip < 200 && a.brotli < 200, "{a:?}");
    }
}
