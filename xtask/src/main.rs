//! Project automation for partner-roi, run as `cargo xtask <command>`.
//!
//! Plain Rust (the standard library, plus clap for the command line, flate2, brotli and
//! serde for `size` and `bench`, and the `partner-roi` crate for what `dist` generates from
//! it), so that a fresh machine with rustup, cargo, node and npm can build, serve and test
//! everything.

mod architecture_doc;
mod bench;
mod cmd;
mod designer_page;
mod dist;
mod flags;
mod frameworks;
mod fuzz;
mod glue;
mod hashed_names;
mod inline_wasm;
mod inputs_json;
mod language_files;
mod layers;
mod minify_js;
mod npm_package;
mod screenshots;
mod script;
mod size;
mod skeleton_css;
mod test;
mod texts_js;
mod tools;
mod wordpress;

use clap::{CommandFactory, Parser};
use flags::Command;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run(flags::Xtask::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(xtask: flags::Xtask) -> cmd::Result {
    let Some(command) = xtask.command else {
        // `cargo xtask` alone: the usage, as `cargo xtask help` prints it.
        return flags::Xtask::command()
            .print_help()
            .map_err(|e| format!("cannot print the usage: {e}"));
    };
    cmd::prepare_environment()?;
    match command {
        Command::Demo(_) => {
            dist::dist()?;
            tools::serve(&[])
        }
        Command::Test(test) => test.run(),
        Command::Dist(dist) => dist.run(),
        Command::PanicBundle(bundle) => bundle.run(),
        Command::Serve(serve) => tools::serve(&serve.args),
        Command::Size(size) => size.run(),
        Command::Bench(bench) => bench.run(),
        Command::Fuzz(fuzz) => fuzz.run(),
        Command::Screenshots(screenshots) => screenshots.run(),
        Command::Tools(tools) => tools.run(),
    }
}
