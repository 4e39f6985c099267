//! Imports between the modules of a crate go one way: no module reaches, through
//! `crate::`, `super::` or `self::` paths, a module that reaches back to it. Test code
//! (`#[cfg(test)]` items) and comments do not count.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// A module's path inside its crate (`["host_state", "language"]`); the root is empty.
type ModulePath = Vec<String>;

/// The source folders of the crates of more than one module, each with the folders in it
/// that are not its modules.
const CRATES: [(&str, &[&str]); 7] = [
    ("crates/i18n/src", &[]),
    ("crates/engine/src", &[]),
    ("crates/host/src", &[]),
    ("src", &["src/bin"]),
    ("src/bin/designer", &[]),
    ("xtask/src", &[]),
    ("crates/element-api/src", &[]),
];

/// Every module of the crate in `root` with its source text, but those under `skip`.
fn modules(root: &Path, skip: &[&Path]) -> BTreeMap<ModulePath, String> {
    let mut found = BTreeMap::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for path in entries.flatten().map(|entry| entry.path()) {
            if skip.iter().any(|skipped| path.starts_with(skipped)) {
                continue;
            }
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let Ok(relative) = path
                    .with_extension("")
                    .strip_prefix(root)
                    .map(Path::to_owned)
                else {
                    continue;
                };
                let mut module: ModulePath = relative
                    .iter()
                    .map(|part| part.to_string_lossy().into_owned())
                    .collect();
                if module
                    .last()
                    .is_some_and(|last| ["lib", "main", "mod"].contains(&last.as_str()))
                {
                    module.pop();
                }
                found.insert(module, fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    found
}

/// `source` without its comment lines and its `#[cfg(test)]` items.
fn non_test_code(source: &str) -> String {
    let mut code = String::new();
    let mut lines = source.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            continue;
        }
        if trimmed == "#[cfg(test)]" {
            // Skip the item: up to its closing brace, or its `;`.
            let mut depth = 0usize;
            let mut opened = false;
            for line in lines.by_ref() {
                for c in line.chars() {
                    match c {
                        '{' => {
                            depth += 1;
                            opened = true;
                        }
                        '}' => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                }
                if (opened && depth == 0) || (!opened && line.trim_end().ends_with(';')) {
                    break;
                }
            }
            continue;
        }
        code.push_str(line);
        code.push('\n');
    }
    code
}

/// The paths `code` names from `crate`, `super` or `self`, as segments: `super::a::B` is
/// `["super", "a", "B"]`; each entry of a `use crate::a::{b, c::D}` group is one path.
fn named_paths(code: &str) -> Vec<Vec<String>> {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut paths = Vec::new();
    for (start, _) in code.match_indices("::") {
        let head_start = code[..start]
            .rfind(|c: char| !is_ident(c))
            .map_or(0, |i| i + 1);
        let head = &code[head_start..start];
        let starts_path =
            ["crate", "super", "self"].contains(&head) && !code[..head_start].ends_with("::");
        if !starts_path {
            continue;
        }
        let mut segments = vec![head.to_owned()];
        let mut rest = &code[start..];
        while let Some(after) = rest.strip_prefix("::") {
            if let Some(group) = after.strip_prefix('{') {
                let body = group.split('}').next().unwrap_or_default();
                for entry in body.split(',') {
                    let first: String = entry.trim().chars().take_while(|&c| is_ident(c)).collect();
                    if !first.is_empty() {
                        paths.push([segments.clone(), vec![first]].concat());
                    }
                }
                segments.clear();
                break;
            }
            let segment: String = after.chars().take_while(|&c| is_ident(c)).collect();
            if segment.is_empty() {
                break;
            }
            rest = &after[segment.len()..];
            segments.push(segment);
        }
        if !segments.is_empty() {
            paths.push(segments);
        }
    }
    paths
}

/// The module of the crate that `path`, named in `from`, is in (its longest module prefix).
fn module_of(
    path: &[String],
    from: &ModulePath,
    known: &BTreeMap<ModulePath, String>,
) -> Option<ModulePath> {
    let (mut module, mut rest) = match path.first().map(String::as_str) {
        Some("crate") => (Vec::new(), &path[1..]),
        Some("self") => (from.clone(), &path[1..]),
        Some("super") => (from[..from.len().checked_sub(1)?].to_vec(), &path[1..]),
        _ => return None,
    };
    while rest.first().is_some_and(|segment| segment == "super") {
        module.pop();
        rest = &rest[1..];
    }
    for segment in rest {
        let deeper = [module.clone(), vec![segment.clone()]].concat();
        if !known.contains_key(&deeper) {
            break;
        }
        module = deeper;
    }
    Some(module)
}

/// Each module's uses of the crate's other modules (not of the root, which declares them).
fn imports(known: &BTreeMap<ModulePath, String>) -> BTreeMap<&ModulePath, BTreeSet<ModulePath>> {
    known
        .iter()
        .map(|(module, source)| {
            let used = named_paths(&non_test_code(source))
                .iter()
                .filter_map(|path| module_of(path, module, known))
                .filter(|used| used != module && !used.is_empty())
                .collect();
            (module, used)
        })
        .collect()
}

/// The modules reachable from `start` through `imports`.
fn reachable<'m>(
    start: &ModulePath,
    imports: &'m BTreeMap<&ModulePath, BTreeSet<ModulePath>>,
) -> BTreeSet<&'m ModulePath> {
    let mut seen = BTreeSet::new();
    let mut next: Vec<&ModulePath> = imports.get(start).into_iter().flatten().collect();
    while let Some(module) = next.pop() {
        if seen.insert(module) {
            next.extend(imports.get(module).into_iter().flatten());
        }
    }
    seen
}

