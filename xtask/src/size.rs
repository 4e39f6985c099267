//! `cargo xtask size`: raw, gzip -9 and brotli sizes of the files named in
//! `size-budget.json`, and of the embed bundle, each checked against its limit.
//!
//! Compressed in-process with crates pinned in Cargo.lock (`flate2`/miniz_oxide level 9,
//! `brotli` quality 11, window 22): the same numbers on every machine, no binaries needed.

use crate::cmd::Result;
use crate::dist::{self, DIST};
use crate::flags;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::{fs, io::Write as _, path::Path, thread::ScopedJoinHandle};

/// The budget file, at the repository root.
const BUDGET_FILE: &str = "size-budget.json";
/// The budget name of the total of the two files a host page downloads.
const EMBED: &str = "embed";
const EMBED_FILES: [&str; 2] = ["partner-roi.js", "partner-roi_bg.wasm"];
/// The sizes measured, in the order of [`compressed_sizes`].
const METRICS: [&str; 3] = ["raw", "gzip", "brotli"];

/// Bytes by name (a file in dist/, or `embed`) and metric.
type Table = BTreeMap<String, BTreeMap<String, u64>>;

/// `size-budget.json`: limits (a size above its limit fails) and goals (reported, not
/// enforced). Read first with [`Value`] entries, so that an error can name its entry.
#[derive(Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Budget<Entry = BTreeMap<String, u64>> {
    #[serde(default)]
    about: String,
    budget: BTreeMap<String, Entry>,
    #[serde(default)]
    goals: BTreeMap<String, Entry>,
}

impl Budget {
    fn parse(text: &str) -> Result<Budget> {
        let file: Budget<Value> = serde_json::from_str(text).map_err(budget_error)?;
        let mut budget: Budget = Budget {
            about: file.about,
            ..Budget::default()
        };
        let sections = [
            ("budget", file.budget, &mut budget.budget),
            ("goals", file.goals, &mut budget.goals),
        ];
        for (section, entries, table) in sections {
            for (name, sizes) in entries {
                let error =
                    |what: String| budget_error(format!("\"{section}\".\"{name}\": {what}"));
                let Some(sizes) = sizes.as_object() else {
                    return Err(error(format!("{sizes} is no object")));
                };
                let entry = table.entry(name.clone()).or_default();
                for (metric, bytes) in sizes {
                    let size = bytes
                        .as_u64()
                        .filter(|_| METRICS.contains(&metric.as_str()));
                    let not_a_size =
                        || error(format!("`\"{metric}\": {bytes}` is not a metric in bytes"));
                    entry.insert(metric.clone(), size.ok_or_else(not_a_size)?);
                }
            }
        }
        Ok(budget)
    }
}

fn budget_error(e: impl std::fmt::Display) -> String {
    format!(
        "{BUDGET_FILE}: {e}\n(expected {{\"budget\": {{name: {{metric: bytes}}}}, \"goals\": the \
         same}}, a name being a file in {DIST}/ or \"{EMBED}\", a metric one of {})",
        METRICS.join(", ")
    )
}

impl flags::Size {
    /// `cargo xtask size [--update-budget]`: builds dist/, then checks (or rewrites) the budget.
    pub fn run(self) -> Result {
        read_budget()?; // A broken budget file fails before the (long) build.
        dist::dist()?;
        if self.update_budget {
            update_budget()
        } else {
            check()
        }
    }
}

/// Measures the existing dist/ and fails when a size is over its limit (the test step).
pub fn check() -> Result {
    let budget = read_budget()?;
    let measured = measure(&budget)?;
    print_sizes(&measured, &budget);
    let over = over_budget(&measured, &budget.budget);
    if over.is_empty() {
        println!("size: every size is within {BUDGET_FILE}");
        return Ok(());
    }
    Err(format!(
        "{} size(s) over the budget in {BUDGET_FILE}:\n  {}\nIf the growth is intended, run \
         `cargo xtask size --update-budget` and commit {BUDGET_FILE}.",
        over.len(),
        over.join("\n  ")
    ))
}

/// Rewrites every limit as [`limit_for`] the measured size.
fn update_budget() -> Result {
    let mut budget = read_budget()?;
    let measured = measure(&budget)?;
    for (name, limits) in &mut budget.budget {
        for (metric, limit) in limits {
            *limit = limit_for(bytes(&measured, name, metric).unwrap_or(0));
        }
    }
    let text = serde_json::to_string_pretty(&budget).map_err(|e| e.to_string())? + "\n";
    fs::write(BUDGET_FILE, text).map_err(|e| format!("cannot write {BUDGET_FILE}: {e}"))?;
    print_sizes(&measured, &budget);
    println!("size: wrote {BUDGET_FILE} (measured sizes + 3%)");
    Ok(())
}

