//! Which sales tools the toolbar offers (the `tools` attribute): what a prospect needs on a
//! recruitment page by default, everything for a sales rep when asked.

use crate::names::{TOOLS_ALL, TOOLS_NONE, TOOL_NAMES};
use partner_roi_i18n::{Message, Msg};

/// The sales tools, each on or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tools {
    /// "Copy link".
    pub share: bool,
    /// "Copy summary".
    pub summary: bool,
    /// "Download CSV".
    pub csv: bool,
    /// "Print / Save as PDF".
    pub print: bool,
    /// "Presenter mode".
    pub present: bool,
}

impl Tools {
    /// Every tool: `tools="all"`.
    pub const ALL: Tools = Tools {
        share: true,
        summary: true,
        csv: true,
        print: true,
        present: true,
    };
    /// No tool: `tools="none"`.
    pub const NONE: Tools = Tools {
        share: false,
        summary: false,
        csv: false,
        print: false,
        present: false,
    };
    /// Without the attribute: what a prospect uses (share the figures, email them, print
    /// them); the CSV and presenter mode are for sales and need `tools`.
    pub const DEFAULT: Tools = Tools {
        share: true,
        summary: true,
        csv: false,
        print: true,
        present: false,
    };

    /// Whether any tool is on.
    pub fn any(self) -> bool {
        self != Tools::NONE
    }

    /// How many tools are on.
    pub fn count(self) -> usize {
        [self.share, self.summary, self.csv, self.print, self.present]
            .into_iter()
            .filter(|&on| on)
            .count()
    }

    /// These tools and the one named `name` (one of [`TOOL_NAMES`]), or `None` for a name
    /// that is not a tool.
    fn with(mut self, name: &str) -> Option<Tools> {
        let switch = match TOOL_NAMES.iter().position(|tool| *tool == name)? {
            0 => &mut self.share,
            1 => &mut self.summary,
            2 => &mut self.csv,
            3 => &mut self.print,
            _ => &mut self.present,
        };
        *switch = true;
        Some(self)
    }
}

/// The tools `attribute` asks for (`None`: the attribute is absent), and the names in it
/// that are not tools (ignored, for a message).
pub fn read_tools(attribute: Option<&str>) -> (Tools, Vec<String>) {
    let Some(text) = attribute else {
        return (Tools::DEFAULT, Vec::new());
    };
    let mut tools = Tools::NONE;
    let mut unknown = Vec::new();
    for name in text.split_ascii_whitespace() {
        let lower = name.to_ascii_lowercase();
        if lower == TOOLS_ALL {
            tools = Tools::ALL;
        } else if lower != TOOLS_NONE {
            match tools.with(&lower) {
                Some(with) => tools = with,
                None => unknown.push(name.to_owned()),
            }
        }
    }
    (tools, unknown)
}

/// The message for names that are not tools.
pub fn unknown_tools_message(unknown: &[String]) -> Message {
    let quoted: Vec<String> = unknown.iter().map(|name| format!("\"{name}\"")).collect();
    Msg::ErrorTools
        .with("names", quoted.join(", "))
        .with("tools", TOOL_NAMES.join(", "))
        .with("all", TOOLS_ALL)
        .with("none", TOOLS_NONE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_the_attribute_a_prospect_gets_share_summary_and_print() {
        let (tools, unknown) = read_tools(None);
        assert_eq!(tools, Tools::DEFAULT);
        assert!(tools.share && tools.summary && tools.print);
        assert!(!tools.csv && !tools.present);
        assert!(unknown.is_empty());
    }

    #[test]
    fn the_attribute_lists_tools_or_says_all_or_none() {
        assert_eq!(read_tools(Some("all")).0, Tools::ALL);
        assert_eq!(read_tools(Some("none")).0, Tools::NONE);
        assert_eq!(read_tools(Some("")).0, Tools::NONE);
        let (tools, _) = read_tools(Some(" CSV  present\tshare "));
        assert_eq!(
            tools,
            Tools {
                share: true,
                csv: true,
                present: true,
                ..Tools::NONE
            }
        );
        assert!(!Tools::NONE.any());
        assert!(Tools::DEFAULT.any());
    }

    #[test]
    fn count_is_the_number_of_tools_on() {
        assert_eq!(Tools::NONE.count(), 0);
        assert_eq!(Tools::DEFAULT.count(), 3);
        assert_eq!(Tools::ALL.count(), 5);
        assert_eq!(read_tools(Some("print")).0.count(), 1);
    }

    #[test]
    fn names_that_are_not_tools_are_ignored_and_named() {
        let (tools, unknown) = read_tools(Some("print pdf export"));
        assert_eq!(
            tools,
            Tools {
                print: true,
                ..Tools::NONE
            }
        );
        assert_eq!(unknown, ["pdf", "export"]);
        assert_eq!(
            unknown_tools_message(&unknown).to_string(),
            "\"pdf\", \"export\": not a tool, so ignored. Use share, summary, csv, print, present, all or none"
        );
    }
}
