//! The Lighthouse bench's host pages, made from one template, `examples/pages/landing.html`:
//! the widget's section (between the `widget-section` marks) where it stands, in the first
//! viewport (`landing-top.html`), or at the `widget-below` mark, far below the fold
//! (`landing-below.html`); and each page's twin, the same page without the script line and
//! the `<partner-roi>` line, so that a twin differs from its page by the widget alone.

use crate::cmd::Result;
use crate::dist::BUNDLE_FILES;
use std::fs;
use std::path::Path;

/// The template, under `examples/pages/`.
pub const TEMPLATE: &str = "landing.html";

const SECTION_START: &str = "<!-- partner-roi:widget-section -->";
const SECTION_END: &str = "<!-- /partner-roi:widget-section -->";
const BELOW_MARK: &str = "<!-- partner-roi:widget-below -->";
/// The snippet's two lines, as the README gives them: what a twin leaves out.
const WIDGET_LINES: [&str; 2] = [
    r#"<script src="partner-roi.js"></script>"#,
    r#"<partner-roi id="calculator" program="example"></partner-roi>"#,
];

/// Where a page has the widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// In the first viewport.
    Top,
    /// Far below the fold.
    Below,
}

/// Every page made from the template: its file name, where the widget's section is, and
/// whether the widget is in it (a twin has none).
pub const PAGES: [(&str, Placement, bool); 4] = [
    ("landing-top.html", Placement::Top, true),
    ("landing-top-twin.html", Placement::Top, false),
    ("landing-below.html", Placement::Below, true),
    ("landing-below-twin.html", Placement::Below, false),
];

/// The bench's site in `out` (emptied first, under target/, never in dist/): every page of
/// [`PAGES`] and the bundle of `dist_dir` they load.
pub fn write_site(template_dir: &Path, dist_dir: &Path, out: &Path) -> Result {
    let shown = out.display();
    if out.exists() {
        fs::remove_dir_all(out).map_err(|e| format!("cannot clear {shown}: {e}"))?;
    }
    fs::create_dir_all(out).map_err(|e| format!("cannot create {shown}: {e}"))?;
    let template_path = template_dir.join(TEMPLATE);
    let template = fs::read_to_string(&template_path)
        .map_err(|e| format!("cannot read {}: {e}", template_path.display()))?;
    for (page, placement, widget) in PAGES {
        fs::write(out.join(page), landing_page(&template, placement, widget)?)
            .map_err(|e| format!("cannot write {page} in {shown}: {e}"))?;
    }
    for file in BUNDLE_FILES {
        fs::copy(dist_dir.join(file), out.join(file))
            .map_err(|e| format!("cannot copy {file} of dist/ into {shown}: {e}"))?;
    }
    Ok(())
}

