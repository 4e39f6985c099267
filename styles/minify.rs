//! The stylesheet as shipped: `styles/*.css` without comments, indentation and blank lines.
//! Used by `build.rs` (the widget compiles in its output) and tested by `tests/css_minify.rs`.
//! Conservative: line breaks stay (they are whitespace to CSS), strings are kept verbatim.

/// `css` without comments and without leading, trailing and blank-line whitespace; an error
/// for an unterminated comment or string.
pub fn minify_css(css: &str) -> Result<String, String> {
    let mut text = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(index) = rest.find(['/', '"', '\'']) {
        let (before, from) = rest.split_at(index);
        text.push_str(before);
        if let Some(comment) = from.strip_prefix("/*") {
            let end = comment
                .find("*/")
                .ok_or_else(|| "a comment is not closed".to_owned())?;
            rest = &comment[end + 2..];
            continue;
        }
        let quote = from.as_bytes()[0];
        if quote == b'/' {
            text.push('/');
            rest = &from[1..];
            continue;
        }
        // A string: copy it through its closing quote, escapes included.
        let mut escaped = false;
        let close = from[1..]
            .char_indices()
            .find(|&(_, c)| {
                let closes = !escaped && c == quote as char;
                escaped = !escaped && c == '\\';
                closes
            })
            .map(|(offset, _)| offset + 2)
            .ok_or_else(|| "a string is not closed".to_owned())?;
        text.push_str(&from[..close]);
        rest = &from[close..];
    }
    text.push_str(rest);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    Ok(lines.join("\n") + "\n")
}
