//! Numbers as partners type them: `12000`, `12,000`, `12 000`, `0,5` (with a comma
//! decimal separator), `15 %`, `$12,000`, and in Arabic-Indic digits (`١٢٬٠٠٠٫٥`).

use rust_decimal::Decimal;

use partner_roi_engine::decimal_text::parse_decimal;

/// The Arabic decimal separator (U+066B), a decimal point whatever the locale.
const ARABIC_DECIMAL: char = '\u{66b}';
/// The Arabic thousands separator (U+066C).
const ARABIC_GROUPING: char = '\u{66c}';

/// Reads a number typed in a locale whose decimal separator is `decimal_separator`
/// (`.`, `,` or the Arabic `٫`); grouping characters, spaces, direction marks, `%` and
/// currency symbols are ignored, and Arabic-Indic digits read as the digits they are.
pub fn parse_typed_number(text: &str, decimal_separator: char) -> Option<Decimal> {
    let comma_decimal = decimal_separator == ',';
    let mut normalized = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '0'..='9' | '-' => normalized.push(c),
            '\u{2212}' => normalized.push('-'),
            ARABIC_DECIMAL => normalized.push('.'),
            ',' if comma_decimal => normalized.push('.'),
            '.' if !comma_decimal => normalized.push('.'),
            c if arabic_digit(c).is_some() => normalized.extend(arabic_digit(c)),
            c if is_ignored(c) => {}
            _ => return None,
        }
    }
    if normalized.matches('-').count() > 1 || normalized.find('-').is_some_and(|at| at > 0) {
        return None;
    }
    parse_decimal(&normalized)
}

/// The ASCII digit of an Arabic-Indic (U+0660…) or Eastern Arabic-Indic (U+06F0…) digit.
fn arabic_digit(c: char) -> Option<char> {
    let zero = match c {
        '\u{660}'..='\u{669}' => 0x660,
        '\u{6f0}'..='\u{6f9}' => 0x6f0,
        _ => return None,
    };
    char::from_u32(u32::from(c) - zero + u32::from('0'))
}

/// Grouping separators, spaces, direction marks, percent signs and currency symbols.
fn is_ignored(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | '\'' | '%' | ARABIC_GROUPING | '\u{66a}' | '\u{200e}' | '\u{200f}' | '\u{61c}'
    ) || c.is_whitespace()
        || is_currency_symbol(c)
}

fn is_currency_symbol(c: char) -> bool {
    matches!(
        c,
        '$' | '€' | '£' | '¥' | '₹' | '₩' | '₽' | '₺' | '₪' | '฿' | '₫' | '₴' | '₱'
    )
}

/// How a value is written back into a text box: plain digits, the locale's separator.
pub fn typed_text(value: Decimal, decimal_separator: char) -> String {
    let text = value.normalize().to_string();
    if decimal_separator == '.' {
        text
    } else {
        text.replace('.', &decimal_separator.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(text: &str) -> Option<Decimal> {
        Decimal::from_str(text).ok()
    }

    #[test]
    fn accepts_what_people_type() {
        assert_eq!(parse_typed_number("12000", '.'), dec("12000"));
        assert_eq!(parse_typed_number(" 12,000.50 ", '.'), dec("12000.50"));
        assert_eq!(parse_typed_number("$12,000", '.'), dec("12000"));
        assert_eq!(parse_typed_number("15 %", '.'), dec("15"));
        assert_eq!(parse_typed_number("-5", '.'), dec("-5"));
        assert_eq!(parse_typed_number("\u{2212}5", '.'), dec("-5"));
        assert_eq!(parse_typed_number("1.234,5 €", ','), dec("1234.5"));
        assert_eq!(parse_typed_number("0,5", ','), dec("0.5"));
        assert_eq!(parse_typed_number("12\u{a0}000", ','), dec("12000"));
        assert_eq!(parse_typed_number("12\u{202f}000,5", ','), dec("12000.5"));
    }

    #[test]
    fn reads_arabic_indic_digits_and_separators() {
        assert_eq!(parse_typed_number("١٢٬٣٤٥٫٥", '.'), dec("12345.5"));
        assert_eq!(parse_typed_number("١٢٬٣٤٥٫٥", '\u{66b}'), dec("12345.5"));
        assert_eq!(parse_typed_number("۱۲۳۴", '.'), dec("1234"));
        assert_eq!(parse_typed_number("\u{200f}١٥٪", '.'), dec("15"));
        assert_eq!(parse_typed_number("-٥", '.'), dec("-5"));
        assert_eq!(parse_typed_number("12,345.5", '\u{66b}'), dec("12345.5"));
        assert_eq!(parse_typed_number("١٢x", '.'), None);
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        for text in ["", "abc", "12a", "1.2.3", "5-", "--5", "1e5x", "%"] {
            assert_eq!(parse_typed_number(text, '.'), None, "{text:?}");
        }
    }

    #[test]
    fn writes_values_back_with_the_locale_separator() {
        assert_eq!(typed_text(Decimal::new(125, 1), ','), "12,5");
        assert_eq!(typed_text(Decimal::new(12000, 0), '.'), "12000");
        assert_eq!(typed_text(Decimal::new(1500, 2), '.'), "15");
    }
}
