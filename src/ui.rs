//! Yew components rendering a program and its projection. The state they show lives in
//! the pure [`crate::state`] reducer; numbers are formatted by [`format::Formatter`].

pub mod components;
pub mod format;
pub mod hosted;
pub mod styles;
pub mod summary;
pub mod texts;
pub mod widget;

pub use hosted::{Hosted, HostedProps};
pub use widget::{Widget, WidgetProps};

/// The colour class of the tier at `index` (`tier-color-1` … `-6`, reused in turn), shared
/// by the cards and the charts so a tier has one colour everywhere.
pub fn tier_color_class(index: usize) -> String {
    format!("tier-color-{}", index % 6 + 1)
}
