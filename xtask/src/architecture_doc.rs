//! ARCHITECTURE.md names only paths that exist: a test, so that a move or a rename that
//! leaves the map stale fails `cargo xtask test`.

#[cfg(test)]
mod tests {
    use crate::cmd::repo_root;

    /// The backticked tokens of `text` that name a path: those with a `/` or a file
    /// extension (globs and `<placeholders>` cut at their first wildcard).
    fn named_paths(text: &str) -> Vec<String> {
        const EXTENSIONS: [&str; 8] = [
            ".rs", ".js", ".json", ".md", ".toml", ".html", ".css", ".txt",
        ];
        text.split('`')
            .skip(1)
            .step_by(2)
            .filter(|token| !token.contains(' ') && !token.contains("::"))
            .filter(|token| {
                token.contains('/') || EXTENSIONS.iter().any(|ext| token.ends_with(ext))
            })
            .map(|token| {
                let end = token.find(['*', '<', '{']).unwrap_or(token.len());
                token[..end].to_owned()
            })
            .collect()
    }

    #[test]
    fn every_path_the_architecture_map_names_exists() {
        let root = repo_root();
        let text = std::fs::read_to_string(root.join("ARCHITECTURE.md"));
        let text = text.unwrap_or_else(|error| panic!("ARCHITECTURE.md: {error}"));
        let paths = named_paths(&text);
        assert!(
            paths.len() >= 10,
            "the map names its crates and folders: {paths:?}"
        );
        let missing: Vec<&String> = paths
            .iter()
            .filter(|path| !root.join(path.as_str()).exists())
            .collect();
        assert!(
            missing.is_empty(),
            "ARCHITECTURE.md names paths that do not exist: {missing:?}"
        );
    }

    #[test]
    fn paths_are_the_backticked_tokens_that_look_like_paths() {
        let text = "See `crates/engine/` and `src/embed/element.js`, `HostState::apply`, \
                    `cargo xtask test`, `crates/i18n/catalogues/*.txt` and `README.md`.";
        assert_eq!(
            named_paths(text),
            [
                "crates/engine/",
                "src/embed/element.js",
                "crates/i18n/catalogues/",
                "README.md"
            ]
        );
    }
}
