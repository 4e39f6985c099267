//! What a widget asks of the page: the [`HostEffect`]s [`super::HostState::apply`] returns,
//! and the [`HostView`] to render.

use serde_json::Value;
use std::rc::Rc;

use crate::state::CalculatorState;
use partner_roi_engine::FieldError;
use partner_roi_i18n::Msg;

/// What the element shows.
#[derive(Debug, Clone, PartialEq)]
pub enum HostView {
    /// Nothing yet: the program is being fetched, or the element has not connected.
    Loading,
    /// No usable program: every problem, path-precise.
    Failed(Rc<Vec<FieldError>>),
    /// The calculator.
    Ready(Rc<ReadyView>),
}

/// The calculator as the host shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadyView {
    /// The calculator's state: the one owner of the figures.
    pub calculator: Rc<CalculatorState>,
    /// Problems listed above the calculator: the partner's own, and the page's settings
    /// with `debug`.
    pub notices: Rc<Vec<FieldError>>,
    /// The sales tools the toolbar offers.
    pub tools: super::Tools,
    /// Whether presenter mode is on.
    pub presenter: bool,
    /// The page's answer to the last request ("Link copied.").
    pub status: Rc<str>,
    /// Numbers the settled figures; the view reports it back once rendered ([`super::HostEvent::Shown`]).
    pub settled_seq: u64,
    /// Changes when a new program starts the calculator afresh.
    pub generation: u64,
    /// The built-in example is shown because the page set no program: say so on screen.
    pub example_notice: bool,
    /// Where the partner's application stands.
    pub application: super::ApplicationStatus,
    /// The sales rep who prepared the figures ("Prepared by").
    pub rep: Option<crate::rep::Rep>,
    /// The link to these figures (the handout's QR code, the summary), made from the
    /// page's address when it connected.
    pub share_url: String,
    /// How many applications are kept on this device, waiting to be sent.
    pub waiting: usize,
}

/// An event the element dispatches to the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Announcement {
    /// `partner-roi:ready`: the first results, `{inputs, result}`.
    Ready {
        /// Every input as a decimal string.
        inputs: Value,
        /// The host-facing result document, as JSON text.
        result: Rc<str>,
    },
    /// `partner-roi:change`: results after a settled change, `{inputs, result}`.
    Change {
        /// Every input as a decimal string.
        inputs: Value,
        /// The host-facing result document, as JSON text.
        result: Rc<str>,
    },
    /// One `partner-roi:error` per problem, `{message, path}`.
    Errors(Vec<FieldError>),
}

/// Something the page must do.
#[derive(Debug, Clone, PartialEq)]
pub enum HostEffect {
    /// Show [`super::HostState::view`] as it is now.
    Render,
    /// Dispatch this event on the element.
    Announce(Announcement),
    /// Give the page a moment to set the `program` property: once the page has loaded and
    /// a little after, answer with [`super::HostEvent::ProgramGraceOver`].
    StartProgramGrace,
    /// Report `event` with `params` to the page's analytics (`analytics="…"`).
    Analytics {
        /// `dataLayer` or `gtag`.
        target: super::AnalyticsTarget,
        /// The event's name (`partner_roi_cta`, …).
        event: &'static str,
        /// `{program_id, tier, language, value, currency}`: nothing the partner typed.
        params: Value,
    },
    /// Set the first-results performance mark.
    MarkFirstResults,
    /// Write this to the console as a warning.
    Warn(String),
    /// Fetch this language's file and install it; answer with
    /// [`super::HostEvent::LanguageArrived`] (if it does not come, English stays).
    LoadLanguage(partner_roi_i18n::Language),
    /// Keep `text` in `localStorage` under `key`.
    Save {
        /// The storage key.
        key: String,
        /// The saved-figures record.
        text: String,
    },
    /// Keep this share code where a reloaded instance resumes from.
    KeepResume(String),
    /// Fetch the program at `url`; answer with [`super::HostEvent::ProgramLoaded`] and `token`.
    FetchProgram {
        /// As the `program-src` attribute gives it.
        url: String,
        /// Tells this fetch from later ones.
        token: u64,
    },
    /// Copy `text`; answer with [`super::HostEvent::Status`]: `done`, or `refused`.
    CopyText {
        /// What to copy.
        text: String,
        /// The status once copied.
        done: Msg,
        /// The status when the clipboard refuses.
        refused: Msg,
    },
    /// Put the link's code into the page URL, then copy the link (from a file, to the
    /// program's public page).
    CopyLink(crate::share_link::ShareLink),
    /// Download `csv` as `<file_stem>-<today>.csv`.
    DownloadCsv {
        /// The file name before the date.
        file_stem: String,
        /// The file's text.
        csv: String,
    },
    /// Open the print dialog.
    Print,
    /// Remove `localStorage`'s entry under this key.
    Forget(String),
    /// POST a kept application again (no credentials); answer with
    /// [`super::HostEvent::WaitingAnswered`].
    SendWaiting(crate::outbox::Waiting),
    /// Dispatch the cancelable `partner-roi:lead` with the application; unless cancelled,
    /// send it; answer with [`super::HostEvent::ApplicationAnswered`] and `attempt`.
    SendApplication {
        /// Tells this sending from later ones.
        attempt: u64,
        /// What to send, but for what only the page knows.
        application: Box<crate::application::Application>,
    },
    /// Dispatch the cancelable `partner-roi:cta` with `detail`; unless cancelled, go to `url`.
    CallToAction {
        /// Where to go.
        url: String,
        /// In a new tab rather than this one.
        new_tab: bool,
        /// `{inputs, result, tier}` as JSON text, the settled result document's text in it
        /// as it is.
        detail: String,
    },
}
