//! `cargo xtask size [--update-budget]`: raw, gzip -9 and brotli sizes of the files
//! `size-budget.json` names (and of `embed`, the JS + wasm a host page downloads), checked
//! against its limits; its goals are reported. Compressed in-process with the crates Cargo.lock
//! pins (flate2 level 9, brotli quality 11, window 22): the same numbers on every machine.

use crate::cmd::Result;
use crate::dist::{self, BUNDLE_FILES, DIST};
use crate::flags;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::{fs, io::Write as _, path::Path};

const BUDGET_FILE: &str = "size-budget.json";
const EMBED: &str = "embed";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Metric {
    Raw,
    Gzip,
    Brotli,
}

/// Bytes by name (a file in dist/, or `embed`) and metric.
type Table = BTreeMap<String, BTreeMap<Metric, u64>>;

/// `size-budget.json`: limits (a size above one fails) and goals (reported).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Budget {
    #[serde(default)]
    about: String,
    budget: Table,
    #[serde(default)]
    goals: Table,
}

impl flags::Size {
    pub fn run(self) -> Result {
        let mut budget = read_budget()?; // A broken file fails before the long build.
        dist::dist()?;
        if !self.update_budget {
            return check();
        }
        let measured = measure(&budget)?;
        for (name, limits) in &mut budget.budget {
            for (metric, limit) in limits.iter_mut() {
                *limit = limit_for(measured[name][metric]);
            }
        }
        let text = serde_json::to_string_pretty(&budget).map_err(|e| e.to_string())? + "\n";
        fs::write(BUDGET_FILE, text).map_err(|e| format!("cannot write {BUDGET_FILE}: {e}"))?;
        println!("size: wrote {BUDGET_FILE} (measured sizes + 3%)");
        Ok(())
    }
}

/// Measures the existing dist/ and fails when a size is over its limit (the test step).
pub fn check() -> Result {
    let budget = read_budget()?;
    let measured = measure(&budget)?;
    println!("size: {DIST}/, bytes: raw, gzip -9, brotli 11");
    for (name, sizes) in &measured {
        println!("size: {name:<24} {:?}", sizes.values().collect::<Vec<_>>());
    }
    for (name, goals) in &budget.goals {
        for (metric, goal) in goals {
            let size = measured[name][metric];
            println!(
                "size: goal (not enforced): {name} {metric:?} {size} <= {goal}: {}",
                size <= *goal
            );
        }
    }
    let over = over_budget(&measured, &budget.budget);
    if over.is_empty() {
        println!("size: every size is within {BUDGET_FILE}");
        return Ok(());
    }
    Err(format!(
        "over the budget in {BUDGET_FILE}:\n  {}\nIf the growth is intended, run \
         `cargo xtask size --update-budget` and commit {BUDGET_FILE}.",
        over.join("\n  ")
    ))
}

/// The measured size + 3%, rounded up to 100 bytes.
fn limit_for(size: u64) -> u64 {
    (size + (size * 3).div_ceil(100)).div_ceil(100) * 100
}

