//! `cargo xtask screenshots`: build dist/, then capture the demo page in the system
//! Chromium at 1280 and 375 px wide into docs/screenshot-<width>.png.

use crate::cmd::{self, Result};
use crate::dist;
use crate::flags;
use crate::tools::{self, CHROMIUM};
use std::path::Path;

/// The Node script, in the npm project holding Playwright, that takes the screenshots.
const SCRIPT: &str = "screenshots.js";

impl flags::Screenshots {
    pub fn run(self) -> Result {
        screenshots()
    }
}

fn screenshots() -> Result {
    dist::dist()?;
    if !Path::new(CHROMIUM).exists() {
        return Err(format!(
            "{CHROMIUM} not found: run `cargo xtask tools` to install Chromium"
        ));
    }
    println!("screenshots: capturing the demo page");
    // The script prints the path of every file it writes.
    cmd::run(tools::npm_tool("node").arg(SCRIPT))
}
