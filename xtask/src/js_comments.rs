//! Drops whole-line comments and blank lines from the JavaScript `cargo xtask dist` ships
//! (the wasm-bindgen glue and `src/embed/element.js`): they are for readers of the source,
//! not for every page load. Conservative: a comment after code on the same line, or code
//! after a block comment's end, is kept as it is.

use crate::cmd::Result;

/// `js` without its comment-only and blank lines; an error for a block comment that ends
/// mid-line on a later line (code after it could not be kept without the comment).
pub fn strip_comment_lines(js: &str) -> Result<String> {
    let mut kept = String::with_capacity(js.len());
    let mut in_block = false;
    for (number, line) in js.lines().enumerate() {
        let trimmed = line.trim();
        if in_block {
            if let Some(end) = trimmed.find("*/") {
                if end + 2 != trimmed.len() {
                    return Err(format!(
                        "line {}: code after a block comment: {line}",
                        number + 1
                    ));
                }
                in_block = false;
            }
            continue;
        }
        if trimmed.is_empty() || trimmed.starts_with("//") {
            continue;
        }
        if trimmed.starts_with("/*") {
            match trimmed.find("*/") {
                // Opens a block that ends on a later line.
                None => {
                    in_block = true;
                    continue;
                }
                // A one-line comment.
                Some(end) if end + 2 == trimmed.len() => continue,
                // Code follows the comment: keep the line.
                Some(_) => {}
            }
        }
        kept.push_str(line);
        kept.push('\n');
    }
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_comment_lines_and_keeps_code() {
        let js = "\
// A line comment.
/**
 * A doc comment.
 */
const a = 1; // kept: code comes first

/** One line. */
/* a */ const b = 2;
const url = 'http://example.com'; // '//' inside a string stays
function f() {
    // indented
    return a + b;
}
";
        assert_eq!(
            strip_comment_lines(js).unwrap(),
            "\
const a = 1; // kept: code comes first
/* a */ const b = 2;
const url = 'http://example.com'; // '//' inside a string stays
function f() {
    return a + b;
}
"
        );
    }

    #[test]
    fn refuses_code_after_a_multi_line_block_comment() {
        let error = strip_comment_lines("/*\n comment\n*/ const a = 1;\n").unwrap_err();
        assert!(error.contains("line 3"), "{error}");
    }
}
