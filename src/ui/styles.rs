//! The widget's stylesheet: `styles/*.css`, joined and stripped of comments and indentation
//! by `build.rs`.

/// Every rule the widget needs; adopted into each widget's shadow root.
pub const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));
