//! The widget's stylesheet, compiled in from `styles/`.

/// Every rule the widget needs; adopted into each widget's shadow root.
pub const WIDGET_CSS: &str = concat!(
    include_str!("../../styles/widget.css"),
    "\n",
    include_str!("../../styles/charts.css"),
    "\n",
    include_str!("../../styles/sales.css")
);