/// The measured size + 3%, rounded up to 100 bytes.
fn limit_for(size: u64) -> u64 {
    (size + (size * 3).div_ceil(100)).div_ceil(100) * 100
}

fn read_budget() -> Result<Budget> {
    Budget::parse(
        &fs::read_to_string(BUDGET_FILE).map_err(|e| format!("cannot read {BUDGET_FILE}: {e}"))?,
    )
}

fn bytes(table: &Table, name: &str, metric: &str) -> Option<u64> {
    table.get(name)?.get(metric).copied()
}

/// Every size of every file the budget names, and of the embed total.
fn measure(budget: &Budget) -> Result<Table> {
    let names = budget.budget.keys().chain(budget.goals.keys());
    let mut files: BTreeSet<&str> = names.map(String::as_str).collect();
    files.remove(EMBED);
    files.extend(EMBED_FILES);
    // brotli at quality 11 is slow: one thread per file.
    let mut measured = std::thread::scope(|scope| {
        let threads: Vec<_> = (files.iter())
            .map(|&name| scope.spawn(move || measure_file(name)))
            .collect();
        let join = |(name, thread): (&&str, ScopedJoinHandle<_>)| {
            let sizes = thread
                .join()
                .map_err(|_| format!("{name}: compression panicked"))?;
            Ok((name.to_string(), sizes?))
        };
        files
            .iter()
            .zip(threads)
            .map(join)
            .collect::<Result<Table>>()
    })?;
    let embed = METRICS.map(|metric| {
        let total = EMBED_FILES
            .iter()
            .filter_map(|file| bytes(&measured, file, metric))
            .sum();
        (metric.to_string(), total)
    });
    measured.insert(EMBED.into(), embed.into_iter().collect());
    Ok(measured)
}

fn measure_file(name: &str) -> Result<BTreeMap<String, u64>> {
    let path = Path::new(DIST).join(name);
    let contents = fs::read(&path).map_err(|e| {
        format!(
            "{BUDGET_FILE} names \"{name}\", but {} cannot be read ({e}): run `cargo xtask dist` \
             first, or mend the entry",
            path.display()
        )
    })?;
    let sizes = compressed_sizes(&contents).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(METRICS.map(String::from).into_iter().zip(sizes).collect())
}

/// Raw size, gzip at level 9 and brotli at quality 11, window 22.
fn compressed_sizes(contents: &[u8]) -> Result<[u64; 3]> {
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(9));
    gzip.write_all(contents)
        .map_err(|e| format!("gzip failed: {e}"))?;
    let gzip = gzip.finish().map_err(|e| format!("gzip failed: {e}"))?;
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        size_hint: contents.len(),
        ..Default::default()
    };
    let mut brotli = Vec::new();
    brotli::BrotliCompress(&mut &contents[..], &mut brotli, &params)
        .map_err(|e| format!("brotli failed: {e}"))?;
    Ok([contents.len(), gzip.len(), brotli.len()].map(|n| u64::try_from(n).unwrap_or(u64::MAX)))
}

/// One line per size over its limit, naming the file (or `embed`) and the metric.
fn over_budget(measured: &Table, limits: &Table) -> Vec<String> {
    let mut over = Vec::new();
    for (name, limits) in limits {
        for (metric, &limit) in limits {
            let size = bytes(measured, name, metric).unwrap_or(0);
            if size > limit {
                let excess = size - limit;
                over.push(format!(
                    "{name} {metric} {size} bytes > {limit} (+{excess} bytes, +{:.1}%)",
                    percent(excess, limit)
                ));
            }
        }
    }
    over
}

fn percent(part: u64, whole: u64) -> f64 {
    part as f64 * 100.0 / whole.max(1) as f64
}

