//! `cargo xtask fuzz [SECONDS]`: runs every cargo-fuzz target (fuzz/) for SECONDS each
//! (default 60), on the nightly toolchain, installing nightly and cargo-fuzz when missing.

use crate::cmd::{self, probe, Result};
use crate::flags;
use std::process::Command;

/// The targets in fuzz/fuzz_targets/, in the order they run.
const TARGETS: [&str; 3] = ["program_parse", "share_code", "engine"];

impl flags::Fuzz {
    pub fn run(self) -> Result {
        fuzz(self.seconds)
    }
}

fn fuzz(seconds: u32) -> Result {
    ensure_fuzz_tools()?;
    for target in TARGETS {
        println!("\n==> fuzz {target} for {seconds} s");
        cmd::run(
            Command::new("cargo")
                .args([
                    "+nightly",
                    "fuzz",
                    "run",
                    target,
                    "--fuzz-dir",
                    "fuzz",
                    "--",
                ])
                .arg(format!("-max_total_time={seconds}"))
                .arg("-rss_limit_mb=4096"),
        )?;
    }
    println!("\nfuzz: every target ran {seconds} s without a crash");
    Ok(())
}

fn ensure_fuzz_tools() -> Result {
    let toolchains = probe(Command::new("rustup").args(["toolchain", "list"])).unwrap_or_default();
    if toolchains.lines().any(|line| line.starts_with("nightly")) {
        println!("tools: nightly toolchain: present");
    } else {
        println!("tools: nightly toolchain: missing, installing");
        cmd::run(Command::new("rustup").args([
            "toolchain",
            "install",
            "nightly",
            "--profile",
            "minimal",
        ]))?;
    }
    if probe(Command::new("cargo").args(["fuzz", "--version"])).is_some() {
        println!("tools: cargo-fuzz: present");
        Ok(())
    } else {
        println!("tools: cargo-fuzz: missing, installing");
        cmd::run(Command::new("cargo").args(["install", "cargo-fuzz"]))
    }
}
