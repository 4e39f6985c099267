//! The widget's words in seven languages: one catalogue per language (`catalogues/*.txt`,
//! compiled by `build.rs` as [`Msg`]), the choice of language, and filling placeholders and
//! plural forms. English is compiled in; every other language arrives at run time
//! ([`Language::install`], from a language file) or, with the `all-languages` feature, is
//! compiled in too. Plain Rust: the plural category comes from the caller
//! (`Intl.PluralRules` in the browser).

pub mod codegen;

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

use std::fmt;
use std::sync::OnceLock;

use codegen::{FORM_TEXT, PLURAL_MARK};

impl Msg {
    /// The message's key in the catalogues.
    pub fn key(self) -> &'static str {
        KEYS[self as usize]
    }
}

/// A language that arrived at run time: its texts in [`Msg`] order (`""` where it has
/// none) and its texts of the built-in program (JSON).
struct Installed {
    texts: Vec<String>,
    builtin_program: String,
}

/// The languages other than English that arrived, each at most once.
static INSTALLED: [OnceLock<Installed>; TAGS.len() - 1] =
    [const { OnceLock::new() }; TAGS.len() - 1];

/// A language of the widget: an index into [`TAGS`] (0 is English).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Language(usize);

impl Language {
    /// English, the language of last resort.
    pub const ENGLISH: Language = Language(0);

    /// Every language the widget speaks, English first.
    pub fn all() -> impl Iterator<Item = Language> {
        (0..TAGS.len()).map(Language)
    }

