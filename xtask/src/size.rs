//! `cargo xtask size`: raw, gzip -9 and brotli sizes of every file in dist/, checked
//! against the budget in `size-budget.json`.
//!
//! The compressed sizes are computed in-process with crates pinned in Cargo.lock
//! (`flate2` with miniz_oxide at level 9, `brotli` at quality 11 and window 22), so
//! they are the same on every machine and need no gzip or brotli binaries.
//!
//! `size-budget.json` is [`BudgetFile`], read and written through serde: a field it does
//! not know is an error, not ignored, and `--update-budget` writes it in the layout it has
//! in the repository (serde_json's pretty layout, one line per file).

use crate::cmd::Result;
use crate::dist::{self, DIST};
use crate::flags;
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// The budget file, at the repository root.
pub const BUDGET_FILE: &str = "size-budget.json";
/// The embed bundle: the two files a host page downloads.
const EMBED_FILES: [&str; 2] = ["partner-roi.js", "partner-roi_bg.wasm"];
/// The budget key of the embed bundle's total.
const EMBED_TOTAL: &str = "embed";
/// Files that must exist and be in the budget.
const BUDGETED_FILES: [&str; 4] = [
    "partner-roi.js",
    "partner-roi_bg.wasm",
    "partner-roi.html",
    "designer.html",
];
/// Headroom written by `--update-budget` above the measured sizes.
const MARGIN_PERCENT: u64 = 3;
/// Budget limits are rounded up to a multiple of this many bytes.
const ROUND_TO: u64 = 100;

/// Raw and compressed sizes of one file (or a total), in bytes; in the budget file, the
/// limits of one file (or of the embed total).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sizes {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

impl Sizes {
    /// Each size with its name, in the budget file's order.
    fn metrics(&self) -> [(&'static str, u64); 3] {
        [
            ("raw", self.raw),
            ("gzip", self.gzip),
            ("brotli", self.brotli),
        ]
    }

    fn add(&mut self, other: Sizes) {
        self.raw += other.raw;
        self.gzip += other.gzip;
        self.brotli += other.brotli;
    }
}

/// `size-budget.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetFile {
    /// What the file is and how to regenerate it, for its readers (not read by the check).
    #[serde(default)]
    pub about: String,
    /// The limits: a size above its limit fails the check.
    pub budget: Limits,
    /// The targets of issue #6: reported, not enforced. Absent: [`Goals::issue_6`].
    #[serde(default = "Goals::issue_6")]
    pub goals: Goals,
}

/// The limits of the three shipped files and of the embed bundle's total.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    #[serde(rename = "partner-roi.js")]
    pub js: Sizes,
    #[serde(rename = "partner-roi_bg.wasm")]
    pub wasm: Sizes,
    #[serde(rename = "partner-roi.html")]
    pub html: Sizes,
    /// The program designer (its own bundle and the widget's, inlined).
    #[serde(rename = "designer.html")]
    pub designer: Sizes,
    pub embed: Sizes,
}

impl Limits {
    /// Each limit with the name of what it limits (a file in dist/, or `embed`).
    fn entries(&self) -> [(&'static str, Sizes); 5] {
        [
            (BUDGETED_FILES[0], self.js),
            (BUDGETED_FILES[1], self.wasm),
            (BUDGETED_FILES[2], self.html),
            (BUDGETED_FILES[3], self.designer),
            (EMBED_TOTAL, self.embed),
        ]
    }

    fn get(&self, name: &str) -> Option<Sizes> {
        self.entries()
            .into_iter()
            .find(|(limited, _)| *limited == name)
            .map(|(_, sizes)| sizes)
    }
}

/// Goals, by what they are for; only the sizes given are reported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goals {
    #[serde(default, skip_serializing_if = "Goal::is_empty")]
    pub embed: Goal,
    #[serde(
        rename = "partner-roi.html",
        default,
        skip_serializing_if = "Goal::is_empty"
    )]
    pub html: Goal,
    #[serde(
        rename = "partner-roi.js",
        default,
        skip_serializing_if = "Goal::is_empty"
    )]
    pub js: Goal,
    #[serde(
        rename = "partner-roi_bg.wasm",
        default,
        skip_serializing_if = "Goal::is_empty"
    )]
    pub wasm: Goal,
}