/// The page of `template` with the widget's section at `placement`, and with the widget in
/// it when `widget`.
pub fn landing_page(template: &str, placement: Placement, widget: bool) -> Result<String> {
    let lines: Vec<&str> = template.lines().collect();
    let index_of = |mark: &str| {
        lines
            .iter()
            .position(|line| line.trim() == mark)
            .ok_or_else(|| format!("{TEMPLATE} lacks the line {mark}"))
    };
    let (start, end, below) = (
        index_of(SECTION_START)?,
        index_of(SECTION_END)?,
        index_of(BELOW_MARK)?,
    );
    if !(start < end && end < below) {
        return Err(format!(
            "{TEMPLATE}: expected {SECTION_START}, {SECTION_END}, then {BELOW_MARK}"
        ));
    }
    let section = &lines[start + 1..end];
    let mut page: Vec<&str> = Vec::with_capacity(lines.len());
    for (index, line) in lines.iter().enumerate() {
        // The section's marks, the section and the blank line after it; the below mark and
        // the blank line after it.
        let section_block = (start..=end + 1).contains(&index);
        let below_block = index == below || index == below + 1;
        match placement {
            _ if !widget && WIDGET_LINES.contains(&line.trim()) => {}
            Placement::Top if section_block && index != start && index != end => page.push(line),
            Placement::Below if index == below => page.extend(
                section
                    .iter()
                    .filter(|line| widget || !WIDGET_LINES.contains(&line.trim())),
            ),
            Placement::Below if index == below + 1 => page.push(line),
            _ if section_block || below_block => {}
            _ => page.push(line),
        }
    }
    Ok(page.join("\n") + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmd::repo_root;

    fn template() -> String {
        let path = repo_root().join(crate::dist::PAGES).join(TEMPLATE);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    fn page(placement: Placement, widget: bool) -> String {
        landing_page(&template(), placement, widget).unwrap()
    }

    #[test]
    fn the_site_has_every_page_and_the_bundle_they_load() {
        let temp = std::env::temp_dir().join(format!("xtask-landing-{}", std::process::id()));
        let (dist, site) = (temp.join("dist"), temp.join("site"));
        std::fs::create_dir_all(&dist).unwrap();
        for file in BUNDLE_FILES {
            std::fs::write(dist.join(file), file).unwrap();
        }
        let templates = repo_root().join(crate::dist::PAGES);
        write_site(&templates, &dist, &site).unwrap();
        for (page, _, widget) in PAGES {
            let text = std::fs::read_to_string(site.join(page)).unwrap();
            assert_eq!(text.contains(WIDGET_LINES[0]), widget, "{page}");
        }
        for file in BUNDLE_FILES {
            assert_eq!(std::fs::read_to_string(site.join(file)).unwrap(), file);
        }
        std::fs::remove_dir_all(&dist).unwrap();
        let missing = write_site(&templates, &dist, &site).unwrap_err();
        assert!(missing.contains("partner-roi.js"), "{missing}");
        std::fs::remove_dir_all(&temp).unwrap();
    }

    fn is_widget_line(line: &str) -> bool {
        WIDGET_LINES.contains(&line.trim())
    }

    #[test]
    fn each_page_has_the_widget_once_and_no_marks() {
        for placement in [Placement::Top, Placement::Below] {
            let page = page(placement, true);
            assert_eq!(page.lines().filter(|line| is_widget_line(line)).count(), 2);
            assert!(!page.contains("<!-- partner-roi:") && !page.contains("<!-- /partner-roi:"));
        }
    }

    #[test]
    fn each_twin_is_its_page_without_the_widgets_two_lines() {
        for placement in [Placement::Top, Placement::Below] {
            let with = page(placement, true);
            let without: Vec<&str> = with.lines().filter(|line| !is_widget_line(line)).collect();
            let twin = page(placement, false);
            assert_eq!(without, twin.lines().collect::<Vec<_>>(), "{placement:?}");
            assert!(!twin.contains("<partner-roi "), "{twin}");
        }
    }

    #[test]
    fn the_widget_is_in_the_first_screen_or_after_the_faq() {
        let at = |text: &str, needle: &str| text.find(needle).unwrap();
        let top = page(Placement::Top, true);
        let below = page(Placement::Below, true);
        assert!(at(&top, "<partner-roi id") < at(&top, r#"id="benefits""#));
        assert!(at(&below, "<partner-roi id") > at(&below, r#"id="faq""#));
        let sorted = |text: &str| {
            let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
            lines.sort_unstable();
            lines
        };
        assert_eq!(sorted(&top), sorted(&below));
    }

    #[test]
    fn nothing_comes_from_the_network() {
        for (_, placement, widget) in PAGES {
            let page = page(placement, widget);
            assert!(!page.contains("http://") && !page.contains("https://"));
            assert_eq!(page.matches("<script").count(), usize::from(widget));
        }
    }

    #[test]
    fn a_template_without_its_marks_is_an_error_naming_them() {
        let error = landing_page("<html></html>", Placement::Top, true).unwrap_err();
        assert!(error.contains(SECTION_START), "{error}");
    }
}
