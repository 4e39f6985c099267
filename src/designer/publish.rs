//! What the designer hands the vendor: the embed snippets and the offline demo file.

use crate::names::{BUNDLE_FILE, TAG};

/// The offline page the demo file is made from (`cargo xtask dist` fills the same one).
const OFFLINE_TEMPLATE: &str = include_str!("../../examples/pages/offline.html");
/// Where the template takes the widget's script.
const SCRIPT_MARK: &str = "<!-- partner-roi:inline-script -->";
/// The template's widget, which opens the built-in program and lets visitors pick a file.
const WIDGET_MARK: &str = r#"<partner-roi id="partner-roi-offline" program="example" allow-program-file tools="all"></partner-roi>"#;
const TITLE_MARK: &str = "<title>Partner ROI calculator (offline)</title>";

/// The file name a program is published under: its id, else `program`.
pub fn program_file_name(id: Option<&str>) -> String {
    let id = id.filter(|id| {
        !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    });
    format!("{}.json", id.unwrap_or("program"))
}

/// The snippet for a page that serves the program file next to the bundle.
pub fn program_src_snippet(file_name: &str) -> String {
    format!(
        "<script src=\"{BUNDLE_FILE}\"></script>\n<{TAG} program-src=\"{file_name}\"></{TAG}>\n"
    )
}

/// The snippet with the program inside the element: no second request, and it survives
/// server rendering.
pub fn embedded_snippet(program_json: &str) -> String {
    format!(
        "<script src=\"{BUNDLE_FILE}\"></script>\n<{TAG}>\n  <script type=\"application/json\">\n{}\n  </script>\n</{TAG}>\n",
        embedded_document(program_json)
    )
}

/// `{"program": …}` as the text of a `<script type="application/json">`: every `<` written
/// as `\u003c`, which JSON reads back as `<`, so that no text in the program can end the
/// script element.
fn embedded_document(program_json: &str) -> String {
    format!("{{\"program\": {}}}", program_json.trim_end()).replace('<', "\\u003c")
}

/// The single offline file showing only this program: the widget's script (with its wasm
/// inlined, as the designer page carries it) in the offline page, the program embedded.
/// `None` when the template has lost one of its marks (a test checks it has them).
pub fn offline_demo(widget_script: &str, program_json: &str, program_name: &str) -> Option<String> {
    if ![SCRIPT_MARK, WIDGET_MARK, TITLE_MARK]
        .iter()
        .all(|mark| OFFLINE_TEMPLATE.contains(mark))
    {
        return None;
    }
    let widget = format!(
        "<{TAG} id=\"partner-roi-offline\" tools=\"all\">\n      <script type=\"application/json\">{}</script>\n    </{TAG}>",
        embedded_document(program_json)
    );
    // The script goes in as a whole; a `</script` inside it would already have ended the
    // designer's own copy.
    let script = format!(
        "<script>\n{}</script>",
        widget_script.trim_start_matches('\n')
    );
    Some(
        OFFLINE_TEMPLATE
            .replace(
                TITLE_MARK,
                &format!("<title>{}</title>", escape_html(program_name)),
            )
            .replace(WIDGET_MARK, &widget)
            .replace(SCRIPT_MARK, &script),
    )
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROGRAM: &str = "{\n  \"name\": \"A </script> B\"\n}\n";

    #[test]
    fn the_offline_demo_embeds_the_program_and_nothing_can_end_its_script() {
        let page = offline_demo("/* widget */", PROGRAM, "A <b> & B").unwrap_or_default();
        assert!(
            page.contains("<title>A &lt;b&gt; &amp; B</title>"),
            "{page}"
        );
        assert!(page.contains("<script>\n/* widget */</script>"));
        assert!(page.contains(r#"{"program": {"#));
        assert!(page.contains("A \\u003c/script> B"));
        assert!(
            !page.contains("allow-program-file"),
            "the demo shows this program only"
        );
        assert_eq!(page.matches("</script>").count(), 2);
    }

    #[test]
    fn snippets_point_at_the_bundle_and_the_program() {
        assert_eq!(
            program_file_name(Some("acme-partners")),
            "acme-partners.json"
        );
        assert_eq!(program_file_name(Some("../x")), "program.json");
        let snippet = program_src_snippet("acme-partners.json");
        assert!(snippet.contains(r#"<partner-roi program-src="acme-partners.json"></partner-roi>"#));
        assert!(snippet.contains(r#"<script src="partner-roi.js"></script>"#));
        let embedded = embedded_snippet(PROGRAM);
        assert!(embedded.contains("\\u003c/script>"));
        let json = embedded
            .split("<script type=\"application/json\">")
            .nth(1)
            .and_then(|rest| rest.split("</script>").next())
            .unwrap_or_default();
        let document: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
        assert_eq!(document["program"]["name"], "A </script> B");
    }
}