/// The modules that reach one another through `imports`, in groups of two or more, each
/// group named `a <-> b <-> c`.
fn cycles(imports: &BTreeMap<&ModulePath, BTreeSet<ModulePath>>) -> BTreeSet<String> {
    let reach: BTreeMap<&ModulePath, BTreeSet<&ModulePath>> = imports
        .keys()
        .map(|&module| (module, reachable(module, imports)))
        .collect();
    reach
        .iter()
        .filter(|(module, reached)| reached.contains(*module))
        .map(|(&module, reached)| {
            let group: Vec<String> = reached
                .iter()
                .filter(|other| reach.get(**other).is_some_and(|back| back.contains(module)))
                .map(|other| other.join("::"))
                .collect();
            group.join(" <-> ")
        })
        .collect()
}

mod tests {
    use super::*;

    #[test]
    fn no_two_modules_of_a_crate_use_each_other() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut problems = Vec::new();
        for (folder, skip) in CRATES {
            let skip: Vec<_> = skip.iter().map(|skipped| root.join(skipped)).collect();
            let skip: Vec<&Path> = skip.iter().map(|path| path.as_path()).collect();
            let known = modules(&root.join(folder), &skip);
            assert!(known.len() > 1, "{folder}: no modules found");
            problems.extend(
                cycles(&imports(&known))
                    .into_iter()
                    .map(|cycle| format!("{folder}: {cycle}")),
            );
        }
        assert_eq!(problems, Vec::<String>::new());
    }

    #[test]
    fn a_module_that_uses_its_user_is_a_cycle() {
        let known: BTreeMap<ModulePath, String> = [
            (vec![], "mod a; mod b; mod c; mod d;".to_owned()),
            (
                vec!["a".to_owned()],
                "use super::b::Thing;\n// use crate::c::Comment;".to_owned(),
            ),
            (
                vec!["b".to_owned()],
                "use crate::{a::Other, c};\n#[cfg(test)]\nmod tests {\n    use crate::c::X;\n}\n"
                    .to_owned(),
            ),
            (vec!["c".to_owned()], "fn f() { crate::b::g(); }".to_owned()),
            (vec!["d".to_owned()], "use super::a;".to_owned()),
        ]
        .into_iter()
        .collect();
        let imports = imports(&known);
        assert_eq!(
            cycles(&imports).into_iter().collect::<Vec<_>>(),
            ["a <-> b <-> c"]
        );
    }
}
