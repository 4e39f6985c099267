//! Applications kept on this device ([`crate::outbox`]): kept when the partner sends one
//! while offline, sent when the widget next starts online with a program that posts to the
//! same address (never to another), dropped after [`KEEP_MS`], and cleared by the rep.

use super::{AnalyticsEvent, HostEffect, HostState};
use crate::outbox::{outbox_text, post_url, read_outbox, Waiting, KEEP_MS};

/// The kept applications of the program shown.
#[derive(Debug, Default)]
pub(super) struct Outbox {
    /// Their storage key (the program's and this widget's); `None` before a program.
    key: Option<String>,
    /// Oldest first.
    pub waiting: Vec<Waiting>,
    /// Those on their way, by when they were kept.
    sending: Vec<u64>,
}

impl HostState {
    /// A program started: its kept applications are read (once a program) and, online,
    /// sent.
    pub(super) fn open_outbox(&mut self, out: &mut Vec<HostEffect>) {
        let Some(program_id) = self
            .phase
            .showing()
            .map(|s| s.calculator.program.id.clone())
        else {
            return;
        };
        let key = self.memory.outbox_key(&program_id);
        if self.outbox.key.as_deref() != Some(key.as_str()) {
            self.read_outbox(key, out);
        }
        if self.online {
            self.send_waiting(out);
        }
    }

    /// Reads the applications kept under `key`, dropping those older than [`KEEP_MS`].
    fn read_outbox(&mut self, key: String, out: &mut Vec<HostEffect>) {
        let kept = self
            .memory
            .saved
            .get(&key)
            .map_or_else(Vec::new, |text| read_outbox(text));
        let now = self.page_time_ms;
        let (fresh, stale): (Vec<Waiting>, Vec<Waiting>) = kept
            .into_iter()
            .partition(|waiting| now.saturating_sub(waiting.kept_at_ms) <= KEEP_MS);
        self.outbox = Outbox {
            key: Some(key),
            waiting: fresh,
            sending: Vec::new(),
        };
        if !stale.is_empty() {
            self.keep_outbox(out);
        }
    }

    /// Sends each kept application posted to the program's own address, unless on its way.
    pub(super) fn send_waiting(&mut self, out: &mut Vec<HostEffect>) {
        let Some(url) = self
            .phase
            .showing()
            .and_then(|shown| shown.calculator.program.lead.as_ref().and_then(post_url))
        else {
            return;
        };
        let outbox = &mut self.outbox;
        for waiting in outbox.waiting.iter().filter(|waiting| waiting.url == url) {
            if !outbox.sending.contains(&waiting.kept_at_ms) {
                outbox.sending.push(waiting.kept_at_ms);
                out.push(HostEffect::SendWaiting(waiting.clone()));
            }
        }
    }

    /// Keeps `waiting`, an application that could not go for want of a network.
    pub(super) fn keep_waiting(&mut self, waiting: Waiting, out: &mut Vec<HostEffect>) {
        self.outbox.waiting.push(waiting);
        self.keep_outbox(out);
    }

    /// The kept application of `kept_at_ms` was `sent`, or is still waiting.
    pub(super) fn waiting_answered(
        &mut self,
        kept_at_ms: u64,
        sent: bool,
        out: &mut Vec<HostEffect>,
    ) {
        self.outbox.sending.retain(|kept| *kept != kept_at_ms);
        if sent {
            self.outbox
                .waiting
                .retain(|waiting| waiting.kept_at_ms != kept_at_ms);
            self.keep_outbox(out);
            self.track(AnalyticsEvent::GenerateLead, out);
        }
        out.push(HostEffect::Render);
    }

    /// The rep cleared the applications kept.
    pub(super) fn discard_waiting(&mut self, out: &mut Vec<HostEffect>) {
        self.outbox.waiting.clear();
        self.outbox.sending.clear();
        self.keep_outbox(out);
        out.push(HostEffect::Render);
    }

    /// Writes the kept applications back: removed when there are none left.
    fn keep_outbox(&mut self, out: &mut Vec<HostEffect>) {
        let Some(key) = self.outbox.key.clone() else {
            return;
        };
        if self.outbox.waiting.is_empty() {
            self.memory.saved.remove(&key);
            out.push(HostEffect::Forget(key));
        } else {
            let text = outbox_text(&self.outbox.waiting);
            self.memory.saved.insert(key.clone(), text.clone());
            out.push(HostEffect::Save { key, text });
        }
    }
}