    /// Its BCP 47 tag: `en`, `de`, `pt-BR`.
    pub fn tag(self) -> &'static str {
        TAGS.get(self.0).copied().unwrap_or("en")
    }

    /// Whether its texts are here: English, a compiled-in language, or one installed.
    pub fn has_texts(self) -> bool {
        self == Language::ENGLISH || self.bundled().is_some() || self.installed().is_some()
    }

    /// Makes `catalogue` (a catalogue's text, `key = text` lines) and `builtin_program` (the
    /// built-in program's texts, JSON) this language's texts. Keys English lacks are left
    /// out, messages the catalogue lacks stay English. `false` when it had texts already.
    pub fn install(self, catalogue: &str, builtin_program: String) -> Result<bool, String> {
        let messages = codegen::parse_catalogue(self.tag(), catalogue)?;
        let slot = match self.0.checked_sub(1).and_then(|index| INSTALLED.get(index)) {
            Some(slot) if self.bundled().is_none() => slot,
            _ => return Ok(false),
        };
        let mut texts = vec![String::new(); KEYS.len()];
        for (key, text) in messages {
            if let Some(index) = KEYS.iter().position(|known| *known == key) {
                texts[index] = text;
            }
        }
        Ok(slot
            .set(Installed {
                texts,
                builtin_program,
            })
            .is_ok())
    }

    /// The built-in program's texts in this language (JSON), where they are here.
    pub fn builtin_program_texts(self) -> Option<&'static str> {
        match (self.bundled(), self.installed()) {
            (Some((_, texts)), _) => Some(*texts),
            (None, Some(installed)) => Some(installed.builtin_program.as_str()),
            (None, None) => None,
        }
        .filter(|texts| !texts.is_empty())
    }

    #[cfg(any(test, feature = "all-languages"))]
    fn bundled(self) -> Option<&'static ([&'static str; Msg::ALL.len()], &'static str)> {
        BUNDLED.get(self.0.checked_sub(1)?)
    }

    #[cfg(not(any(test, feature = "all-languages")))]
    fn bundled(self) -> Option<&'static ([&'static str; 0], &'static str)> {
        None
    }

    fn installed(self) -> Option<&'static Installed> {
        INSTALLED.get(self.0.checked_sub(1)?)?.get()
    }

    /// This language's own text of `message`, `None` where it has none here.
    pub fn own_text(self, message: Msg) -> Option<&'static str> {
        let index = message as usize;
        let text = if self == Language::ENGLISH {
            ENGLISH.get(index).copied()
        } else if let Some((texts, _)) = self.bundled() {
            texts.get(index).copied()
        } else {
            self.installed()
                .and_then(|installed| installed.texts.get(index))
                .map(String::as_str)
        };
        text.filter(|text| !text.is_empty())
    }

    /// This language's catalogue as text (`key = text` lines, plural forms one a line), as
    /// a language file carries it; its messages here only.
    pub fn catalogue_text(self) -> String {
        let mut out = String::new();
        for (key, message) in KEYS.iter().zip(Msg::ALL) {
            let Some(text) = self.own_text(message) else {
                continue;
            };
            if !text.starts_with(PLURAL_MARK) {
                out += &format!("{key} = {text}\n");
                continue;
            }
            for form in text.split(PLURAL_MARK).skip(1) {
                if let Some((category, form)) = form.split_once(FORM_TEXT) {
                    out += &format!("{key}.{category} = {form}\n");
                }
            }
        }
        out
    }

    /// Whether it is written right to left.
    pub fn is_rtl(self) -> bool {
        self.tag() == "ar"
    }

    /// The language a tag asks for, matched from region to base language and back
    /// (`de-AT` → `de`, `pt` → `pt-BR`); `None` when the widget does not speak it. The tag is
    /// looked up by its [`lookup_key`], then by that key's base language, in the table
    /// [`Language::lookup_table`] lists, which element.js matches with before the wasm runs.
    pub fn matching(tag: &str) -> Option<Language> {
        let key = lookup_key(tag);
        let base = key.split('-').next().unwrap_or_default();
        Language::of_key(&key).or_else(|| Language::of_key(base))
    }

    /// Every key [`Language::matching`] finds a language by, with that language: each
    /// catalogue's tag in lower case (`pt-br`) and each base language (`pt`).
    pub fn lookup_table() -> Vec<(String, Language)> {
        let mut keys: Vec<String> = Vec::new();
        for tag in TAGS {
            let key = lookup_key(tag);
            let base = key.split('-').next().unwrap_or_default().to_owned();
            for key in [key, base] {
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        keys.into_iter()
            .filter_map(|key| Some((key.clone(), Language::of_key(&key)?)))
            .collect()
    }

    /// The language of lookup key `key`: the catalogue of that tag, else, for a base language
    /// (`pt`), the first catalogue of that base.
    fn of_key(key: &str) -> Option<Language> {
        if key.is_empty() {
            return None;
        }
        let position = |matches: &dyn Fn(&str) -> bool| {
            TAGS.iter().position(|known| matches(&lookup_key(known)))
        };
        position(&|known| known == key)
            .or_else(|| {
                position(&|known| !key.contains('-') && known.split('-').next() == Some(key))
            })
            .map(Language)
    }

    /// The first of `candidates` (in order of preference) the widget speaks, with the tag
    /// that matched; `None` when it speaks none of them.
    pub fn first_spoken<'a>(
        candidates: impl IntoIterator<Item = &'a str>,
    ) -> Option<(Language, &'a str)> {
        candidates
            .into_iter()
            .find_map(|tag| Language::matching(tag).map(|language| (language, tag)))
    }

    /// The text of `message`, English where this language has none here.
    pub fn text(self, message: Msg) -> &'static str {
        self.own_text(message)
            .or_else(|| Language::ENGLISH.own_text(message))
            .unwrap_or_default()
    }

    /// `message` with each `{name}` replaced by its value in `args`.
    pub fn fill(self, message: Msg, args: &[(&str, &str)]) -> String {
        self.fill_text(self.text(message), args)
    }

    /// The form of `message` for plural `category` (`Intl.PluralRules`: `one`, `few`,
    /// `other`…; `other` when the language has no such form), filled with `args`.
    pub fn plural(self, message: Msg, category: &str, args: &[(&str, &str)]) -> String {
        self.fill_text(plural_form(self.text(message), category), args)
    }

    /// `message` in this language, its values filled in (a value that is itself a message
    /// in this language too).
    pub fn say(self, message: &Message) -> String {
        let values: Vec<(&str, String)> = message
            .args
            .iter()
            .map(|(name, value)| match value {
                MessageArg::Text(text) => (*name, text.clone()),
                MessageArg::Said(inner) => (*name, self.say(inner)),
            })
            .collect();
        let values: Vec<(&str, &str)> = values
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        self.fill(message.msg, &values)
    }

    /// `text` filled with `args`, each value isolated (U+2068 … U+2069) where its direction
    /// could mix with the sentence's: every value right to left, so that an amount or a Latin
    /// name keeps its own direction; left to right, a value with right-to-left letters (an
    /// Arabic tier name in the English widget).
    fn fill_text(self, text: &str, args: &[(&str, &str)]) -> String {
        let isolate = |value: &str| self.is_rtl() || has_rtl_letters(value);
        if !args.iter().any(|(_, value)| isolate(value)) {
            return fill_placeholders(text, args);
        }
        let isolated: Vec<(&str, String)> = args
            .iter()
            .map(|(name, value)| match isolate(value) {
                true => (*name, format!("\u{2068}{value}\u{2069}")),
                false => (*name, (*value).to_owned()),
            })
            .collect();
        let isolated: Vec<(&str, &str)> = isolated
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        fill_placeholders(text, &isolated)
    }
}