impl Goals {
    /// The issue's targets (1 KB = 1000 bytes): the embed bundle within 80 KB gzip, the
    /// offline file within 250 KB raw.
    pub fn issue_6() -> Goals {
        Goals {
            embed: Goal {
                gzip: Some(80_000),
                ..Goal::default()
            },
            html: Goal {
                raw: Some(250_000),
                ..Goal::default()
            },
            ..Goals::default()
        }
    }

    fn entries(&self) -> [(&'static str, Goal); 4] {
        [
            (EMBED_TOTAL, self.embed),
            (BUDGETED_FILES[2], self.html),
            (BUDGETED_FILES[0], self.js),
            (BUDGETED_FILES[1], self.wasm),
        ]
    }
}

/// The goal sizes of one file or total, each optional.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gzip: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brotli: Option<u64>,
}

impl Goal {
    fn is_empty(&self) -> bool {
        self.metrics().is_empty()
    }

    /// The sizes given, with their names.
    fn metrics(&self) -> Vec<(&'static str, u64)> {
        [
            ("raw", self.raw),
            ("gzip", self.gzip),
            ("brotli", self.brotli),
        ]
        .into_iter()
        .filter_map(|(metric, goal)| goal.map(|goal| (metric, goal)))
        .collect()
    }
}

impl BudgetFile {
    /// The budget for `measured`: every budgeted size plus the margin, rounded up.
    fn for_sizes(measured: &Measured, goals: Goals) -> BudgetFile {
        let limit = |name: &str| {
            let sizes = measured.get(name).unwrap_or_default();
            let limit = |size: u64| {
                let with_margin = size + (size * MARGIN_PERCENT).div_ceil(100);
                with_margin.div_ceil(ROUND_TO) * ROUND_TO
            };
            Sizes {
                raw: limit(sizes.raw),
                gzip: limit(sizes.gzip),
                brotli: limit(sizes.brotli),
            }
        };
        BudgetFile {
            about: format!(
                "Size budget of dist/ in bytes, checked by `cargo xtask size` and `cargo xtask test`: \
                 a size above its limit fails. gzip = level 9 (flate2/miniz_oxide), brotli = quality 11, window 22. \
                 \"{EMBED_TOTAL}\" = {}. Limits = measured + {MARGIN_PERCENT}%, rounded up to {ROUND_TO} bytes; \
                 regenerate after an intended change with `cargo xtask size --update-budget`. \
                 \"goals\" are the targets of issue #6 (1 KB = 1000 bytes), reported, not enforced.",
                EMBED_FILES.join(" + ")
            ),
            budget: Limits {
                js: limit(BUDGETED_FILES[0]),
                wasm: limit(BUDGETED_FILES[1]),
                html: limit(BUDGETED_FILES[2]),
                designer: limit(BUDGETED_FILES[3]),
                embed: limit(EMBED_TOTAL),
            },
            goals,
        }
    }

    /// Reads the budget file's text; errors name the file and say how to mend it.
    pub fn parse(text: &str) -> Result<BudgetFile> {
        serde_json::from_str(text).map_err(|e| {
            format!(
                "{BUDGET_FILE}: {e}\n\
                 (expected {{\"about\", \"budget\", \"goals\"}}; \"budget\" has {}, and \"{EMBED_TOTAL}\", \
                 each {{\"raw\", \"gzip\", \"brotli\"}} in bytes; \
                 `cargo xtask size --update-budget` writes a fresh one)",
                BUDGETED_FILES.join(", ")
            )
        })
    }

