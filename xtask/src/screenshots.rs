//! `cargo xtask screenshots`: build dist/, then capture the demo page in the system
//! Chromium at 1280 and 375 px wide into docs/screenshot-<width>.png, the widget in dark mode
//! on a cream host page, and the printed handout's pages (docs/handout-page-<n>.png, from
//! the A4 PDF through poppler's `pdftoppm`).

use crate::cmd::{self, Result};
use crate::dist;
use crate::flags;
use crate::tools::{self, CHROMIUM};
use std::path::Path;

/// The Node script, in the npm project holding Playwright, that takes the screenshots.
const SCRIPT: &str = "screenshots.js";
/// Poppler's PDF-to-PNG renderer (Debian package poppler-utils).
const PDFTOPPM: &str = "/usr/bin/pdftoppm";

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
    if !Path::new(PDFTOPPM).exists() {
        return Err(format!(
            "{PDFTOPPM} not found: install Debian's poppler-utils to render the handout's pages"
        ));
    }
    tools::E2E.ensure()?;
    println!("screenshots: capturing the demo page");
    // The script prints the path of every file it writes.
    cmd::run(tools::E2E.command("node").arg(SCRIPT))
}
