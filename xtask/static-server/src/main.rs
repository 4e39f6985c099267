//! `cargo serve [--root DIR] [--port N] [--gzip]` (an alias in .cargo/config.toml):
//! the static server alone, built without the widget crate.

use clap::Parser;
use std::process::ExitCode;

/// Serve dist/ (or --root DIR) on http://127.0.0.1:PORT.
#[derive(Parser)]
#[command(name = "cargo serve", bin_name = "cargo serve")]
struct Cli {
    #[command(flatten)]
    options: static_server::Options,
}

fn main() -> ExitCode {
    match static_server::serve(Cli::parse().options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
