//! partner-roi's host layer, plain Rust with no web types:
//! - [`state`]: the calculator's reducer, the owner of the figures;
//! - [`host_state`]: the host page's reducer (configuration, starting figures, what the
//!   page must do);
//! - the host formats: [`share_code`], [`share_link`], [`export_csv`], [`host_config`],
//!   [`application`], [`outbox`], [`qr_code`], [`language_file`];
//! - [`names`]: every name the host page sees.

pub mod application;
pub mod export_csv;
pub mod host_config;
pub mod host_state;
pub mod language_file;
pub mod names;
pub mod outbox;
pub mod qr_code;
pub mod rep;
pub mod share_code;
pub mod share_link;
pub mod state;
