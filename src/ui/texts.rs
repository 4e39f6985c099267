//! The widget's words for components: the [`Language`] the host chose, with its plural
//! rules (`Intl.PluralRules`), handed down as a Yew context.

#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::engine::{InputKey, Program};
use crate::i18n::{Language, Message, Msg};
use crate::ui::format::Formatter;
use rust_decimal::Decimal;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = PluralRules)]
    type PluralRules;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "PluralRules", catch)]
    fn new(locales: &JsValue) -> Result<PluralRules, JsValue>;

    /// The plural category of a number given as decimal text (`"1"`, `"2.5"`).
    #[wasm_bindgen(method)]
    fn select(this: &PluralRules, number: &str) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = ListFormat)]
    type ListFormat;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "ListFormat", catch)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<ListFormat, JsValue>;

    /// The items as one list, in the language's way (`a, b, c`; `a、b、c`).
    #[wasm_bindgen(method)]
    fn format(this: &ListFormat, items: &js_sys::Array) -> String;
}

/// What components say, in one language.
pub struct Texts {
    language: Language,
    plural_rules: Option<PluralRules>,
}

impl PartialEq for Texts {
    fn eq(&self, other: &Self) -> bool {
        self.language == other.language
    }
}

impl Texts {
    /// The texts of `language`.
    pub fn new(language: Language) -> Self {
        let plural_rules = PluralRules::new(&JsValue::from_str(language.tag())).ok();
        Self {
            language,
            plural_rules,
        }
    }

    /// The language.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The text of `message`.
    pub fn get(&self, message: Msg) -> &'static str {
        self.language.text(message)
    }

    /// `message` with its `{placeholders}` filled.
    pub fn fill(&self, message: Msg, args: &[(&str, &str)]) -> String {
        self.language.fill(message, args)
    }

    /// `items` as a list of parts (`Intl.ListFormat`, a unit list: no "and").
    pub fn list(&self, items: &[String]) -> String {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"type".into(), &"unit".into());
        let list = ListFormat::new(&JsValue::from_str(self.language.tag()), &options);
        let array: js_sys::Array = items.iter().map(|item| JsValue::from_str(item)).collect();
        match list {
            Ok(list) => list.format(&array),
            // Browsers without Intl.ListFormat (before 2021): one sentence after the other.
            Err(_) => self.sentences(items.to_vec()),
        }
    }

    /// Sentences one after the other, as the language writes them (no space in Japanese).
    pub fn sentences(&self, sentences: Vec<String>) -> String {
        self.chained(Msg::NextSentence, sentences)
    }

    /// `items` joined pairwise by `message`, whose `{first}` takes what is joined so far and
    /// `{next}` the next item (sentences, the steps of a path).
    pub fn chained(&self, message: Msg, items: impl IntoIterator<Item = String>) -> String {
        let mut items = items.into_iter();
        let first = items.next().unwrap_or_default();
        items.fold(first, |first, next| {
            self.fill(message, &[("first", &first), ("next", &next)])
        })
    }

    /// A message made elsewhere (a problem, an error), in this language.
    pub fn say(&self, message: &Message) -> String {
        self.language.say(message)
    }

    /// `message` in the plural form for the number of `count` (`(placeholder, number)`),
    /// which `formatter` writes into that placeholder; `args` fill the others.
    pub fn plural(
        &self,
        message: Msg,
        (name, number): (&str, Decimal),
        formatter: &Formatter,
        args: &[(&str, &str)],
    ) -> String {
        let category = self.plural_rules.as_ref().map_or_else(
            || "other".to_owned(),
            |rules| rules.select(&number.to_string()),
        );
        let shown = formatter.number(number);
        let mut all = args.to_vec();
        all.push((name, &shown));
        self.language.plural(message, &category, &all)
    }
}

/// Months to payback as partners read it: "Immediately", "1.5 months", "Not within 3 years".
pub fn payback_text(
    texts: &Texts,
    formatter: &Formatter,
    months: Option<Decimal>,
    horizon_years: u32,
) -> String {
    match months {
        Some(months) if months.is_zero() => texts.get(Msg::PaybackNow).to_owned(),
        Some(months) => texts.plural(
            Msg::PaybackMonths,
            ("months", months.round_dp(1)),
            formatter,
            &[],
        ),
        None => texts.plural(
            Msg::PaybackNever,
            ("years", horizon_years.into()),
            formatter,
            &[],
        ),
    }
}

/// The label of `key`: the program's own, else the built-in one in the widget's language.
pub fn input_label(texts: &Texts, program: &Program, key: InputKey) -> String {
    program.input_label_in(key, texts.language).to_owned()
}

/// The help of `key`: the program's own, else the built-in one in the widget's language.
pub fn input_help(texts: &Texts, program: &Program, key: InputKey) -> String {
    match &program.input_spec(key).help {
        Some(help) => help.clone(),
        None => texts.get(key.help_msg()).to_owned(),
    }
}

/// A text of the program's (a name, a benefit, a help text), isolated from the text around
/// it: its direction is its own, whatever the widget's language (`<bdi>`), so an English
/// benefit reads correctly in the Arabic widget and an Arabic name in the English one.
pub fn program_text(text: &str) -> Html {
    html! { <bdi>{ text.to_owned() }</bdi> }
}

/// The texts from the nearest context, English outside one (component tests).
#[hook]
pub fn use_texts() -> Rc<Texts> {
    use_context::<Rc<Texts>>().unwrap_or_else(|| Rc::new(Texts::new(Language::ENGLISH)))
}
