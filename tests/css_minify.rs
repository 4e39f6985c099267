//! The stylesheet minifier `build.rs` runs (`styles/minify.rs`), and the real stylesheets
//! through it.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../styles/minify.rs"]
mod minify;

use minify::minify_css;

#[test]
fn drops_comments_indentation_and_blank_lines_and_keeps_strings() {
    let css = "\
/* A comment with \"quotes\" and it's apostrophe. */
.a::after {
  content: \"/* not a comment */\";

  font-family: 'Segoe UI', sans-serif; /* trailing */
}
/*
 * Several lines.
 */
.b > .c { color: red }
";
    assert_eq!(
        minify_css(css).unwrap(),
        "\
.a::after {
content: \"/* not a comment */\";
font-family: 'Segoe UI', sans-serif;
}
.b > .c { color: red }
"
    );
}

#[test]
fn escaped_quotes_stay_inside_their_string() {
    assert_eq!(
        minify_css(".a { content: \"\\\"/*\"; }").unwrap(),
        ".a { content: \"\\\"/*\"; }\n"
    );
}

#[test]
fn unterminated_comments_and_strings_are_errors() {
    assert!(minify_css(".a {} /* open").is_err());
    assert!(minify_css(".a { content: \"open; }").is_err());
}

#[test]
fn the_shipped_stylesheets_keep_every_rule_and_lose_a_fifth_or_more() {
    let mut css = String::new();
    for sheet in ["styles/widget.css", "styles/charts.css", "styles/sales.css"] {
        css += &std::fs::read_to_string(sheet).unwrap();
    }
    let minified = minify_css(&css).unwrap();
    let count = |text: &str, c: char| text.chars().filter(|&x| x == c).count();
    let without_comments = |text: &str| {
        let mut kept = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("/*") {
            kept += &rest[..start];
            rest = &rest[start + 2..][rest[start + 2..].find("*/").unwrap() + 2..];
        }
        kept + rest
    };
    let source = without_comments(&css);
    for c in ['{', '}', ';', ':', '"'] {
        assert_eq!(count(&minified, c), count(&source, c), "count of {c:?}");
    }
    assert!(!minified.contains("/*"));
    assert!(
        minified.len() * 5 <= css.len() * 4,
        "{} of {} bytes",
        minified.len(),
        css.len()
    );
}
