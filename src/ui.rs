//! Yew components rendering a program and its projection. The state they show lives in
//! the pure [`crate::state`] reducer; numbers are formatted by `format::Formatter`. The
//! scales of the charts and sliders are plain Rust, built and tested natively; every other
//! module is wasm only (`#![cfg(target_arch = "wasm32")]`).

pub mod chart_scale;
pub mod components;
pub mod format;
pub mod hosted;
pub mod save_and_copy;
pub mod slider_scale;
pub mod styles;
pub mod summary;
pub mod texts;
pub mod widget;

#[cfg(target_arch = "wasm32")]
pub use hosted::{Hosted, HostedProps};
#[cfg(target_arch = "wasm32")]
pub use widget::{Widget, WidgetProps};

/// The colour class of the tier at `index` (`tier-color-1` … `-6`, reused in turn), shared
/// by the cards and the charts so a tier has one colour everywhere.
#[cfg(target_arch = "wasm32")]
pub fn tier_color_class(index: usize) -> String {
    format!("tier-color-{}", index % 6 + 1)
}
