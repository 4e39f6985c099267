//! partner-roi: a partner ROI calculator widget.
//!
//! Plain Rust, built and tested natively:
//! - [`engine`]: the model (program format, inputs, projection);
//! - [`state`]: the calculator's reducer, the one owner of the figures and the only caller
//!   of the engine;
//! - [`host_state`]: the host page's reducer (configuration, starting figures, what the
//!   page must do);
//! - [`names`]: every name the host page sees.
//!
//! Wasm only: `ui` (Yew components that render props and emit callbacks) and `embed` (the
//! `<partner-roi>` element: reads the DOM, applies host events, runs their effects).

/// The crate's version: also the npm package's (`cargo xtask dist`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub mod chart_scale;
pub mod designer;
pub mod engine;
pub mod export_csv;
pub mod host_config;
pub mod host_state;
pub mod i18n;
pub mod names;
pub mod share_code;
pub mod slider_scale;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The wasm build's allocator: talc, smaller and faster than the default dlmalloc
/// (BENCHMARKS.md, issue 18). Each widget's instance has memory of its own.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
mod embed;
