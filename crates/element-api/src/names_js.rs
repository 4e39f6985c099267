//! `PARTNER_ROI_NAMES`: the browser-facing names of `partner_roi::names` that
//! `src/embed/element.js` needs (the tag, the attributes, the observed ones, the properties,
//! the events, the share-link parameter, the `loading` value `eager`, the bundle's and the
//! language files' names, the embedded document's selector, and the program limits of the
//! header the skeleton shows) as a frozen JavaScript object, which `cargo xtask dist` puts before element.js in
//! every bundle (embed bundle, offline file, test-only panic bundle). element.js writes none of the names itself
//! (checked below), so the Rust constants are the only place each name is declared. Names
//! only Rust reads (the storage prefix, the performance mark) are not shipped.
//!
//! Keys are the names in camelCase (`program-src` → `programSrc`); an event's key drops
//! the tag prefix (`partner-roi:ready` → `ready`).

use crate::Result;
use partner_roi::engine::program_limits::TextKind;
use partner_roi::names;

/// The name of the generated constant.
pub const CONSTANT: &str = "PARTNER_ROI_NAMES";

/// `const PARTNER_ROI_NAMES = Object.freeze({…});` and a newline.
pub fn names_block() -> Result<String> {
    let event_prefix = format!("{}:", names::TAG);
    let events = names::EVENTS
        .iter()
        .map(|event| {
            let short = event
                .strip_prefix(&event_prefix)
                .ok_or_else(|| format!("event `{event}` does not start with `{event_prefix}`"))?;
            Ok((js_key(short)?, *event))
        })
        .collect::<Result<Vec<_>>>()?;
    let keyed = |list: &[&'static str]| {
        list.iter()
            .map(|name| Ok((js_key(name)?, *name)))
            .collect::<Result<Vec<_>>>()
    };
    let fields = [
        ("tag", string(names::TAG)),
        ("attributes", object(&keyed(names::ATTRIBUTES)?)),
        ("observedAttributes", array(names::OBSERVED_ATTRIBUTES)),
        ("properties", object(&keyed(names::PROPERTIES)?)),
        ("events", object(&events)),
        ("shareParam", string(names::SHARE_PARAM)),
        ("eager", string(names::LOADING_EAGER)),
        ("bundleFile", string(names::BUNDLE_FILE)),
        ("languageFile", string(names::LANGUAGE_FILE)),
        ("configScript", string(names::CONFIG_SCRIPT_SELECTOR)),
        ("headerLimits", header_limits()),
    ];
    let body: Vec<String> = fields
        .iter()
        .map(|(key, value)| format!("  {key}: {value},\n"))
        .collect();
    Ok(format!(
        "const {CONSTANT} = Object.freeze({{\n{}}});\n",
        body.concat()
    ))
}

/// `program-src` → `programSrc`; an error for anything that would not be a plain
/// identifier (so that `PARTNER_ROI_NAMES.attributes.programSrc` works).
fn js_key(name: &str) -> Result<String> {
    let mut key = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        match c {
            '-' if !key.is_empty() => upper = true,
            'a'..='z' | '0'..='9' if !(key.is_empty() && c.is_ascii_digit()) => {
                key.push(if upper { c.to_ascii_uppercase() } else { c });
                upper = false;
            }
            _ => return Err(format!("`{name}` has no JavaScript key (only a-z, 0-9, -)")),
        }
    }
    if key.is_empty() || upper {
        return Err(format!("`{name}` has no JavaScript key (only a-z, 0-9, -)"));
    }
    Ok(key)
}

/// A JavaScript string literal (JSON's quoting is JavaScript's).
/// The program texts the skeleton shows before the wasm runs, each with its limit in
/// characters (`program_limits.rs`): `{vendor: 120, name: 120, description: 2000}`.
fn header_limits() -> String {
    let entries: Vec<String> = [
        ("vendor", TextKind::Vendor),
        ("name", TextKind::ProgramName),
        ("description", TextKind::Description),
    ]
    .iter()
    .map(|(field, kind)| format!("{field}: {}", kind.limit()))
    .collect();
    format!("Object.freeze({{ {} }})", entries.join(", "))
}

