//! Yew components rendering a program and its projection. The state they show lives in
//! the pure [`crate::state`] reducer; numbers are formatted by [`format::Formatter`].

pub mod components;
pub mod format;
pub mod host_request;
pub mod hosted;
pub mod styles;
pub mod summary;
pub mod widget;

pub use hosted::{HostView, Hosted, HostedProps};
pub use widget::{SettledChange, Widget, WidgetProps};
