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
/// What `cargo xtask dist` and `serve` need from npm: terser, binaryen's wasm-opt, and
/// serve-static and compression for `serve.js`.
pub const BUILD_TOOLS: NpmProject = NpmProject {
    dir: "xtask/build-tools",
    bins: &["terser", "wasm-opt"],
};
/// The end-to-end tests: Playwright and the other browser drivers, and the npm package's
/// checkers.
pub const E2E: NpmProject = NpmProject {
    dir: "tests/e2e",
    bins: &["playwright", "publint", "attw"],
};

impl flags::Tools {
    pub fn run(self) -> Result {
        ensure_all()
    }
}

/// Everything `cargo xtask test` needs.
pub fn ensure_all() -> Result {
    ensure_rust_components()?;
    ensure_build_tools()?;
    E2E.ensure()?;
    ensure_debian_packages()?;
    println!("tools: all present");
    Ok(())
}

/// Everything `cargo xtask dist` needs.
pub fn ensure_build_tools() -> Result {
    ensure_wasm_target()?;
    ensure_wasm_bindgen()?;
    BUILD_TOOLS.ensure()
}

/// The static file server, `node xtask/build-tools/serve.js ARGS`, until it is stopped.
pub fn serve(args: &[String]) -> Result {
    BUILD_TOOLS.ensure()?;
    cmd::run(Command::new("node").arg(SERVE_SCRIPT).args(args))
}

/// The static file server's script, from the repository root.
pub const SERVE_SCRIPT: &str = "xtask/build-tools/serve.js";

/// An npm project of the repository's (a folder with package.json and package-lock.json),
/// installed with `npm ci` when it is missing or older than its lock.
pub struct NpmProject {
    pub dir: &'static str,
    /// Programs in node_modules/.bin that must be there once it is installed.
    pub bins: &'static [&'static str],
}

impl NpmProject {
    /// `program` (node, npm, npx) run in the project's folder, never downloading browsers.
    pub fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command
            .current_dir(self.dir)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        command
    }

    /// One of its installed programs, e.g. `wasm-opt`.
    pub fn bin(&self, name: &str) -> PathBuf {
        Path::new(self.dir).join("node_modules/.bin").join(name)
    }

    pub fn ensure(&self) -> Result {
        let dir = Path::new(self.dir);
        let lock = dir.join("package-lock.json");
        if !lock.is_file() {
            return Err(format!(
                "{} is missing: create it with `npm install` in {}",
                lock.display(),
                self.dir
            ));
        }
        let modules = dir.join("node_modules");
        let installed_marker = modules.join(".package-lock.json");
        let reason = if !modules.is_dir() {
            Some("node_modules missing".to_owned())
        } else if modified(&lock) > modified(&installed_marker).or(modified(&modules)) {
            Some("package-lock.json is newer than node_modules".to_owned())
        } else {
            self.bins
                .iter()
                .find(|bin| !self.bin(bin).exists())
                .map(|bin| format!("{bin} missing from node_modules"))
        };
        let Some(reason) = reason else {
            println!(
                "tools: npm packages in {} ({}): present",
                self.dir,
                self.bins.join(", ")
            );
            return Ok(());
        };
        println!(
            "tools: npm packages in {}: {reason}: running npm ci",
            self.dir
        );
        if probe(Command::new("npm").arg("--version")).is_none() {
            return Err("npm not found: install Node.js 20 and npm".into());
        }
        cmd::run(self.command("npm").arg("ci"))
    }
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
    let wanted = locked_version("wasm-bindgen")?;
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

/// The version of package `name` that Cargo.lock pins (`cargo metadata --locked`).
pub fn locked_version(name: &str) -> Result<String> {
    let metadata =
        probe(Command::new("cargo").args(["metadata", "--locked", "--format-version", "1"]))
            .ok_or("`cargo metadata --locked` failed: is Cargo.lock up to date?")?;
    let metadata: serde_json::Value = serde_json::from_str(&metadata)
        .map_err(|e| format!("cannot read `cargo metadata`: {e}"))?;
    metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|package| package["name"] == name)
        .and_then(|package| package["version"].as_str())
        .map(str::to_owned)
        .ok_or_else(|| format!("Cargo.lock has no `{name}` package"))
}

/// What the tests run, each a Debian package (a file it installs, its name): the browsers
/// (Chromium for Playwright and the component tests, Firefox ESR over WebDriver BiDi,
/// WebKitGTK's WebDriver under a virtual display) and WordPress 6.1 with PHP and MariaDB,
/// for the plugin's test.
const DEBIAN_PACKAGES: [(&str, &str); 9] = [
    (CHROMIUM, "chromium"),
    (CHROMEDRIVER, "chromium-driver"),
    (FIREFOX, "firefox-esr"),
    (WEBKIT_DRIVER, "webkit2gtk-driver"),
    ("/usr/bin/xvfb-run", "xvfb"),
    ("/usr/share/wordpress/wp-login.php", "wordpress"),
    ("/usr/bin/php", "php-cli"),
    ("/usr/share/doc/php-mysql", "php-mysql"),
    ("/usr/sbin/mariadbd", "mariadb-server"),
];
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
pub const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";

fn ensure_debian_packages() -> Result {
    let missing: Vec<(&str, &str)> = DEBIAN_PACKAGES
        .into_iter()
        .filter(|(path, _)| !Path::new(path).exists())
        .collect();
    if missing.is_empty() {
        println!("tools: the browsers, xvfb-run, WordPress, PHP and MariaDB: present");
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
    match DEBIAN_PACKAGES
        .iter()
        .find(|(path, _)| !Path::new(path).exists())
    {
        Some((path, _)) => Err(format!("{path} is still missing after apt-get install")),
        None => Ok(()),
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

#[cfg(test)]
mod tests {
    use super::locked_version;

    #[test]
    fn reads_the_locked_version_of_a_package() {
        let version = locked_version("wasm-bindgen").unwrap();
        assert!(
            version.split('.').all(|part| part.parse::<u32>().is_ok()),
            "{version:?}"
        );
        let missing = locked_version("no-such-package").unwrap_err();
        assert!(missing.contains("no-such-package"), "{missing}");
    }
}
