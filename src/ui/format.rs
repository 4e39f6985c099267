//! Locale-aware display of money, percents and counts through the browser's
//! `Intl.NumberFormat`, fed exact decimal strings (never binary floats). Each formatter
//! remembers what it wrote: one change redraws many equal figures (each tier's net on its
//! card, in the charts, the tables and the summary), and most figures do not change at all.

#![cfg(target_arch = "wasm32")]

use rust_decimal::Decimal;
use std::cell::RefCell;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

use crate::engine::decimal_text::fixed_places;
use crate::engine::Unit;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    type NumberFormat;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "NumberFormat", catch)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<NumberFormat, JsValue>;

    /// Intl.NumberFormat v3 formats numeric strings exactly.
    #[wasm_bindgen(method, js_name = format)]
    fn format_decimal(this: &NumberFormat, value: &str) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateTimeFormat;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<DateTimeFormat, JsValue>;

    #[wasm_bindgen(method, js_name = format)]
    fn format_date(this: &DateTimeFormat, date: &js_sys::Date) -> String;
}

/// Formats figures for one locale and currency.
pub struct Formatter {
    locale: Option<String>,
    currency: String,
    money: NumberFormat,
    money_whole: NumberFormat,
    money_compact: NumberFormat,
    percent: NumberFormat,
    number: NumberFormat,
    decimal_separator: char,
    /// What each style wrote for each exact figure (cleared when it grows past [`REMEMBERED`]).
    written: RefCell<BTreeMap<(Style, String), String>>,
}

/// How many written figures a formatter keeps: a few changes' worth.
const REMEMBERED: usize = 2_000;

/// The styles a [`Formatter`] writes.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Style {
    Money,
    MoneyWhole,
    MoneyCompact,
    Percent,
    Number,
}

impl PartialEq for Formatter {
    fn eq(&self, other: &Self) -> bool {
        self.locale == other.locale && self.currency == other.currency
    }
}

impl std::fmt::Debug for Formatter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Formatter({:?}, {})", self.locale, self.currency)
    }
}

/// Builds a `NumberFormat`, falling back to the browser's locale, then to plain defaults,
/// when the requested locale or currency is rejected.
fn number_format(locale: Option<&str>, options: &str) -> NumberFormat {
    let options = js_sys::JSON::parse(options).unwrap_or(JsValue::UNDEFINED);
    let requested = locale.map_or(JsValue::UNDEFINED, JsValue::from_str);
    NumberFormat::new(&requested, &options)
        .or_else(|_| NumberFormat::new(&JsValue::UNDEFINED, &options))
        .or_else(|_| NumberFormat::new(&JsValue::UNDEFINED, &JsValue::UNDEFINED))
        .unwrap_or_else(|_| JsValue::UNDEFINED.unchecked_into())
}

const NUMBER_OPTIONS: &str = r#"{"maximumFractionDigits":2}"#;

/// The decimal separator `number` writes.
fn separator_of(number: &NumberFormat) -> char {
    number
        .format_decimal("1.5")
        .chars()
        .find(|c| !c.is_ascii_digit())
        .unwrap_or('.')
}

/// The decimal separator of `locale` (`None`: the browser's), without a whole [`Formatter`].
pub fn decimal_separator(locale: Option<&str>) -> char {
    separator_of(&number_format(locale, NUMBER_OPTIONS))
}

