//! "Ensure tools": install each required tool only when it is missing.

use crate::cmd::{self, probe, Result};
use crate::flags;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// The npm project holding Playwright and binaryen (wasm-opt).
pub const E2E_DIR: &str = "tests/e2e";

impl flags::Tools {
    pub fn run(self) -> Result {
        ensure_all()
    }
}

/// Everything `cargo xtask test` needs.
pub fn ensure_all() -> Result {
    ensure_rust_components()?;
    ensure_build_tools()?;
    ensure_browsers()?;
    println!("tools: all present");
    Ok(())
}

/// Everything `cargo xtask dist` needs.
pub fn ensure_build_tools() -> Result {
    ensure_wasm_target()?;
    ensure_wasm_bindgen()?;
    ensure_npm_packages()
}

/// An npm/npx command run in tests/e2e that never downloads browsers.
pub fn npm_tool(program: &str) -> Command {
    let mut command = Command::new(program);
    command
        .current_dir(E2E_DIR)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    command
}

/// wasm-opt from the npm package binaryen (Debian's binaryen is too old).
pub fn wasm_opt() -> PathBuf {
    Path::new(E2E_DIR).join("node_modules/.bin/wasm-opt")
}

/// rustfmt and clippy (absent when rustup used the "minimal" profile).
fn ensure_rust_components() -> Result {
    for (subcommand, component) in [("fmt", "rustfmt"), ("clippy", "clippy")] {
        if probe(Command::new("cargo").args([subcommand, "--version"])).is_some() {
            println!("tools: rust component {component}: present");
        } else {
            println!("tools: rust component {component}: missing, installing");
            cmd::run(Command::new("rustup").args(["component", "add", component]))?;
        }
    }
    Ok(())
}

fn ensure_wasm_target() -> Result {
    let installed = probe(Command::new("rustup").args(["target", "list", "--installed"]))
        .ok_or("`rustup target list --installed` failed: is rustup installed and on PATH?")?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        println!("tools: rust target {WASM_TARGET}: present");
        return Ok(());
    }
    println!("tools: rust target {WASM_TARGET}: missing, installing");
    cmd::run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

fn ensure_wasm_bindgen() -> Result {
    let lock = fs::read_to_string("Cargo.lock")
        .map_err(|e| format!("cannot read Cargo.lock (run `cargo generate-lockfile`): {e}"))?;
    let wanted = locked_version(&lock, "wasm-bindgen").ok_or(
        "Cargo.lock has no `wasm-bindgen` package: cannot pick the wasm-bindgen CLI version",
    )?;
    match installed_wasm_bindgen() {
        Some(found) if found == wanted => {
            println!("tools: wasm-bindgen CLI {wanted}: present");
            return Ok(());
        }
        Some(found) => println!(
            "tools: wasm-bindgen CLI is {found}, Cargo.lock wants {wanted}: installing {wanted}"
        ),
        None => println!("tools: wasm-bindgen CLI {wanted}: missing, installing (takes ~3 min)"),
    }
    // No --locked: the crates.io mirror can lag behind the CLI's own lock file.
    cmd::run(Command::new("cargo").args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        wanted.as_str(),
    ]))?;
    match installed_wasm_bindgen() {
        Some(found) if found == wanted => Ok(()),
        found => Err(format!(
            "after installing, `wasm-bindgen --version` reports {}, not {wanted}: \
             another wasm-bindgen earlier on PATH? (`which -a wasm-bindgen`)",
            found.unwrap_or_else(|| "nothing".into())
        )),
    }
}

/// The version reported by `wasm-bindgen --version` ("wasm-bindgen 0.2.130").
fn installed_wasm_bindgen() -> Option<String> {
    let out = probe(Command::new("wasm-bindgen").arg("--version"))?;
    out.split_whitespace().nth(1).map(str::to_owned)
}

/// The version of package `name` in Cargo.lock text (first match).
pub fn locked_version(lock: &str, name: &str) -> Option<String> {
    let wanted_name = format!("name = \"{name}\"");
    let mut in_package = false;
    for line in lock.lines().map(str::trim) {
        if line.starts_with('[') {
            in_package = false;
        } else if line == wanted_name {
            in_package = true;
        } else if in_package {
            if let Some(rest) = line.strip_prefix("version = \"") {
                return rest.strip_suffix('"').map(str::to_owned);
            }
        }
    }
    None
}

