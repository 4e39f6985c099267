//! Yew components: render a program's projection. No browser globals beyond the DOM Yew owns.

pub mod components;
pub mod widget;

pub use widget::{Widget, WidgetProps};