impl Formatter {
    /// A formatter for `locale` (`None`: the browser's) and an ISO 4217 `currency`.
    pub fn new(locale: Option<&str>, currency: &str) -> Self {
        let money_options =
            |extra: &str| format!(r#"{{"style":"currency","currency":"{currency}"{extra}}}"#);
        let number = number_format(locale, NUMBER_OPTIONS);
        let decimal_separator = separator_of(&number);
        Self {
            locale: locale.map(str::to_owned),
            currency: currency.to_owned(),
            money: number_format(locale, &money_options("")),
            money_whole: number_format(
                locale,
                &money_options(r#","maximumFractionDigits":0,"minimumFractionDigits":0"#),
            ),
            money_compact: number_format(
                locale,
                &money_options(r#","notation":"compact","maximumFractionDigits":1"#),
            ),
            percent: number_format(locale, r#"{"style":"percent","maximumFractionDigits":1}"#),
            number,
            decimal_separator,
            written: RefCell::default(),
        }
    }

    /// `text` (an exact decimal) in `style`, from memory when it was written before.
    fn write(&self, style: Style, text: String) -> String {
        let key = (style, text);
        if let Some(written) = self.written.borrow().get(&key) {
            return written.clone();
        }
        let format = match style {
            Style::Money => &self.money,
            Style::MoneyWhole => &self.money_whole,
            Style::MoneyCompact => &self.money_compact,
            Style::Percent => &self.percent,
            Style::Number => &self.number,
        };
        let written = format.format_decimal(&key.1);
        let mut memory = self.written.borrow_mut();
        if memory.len() >= REMEMBERED {
            memory.clear();
        }
        memory.insert(key, written.clone());
        written
    }

    /// Money with cents: `$1,234.56`, `1.234,56 €`.
    pub fn money(&self, value: Decimal) -> String {
        self.write(Style::Money, fixed_places(value, 2))
    }

    /// Money in whole units: `$1,235`.
    pub fn money_whole(&self, value: Decimal) -> String {
        self.write(Style::MoneyWhole, fixed_places(value, 0))
    }

    /// Short money for chart labels: `$1.2M`.
    pub fn money_compact(&self, value: Decimal) -> String {
        self.write(Style::MoneyCompact, fixed_places(value, 0))
    }

    /// A ratio as a percent: `0.1234` → `12.3%`.
    pub fn percent(&self, ratio: Decimal) -> String {
        self.write(Style::Percent, fixed_places(ratio, 3))
    }

    /// A plain number with grouping and up to two decimals: `1,234.5`.
    pub fn number(&self, value: Decimal) -> String {
        self.write(Style::Number, fixed_places(value, 2))
    }

    /// A count of clients or people as a whole number (half-even): `10.8` → `11`. Exact
    /// counts stay in `result` and the CSV.
    pub fn count(&self, value: Decimal) -> String {
        self.write(Style::Number, fixed_places(value, 0))
    }

    /// A count of clients as a year's row shows it: to one decimal where it is not whole
    /// (`7.5`, `8`), so that clients × price multiplies out to the row's revenue.
    pub fn client_count(&self, value: Decimal) -> String {
        self.write(Style::Number, fixed_places(value, 1))
    }

    /// An input's value as partners read it: money in whole units, percents with `%`,
    /// counts with grouping.
    pub fn input_value(&self, unit: Unit, value: Decimal) -> String {
        match unit {
            Unit::Money => self.money_whole(value),
            Unit::Percent => format!("{}%", self.number(value)),
            Unit::Clients | Unit::People | Unit::Years | Unit::Months => self.number(value),
        }
    }

    /// Today's date, written out: `6 December 2026`, `December 6, 2026`.
    pub fn today(&self) -> String {
        let options = js_sys::JSON::parse(r#"{"dateStyle":"long"}"#).unwrap_or(JsValue::UNDEFINED);
        let requested = self
            .locale
            .as_deref()
            .map_or(JsValue::UNDEFINED, JsValue::from_str);
        DateTimeFormat::new(&requested, &options)
            .or_else(|_| DateTimeFormat::new(&JsValue::UNDEFINED, &options))
            .map(|format| format.format_date(&js_sys::Date::new_0()))
            .unwrap_or_default()
    }

    /// The locale's decimal separator (`.` or `,`).
    pub fn decimal_separator(&self) -> char {
        self.decimal_separator
    }

    /// The currency code.
    pub fn currency(&self) -> &str {
        &self.currency
    }
}
