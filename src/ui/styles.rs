//! The widget's stylesheet: `styles/*.css`, joined and stripped of comments and indentation
//! by `build.rs`; and the class that fixes its colour scheme.

#![cfg(target_arch = "wasm32")]

use crate::host_state::Theme;

/// Every rule the widget needs; adopted into each widget's shadow root.
pub const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

/// The class that fixes the colour scheme, when the page chose one.
pub fn theme_class(theme: Theme) -> Option<&'static str> {
    match theme {
        Theme::Auto => None,
        Theme::Light => Some("theme-light"),
        Theme::Dark => Some("theme-dark"),
    }
}
