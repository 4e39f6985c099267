//! The colour scheme the page asks for (the `theme` attribute): light, dark, or the
//! visitor's system setting (`auto`, the default).

use crate::names::THEME_NAMES;
use partner_roi_i18n::{Message, Msg};

/// The widget's colour scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// The visitor's system setting.
    #[default]
    Auto,
    /// Light, whatever the system says.
    Light,
    /// Dark, whatever the system says.
    Dark,
}

impl Theme {
    /// The theme `attribute` asks for (`None`: absent, `auto`), and a message naming a value
    /// that is not a theme (which leaves `auto`).
    pub fn read(attribute: Option<&str>) -> (Theme, Option<Message>) {
        let Some(text) = attribute.map(str::trim).filter(|text| !text.is_empty()) else {
            return (Theme::Auto, None);
        };
        match THEME_NAMES
            .iter()
            .position(|name| name.eq_ignore_ascii_case(text))
        {
            Some(1) => (Theme::Light, None),
            Some(2) => (Theme::Dark, None),
            Some(_) => (Theme::Auto, None),
            None => (
                Theme::Auto,
                Some(
                    Msg::ErrorTheme
                        .with("text", text)
                        .with("themes", THEME_NAMES.join(", ")),
                ),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_the_attribute_or_with_auto_the_system_decides() {
        assert_eq!(Theme::read(None), (Theme::Auto, None));
        assert_eq!(Theme::read(Some("")), (Theme::Auto, None));
        assert_eq!(Theme::read(Some("auto")), (Theme::Auto, None));
    }

    #[test]
    fn light_and_dark_are_read_in_any_case() {
        assert_eq!(Theme::read(Some("light")), (Theme::Light, None));
        assert_eq!(Theme::read(Some(" Dark ")), (Theme::Dark, None));
    }

    #[test]
    fn another_value_is_ignored_and_named() {
        let (theme, problem) = Theme::read(Some("midnight"));
        assert_eq!(theme, Theme::Auto);
        assert_eq!(
            problem.map(|message| message.to_string()).as_deref(),
            Some("\"midnight\" is not a theme and was ignored: use auto, light, dark")
        );
    }
}
