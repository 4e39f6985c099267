//! The commands and their arguments, one type each (clap's derive API); each type's
//! `run(self)` lives in the module that does the work.

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Build and test orchestration for partner-roi.
#[derive(Debug, Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask")]
pub struct Xtask {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Demo(Demo),
    Test(Test),
    Dist(Dist),
    PanicBundle(PanicBundle),
    Serve(Serve),
    Size(Size),
    Bench(Bench),
    Fuzz(Fuzz),
    Screenshots(Screenshots),
    Tools(Tools),
}

/// Build dist/ (like `dist`) and serve it (like `serve`).
#[derive(Debug, Args)]
pub struct Demo {}

/// Install what is missing, then run every check and test.
#[derive(Debug, Args)]
pub struct Test {}

/// Build the release wasm, bindings and demo page into dist/.
#[derive(Debug, Args)]
pub struct Dist {}

/// Build the test-only bundle and its page into target/panic-test, for panic.spec.js.
///
/// A debug build with `--features test-panic` (never in dist/): an element with
/// `data-partner-roi-test-panic` panics at its next change.
#[derive(Debug, Args)]
pub struct PanicBundle {}

/// Serve dist/ on http://127.0.0.1:8000: `node xtask/build-tools/serve.js [ARGS]`.
///
/// `--root DIR`, `--port N` (default $PORT, else 8000; 0: any free port), `--gzip`.
#[derive(Debug, Args)]
pub struct Serve {
    /// Passed to serve.js.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
}

/// Build dist/, print its sizes and fail when one is over size-budget.json.
///
/// Raw, gzip -9 and brotli sizes of the files size-budget.json names, and of the embed
/// bundle (partner-roi.js + partner-roi_bg.wasm).
#[derive(Debug, Args)]
pub struct Size {
    /// Rewrite size-budget.json as today's sizes + 3% instead of checking.
    #[arg(long)]
    pub update_budget: bool,
}

/// Engine benchmark (criterion), browser benchmark and Lighthouse runs of dist/ in headless
/// Chromium.
///
/// The browser benchmark measures load time, keystroke latency and memory; Lighthouse
/// (mobile preset) scores the landing pages of examples/pages/ with and without the widget.
/// The figures are in BENCHMARKS.md.
#[derive(Debug, Args)]
pub struct Bench {
    /// Run only this part (repeat for several) [default: all three, in this order]
    #[arg(long, value_name = "PART", value_enum)]
    pub only: Vec<BenchPart>,
}

/// The parts of `cargo xtask bench`, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum BenchPart {
    /// The engine, natively, with criterion.
    Engine,
    /// dist/ in headless Chromium: first results, keystrokes, memory.
    Browser,
    /// Lighthouse, 5 runs of each landing page and its widget-less twin.
    Lighthouse,
}

impl Bench {
    /// The parts to run, in their order, each once: all of them unless `--only` names some.
    pub fn parts(&self) -> Vec<BenchPart> {
        if self.only.is_empty() {
            return BenchPart::value_variants().to_vec();
        }
        let mut parts = self.only.clone();
        parts.sort();
        parts.dedup();
        parts
    }
}

/// Run each cargo-fuzz target (fuzz/) for SECONDS on nightly.
///
/// Installs the nightly toolchain and cargo-fuzz when they are missing.
#[derive(Debug, Args)]
pub struct Fuzz {
    /// Seconds per target.
    #[arg(value_name = "SECONDS", default_value_t = 60, value_parser = clap::value_parser!(u32).range(1..))]
    pub seconds: u32,
}

/// Build dist/ and capture docs/screenshot-{1280,375}.png in headless Chromium.
#[derive(Debug, Args)]
pub struct Screenshots {}

/// Install what is missing and report (the first step of `test`).
///
/// The wasm target, the wasm-bindgen CLI, Chromium + chromedriver and the npm packages.
#[derive(Debug, Args)]
pub struct Tools {}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn parse(args: &[&str]) -> Result<Option<Command>, clap::Error> {
        Xtask::try_parse_from(std::iter::once("cargo xtask").chain(args.iter().copied()))
            .map(|xtask| xtask.command)
    }

    #[test]
    fn the_command_line_is_well_formed() {
        Xtask::command().debug_assert();
    }

    #[test]
    fn reads_every_command_and_its_arguments() {
        assert!(parse(&[]).unwrap().is_none());
        let commands = [
            "size --update-budget",
            "fuzz",
            "fuzz 5",
            "panic-bundle",
            "serve --gzip --port 0",
        ];
        let parsed: Vec<String> = commands
            .iter()
            .map(|args| format!("{:?}", parse(&args.split(' ').collect::<Vec<_>>()).unwrap()))
            .collect();
        assert_eq!(
            parsed,
            [
                "Some(Size(Size { update_budget: true }))",
                "Some(Fuzz(Fuzz { seconds: 60 }))",
                "Some(Fuzz(Fuzz { seconds: 5 }))",
                "Some(PanicBundle(PanicBundle))",
                r#"Some(Serve(Serve { args: ["--gzip", "--port", "0"] }))"#,
            ]
        );
    }

    #[test]
    fn bench_runs_every_part_unless_told_which() {
        let parts = |args: &[&str]| match parse(args).unwrap() {
            Some(Command::Bench(bench)) => bench.parts(),
            other => panic!("not bench: {other:?}"),
        };
        use BenchPart::*;
        assert_eq!(parts(&["bench"]), [Engine, Browser, Lighthouse]);
        assert_eq!(parts(&["bench", "--only", "lighthouse"]), [Lighthouse]);
        let repeated = "bench --only lighthouse --only engine --only engine";
        assert_eq!(
            parts(&repeated.split(' ').collect::<Vec<_>>()),
            [Engine, Lighthouse]
        );
    }

    #[test]
    fn refuses_what_the_commands_do_not_take() {
        for args in [
            &["fuzz", "0"][..],
            &["fuzz", "soon"],
            &["size", "--update"],
            &["dist", "extra"],
            &["bench", "--only"],
            &["bench", "--only", "speed"],
            &["bench", "lighthouse"],
            &["launch"],
        ] {
            assert!(parse(args).is_err(), "{args:?}");
        }
    }
}
