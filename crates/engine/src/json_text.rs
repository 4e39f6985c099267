//! JSON text to a [`serde_json::Value`], with numbers kept exactly as written.
//!
//! A small recursive-descent reader instead of `serde_json::from_str`: that one goes through
//! serde's generic deserializer, whose error paths format floats and cost the wasm ~13 KB
//! gzip. This reader accepts exactly the JSON that `serde_json::from_str::<Value>` accepts
//! and builds the same value (a differential test checks both); numbers are
//! [`Number`]s read from their own text, so `0.1` stays one tenth and 28 digits stay 28.

use std::fmt;
use std::str::FromStr;

use serde_json::{Map, Number, Value};

/// How deep arrays and objects may nest, as in `serde_json`.
const DEPTH_LIMIT: usize = 128;

/// Why a text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonTextError {
    what: &'static str,
    line: usize,
    column: usize,
}

impl fmt::Display for JsonTextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.what, self.line, self.column
        )
    }
}

impl std::error::Error for JsonTextError {}

/// Reads `text` as one JSON value, surrounded by nothing but whitespace.
pub fn parse_value(text: &str) -> Result<Value, JsonTextError> {
    let mut reader = Reader {
        source: text,
        at: 0,
        depth: 0,
    };
    reader.skip_whitespace();
    let value = reader.value()?;
    reader.skip_whitespace();
    if reader.at < reader.text().len() {
        return Err(reader.error("trailing characters"));
    }
    Ok(value)
}