/// The browsers the tests drive, each a Debian package: Chromium (Playwright and the
/// component tests), Firefox ESR (over WebDriver BiDi) and WebKitGTK's WebDriver under a
/// virtual display, for the three-engine smoke suite.
const BROWSERS: [(&str, &str); 5] = [
    (CHROMIUM, "chromium"),
    (CHROMEDRIVER, "chromium-driver"),
    (FIREFOX, "firefox-esr"),
    (WEBKIT_DRIVER, "webkit2gtk-driver"),
    ("/usr/bin/xvfb-run", "xvfb"),
];
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
pub const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";

fn ensure_browsers() -> Result {
    let missing: Vec<(&str, &str)> = BROWSERS
        .into_iter()
        .filter(|(path, _)| !Path::new(path).exists())
        .collect();
    if missing.is_empty() {
        println!(
            "tools: Chromium, chromedriver, Firefox ESR, WebKitWebDriver and xvfb-run: present"
        );
        return Ok(());
    }
    let packages: Vec<&str> = missing.iter().map(|(_, package)| *package).collect();
    println!(
        "tools: {} missing: installing Debian packages {}",
        missing
            .iter()
            .map(|(path, _)| *path)
            .collect::<Vec<_>>()
            .join(", "),
        packages.join(" ")
    );
    let root = probe(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let mut command = if root {
            Command::new("apt-get")
        } else {
            let mut sudo = Command::new("sudo");
            sudo.arg("apt-get");
            sudo
        };
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    cmd::run(&mut apt(&["update"]))?;
    cmd::run(apt(&["install", "-y", "-o", "DPkg::Lock::Timeout=600"]).args(&packages))?;
    match BROWSERS.iter().find(|(path, _)| !Path::new(path).exists()) {
        Some((path, _)) => Err(format!("{path} is still missing after apt-get install")),
        None => Ok(()),
    }
}

fn ensure_npm_packages() -> Result {
    let e2e = Path::new(E2E_DIR);
    let lock = e2e.join("package-lock.json");
    if !lock.is_file() {
        return Err(format!(
            "{} is missing: create it with `npm install` in {E2E_DIR}",
            lock.display()
        ));
    }
    let modules = e2e.join("node_modules");
    let installed_marker = modules.join(".package-lock.json");
    let reason = if !modules.is_dir() {
        Some("node_modules missing")
    } else if modified(&lock) > modified(&installed_marker).or(modified(&modules)) {
        Some("package-lock.json is newer than node_modules")
    } else if !wasm_opt().exists() || !modules.join(".bin/playwright").exists() {
        Some("wasm-opt or playwright missing from node_modules")
    } else {
        None
    };
    let Some(reason) = reason else {
        println!("tools: npm packages in {E2E_DIR} (Playwright, binaryen): present");
        return Ok(());
    };
    println!("tools: npm packages in {E2E_DIR}: {reason}: running npm ci");
    if probe(Command::new("npm").arg("--version")).is_none() {
        return Err("npm not found: install Node.js 20 and npm".into());
    }
    cmd::run(npm_tool("npm").arg("ci"))
}

fn modified(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

#[cfg(test)]
mod tests {
    use super::locked_version;

    const LOCK: &str = r#"
[[package]]
name = "wasm-bindgen-macro"
version = "0.2.999"

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
"#;

    #[test]
    fn finds_the_exact_package_version() {
        assert_eq!(
            locked_version(LOCK, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(locked_version(LOCK, "yew"), None);
    }

    #[test]
    fn reads_the_real_lock_file() {
        let path = crate::cmd::repo_root().join("Cargo.lock");
        let lock =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let version = locked_version(&lock, "wasm-bindgen");
        assert!(
            version
                .as_deref()
                .is_some_and(|v| v.split('.').all(|part| part.parse::<u32>().is_ok())),
            "{version:?}"
        );
    }
}