    /// The file's text: serde_json's pretty layout (two-space indents), each file's sizes on
    /// one line, and a final newline.
    pub fn to_text(&self) -> String {
        let mut bytes = Vec::new();
        let mut serializer =
            serde_json::Serializer::with_formatter(&mut bytes, OneLinePerFile::default());
        self.serialize(&mut serializer)
            .expect("a budget always serializes");
        bytes.push(b'\n');
        String::from_utf8(bytes).expect("serde_json writes UTF-8")
    }
}

/// serde_json's pretty layout for the outer two levels of objects; deeper objects (one
/// file's sizes) on one line, `{ "raw": 1, "gzip": 2 }`.
#[derive(Default)]
struct OneLinePerFile {
    depth: usize,
    has_value: bool,
}

impl OneLinePerFile {
    /// Objects this deep, or deeper, are written on one line.
    const ONE_LINE_DEPTH: usize = 3;

    fn one_line(&self) -> bool {
        self.depth >= Self::ONE_LINE_DEPTH
    }

    fn indent<W: ?Sized + io::Write>(writer: &mut W, depth: usize) -> io::Result<()> {
        (0..depth).try_for_each(|_| writer.write_all(b"  "))
    }
}

impl serde_json::ser::Formatter for OneLinePerFile {
    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        let one_line = self.one_line();
        self.depth -= 1;
        if !self.has_value {
            writer.write_all(b"}")
        } else if one_line {
            writer.write_all(b" }")
        } else {
            writer.write_all(b"\n")?;
            Self::indent(writer, self.depth)?;
            writer.write_all(b"}")
        }
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        if self.one_line() {
            writer.write_all(if first { b" " } else { b", " })
        } else {
            writer.write_all(if first { b"\n" } else { b",\n" })?;
            Self::indent(writer, self.depth)
        }
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

impl flags::Size {
    /// `cargo xtask size [--update-budget]`: builds dist/, then checks (or rewrites) the budget.
    pub fn run(self) -> Result {
        if !self.update_budget {
            // A missing or broken budget file fails before the (long) build.
            read_budget()?;
        }
        dist::dist()?;
        if self.update_budget {
            update_budget()
        } else {
            check()
        }
    }
}

/// Measures the existing dist/ and fails when a size is over the budget (the test step).
pub fn check() -> Result {
    let measured = measure_dist()?;
    let budget = read_budget()?;
    print_table(&measured, &budget.budget);
    print_goals(&measured, &budget.goals);
    verdict(&measured, &budget.budget)
}

/// `Ok` when every size is within its limit; else prints and returns what is over.
fn verdict(measured: &Measured, limits: &Limits) -> Result {
    let over = over_budget(measured, limits)?;
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
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .and_then(|mut json| json.get_mut("goals").map(serde_json::Value::take))
        .map(|goals| {
            serde_json::from_value::<Goals>(goals)
                .map_err(|e| format!("{BUDGET_FILE}: \"goals\": {e}"))
        })
        .transpose()?
        .unwrap_or_else(Goals::issue_6);
    let budget = BudgetFile::for_sizes(&measured, goals);
    fs::write(BUDGET_FILE, budget.to_text())
        .map_err(|e| format!("cannot write {BUDGET_FILE}: {e}"))?;
    print_table(&measured, &budget.budget);
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

fn read_budget() -> Result<BudgetFile> {
    let text = fs::read_to_string(BUDGET_FILE).map_err(|e| {
        format!(
            "cannot read {BUDGET_FILE}: {e}\n\
             Create it from the current dist/ with `cargo xtask size --update-budget`."
        )
    })?;
    BudgetFile::parse(&text)
}

/// One line per size over its limit; an error when a budgeted file is not in dist/.
fn over_budget(measured: &Measured, limits: &Limits) -> Result<Vec<String>> {
    let mut over = Vec::new();
    for (name, limit) in limits.entries() {
        let sizes = measured.get(name).ok_or_else(|| {
            format!("{BUDGET_FILE} has a budget for \"{name}\", which is not in {DIST}/")
        })?;
        for ((metric, size), (_, limit)) in sizes.metrics().into_iter().zip(limit.metrics()) {
            if size > limit {
                over.push(format!(
                    "{name} {metric} {size} bytes > {limit} (+{} bytes, +{:.1}%)",
                    size - limit,
                    percent(size - limit, limit)
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

fn print_table(measured: &Measured, limits: &Limits) {
    println!("size: {DIST}/ in bytes (gzip -9: flate2/miniz_oxide level 9; brotli: quality 11)");
    println!(
        "size: {:<32} {:>9} {:>9} {:>9}  budget",
        "file", "raw", "gzip", "brotli"
    );
    let row = |name: &str, label: &str, sizes: Sizes| {
        let status = match limits.get(name) {
            None => "-".to_string(),
            Some(limit) => {
                let mut status = String::new();
                for ((metric, size), (_, limit)) in sizes.metrics().into_iter().zip(limit.metrics())
                {
                    let mark = if size > limit { "OVER" } else { "ok" };
                    let _ = write!(
                        status,
                        "{}{metric} {mark} ({:.0}%)",
                        if status.is_empty() { "" } else { ", " },
                        percent(size, limit)
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

fn print_goals(measured: &Measured, goals: &Goals) {
    for (name, goal) in goals.entries() {
        let Some(sizes) = measured.get(name) else {
            continue;
        };
        let sizes = sizes.metrics();
        for (metric, goal) in goal.metrics() {
            let size = sizes
                .iter()
                .find(|(measured, _)| *measured == metric)
                .map_or(0, |(_, size)| *size);
            let verdict = if size <= goal {
                "met".to_string()
            } else {
                format!("missed, {:.2}x the goal", size as f64 / goal.max(1) as f64)
            };
            println!(
                "size: goal (issue #6, not enforced): {name} {metric} <= {:.1} KB: {:.1} KB, {verdict}",
                goal as f64 / 1000.0,
                size as f64 / 1000.0
            );
        }
    }
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
                ("designer.html".into(), sizes(js + wasm * 3)),
            ],
            embed,
            all: embed,
        }
    }

    fn budget_text(js: u64, wasm: u64) -> String {
        BudgetFile::for_sizes(&measured(js, wasm), Goals::issue_6()).to_text()
    }

    #[test]
    fn a_written_budget_round_trips_and_passes_with_margin() {
        let now = measured(40_000, 500_000);
        let written = BudgetFile::for_sizes(&now, Goals::issue_6());
        let text = written.to_text();
        let read = BudgetFile::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(read, written);
        assert_eq!(read.to_text(), text);
        assert!(over_budget(&now, &read.budget).unwrap().is_empty());
        assert!(verdict(&now, &read.budget).is_ok());
        // 500000 + 3% = 515000; gzip 250000 + 3% = 257500; brotli 166666 + 3% -> 171700.
        assert_eq!(
            read.budget.wasm,
            Sizes {
                raw: 515_000,
                gzip: 257_500,
                brotli: 171_700
            }
        );
        assert_eq!(read.goals, Goals::issue_6());
    }

    #[test]
    fn the_committed_budget_file_round_trips_byte_for_byte() {
        let path = crate::cmd::repo_root().join(BUDGET_FILE);
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let budget = BudgetFile::parse(&text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(budget.to_text(), text);
        // And `--update-budget` writes the same `about` as the committed file has.
        assert_eq!(
            BudgetFile::for_sizes(&measured(1, 1), budget.goals).about,
            budget.about
        );
    }

    #[test]
    fn the_layout_is_one_line_per_file() {
        let text = budget_text(40_000, 500_000);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "{");
        assert!(lines[1].starts_with("  \"about\": \"Size budget of dist/"));
        assert_eq!(lines[2], "  \"budget\": {");
        assert_eq!(
            lines[3],
            "    \"partner-roi.js\": { \"raw\": 41200, \"gzip\": 20600, \"brotli\": 13800 },"
        );
        assert_eq!(lines[8], "  },");
        assert_eq!(lines[9], "  \"goals\": {");
        assert_eq!(lines[10], "    \"embed\": { \"gzip\": 80000 },");
        assert_eq!(lines[11], "    \"partner-roi.html\": { \"raw\": 250000 }");
        assert_eq!(&lines[12..], ["  }", "}"]);
        assert!(text.ends_with("}\n"));
    }

    #[test]
    fn growth_beyond_the_margin_fails_the_check() {
        let budget = BudgetFile::parse(&budget_text(40_000, 500_000)).unwrap();
        let grown = measured(40_000, 540_000);
        let over = over_budget(&grown, &budget.budget).unwrap();
        assert!(over
            .iter()
            .any(|line| line.starts_with("partner-roi_bg.wasm raw 540000 bytes > 515000")));
        assert!(over.iter().any(|line| line.starts_with("embed gzip")));
        assert!(!over.iter().any(|line| line.starts_with("partner-roi.js")));
        let error = verdict(&grown, &budget.budget).unwrap_err();
        assert!(
            error.contains("over the budget in size-budget.json"),
            "{error}"
        );
        assert!(
            error.contains("cargo xtask size --update-budget"),
            "{error}"
        );
    }

    #[test]
    fn unknown_fields_are_rejected_by_name() {
        let text = budget_text(40_000, 500_000);
        let cases = [
            // A field the file does not have.
            (
                text.replacen("\"goals\"", "\"limits\": {},\n  \"goals\"", 1),
                "unknown field `limits`",
            ),
            // A size the check does not measure.
            (
                text.replacen("\"brotli\"", "\"zstd\": 1, \"brotli\"", 1),
                "unknown field `zstd`",
            ),
            // A file the budget does not cover (a typo).
            (
                text.replacen("\"partner-roi.js\"", "\"partner_roi.js\"", 1),
                "unknown field `partner_roi.js`",
            ),
            // A goal of a file that is not budgeted.
            (
                text.replacen(
                    "\"embed\": { \"gzip\": 80000 }",
                    "\"index.html\": { \"gzip\": 1 }",
                    1,
                ),
                "unknown field `index.html`",
            ),
        ];
        for (text, expected) in cases {
            let error = BudgetFile::parse(&text).unwrap_err();
            assert!(error.starts_with("size-budget.json: "), "{error}");
            assert!(error.contains(expected), "{expected}: {error}");
            assert!(error.contains("--update-budget"), "{error}");
        }
    }

    #[test]
    fn incomplete_or_malformed_budgets_are_explained() {
        let text = budget_text(40_000, 500_000);
        let no_wasm = text.replacen("    \"partner-roi_bg.wasm\"", "    \"embed-old\"", 1);
        let error = BudgetFile::parse(&no_wasm).unwrap_err();
        assert!(error.contains("unknown field `embed-old`"), "{error}");
        let missing = BudgetFile::parse(
            r#"{"budget": {"partner-roi.js": {"raw": 1, "gzip": 1, "brotli": 1}}}"#,
        )
        .unwrap_err();
        assert!(
            missing.contains("missing field `partner-roi_bg.wasm`"),
            "{missing}"
        );
        let negative =
            BudgetFile::parse(&text.replacen("\"raw\": 41200", "\"raw\": -1", 1)).unwrap_err();
        assert!(
            negative.contains("invalid value: integer `-1`"),
            "{negative}"
        );
        assert!(BudgetFile::parse("{").unwrap_err().contains("EOF"));
        // Without goals, the issue's are used.
        let no_goals = BudgetFile::parse(
            r#"{"budget": {
            "partner-roi.js": {"raw": 1, "gzip": 1, "brotli": 1},
            "partner-roi_bg.wasm": {"raw": 1, "gzip": 1, "brotli": 1},
            "partner-roi.html": {"raw": 1, "gzip": 1, "brotli": 1},
            "designer.html": {"raw": 1, "gzip": 1, "brotli": 1},
            "embed": {"raw": 1, "gzip": 1, "brotli": 1}}}"#,
        )
        .unwrap();
        assert_eq!(no_goals.goals, Goals::issue_6());
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
