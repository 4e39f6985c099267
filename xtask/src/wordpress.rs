//! `dist/wordpress/partner-roi.zip`: the WordPress plugin (`src/wordpress/`, as it is) with
//! the embed bundle in its `assets/`, ready for WordPress's "Upload Plugin" screen.

use crate::cmd::Result;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use zip::write::SimpleFileOptions;

const PLUGIN: &str = "src/wordpress";

/// Writes the zip into `dist`, with `bundle` (files of `dist`) under `assets/`.
pub fn write_plugin_zip(dist: &str, bundle: &[String]) -> Result {
    let mut files = Vec::new();
    list_files(Path::new(PLUGIN), &mut files)?;
    let mut entries: Vec<(String, PathBuf)> = files
        .into_iter()
        .filter_map(|path| Some((path.strip_prefix(PLUGIN).ok()?.display().to_string(), path)))
        .collect();
    entries.extend(
        bundle
            .iter()
            .map(|name| (format!("assets/{name}"), Path::new(dist).join(name))),
    );
    entries.sort();
    let out = format!("{dist}/wordpress/partner-roi.zip");
    fs::create_dir_all(format!("{dist}/wordpress")).map_err(|e| format!("{out}: {e}"))?;
    let file = fs::File::create(&out).map_err(|e| format!("cannot create {out}: {e}"))?;
    let mut zip = zip::ZipWriter::new(file);
    let error = |e: &dyn std::fmt::Display| format!("{out}: {e}");
    for (name, path) in entries {
        let bytes = fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let options = SimpleFileOptions::default().unix_permissions(0o644);
        zip.start_file(format!("partner-roi/{name}"), options)
            .map_err(|e| error(&e))?;
        zip.write_all(&bytes).map_err(|e| error(&e))?;
    }
    zip.finish().map_err(|e| error(&e))?;
    Ok(())
}

fn list_files(dir: &Path, found: &mut Vec<PathBuf>) -> Result {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for path in entries.flatten().map(|entry| entry.path()) {
        if path.is_dir() {
            list_files(&path, found)?;
        } else {
            found.push(path);
        }
    }
    Ok(())
}
