//! What the page tells a widget: the [`HostEvent`]s [`super::HostState::apply`] takes.

use serde_json::Value;
use std::fmt;

use crate::state::Action;
use partner_roi_engine::{Contact, FieldError, Program};
use partner_roi_i18n::{Language, Message};

/// A value the host gave a property, as JSON.
#[derive(Debug, Clone, PartialEq)]
pub enum PropertyValue {
    /// `null` or `undefined`: the property is not set.
    Unset,
    /// Anything `JSON.stringify` could write (an object, JSON text, a number, …).
    Json(Value),
    /// A value that cannot be written as JSON (a function, a cycle, a `BigInt`).
    NotJson,
}

/// What the page looked like when the element connected.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageSnapshot {
    /// The element's attributes, name → value.
    pub attributes: TextMap,
    /// The text of the embedded `<script type="application/json">` child, if any.
    pub embedded_document: Option<String>,
    /// The page URL's fragment parameters, percent-decoded, in order.
    pub fragment: Vec<(String, String)>,
    /// The page URL without its fragment.
    pub page_address: String,
    /// Whether the browser is online (`navigator.onLine`): kept applications are sent.
    pub online: bool,
    /// The time, in ms since 1970: kept applications older than 30 days are dropped.
    pub time_ms: u64,
    /// The saved-figures entries in `localStorage` (key → text) under the storage prefix.
    pub saved: TextMap,
    /// Figures a panicked instance of this widget last settled on (its share code).
    pub resume_code: Option<String>,
    /// Among the page's `<partner-roi>` elements without an `id`, this one's place (0: the
    /// first); `None` when it has an id.
    pub unnamed_rank: Option<usize>,
    /// Light or dark: the colours the page set for the widget (its surface, else its
    /// background); `None` when it set none.
    pub page_scheme: Option<super::Theme>,
    /// The `lang` of the element's nearest ancestor that has one (usually `<html lang>`).
    pub ancestor_lang: Option<String>,
    /// The visitor's languages, most wanted first (`navigator.languages`).
    pub browser_languages: Vec<String>,
    /// The languages whose texts the widget has (English, and those installed).
    pub languages_here: Vec<Language>,
}

/// Texts by name (an element's attributes, saved entries): a `BTreeMap<String, String>` in
/// behaviour (sorted by name, one text per name, equal when the entries are), kept in a
/// sorted `Vec` since there are a handful. A `BTreeMap<String, String>` (besides the
/// `BTreeMap<String, Value>` inside serde_json) and its `collect` sorts cost ~17 KB of wasm.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct TextMap(Vec<(String, String)>);

impl TextMap {
    fn find(&self, name: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(key, _)| key.as_str().cmp(name))
    }

    /// The text under `name`.
    pub fn get(&self, name: &str) -> Option<&String> {
        self.find(name).ok().map(|index| &self.0[index].1)
    }

    /// Puts `text` under `name`; returns the text it replaces.
    pub fn insert(&mut self, name: String, text: String) -> Option<String> {
        match self.find(&name) {
            Ok(index) => Some(std::mem::replace(&mut self.0[index].1, text)),
            Err(index) => {
                self.0.insert(index, (name, text));
                None
            }
        }
    }

    /// Removes the text under `name`; returns it.
    pub fn remove(&mut self, name: &str) -> Option<String> {
        self.find(name).ok().map(|index| self.0.remove(index).1)
    }
}

impl FromIterator<(String, String)> for TextMap {
    /// Like `BTreeMap`'s: a later text for the same name wins.
    fn from_iter<I: IntoIterator<Item = (String, String)>>(iter: I) -> Self {
        let mut map = Self::default();
        for (name, text) in iter {
            map.insert(name, text);
        }
        map
    }
}

impl fmt::Debug for TextMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(name, text)| (name, text)))
            .finish()
    }
}

/// A program that was read and validated, with the JSON it came from.
pub type ReadProgram = Result<(Program, Value), Vec<FieldError>>;

/// What the partner asked of the host page.
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
    /// The call to action opened the application form.
    OpenApplication,
    /// The rep typed "Prepared by" (`None`: cleared).
    SetRep(Option<crate::rep::Rep>),
    /// Send the application the partner filled in.
    Apply(crate::application::ApplicationDraft),
    /// Send the applications kept on this device now.
    SendWaiting,
    /// Clear the applications kept on this device.
    DiscardWaiting,
    /// Follow the call to action to this (already filled) URL.
    CallToAction {
        /// Where to go.
        url: String,
        /// In a new tab (the partner Ctrl/Cmd/Shift-clicked or middle-clicked), not this one.
        new_tab: bool,
    },
}

/// Something that happened on the page or in the widget.
#[derive(Debug, Clone, PartialEq)]
pub enum HostEvent {
    /// The element was connected (only the first time counts).
    Connected(Box<PageSnapshot>),
    /// The texts of a language the widget asked for arrived and are installed.
    LanguageArrived(Language),
    /// An observed attribute changed (`None`: removed).
    AttributeChanged {
        /// The attribute's name.
        name: String,
        /// Its new value.
        value: Option<String>,
    },
    /// The host set the `program` property.
    ProgramPropertySet(PropertyValue),
    /// The host set the `inputs` property.
    InputsPropertySet(PropertyValue),
    /// The grace period [`super::HostEffect::StartProgramGrace`] began is over.
    ProgramGraceOver,
    /// The widget came into the viewport (the first time).
    InView,
    /// A `program-src` fetch finished.
    ProgramLoaded {
        /// The token of the [`super::HostEffect::FetchProgram`] it answers.
        token: u64,
        /// The program, or why there is none.
        program: Box<ReadProgram>,
        /// The contact the file names, read even when the program is not valid (a prospect
        /// facing a broken program is told whom to ask).
        contact: Option<Contact>,
    },
    /// The partner loaded a program file; its text.
    ProgramFileRead(String),
    /// The page URL's fragment changed (`hashchange`); its parameters, percent-decoded.
    PageLinkChanged(Vec<(String, String)>),
    /// The partner changed the calculator.
    Calculator(Action),
    /// The partner switched presenter mode.
    TogglePresenter,
    /// The view showing the settled figures numbered `seq` was rendered.
    Shown(u64),
    /// The partner asked for something only the page can do.
    Request(HostAction),
    /// The page's answer to the last request, for the partner.
    Status(Message),
    /// The application sent as `attempt` could not go for want of a network: it is kept.
    ApplicationKept {
        /// The attempt of the [`super::HostEffect::SendApplication`] it answers.
        attempt: u64,
        /// What was to be posted, and when.
        waiting: crate::outbox::Waiting,
    },
    /// What became of a kept application sent again ([`super::HostEffect::SendWaiting`]).
    WaitingAnswered {
        /// When it was kept: which one.
        kept_at_ms: u64,
        /// It went (a 2xx answer); else it stays.
        sent: bool,
    },
    /// What became of the application sent as `attempt`.
    ApplicationAnswered {
        /// The attempt of the [`super::HostEffect::SendApplication`] it answers.
        attempt: u64,
        /// How it went, or why not.
        outcome: Result<super::Delivered, super::SendFailure>,
    },
}
