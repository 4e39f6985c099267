//! The application form's progress (a program's `lead` section): the partner's answers
//! are checked, sent once per press whatever the double clicks, and every answer is kept
//! until it has gone (the form keeps what was typed; this keeps what became of it).

use std::rc::Rc;

use super::{AnalyticsEvent, HostEffect, HostState};
use crate::application::{check_draft, Application, ApplicationDraft, FormProblem};
use partner_roi_engine::result_document::ResultDocument;

/// Where the partner's application stands.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum ApplicationStatus {
    /// Nothing sent yet.
    #[default]
    Editing,
    /// Refused by the checks: each problem at its field.
    Invalid(Rc<Vec<FormProblem>>),
    /// On its way: another press sends nothing.
    Sending,
    /// It has gone.
    Sent(Delivered),
    /// It did not go; everything typed is kept for another try.
    Failed(SendFailure),
    /// The device is offline: it is kept here and sent when the widget next starts online.
    Kept,
}

/// How an application went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivered {
    /// Posted, and the destination answered 2xx.
    Posted,
    /// The visitor's mail program was opened with it.
    MailOpened,
    /// The page cancelled `partner-roi:lead` to send it itself.
    ByPage,
}

/// Why an application did not go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendFailure {
    /// The destination answered with this status, not 2xx.
    Status(u16),
    /// The destination could not be reached (offline, refused, blocked by the page's
    /// Content-Security-Policy).
    Unreachable,
}

/// The application's status and the number of the last one sent.
#[derive(Debug, Default)]
pub(super) struct ApplicationProgress {
    pub status: ApplicationStatus,
    attempt: u64,
}

impl ApplicationProgress {
    /// A new calculator starts a new form; an answer to an earlier sending is ignored.
    pub fn restart(&mut self) {
        self.status = ApplicationStatus::Editing;
    }
}

impl HostState {
    /// The partner pressed "Send": checked, then sent unless one is on its way or gone.
    pub(super) fn apply_for(&mut self, draft: ApplicationDraft, out: &mut Vec<HostEffect>) {
        if matches!(
            self.application.status,
            ApplicationStatus::Sending | ApplicationStatus::Sent(_) | ApplicationStatus::Kept
        ) {
            return;
        }
        let Some(application) = self.application_of(&draft) else {
            return;
        };
        match application {
            Ok(application) => {
                self.application.attempt += 1;
                self.application.status = ApplicationStatus::Sending;
                out.push(HostEffect::SendApplication {
                    attempt: self.application.attempt,
                    application: Box::new(application),
                });
            }
            Err(problems) => {
                self.application.status = ApplicationStatus::Invalid(Rc::new(problems))
            }
        }
        out.push(HostEffect::Render);
    }

    /// The application `draft` makes for the tier shown, or its problems; `None` when no
    /// program with a `lead` section is shown.
    fn application_of(
        &self,
        draft: &ApplicationDraft,
    ) -> Option<Result<Application, Vec<FormProblem>>> {
        let shown = self.phase.showing()?;
        let calculator = &shown.calculator;
        let program = &calculator.program;
        let lead = program.lead.as_ref()?;
        let projection = calculator.projection.as_ref()?;
        let contact = match check_draft(lead, draft) {
            Ok(contact) => contact,
            Err(problems) => return Some(Err(problems)),
        };
        let document = ResultDocument::new(program, projection, None);
        let tier = document.tiers.get(calculator.selected_tier)?;
        Some(Ok(Application {
            program_id: program.id.clone(),
            program_name: program.name.clone(),
            language: self.language().0,
            contact,
            consent_text: lead.consent_text.clone(),
            privacy_url: lead.privacy_url.clone(),
            tier: (tier.id.clone(), tier.name.clone()),
            currency: program.currency.clone(),
            totals: tier.totals.clone(),
            inputs: self.inputs_json().unwrap_or_default(),
            share: self.share_link(calculator),
            destination: lead.destination.clone(),
            summary: draft.summary.clone(),
            rep: self.rep.clone(),
        }))
    }

    /// Application `attempt` could not go for want of a network: it is kept on the device.
    pub(super) fn application_kept(
        &mut self,
        attempt: u64,
        waiting: crate::outbox::Waiting,
        out: &mut Vec<HostEffect>,
    ) {
        if attempt != self.application.attempt
            || self.application.status != ApplicationStatus::Sending
        {
            return;
        }
        self.application.status = ApplicationStatus::Kept;
        self.keep_waiting(waiting, out);
        out.push(HostEffect::Render);
    }

    /// The page's answer for application `attempt`.
    pub(super) fn application_answered(
        &mut self,
        attempt: u64,
        outcome: Result<Delivered, SendFailure>,
        out: &mut Vec<HostEffect>,
    ) {
        if attempt != self.application.attempt
            || self.application.status != ApplicationStatus::Sending
        {
            return;
        }
        self.application.status = match outcome {
            Ok(delivered) => ApplicationStatus::Sent(delivered),
            Err(failure) => ApplicationStatus::Failed(failure),
        };
        out.push(HostEffect::Render);
        if matches!(outcome, Ok(Delivered::Posted | Delivered::MailOpened)) {
            self.track(AnalyticsEvent::GenerateLead, out);
        }
    }
}
