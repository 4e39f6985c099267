//! Reads the message catalogues (`catalogues/<language>.txt`) into Rust source for
//! `src/lib.rs`; used by `build.rs` (and its tests, natively).
//!
//! A catalogue has one message a line, `key = text`, with `{name}` placeholders; a message
//! that depends on a number has one line per plural category (`key.one = …`,
//! `key.other = …`; categories of `Intl.PluralRules`). `#` starts a comment line. English
//! (`en.txt`) defines the keys; the other catalogues are read against it.

/// The plural categories of `Intl.PluralRules`.
pub const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
/// Starts a message with plural forms; each form is `category` FORM_TEXT `text`.
pub const PLURAL_MARK: char = '\u{1}';
/// Between a plural form's category and its text.
pub const FORM_TEXT: char = '\u{2}';

/// One catalogue: its keys in file order, each with its text (plural forms joined).
pub fn parse_catalogue(name: &str, text: &str) -> Result<Vec<(String, String)>, String> {
    let mut messages: Vec<(String, String)> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once(" = ")
            .ok_or_else(|| format!("{name}:{}: expected `key = text`", number + 1))?;
        let (key, category) = match key.rsplit_once('.') {
            Some((base, category)) if PLURAL_CATEGORIES.contains(&category) => {
                (base, Some(category))
            }
            _ => (key, None),
        };
        if !key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return Err(format!(
                "{name}:{}: key `{key}` is not snake_case",
                number + 1
            ));
        }
        let form = match category {
            Some(category) => format!("{PLURAL_MARK}{category}{FORM_TEXT}{value}"),
            None => value.to_owned(),
        };
        match messages.iter_mut().find(|(known, _)| known == key) {
            Some((_, text)) if category.is_some() && text.starts_with(PLURAL_MARK) => {
                text.push_str(&form)
            }
            Some(_) => return Err(format!("{name}:{}: `{key}` is defined twice", number + 1)),
            None => messages.push((key.to_owned(), form)),
        }
    }
    Ok(messages)
}

/// `snake_case` as `CamelCase`.
fn variant(key: &str) -> String {
    key.split('_')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

/// One language's catalogue as `build.rs` read it.
pub struct Catalogue {
    /// Its BCP 47 tag.
    pub tag: String,
    /// Its keys in file order, each with its text.
    pub messages: Vec<(String, String)>,
    /// Its texts of the built-in program (JSON; empty for English).
    pub builtin_program: String,
}

/// Rust source: `enum Msg` (one variant per English key, all in `Msg::ALL`), `KEYS` (each
/// one's key), `TAGS` (every language's tag,
/// English first), `ENGLISH` (its texts in `Msg` order), `BUNDLED` (each other language's
/// texts and its built-in program texts, `""` where it has none; compiled only with the
/// `all-languages` feature, or in this crate's tests) and `UNKNOWN_KEYS` (keys a language
/// has that English has not). `catalogues` is English first.
pub fn generate(catalogues: &[Catalogue]) -> Result<String, String> {
    let Some((first, others)) = catalogues
        .split_first()
        .filter(|(first, _)| first.tag == "en")
    else {
        return Err("en.txt must come first".into());
    };
    let english = &first.messages;
    let mut out = String::from(
        "/// Every message the widget shows, one per key of `catalogues/en.txt`.\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq)]\npub enum Msg {\n",
    );
    for (key, _) in english {
        out += &format!("    /// `{key}`\n    {},\n", variant(key));
    }
    out += "}\n\nimpl Msg {\n    /// Every message, in `Msg` order.\n";
    out += &format!("    pub const ALL: [Msg; {}] = [\n", english.len());
    for (key, _) in english {
        out += &format!("        Msg::{},\n", variant(key));
    }
    // A static, not a const: one copy of the keys in the wasm, not one per use.
    out += "    ];\n}\n\n/// The catalogue key of each message, in [`Msg`] order.\n";
    out += &format!("pub static KEYS: [&str; {}] = [\n", english.len());
    for (key, _) in english {
        out += &format!("    {key:?},\n");
    }
    out += "];\n\n/// Every language's tag, English first.\n";
    let tags: Vec<String> = catalogues
        .iter()
        .map(|catalogue| format!("{:?}", catalogue.tag))
        .collect();
    out += &format!(
        "pub const TAGS: [&str; {}] = [{}];\n\n",
        tags.len(),
        tags.join(", ")
    );
    out += "/// English, in [`Msg`] order.\n";
    out += &format!("static ENGLISH: [&str; {}] = [\n", english.len());
    for (_, text) in english {
        out += &format!("    {text:?},\n");
    }
    out +=
        "];\n\n/// Each other language's texts in [`Msg`] order, and its built-in program texts.\n";
    out += "#[cfg(any(test, feature = \"all-languages\"))]\n";
    out += &format!(
        "static BUNDLED: [([&str; {}], &str); {}] = [\n",
        english.len(),
        others.len()
    );
    let mut unknown = Vec::new();
    for Catalogue {
        tag,
        messages,
        builtin_program,
    } in others
    {
        out += "    ([\n";
        for (key, _) in english {
            let text = messages
                .iter()
                .find(|(known, _)| known == key)
                .map_or("", |(_, text)| text.as_str());
            out += &format!("        {text:?},\n");
        }
        out += &format!("    ], {builtin_program:?}),\n");
        for (key, _) in messages {
            if !english.iter().any(|(known, _)| known == key) {
                unknown.push(format!("({tag:?}, {key:?})"));
            }
        }
    }
    out += "];\n\n/// Keys a catalogue has that English has not: `(language, key)`.\n";
    out += &format!(
        "pub const UNKNOWN_KEYS: &[(&str, &str)] = &[{}];\n",
        unknown.join(", ")
    );
    Ok(out)
}