/// The sizes of the files with limits (the embed total last) against them, then the goals.
fn print_sizes(measured: &Table, budget: &Budget) {
    println!("size: {DIST}/ in bytes (gzip -9: flate2/miniz_oxide level 9; brotli: quality 11)");
    println!(
        "size: {:<32} {:>9} {:>9} {:>9}  budget",
        "file", "raw", "gzip", "brotli"
    );
    let (embed, files): (Vec<_>, Vec<_>) =
        budget.budget.iter().partition(|(name, _)| *name == EMBED);
    for (name, limits) in files.into_iter().chain(embed) {
        let size = |metric: &str| bytes(measured, name, metric).unwrap_or(0);
        let status: Vec<String> = METRICS
            .iter()
            .filter_map(|&metric| {
                let (size, limit) = (size(metric), *limits.get(metric)?);
                let mark = if size > limit { "OVER" } else { "ok" };
                Some(format!("{metric} {mark} ({:.0}%)", percent(size, limit)))
            })
            .collect();
        let label = if name == EMBED {
            "embed (js + wasm)"
        } else {
            name
        };
        let [raw, gzip, brotli] = METRICS.map(size);
        println!(
            "size: {label:<32} {raw:>9} {gzip:>9} {brotli:>9}  {}",
            status.join(", ")
        );
    }
    for (name, goals) in &budget.goals {
        for (metric, &goal) in goals {
            let size = bytes(measured, name, metric).unwrap_or(0);
            let ratio = size as f64 / goal.max(1) as f64;
            let verdict = if ratio <= 1.0 {
                "met".into()
            } else {
                format!("missed, {ratio:.2}x the goal")
            };
            let (goal, size) = (goal as f64 / 1000.0, size as f64 / 1000.0);
            println!("size: goal (issue #6, not enforced): {name} {metric} <= {goal:.1} KB: {size:.1} KB, {verdict}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUDGET: &str = r#"{
      "budget": {
        "partner-roi.js": { "raw": 41200, "gzip": 20600, "brotli": 13800 },
        "embed": { "gzip": 278100 }
      },
      "goals": { "embed": { "gzip": 80000 } }
    }"#;

    #[test]
    fn sizes_over_their_limit_are_named_by_file_and_metric() {
        let budget = Budget::parse(BUDGET).unwrap_or_else(|e| panic!("{e}"));
        let measured = |js_gzip: u64, embed_gzip: u64| -> Table {
            let js = [("raw", 41_200), ("gzip", js_gzip), ("brotli", 1)];
            let js = js.map(|(metric, size)| (metric.to_string(), size));
            let embed = BTreeMap::from([("gzip".to_string(), embed_gzip)]);
            BTreeMap::from([("partner-roi.js".into(), js.into()), (EMBED.into(), embed)])
        };
        assert_eq!(
            over_budget(&measured(20_600, 278_100), &budget.budget),
            Vec::<String>::new()
        );
        assert_eq!(
            over_budget(&measured(20_601, 280_000), &budget.budget),
            [
                "embed gzip 280000 bytes > 278100 (+1900 bytes, +0.7%)",
                "partner-roi.js gzip 20601 bytes > 20600 (+1 bytes, +0.0%)",
            ]
        );
    }

    #[test]
    fn limits_are_three_percent_more_rounded_up_to_100_bytes() {
        assert_eq!([500_000, 166_666, 0].map(limit_for), [515_000, 171_700, 0]);
    }

    #[test]
    fn malformed_budgets_are_explained_by_entry() {
        let cases = [
            (
                r#""goals""#,
                r#""limits": {}, "goals""#,
                "unknown field `limits`",
            ),
            (
                r#""brotli": 13800"#,
                r#""zstd": 1"#,
                r#""partner-roi.js": `"zstd": 1` is not"#,
            ),
            (
                r#""raw": 41200"#,
                r#""raw": -1"#,
                r#""partner-roi.js": `"raw": -1` is not"#,
            ),
            (
                r#"{ "gzip": 80000 }"#,
                "80000",
                r#""goals"."embed": 80000 is no object"#,
            ),
            (
                r#""budget": {"#,
                r#""budget": ["#,
                "invalid type: sequence, expected a map",
            ),
        ];
        for (from, to, expected) in cases {
            let text = BUDGET.replacen(from, to, 1);
            assert_ne!(text, BUDGET, "{from}");
            let error = Budget::parse(&text).err().unwrap_or_default();
            assert!(error.starts_with("size-budget.json: "), "{error}");
            assert!(error.contains(expected), "{expected}: {error}");
        }
    }

    #[test]
    fn a_file_missing_from_dist_is_named() {
        let error = measure_file("no-such-file.js").unwrap_err();
        assert!(error.contains("names \"no-such-file.js\""), "{error}");
    }

    #[test]
    fn the_committed_budget_parses_and_would_be_written_unchanged() {
        let path = crate::cmd::repo_root().join(BUDGET_FILE);
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let budget = Budget::parse(&text).unwrap_or_else(|e| panic!("{e}"));
        assert!(bytes(&budget.budget, EMBED, "gzip").is_some_and(|limit| limit > 0));
        assert_eq!(
            serde_json::to_string_pretty(&budget).ok().map(|t| t + "\n"),
            Some(text)
        );
    }

    #[test]
    fn compression_is_deterministic_at_gzip_9_and_brotli_11() {
        // Text that compresses differently at other levels, qualities or windows.
        let words = [
            "roi", "partner", "margin", "deal", "tier", "€", "12", "0.5", "\n",
        ];
        let mut seed = 1u64;
        let text: String = (0..20_000)
            .map(|_| {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                words[(seed >> 33) as usize % words.len()]
            })
            .collect();
        let sizes = compressed_sizes(text.as_bytes());
        assert_eq!(sizes, compressed_sizes(text.as_bytes()));
        assert_eq!(sizes, Ok([73_456, 12_878, 12_214]));
    }
}
