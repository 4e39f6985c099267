//! Numbers as partners type them: `12000`, `12,000`, `12 000`, `0,5` (with a comma
//! decimal separator), `15 %`, `$12,000`.

use rust_decimal::Decimal;

use crate::engine::decimal_text::parse_decimal;

/// Reads a number typed in a locale whose decimal separator is `decimal_separator`
/// (`.` or `,`); grouping characters, spaces, `%` and currency symbols are ignored.
pub fn parse_typed_number(text: &str, decimal_separator: char) -> Option<Decimal> {
    let grouping = if decimal_separator == ',' { '.' } else { ',' };
    let mut normalized = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '0'..='9' | '-' => normalized.push(c),
            '\u{2212}' => normalized.push('-'),
            c if c == decimal_separator => normalized.push('.'),
            c if c == grouping || c.is_whitespace() || c == '\'' || c == '%' => {}
            c if is_currency_symbol(c) => {}
            _ => return None,
        }
    }
    if normalized.matches('-').count() > 1 || normalized.find('-').is_some_and(|at| at > 0) {
        return None;
    }
    parse_decimal(&normalized)
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
