//! Running external programs: printing them, checking their exit status.

use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Errors are human-readable messages, printed once by `main`.
pub type Result<T = ()> = std::result::Result<T, String>;

/// The repository root (the parent of the `xtask` package).
pub fn repo_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf()
}

/// Runs from the repository root and puts cargo's bin directory on PATH, so
/// that tools installed by `cargo install` are found even in a fresh shell.
pub fn prepare_environment() -> Result {
    let root = repo_root();
    env::set_current_dir(&root)
        .map_err(|e| format!("cannot enter the repository root {}: {e}", root.display()))?;
    let Some(cargo_bin) = cargo_home().map(|home| home.join("bin")) else {
        return Ok(());
    };
    let path = env::var_os("PATH").unwrap_or_default();
    if cargo_bin.is_dir() && !env::split_paths(&path).any(|p| p == cargo_bin) {
        let joined = env::join_paths(std::iter::once(cargo_bin).chain(env::split_paths(&path)))
            .map_err(|e| format!("cannot extend PATH: {e}"))?;
        env::set_var("PATH", joined);
    }
    Ok(())
}

fn cargo_home() -> Option<PathBuf> {
    env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
}

/// `program args...` as a shell-like string, for messages.
pub fn describe(command: &Command) -> String {
    let mut words: Vec<OsString> = vec![command.get_program().to_os_string()];
    words.extend(command.get_args().map(|a| a.to_os_string()));
    let text: Vec<String> = words
        .iter()
        .map(|w| w.to_string_lossy().into_owned())
        .collect();
    text.join(" ")
}

/// Prints the command, runs it with inherited stdio, fails on non-zero exit.
pub fn run(command: &mut Command) -> Result {
    let text = describe(command);
    match command.get_current_dir() {
        Some(dir) => println!("$ (cd {} && {text})", dir.display()),
        None => println!("$ {text}"),
    }
    let status = command
        .status()
        .map_err(|e| format!("cannot start `{text}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{text}` failed ({status})"))
    }
}

/// Runs quietly and returns stdout if the program ran and succeeded; `None`
/// if it is missing or failed (used to probe for installed tools).
pub fn probe(command: &mut Command) -> Option<String> {
    let output = command.stderr(Stdio::null()).output().ok()?;
    if output.status.success() {
        Some(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        None
    }
}
