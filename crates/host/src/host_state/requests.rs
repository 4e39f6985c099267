//! What the partner asks of the page through the widget: copy a link or a summary,
//! download the CSV, print, follow the call to action, open the application form and send it.

use serde_json::Value;

use super::{AnalyticsEvent, HostAction, HostEffect, HostState};
use crate::export_csv::result_csv;
use crate::share_code::encode_share_code;
use crate::share_link::ShareLink;
use crate::state::CalculatorState;
use partner_roi_engine::result_document::ResultDocument;
use partner_roi_i18n::Msg;

impl HostState {
    /// The link to the figures `calculator` shows, with the rep who prepared them.
    pub(super) fn share_link(&self, calculator: &CalculatorState) -> ShareLink {
        ShareLink {
            param: self.memory.share_param(),
            code: encode_share_code(
                &calculator.program,
                &calculator.inputs,
                calculator.chosen_tier_id(),
                self.rep.as_ref(),
            ),
            public_page: calculator.program.share_url.clone(),
        }
    }

    pub(super) fn request(&mut self, action: HostAction, out: &mut Vec<HostEffect>) {
        let Some(shown) = self.phase.showing() else {
            return;
        };
        let calculator = shown.calculator.clone();
        let program = &calculator.program;
        let event = match action {
            HostAction::CopyLink | HostAction::CopySummary(_) => Some(AnalyticsEvent::Share),
            HostAction::Print => Some(AnalyticsEvent::Print),
            HostAction::CallToAction { .. } | HostAction::OpenApplication => {
                Some(AnalyticsEvent::Cta)
            }
            HostAction::DownloadCsv
            | HostAction::Apply(_)
            | HostAction::SetRep(_)
            | HostAction::SendWaiting
            | HostAction::DiscardWaiting => None,
        };
        let effect = match action {
            HostAction::Apply(draft) => return self.apply_for(draft, out),
            HostAction::SendWaiting => return self.send_waiting(out),
            HostAction::DiscardWaiting => return self.discard_waiting(out),
            HostAction::SetRep(rep) => {
                self.rep = rep;
                out.push(HostEffect::Render);
                return;
            }
            HostAction::OpenApplication => {
                self.track(AnalyticsEvent::Cta, out);
                return;
            }
            HostAction::CopyLink => {
                let link = self.share_link(&calculator);
                self.memory.link_seen = Some(link.code.clone());
                HostEffect::CopyLink(link)
            }
            HostAction::CopySummary(text) => HostEffect::CopyText {
                text,
                done: Msg::StatusSummaryCopied,
                refused: Msg::StatusCopyRefused,
            },
            HostAction::DownloadCsv => {
                let Some(projection) = &calculator.projection else {
                    return;
                };
                HostEffect::DownloadCsv {
                    file_stem: program.id.clone(),
                    csv: result_csv(
                        program,
                        &calculator.inputs,
                        &ResultDocument::new(program, projection, None),
                        self.language().0,
                    ),
                }
            }
            HostAction::Print => HostEffect::Print,
            HostAction::CallToAction { url, new_tab } => {
                let (inputs, result) = match &shown.settled {
                    Some(settled) => (settled.inputs.to_string(), &*settled.result),
                    None => ("null".to_owned(), "null"),
                };
                let tier = Value::from(calculator.selected_tier_id());
                HostEffect::CallToAction {
                    url,
                    new_tab,
                    detail: format!(r#"{{"inputs":{inputs},"result":{result},"tier":{tier}}}"#),
                }
            }
        };
        out.push(effect);
        if let Some(event) = event {
            self.track(event, out);
        }
    }
}
