//! Requests the widget makes of its host (clipboard, download, print, navigation), which
//! only the embedding layer can fulfil; the host answers with a short status text.

use std::rc::Rc;
use yew::Callback;

use crate::engine::{PartnerInputs, Projection};

/// What the partner asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum HostAction {
    /// Put the figures into the page URL and copy it.
    CopyLink,
    /// Copy this plain-text summary.
    CopySummary(String),
    /// Download the per-year CSV.
    DownloadCsv,
    /// Open the print dialog.
    Print,
    /// Follow the call to action to this (already filled) URL.
    CallToAction {
        /// Where to go.
        url: String,
        /// In a new tab (the partner Ctrl/Cmd/Shift-clicked or middle-clicked), not this one.
        new_tab: bool,
    },
}

/// One request, with the figures it concerns.
#[derive(Debug, Clone, PartialEq)]
pub struct HostRequest {
    /// What to do.
    pub action: HostAction,
    /// The current inputs.
    pub inputs: PartnerInputs,
    /// The selected tier's id.
    pub tier_id: Option<String>,
    /// The current projection.
    pub projection: Rc<Projection>,
    /// Called with a status text for the partner (empty: nothing to say).
    pub reply: Callback<String>,
}
