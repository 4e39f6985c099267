//! Project automation for partner-roi, run as `cargo xtask <command>`.
//!
//! Plain Rust (the standard library, plus flate2, brotli and serde_json for `size`
//! and `bench`), so that a fresh machine with rustup, cargo, node and npm can build,
//! serve and test everything.

mod base64;
mod bench;
mod cmd;
mod dist;
mod fuzz;
mod glue;
mod js_comments;
mod screenshots;
mod serve;
mod size;
mod test;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  demo    build dist/ (like `dist`) and serve it (like `serve`)
  test    install what is missing, then run every check and test
  dist    build the release wasm, bindings and demo page into dist/
  panic-bundle
          build the test-only bundle (--features test-panic, never in
          dist/) and its page into target/panic-test, for panic.spec.js
  serve   serve dist/ on http://127.0.0.1:$PORT (default 8000)
  size    build dist/, print raw / gzip -9 / brotli sizes of its files and
          fail when one is over size-budget.json
  size --update-budget
          build dist/ and rewrite size-budget.json as today's sizes + 3%
  bench   engine benchmark (criterion) and browser benchmark (load time,
          keystroke latency, memory) of dist/ in headless Chromium
  fuzz [SECONDS]
          run each cargo-fuzz target (fuzz/) for SECONDS (default 60) on
          nightly, installing nightly and cargo-fuzz when missing
  screenshots
          build dist/ and capture docs/screenshot-1280.png and
          docs/screenshot-375.png in headless Chromium
  tools   install what is missing (wasm target, wasm-bindgen CLI,
          Chromium + chromedriver, npm packages) and report
  help    show this message";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> cmd::Result {
    let command = match args {
        [] => {
            println!("{USAGE}");
            return Ok(());
        }
        [command] => command.as_str(),
        [command, flag] if command == "size" && flag == "--update-budget" => "size --update-budget",
        [command, ..] if command == "fuzz" => {
            cmd::prepare_environment()?;
            return fuzz::fuzz(&args[1..]);
        }
        [command, ..] if command == "size" => {
            return Err(format!(
                "`size` takes only `--update-budget`, got: {}\n\n{USAGE}",
                args[1..].join(" ")
            ))
        }
        [command, ..] => {
            return Err(format!(
                "`{command}` takes no arguments, got: {}\n\n{USAGE}",
                args[1..].join(" ")
            ))
        }
    };
    cmd::prepare_environment()?;
    match command {
        "demo" => {
            dist::dist()?;
            serve::serve()
        }
        "test" => test::test(),
        "dist" => dist::dist(),
        "panic-bundle" => dist::panic_test_bundle(),
        "serve" => serve::serve(),
        "screenshots" => screenshots::screenshots(),
        "size" => size::size(size::Mode::Check),
        "size --update-budget" => size::size(size::Mode::UpdateBudget),
        "bench" => bench::bench(),
        "tools" => tools::ensure_all(),
        "help" | "-h" | "--help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    }
}
