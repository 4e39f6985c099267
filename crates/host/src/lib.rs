//! partner-roi's host layer, plain Rust with no web types:
//! - [`state`]: the calculator's reducer, the owner of the figures;
//! - [`host_state`]: the host page's reducer (configuration, starting figures, what the
//!   page must do);
//! - the host formats: [`share_code`], [`export_csv`], [`host_config`], [`application`];
//! - [`names`]: every name the host page sees.

pub mod application;
pub mod export_csv;
pub mod host_config;
pub mod host_state;
pub mod names;
pub mod rep;
pub mod share_code;
pub mod state;
