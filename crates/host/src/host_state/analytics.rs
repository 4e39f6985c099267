//! Opt-in analytics (the `analytics` attribute): the events the widget reports to the page's
//! tag manager. Each carries the program, the selected tier, the language and that tier's
//! net rounded to thousands, never a name, an email or a figure the partner typed.

use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{json, Value};

use super::{HostEffect, HostState};
use crate::names::{ANALYTICS_EVENTS, ANALYTICS_TARGETS, ATTR_ANALYTICS};
use partner_roi_engine::FieldError;
use partner_roi_i18n::Msg;

/// Where the events go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnalyticsTarget {
    /// `window.dataLayer.push({event, …})`, for Google Tag Manager.
    DataLayer,
    /// `gtag('event', name, {…})`, for Google Analytics 4.
    Gtag,
}

/// What the widget reports, once or each time it happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnalyticsEvent {
    /// The widget was first in view (once).
    View,
    /// The partner first changed a figure (once).
    Start,
    /// The partner chose a tier.
    TierSelect,
    /// The partner copied a link or the summary.
    Share,
    /// The partner printed the handout.
    Print,
    /// The partner followed the call to action.
    Cta,
    /// An application was sent (`generate_lead`).
    GenerateLead,
}

impl AnalyticsEvent {
    /// The event's name, as the page's tag manager sees it.
    pub fn name(self) -> &'static str {
        ANALYTICS_EVENTS[self as usize]
    }

    /// Whether the partner did this on the widget, and so has seen it (an application sent
    /// from the outbox on a later visit is not).
    fn shows_a_view(self) -> bool {
        !matches!(self, AnalyticsEvent::View | AnalyticsEvent::GenerateLead)
    }
}

/// Which events that happen once have been reported, whether the widget is in view, and
/// whether its first results are on screen.
#[derive(Debug, Default)]
pub(super) struct Reported {
    in_view: bool,
    results_shown: bool,
    viewed: bool,
    started: bool,
}

/// The target `attribute` names (`None`: absent, or not one), and whether it named none.
fn read_target(attribute: Option<&str>) -> (Option<AnalyticsTarget>, bool) {
    let Some(text) = attribute.map(str::trim).filter(|text| !text.is_empty()) else {
        return (None, false);
    };
    match ANALYTICS_TARGETS
        .iter()
        .position(|name| name.eq_ignore_ascii_case(text))
    {
        Some(0) => (Some(AnalyticsTarget::DataLayer), false),
        Some(_) => (Some(AnalyticsTarget::Gtag), false),
        None => (None, true),
    }
}

/// A net rounded half-even to thousands, as a whole number.
fn rounded_net(net: Decimal) -> Value {
    let thousands = (net / Decimal::ONE_THOUSAND)
        .round_dp_with_strategy(0, RoundingStrategy::MidpointNearestEven)
        .saturating_mul(Decimal::ONE_THOUSAND);
    i64::try_from(thousands).map_or(Value::Null, Value::from)
}

impl HostState {
    /// The `analytics` attribute's value when it names no target, as a problem.
    pub(super) fn analytics_problem(&self) -> Option<FieldError> {
        let attribute = self.attribute(ATTR_ANALYTICS);
        let (_, unknown) = read_target(attribute);
        unknown.then(|| {
            FieldError::new(
                ATTR_ANALYTICS,
                Msg::ErrorAnalytics
                    .with("text", attribute.unwrap_or_default().trim())
                    .with("targets", ANALYTICS_TARGETS.join(", ")),
            )
        })
    }

    /// Reports `event` to the page's target, if it asked for analytics and a program is
    /// shown; the events that happen once, only once. The partner's first action on the
    /// widget reports its view first, if the page has not said yet that it came into view.
    pub(super) fn track(&mut self, event: AnalyticsEvent, out: &mut Vec<HostEffect>) {
        if event.shows_a_view() && !self.reported.viewed {
            self.track(AnalyticsEvent::View, out);
        }
        let (Some(target), Some(shown)) = (
            read_target(self.attribute(ATTR_ANALYTICS)).0,
            self.phase.showing(),
        ) else {
            return;
        };
        let once = match event {
            AnalyticsEvent::View => Some(&mut self.reported.viewed),
            AnalyticsEvent::Start => Some(&mut self.reported.started),
            _ => None,
        };
        if once.is_some_and(|reported| std::mem::replace(reported, true)) {
            return;
        }
        let calculator = &shown.calculator;
        let net = calculator
            .projection
            .as_ref()
            .and_then(|projection| projection.tiers.get(calculator.selected_tier))
            .map_or(Value::Null, |tier| rounded_net(tier.net));
        let params = json!({
            "program_id": calculator.program.id,
            "tier": calculator.selected_tier_id(),
            "language": self.language().0.tag(),
            "value": net,
            "currency": calculator.program.currency,
        });
        out.push(HostEffect::Analytics {
            target,
            event: event.name(),
            params,
        });
    }

    /// The widget came into view: reported once its results are on screen.
    pub(super) fn came_into_view(&mut self, out: &mut Vec<HostEffect>) {
        self.reported.in_view = true;
        if self.reported.results_shown {
            self.track(AnalyticsEvent::View, out);
        }
    }

    /// Figures are on screen: a widget in view is reported as viewed (once).
    pub(super) fn first_shown(&mut self, out: &mut Vec<HostEffect>) {
        self.reported.results_shown = true;
        if self.reported.in_view {
            self.track(AnalyticsEvent::View, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_attribute_names_a_target_in_any_case_or_is_a_problem() {
        assert_eq!(read_target(None), (None, false));
        assert_eq!(read_target(Some(" ")), (None, false));
        assert_eq!(
            read_target(Some("dataLayer")),
            (Some(AnalyticsTarget::DataLayer), false)
        );
        assert_eq!(
            read_target(Some(" gtag ")),
            (Some(AnalyticsTarget::Gtag), false)
        );
        assert_eq!(read_target(Some("segment")), (None, true));
    }

    #[test]
    fn a_net_is_rounded_half_even_to_thousands() {
        let net = |text: &str| rounded_net(text.parse().unwrap_or_default());
        assert_eq!(net("338654.39"), json!(339000));
        assert_eq!(net("2500"), json!(2000));
        assert_eq!(net("3500"), json!(4000));
        assert_eq!(net("-1499.99"), json!(-1000));
    }

    #[test]
    fn each_event_has_its_name() {
        assert_eq!(AnalyticsEvent::View.name(), "partner_roi_view");
        assert_eq!(AnalyticsEvent::Cta.name(), "partner_roi_cta");
        assert_eq!(AnalyticsEvent::Print.name(), "partner_roi_print");
    }
}
