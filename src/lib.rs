//! partner-roi: a partner ROI calculator widget, the web layer over the plain-Rust crates
//! it re-exports:
//! - [`engine`] (`crates/engine`): the model (program format, inputs, projection);
//! - [`i18n`] (`crates/i18n`): the widget's words in seven languages;
//! - [`state`], [`host_state`], the host formats and [`names`] (`crates/host`): the
//!   calculator's and the host page's reducers, and every name the host page sees.
//!
//! Here: the program designer's logic ([`designer`]) and the scales of the charts and
//! sliders ([`ui::chart_scale`], [`ui::slider_scale`]), built and tested natively; wasm
//! only, the rest of `ui` (Yew components that render props and emit callbacks) and
//! `embed` (the `<partner-roi>` element: reads the DOM, applies host events, runs their
//! effects).

/// The crate's version: also the npm package's (`cargo xtask dist`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
/// The repository, as `Cargo.toml` gives it (the npm package's links).
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");
/// The license, as `Cargo.toml` gives it (a LICENSE file at the root holds its text).
pub const LICENSE: &str = env!("CARGO_PKG_LICENSE");

pub use partner_roi_engine as engine;
pub use partner_roi_host::{
    application, export_csv, host_config, host_state, language_file, names, outbox, qr_code, rep,
    share_code, share_link, state,
};
pub use partner_roi_i18n as i18n;

pub mod designer;
pub mod ui;

/// The wasm build's allocator: talc, smaller and faster than the default dlmalloc
/// (BENCHMARKS.md, issue 18). Each widget's instance has memory of its own.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
mod embed;