fn read_budget() -> Result<Budget> {
    let text =
        fs::read_to_string(BUDGET_FILE).map_err(|e| format!("cannot read {BUDGET_FILE}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("{BUDGET_FILE}: {e} (expected {{\"budget\": {{name: {{\"raw\"|\"gzip\"|\"brotli\": bytes}}}}, \"goals\": the same}})"))
}

/// Every size of every file the budget names, and of the embed total.
fn measure(budget: &Budget) -> Result<Table> {
    let mut names: Vec<&str> = budget
        .budget
        .keys()
        .chain(budget.goals.keys())
        .map(String::as_str)
        .collect();
    names.extend(BUNDLE_FILES);
    names.retain(|name| *name != EMBED);
    names.sort_unstable();
    names.dedup();
    // brotli at quality 11 is slow: one thread per file.
    let mut measured = std::thread::scope(|scope| {
        let threads: Vec<_> = names
            .iter()
            .map(|&name| scope.spawn(move || measure_file(name)))
            .collect();
        let sizes = threads.into_iter().map(|thread| {
            thread
                .join()
                .unwrap_or_else(|_| Err("compression panicked".into()))
        });
        names
            .iter()
            .map(|name| name.to_string())
            .zip(sizes)
            .map(|(name, sizes)| Ok((name, sizes?)))
            .collect::<Result<Table>>()
    })?;
    let embed = [Metric::Raw, Metric::Gzip, Metric::Brotli].map(|metric| {
        (
            metric,
            BUNDLE_FILES
                .iter()
                .map(|file| measured[*file][&metric])
                .sum(),
        )
    });
    measured.insert(EMBED.into(), embed.into());
    Ok(measured)
}

fn measure_file(name: &str) -> Result<BTreeMap<Metric, u64>> {
    let path = Path::new(DIST).join(name);
    let contents = fs::read(&path).map_err(|e| {
        format!(
            "{BUDGET_FILE} names \"{name}\", but {} cannot be read ({e})",
            path.display()
        )
    })?;
    let [raw, gzip, brotli] =
        compressed_sizes(&contents).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(BTreeMap::from([
        (Metric::Raw, raw),
        (Metric::Gzip, gzip),
        (Metric::Brotli, brotli),
    ]))
}

/// Raw size, gzip at level 9 and brotli at quality 11, window 22.
fn compressed_sizes(contents: &[u8]) -> Result<[u64; 3]> {
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(9));
    let gzip = gzip
        .write_all(contents)
        .and_then(|()| gzip.finish())
        .map_err(|e| format!("gzip failed: {e}"))?;
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        size_hint: contents.len(),
        ..Default::default()
    };
    let mut brotli = Vec::new();
    brotli::BrotliCompress(&mut &contents[..], &mut brotli, &params)
        .map_err(|e| format!("brotli failed: {e}"))?;
    Ok([contents.len(), gzip.len(), brotli.len()].map(|n| n as u64))
}

/// One line per size over its limit, naming the file (or `embed`) and the metric.
fn over_budget(measured: &Table, limits: &Table) -> Vec<String> {
    let sizes = limits.iter().flat_map(|(name, limits)| {
        limits
            .iter()
            .map(move |(metric, limit)| (name, metric, *limit))
    });
    sizes
        .filter_map(|(name, metric, limit)| {
            let size = measured
                .get(name)?
                .get(metric)
                .copied()
                .filter(|size| *size > limit)?;
            Some(format!(
                "{name} {metric:?} {size} bytes > {limit} (+{} bytes)",
                size - limit
            ))
        })
        .collect()
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
        let budget: Budget = serde_json::from_str(BUDGET).unwrap_or_else(|e| panic!("{e}"));
        let measured = |js_gzip: u64, embed_gzip: u64| -> Table {
            let js = BTreeMap::from([
                (Metric::Raw, 41_200),
                (Metric::Gzip, js_gzip),
                (Metric::Brotli, 1),
            ]);
            let embed = BTreeMap::from([(Metric::Gzip, embed_gzip)]);
            BTreeMap::from([("partner-roi.js".into(), js), (EMBED.into(), embed)])
        };
        assert_eq!(
            over_budget(&measured(20_600, 278_100), &budget.budget),
            Vec::<String>::new()
        );
        assert_eq!(
            over_budget(&measured(20_601, 280_000), &budget.budget),
            [
                "embed Gzip 280000 bytes > 278100 (+1900 bytes)",
                "partner-roi.js Gzip 20601 bytes > 20600 (+1 bytes)"
            ]
        );
    }

    #[test]
    fn limits_are_three_percent_more_rounded_up_to_100_bytes() {
        assert_eq!([500_000, 166_666, 0].map(limit_for), [515_000, 171_700, 0]);
    }

    #[test]
    fn malformed_budgets_are_refused() {
        for [from, to, expected] in [
            [
                r#""goals""#,
                r#""limits": {}, "goals""#,
                "unknown field `limits`",
            ],
            [
                r#""brotli": 13800"#,
                r#""zstd": 1"#,
                "unknown variant `zstd`",
            ],
            [
                r#""raw": 41200"#,
                r#""raw": -1"#,
                "invalid value: integer `-1`",
            ],
            [
                r#""budget": {"#,
                r#""budget": ["#,
                "invalid type: sequence, expected a map",
            ],
        ] {
            let text = BUDGET.replacen(from, to, 1);
            let error = serde_json::from_str::<Budget>(&text)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(error.contains(expected), "{expected}: {error}");
        }
    }

    #[test]
    fn the_committed_budget_would_be_written_unchanged() {
        let path = crate::cmd::repo_root().join(BUDGET_FILE);
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let budget: Budget = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        assert!(budget.budget[EMBED][&Metric::Gzip] > 0);
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
        assert_eq!(
            compressed_sizes(text.as_bytes()),
            Ok([73_456, 12_878, 12_214])
        );
    }
}
