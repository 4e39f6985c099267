//! Problems to list above the calculator and to report.

use super::effect::{Announcement, HostEffect};
use crate::names::TAG;
use partner_roi_engine::FieldError;

/// The partner's own problems (a share link, saved figures, a program file they chose),
/// always listed; the page's settings, listed only with `debug`. Both are reported in
/// `partner-roi:error`, and the page's in the console.
pub(super) struct Problems {
    pub partner: Vec<FieldError>,
    pub page: Vec<FieldError>,
}

impl Problems {
    pub fn partner(partner: Vec<FieldError>) -> Self {
        Self {
            partner,
            page: Vec::new(),
        }
    }

    pub fn page(page: Vec<FieldError>) -> Self {
        Self {
            partner: Vec::new(),
            page,
        }
    }

    /// Warns in the console of the page's problems and announces every problem.
    pub fn report(self, out: &mut Vec<HostEffect>) {
        for problem in &self.page {
            out.push(HostEffect::Warn(format!("{TAG}: {problem}")));
        }
        let mut all = self.page;
        all.extend(self.partner);
        if !all.is_empty() {
            out.push(HostEffect::Announce(Announcement::Errors(all)));
        }
    }
}