struct Reader<'a> {
    source: &'a str,
    at: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    /// The text as bytes: everything the reader looks for is ASCII.
    #[inline]
    fn text(&self) -> &'a [u8] {
        self.source.as_bytes()
    }

    /// An error at the current position (1-based line and column, in characters).
    fn error(&self, what: &'static str) -> JsonTextError {
        let before = &self.text()[..self.at.min(self.text().len())];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        JsonTextError { what, line, column }
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.text().get(self.at).copied()
    }

    #[inline]
    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Consumes `word` (after its first byte has been seen) or fails.
    fn word(&mut self, word: &[u8], value: Value) -> Result<Value, JsonTextError> {
        for &expected in word {
            if self.peek() != Some(expected) {
                return Err(self.error(if self.peek().is_none() {
                    "EOF while parsing a value"
                } else {
                    "expected ident"
                }));
            }
            self.at += 1;
        }
        Ok(value)
    }

    fn value(&mut self) -> Result<Value, JsonTextError> {
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'n') => self.word(b"null", Value::Null),
            Some(b't') => self.word(b"true", Value::Bool(true)),
            Some(b'f') => self.word(b"false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'[') => self.nested(Self::array),
            Some(b'{') => self.nested(Self::object),
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Number),
            Some(_) => Err(self.error("expected value")),
        }
    }

    /// Reads an array or object one level deeper, within [`DEPTH_LIMIT`].
    fn nested(
        &mut self,
        read: fn(&mut Self) -> Result<Value, JsonTextError>,
    ) -> Result<Value, JsonTextError> {
        self.depth += 1;
        if self.depth > DEPTH_LIMIT {
            return Err(self.error("recursion limit exceeded"));
        }
        self.at += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    /// The items of an array or object, after its opening bracket: each read by `item`,
    /// separated by commas, up to `close`, with no comma before it.
    fn items(
        &mut self,
        close: u8,
        eof: &'static str,
        expected_separator: &'static str,
        mut item: impl FnMut(&mut Self) -> Result<(), JsonTextError>,
    ) -> Result<(), JsonTextError> {
        self.skip_whitespace();
        if self.peek() == Some(close) {
            self.at += 1;
            return Ok(());
        }
        loop {
            self.skip_whitespace();
            item(self)?;
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(byte) if byte == close => {
                    self.at += 1;
                    return Ok(());
                }
                None => return Err(self.error(eof)),
                Some(_) => return Err(self.error(expected_separator)),
            }
            self.skip_whitespace();
            if self.peek() == Some(close) {
                return Err(self.error("trailing comma"));
            }
        }
    }

    fn array(&mut self) -> Result<Value, JsonTextError> {
        let mut items = Vec::new();
        self.items(
            b']',
            "EOF while parsing a list",
            "expected `,` or `]`",
            |reader| {
                items.push(reader.value()?);
                Ok(())
            },
        )?;
        Ok(Value::Array(items))
    }

    fn object(&mut self) -> Result<Value, JsonTextError> {
        const EOF: &str = "EOF while parsing an object";
        let mut map = Map::new();
        self.items(b'}', EOF, "expected `,` or `}`", |reader| {
            match reader.peek() {
                Some(b'"') => {}
                None => return Err(reader.error(EOF)),
                Some(_) => return Err(reader.error("key must be a string")),
            }
            let key = reader.string()?;
            reader.skip_whitespace();
            match reader.peek() {
                Some(b':') => reader.at += 1,
                None => return Err(reader.error(EOF)),
                Some(_) => return Err(reader.error("expected `:`")),
            }
            reader.skip_whitespace();
            let value = reader.value()?;
            // A repeated key keeps its last value, as with `serde_json`.
            map.insert(key, value);
            Ok(())
        })?;
        Ok(Value::Object(map))
    }

    /// A number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as written.
    fn number(&mut self) -> Result<Number, JsonTextError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number"));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number"));
            }
            self.digits();
        }
        // Only ASCII was consumed; `Number` keeps the text as it is.
        self.source
            .get(start..self.at)
            .and_then(|text| Number::from_str(text).ok())
            .ok_or_else(|| self.error("invalid number"))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    /// A string, from its opening quote.
    fn string(&mut self) -> Result<String, JsonTextError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let run_start = self.at;
            let run_length = self.text()[run_start..]
                .iter()
                .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)
                .unwrap_or(self.text().len() - run_start);
            self.at += run_length;
            // A run starts and stops at ASCII bytes, so at character boundaries.
            out.push_str(self.source.get(run_start..self.at).unwrap_or_default());
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    out.push(self.escape()?);
                }
                Some(_) => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
            }
        }
    }

    /// The character of an escape, after its backslash.
    fn escape(&mut self) -> Result<char, JsonTextError> {
        let Some(byte) = self.peek() else {
            return Err(self.error("EOF while parsing a string"));
        };
        self.at += 1;
        Ok(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => return Err(self.error("invalid escape")),
        })
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`, after its `\u`.
    fn unicode_escape(&mut self) -> Result<char, JsonTextError> {
        let first = self.hex4()?;
        match first {
            0xD800..=0xDBFF => {
                if self.text().get(self.at..self.at + 2) != Some(b"\\u") {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                char::from_u32(code).ok_or_else(|| self.error("invalid unicode code point"))
            }
            0xDC00..=0xDFFF => Err(self.error("lone trailing surrogate in hex escape")),
            _ => char::from_u32(first).ok_or_else(|| self.error("invalid unicode code point")),
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonTextError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(byte) => (byte as char)
                    .to_digit(16)
                    .ok_or_else(|| self.error("invalid escape"))?,
            };
            self.at += 1;
            code = code * 16 + digit;
        }
        Ok(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `serde_json` makes of `text`: the value, or only that it fails.
    fn serde_json_reading(text: &str) -> Option<Value> {
        serde_json::from_str(text).ok()
    }

    #[test]
    fn reads_what_serde_json_reads_and_rejects_what_it_rejects() {
        let texts = [
            "null",
            "true",
            "false",
            "0",
            "-0",
            "0.1",
            "1e3",
            "1E+3",
            "-1.50e-2",
            "12345678901234567890.1234567890123456789",
            "123456789012345678901234567890",
            r#""""#,
            r#""a\"b\\c\/d\b\f\n\r\t""#,
            r#""\u00e9\u20AC\ud83d\ude00""#,
            "\"é€😀\"",
            "[]",
            "[1,2,[3,{}]]",
            "{}",
            r#"{"a":1,"b":[true,null],"c":{"d":"e"}}"#,
            r#"{"a":1,"a":2}"#,
            " \t\r\n{ \"a\" : [ 1 , 2 ] } \n",
            r#"{"tiers":[{"id":"x"}]}"#,
            // Not JSON:
            "",
            " ",
            "nul",
            "tru",
            "nulll",
            "01",
            "1.",
            ".5",
            "-",
            "+1",
            "1e",
            "1e+",
            "0x10",
            "NaN",
            "Infinity",
            "[1,]",
            "[1 2]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{a:1}",
            "{1:2}",
            "[",
            "{",
            "\"abc",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "\"a\u{1}b\"",
            "1 2",
            "{}}",
            "\u{feff}{}",
            "'a'",
            "[1]x",
        ];
        for text in texts {
            assert_eq!(parse_value(text).ok(), serde_json_reading(text), "{text:?}");
        }
    }

    #[test]
    fn numbers_keep_every_digit() {
        let value = parse_value("[0.1, 1234567890123456789012345678, 1e3]").ok();
        let texts: Vec<String> = value
            .as_ref()
            .and_then(Value::as_array)
            .map(|items| items.iter().map(ToString::to_string).collect())
            .unwrap_or_default();
        // `Number` writes an exponent with its sign, as `serde_json` reads it.
        assert_eq!(texts, ["0.1", "1234567890123456789012345678", "1e+3"]);
    }

    #[test]
    fn nesting_stops_at_the_depth_limit() {
        let deep = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(parse_value(&deep(DEPTH_LIMIT)).is_ok());
        let error = parse_value(&deep(DEPTH_LIMIT + 1)).err();
        assert_eq!(error.map(|e| e.what), Some("recursion limit exceeded"));
        assert_eq!(serde_json_reading(&deep(DEPTH_LIMIT + 1)), None);
    }

    #[test]
    fn an_error_names_its_line_and_column() {
        let error = parse_value("{\n  \"a\": ,\n}").err().map(|e| e.to_string());
        assert_eq!(error.as_deref(), Some("expected value at line 2 column 8"));
        let error = parse_value("[\"é\" x]").err().map(|e| e.to_string());
        assert_eq!(
            error.as_deref(),
            Some("expected `,` or `]` at line 1 column 6")
        );
    }

    #[test]
    fn every_example_program_reads_as_serde_json_reads_it() {
        let mut texts = vec![crate::default_program::default_program_json()];
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/programs");
        let examples = std::fs::read_dir(folder).into_iter().flatten();
        for entry in examples.flatten() {
            texts.push(std::fs::read_to_string(entry.path()).unwrap_or_default());
        }
        assert!(texts.len() >= 4, "the built-in program and the examples");
        for text in texts {
            assert!(serde_json_reading(&text).is_some());
            assert_eq!(parse_value(&text).ok(), serde_json_reading(&text));
        }
    }
}