/// Whether `text` has letters of a right-to-left script (Hebrew, Arabic, Syriac, Thaana,
/// N'Ko and their presentation forms).
fn has_rtl_letters(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
    })
}

/// How a language tag is looked up: trimmed, in lower case, `_` written `-` (`pt_BR` →
/// `pt-br`). element.js writes it the same way.
pub fn lookup_key(tag: &str) -> String {
    tag.trim().to_ascii_lowercase().replace('_', "-")
}

/// A message to be said later in whichever language is shown: a catalogue entry and its
/// values. Problems found in plain Rust (a bad program, link or setting) are made of these;
/// shown as text (`Display`) they are English, for the page's console and events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    msg: Msg,
    args: Vec<(&'static str, MessageArg)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum MessageArg {
    Text(String),
    Said(Message),
}

impl Message {
    /// `msg` with its placeholder `name` filled by `value` (as given, in any language).
    pub fn with(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.args.push((name, MessageArg::Text(value.to_string())));
        self
    }

    /// `msg` with its placeholder `name` filled by `value`, said in the same language.
    pub fn with_said(mut self, name: &'static str, value: impl Into<Message>) -> Self {
        self.args.push((name, MessageArg::Said(value.into())));
        self
    }

    /// Which catalogue entry it is.
    pub fn msg(&self) -> Msg {
        self.msg
    }
}

impl From<Msg> for Message {
    fn from(msg: Msg) -> Self {
        Message {
            msg,
            args: Vec::new(),
        }
    }
}

impl Msg {
    /// This message with its placeholder `name` filled by `value`.
    pub fn with(self, name: &'static str, value: impl fmt::Display) -> Message {
        Message::from(self).with(name, value)
    }

    /// This message with its placeholder `name` filled by the message `value`.
    pub fn with_said(self, name: &'static str, value: impl Into<Message>) -> Message {
        Message::from(self).with_said(name, value)
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Language::ENGLISH.say(self))
    }
}

/// The form for `category` of a text with plural forms; a text without them is itself.
pub fn plural_form<'a>(text: &'a str, category: &str) -> &'a str {
    if !text.starts_with(PLURAL_MARK) {
        return text;
    }
    let forms = || {
        text.split(PLURAL_MARK)
            .filter_map(|form| form.split_once(FORM_TEXT))
    };
    forms()
        .find(|(name, _)| *name == category)
        .or_else(|| forms().find(|(name, _)| *name == "other"))
        .map_or("", |(_, form)| form)
}

/// `text` with `{name}` replaced by the value given for `name`; unknown names stay.
pub fn fill_placeholders(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match args.iter().find(|(known, _)| *known == name) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[start..start + end + 2]),
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
