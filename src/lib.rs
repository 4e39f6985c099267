//! partner-roi: a partner ROI calculator widget.
//!
//! Three layers, each depending only on the ones before it:
//! - [`engine`]: the pure model (program format, inputs, projection), plain Rust;
//! - `ui`: Yew components rendering a program and its projection (wasm only);
//! - `embed`: the browser-facing entry points (wasm only).

pub mod chart_scale;
pub mod engine;
pub mod export_csv;
pub mod host_config;
pub mod share_code;
pub mod slider_scale;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
mod embed;
