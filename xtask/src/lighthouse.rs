//! The Lighthouse part of `cargo xtask bench` (issue 12): the landing pages' site
//! (`landing_pages::write_site`, under target/) served with gzip, as a CDN
//! would (`cargo xtask serve --gzip`), and `node run.mjs` of the pinned npm project
//! `tests/e2e/bench/lighthouse/` (Lighthouse 12.2.3, installed by `npm ci` when missing or
//! outdated), which runs the landing pages and their twins, writes the reports and prints
//! the medians against the targets (see its header).

use crate::cmd::{self, Result};
use crate::tools::NpmProject;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// The npm project holding Lighthouse and the script, apart from tests/e2e so that
/// `cargo xtask test` installs none of it.
const LIGHTHOUSE: NpmProject = NpmProject {
    dir: "tests/e2e/bench/lighthouse",
    bins: &["lighthouse"],
};

/// Runs the bench over the landing site `site` (already written), its reports into `out_dir`; returns the
/// summary, for the end of `cargo xtask bench`.
pub fn run(site: &Path, out_dir: &Path) -> Result<String> {
    LIGHTHOUSE.ensure()?;
    let xtask = std::env::current_exe()
        .map_err(|e| format!("cannot find the running xtask binary: {e}"))?;
    let mut serve = Command::new(xtask);
    serve.args(["serve", "--gzip", "--port", "0", "--root"]);
    serve.arg(site).stdout(Stdio::piped());
    println!("$ {}", cmd::describe(&serve));
    let mut server = KillOnDrop(
        serve
            .spawn()
            .map_err(|e| format!("cannot start the server: {e}"))?,
    );
    let log = server.0.stdout.take().ok_or("the server has no stdout")?;
    let mut log = BufReader::new(log).lines();
    let first = log.next().and_then(|line| line.ok()).unwrap_or_default();
    let base_url = served_url(&first)
        .ok_or_else(|| format!("the server did not say where it listens: `{first}`"))?;
    println!("lighthouse: {first}");
    // Keep reading its log (a full pipe would stall it), counting GETs and the gzipped ones.
    let counter = std::thread::spawn(move || {
        let gets = log
            .map_while(std::io::Result::ok)
            .filter(|line| line.starts_with("GET "));
        gets.fold((0, 0), |(all, gzipped), line| {
            (all + 1, gzipped + usize::from(line.ends_with("(gzip)")))
        })
    });

    let mut script = LIGHTHOUSE.command("node");
    script.arg("run.mjs").arg(&base_url).arg(out_dir);
    let text = cmd::describe(&script);
    println!("$ (cd {} && {text})", LIGHTHOUSE.dir);
    // Its progress goes to stderr, shown as it comes; its summary alone to stdout.
    let output = script
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot start `{text}`: {e}"))?;
    if !output.status.success() {
        return Err(format!("`{text}` failed ({})", output.status));
    }
    drop(server);
    let (requests, gzipped) = counter.join().unwrap_or_default();
    Ok(format!(
        "{}bench: served with gzip: {gzipped} of {requests} requests compressed",
        String::from_utf8_lossy(&output.stdout)
    ))
}

/// A child process, killed when dropped.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// "http://127.0.0.1:PORT" from the server's first line ("serving dist/ at
/// http://127.0.0.1:PORT/ (Ctrl-C to stop), gzip").
fn served_url(line: &str) -> Option<String> {
    let start = line.find("http://")?;
    let url = line[start..].split_whitespace().next()?;
    Some(url.trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_servers_address() {
        assert_eq!(
            served_url("serving /x/dist/ at http://127.0.0.1:41234/ (Ctrl-C to stop), gzip")
                .as_deref(),
            Some("http://127.0.0.1:41234")
        );
        assert_eq!(served_url("no address"), None);
    }

    /// The script's pure part (medians, targets, schedule, summary), with plain `node --test`:
    /// no Lighthouse installed.
    #[test]
    fn the_scripts_figures_pass_their_tests() {
        let dir = cmd::repo_root().join(LIGHTHOUSE.dir);
        let output = Command::new("node")
            .args(["--test", "figures-test.mjs"])
            .current_dir(&dir)
            .output()
            .unwrap_or_else(|e| panic!("cannot run node: {e}"));
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{stdout}");
    }

    /// The pages the script runs are pages `cargo xtask dist` makes.
    #[test]
    fn the_script_runs_pages_dist_makes() {
        let path = cmd::repo_root().join(LIGHTHOUSE.dir).join("figures.mjs");
        let script =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let named: Vec<&str> = script
            .split('\'')
            .filter(|word| word.starts_with("landing-") && word.ends_with(".html"))
            .collect();
        let made: Vec<&str> = crate::landing_pages::PAGES.iter().map(|p| p.0).collect();
        assert_eq!(named, made);
    }
}