fn string(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

fn array(items: &[&str]) -> String {
    let items: Vec<String> = items.iter().map(|item| string(item)).collect();
    format!("Object.freeze([{}])", items.join(", "))
}

fn object(entries: &[(String, &str)]) -> String {
    let entries: Vec<String> = entries
        .iter()
        .map(|(key, value)| format!("{key}: {}", string(value)))
        .collect();
    format!("Object.freeze({{ {} }})", entries.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::element_docs::NAMES_RS;
    use std::collections::BTreeSet;

    const ELEMENT_JS: &str = "src/embed/element.js";

    fn element_js() -> &'static str {
        include_str!("../../../src/embed/element.js")
    }

    /// The contents of every string and template literal in `js`, comments skipped (a
    /// small scanner: element.js has no regular expression literals).
    fn string_literals(js: &str) -> Vec<String> {
        let mut literals = Vec::new();
        let mut chars = js.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '/' if chars.peek() == Some(&'/') => {
                    chars.by_ref().find(|&c| c == '\n');
                }
                '/' if chars.peek() == Some(&'*') => {
                    chars.next();
                    let mut previous = ' ';
                    for c in chars.by_ref() {
                        if previous == '*' && c == '/' {
                            break;
                        }
                        previous = c;
                    }
                }
                '\'' | '"' | '`' => {
                    let mut literal = String::new();
                    while let Some(next) = chars.next() {
                        match next {
                            '\\' => literal.extend(chars.next()),
                            _ if next == c => break,
                            _ => literal.push(next),
                        }
                    }
                    literals.push(literal);
                }
                _ => {}
            }
        }
        literals
    }

    /// Every `PARTNER_ROI_NAMES.group.key` (or `.tag`) that `js` refers to.
    fn references(js: &str) -> BTreeSet<String> {
        let prefix = format!("{CONSTANT}.");
        js.match_indices(&prefix)
            .map(|(at, _)| {
                js[at + prefix.len()..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
                    .collect::<String>()
            })
            .collect()
    }

    fn every_name() -> Vec<&'static str> {
        let mut all = vec![names::TAG];
        all.extend(names::ATTRIBUTES);
        all.extend(names::OBSERVED_ATTRIBUTES);
        all.extend(names::PROPERTIES);
        all.extend(names::EVENTS);
        all
    }

    #[test]
    fn the_block_declares_every_name_once() {
        let block = names_block().unwrap();
        assert!(block.starts_with("const PARTNER_ROI_NAMES = Object.freeze({\n"));
        assert!(block.ends_with("});\n"));
        assert!(block.contains("  tag: \"partner-roi\",\n"));
        for attribute in names::OBSERVED_ATTRIBUTES {
            assert!(block.contains(&format!("\"{attribute}\"")), "{attribute}");
        }
        for event in names::EVENTS {
            assert!(block.contains(&format!(": \"{event}\"")), "{event}");
        }
        for property in names::PROPERTIES {
            assert!(
                block.contains(&format!("{property}: \"{property}\"")),
                "{property}"
            );
        }
        assert!(block.contains(
            "  observedAttributes: Object.freeze([\"program-src\", \"inputs\", \"locale\", \
             \"currency\", \"horizon\", \"persist\", \"presenter\", \"allow-program-file\", \"loading\", \
             \"tools\", \"debug\", \"theme\", \"lang\", \"analytics\"]),\n"
        ));
        assert!(block.contains("ready: \"partner-roi:ready\""));
        assert!(block.contains("cta: \"partner-roi:cta\""));
    }

    /// `ATTR_` constants that are no attributes of the element: markers the handout puts on
    /// the page while it prints.
    const NOT_ELEMENT_ATTRIBUTES: [&str; 2] = ["ATTR_PRINTING_HANDOUT", "ATTR_HANDOUT_PATH"];

    /// Every `pub const NAME: &str = "value";` in crates/host/src/names.rs whose name starts with
    /// `prefix`, as (name, value): the list to check is read from the declarations, so a
    /// new name must be listed (or excused) to pass.
    fn declared(prefix: &str) -> Vec<(String, String)> {
        let declared: Vec<_> = NAMES_RS
            .lines()
            .filter_map(|line| {
                let (name, value) = line.strip_prefix("pub const ")?.split_once(": &str = \"")?;
                let value = value.strip_suffix("\";")?;
                Some((name.to_owned(), value.to_owned()))
            })
            .filter(|(name, _)| name.starts_with(prefix))
            .collect();
        assert!(
            !declared.is_empty(),
            "crates/host/src/names.rs declares no {prefix}*"
        );
        declared
    }

    #[test]
    fn the_names_lists_hold_every_name() {
        use names::*;
        for (name, attribute) in declared("ATTR_") {
            if !NOT_ELEMENT_ATTRIBUTES.contains(&name.as_str()) {
                assert!(
                    ATTRIBUTES.contains(&attribute.as_str()),
                    "{name} ({attribute}) is not in ATTRIBUTES"
                );
            }
        }
        for observed in OBSERVED_ATTRIBUTES {
            assert!(ATTRIBUTES.contains(observed), "{observed}");
        }
        let events = declared("EVENT_");
        for (name, event) in &events {
            assert!(
                EVENTS.contains(&event.as_str()),
                "{name} ({event}) is not in EVENTS"
            );
        }
        assert_eq!(EVENTS.len(), events.len(), "EVENTS: {EVENTS:?}");
        let properties = declared("PROPERTY_");
        let properties: Vec<&str> = properties.iter().map(|(_, value)| value.as_str()).collect();
        assert_eq!(PROPERTIES, properties.as_slice());
        assert_eq!(
            ATTRIBUTES.len(),
            declared("ATTR_").len() - NOT_ELEMENT_ATTRIBUTES.len()
        );
    }

    #[test]
    fn keys_are_camel_case_identifiers() {
        assert_eq!(js_key("allow-program-file").unwrap(), "allowProgramFile");
        assert_eq!(js_key("ready").unwrap(), "ready");
        for bad in ["", "-a", "a-", "Upper", "a:b", "1a", "a b"] {
            assert!(js_key(bad).is_err(), "{bad:?}");
        }
    }

    /// The drift guard: element.js spells no tag, attribute, property or event name itself.
    #[test]
    fn element_js_writes_no_name_of_its_own() {
        let js = element_js();
        let names = every_name();
        for literal in string_literals(js) {
            assert!(
                !names.contains(&literal.as_str()),
                "{ELEMENT_JS} has the literal {literal:?}: use {CONSTANT} (crates/host/src/names.rs) instead"
            );
            let event_like = literal.strip_prefix("partner-roi:").is_some_and(|rest| {
                !rest.is_empty() && rest.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            });
            assert!(
                !event_like,
                "{ELEMENT_JS} has the event name {literal:?}: add it to crates/host/src/names.rs and use {CONSTANT}.events"
            );
        }
    }

    /// …and every name it uses is one the block declares.
    #[test]
    fn element_js_uses_only_declared_names() {
        let js = element_js();
        let block = names_block().unwrap();
        let used = references(js);
        assert!(used.contains("tag"), "{used:?}");
        assert!(used.contains("observedAttributes"), "{used:?}");
        for reference in &used {
            let declared = match reference.split_once('.') {
                None => block.contains(&format!("\n  {reference}: ")),
                Some((group, key)) => block
                    .lines()
                    .find(|line| line.starts_with(&format!("  {group}: ")))
                    .is_some_and(|line| {
                        line.contains(&format!("{{ {key}: "))
                            || line.contains(&format!(", {key}: "))
                    }),
            };
            assert!(
                declared,
                "{ELEMENT_JS} uses {CONSTANT}.{reference}, which crates/host/src/names.rs does not declare"
            );
        }
    }

    /// A property's accessors are JavaScript syntax: check they match the names.
    #[test]
    fn element_js_has_accessors_for_every_property() {
        let js = element_js();
        for property in names::PROPERTIES {
            for accessor in [
                format!("  get {property}() {{"),
                format!("  set {property}(value) {{"),
            ] {
                assert!(
                    js.contains(&accessor),
                    "{ELEMENT_JS} lacks `{}`",
                    accessor.trim()
                );
            }
        }
    }

    #[test]
    fn the_scanner_finds_literals_and_skips_comments() {
        let js =
            "// 'not this'\nconst a = 'one', b = \"t\\\"wo\"; /* 'nor this' */ f(`three ${x}`);";
        assert_eq!(string_literals(js), ["one", "t\"wo", "three ${x}"]);
        assert_eq!(
            references("PARTNER_ROI_NAMES.events.ready; PARTNER_ROI_NAMES.tag)"),
            BTreeSet::from(["events.ready".to_owned(), "tag".to_owned()])
        );
    }
}
