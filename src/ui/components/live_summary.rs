//! A polite live region announcing the recommended tier and its net profit once
//! changes settle (not on every keystroke).

use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

use crate::state::CalculatorState;
use crate::ui::format::Formatter;

/// How long typing must pause before the summary is announced.
const SETTLE_MILLIS: u32 = 800;

/// Properties of [`LiveSummary`].
#[derive(Properties, PartialEq)]
pub struct LiveSummaryProps {
    /// The calculator state.
    pub state: Rc<CalculatorState>,
    /// Number formatting.
    pub formatter: Rc<Formatter>,
}

/// The sentence announced for a state.
pub fn summary_sentence(state: &CalculatorState, formatter: &Formatter) -> String {
    if let Some(error) = &state.engine_error {
        return error.to_string();
    }
    if !state.is_current() {
        return "Results not updated: a field needs attention.".to_owned();
    }
    let Some(projection) = &state.projection else {
        return String::new();
    };
    let recommended = projection.recommended.and_then(|index| {
        Some((
            state.program.tiers.get(index)?,
            projection.tiers.get(index)?,
        ))
    });
    match recommended {
        Some((tier, figures)) => format!(
            "Recommended tier: {}, net profit {} over {} years.",
            tier.name,
            formatter.money_whole(figures.net),
            projection.horizon_years
        ),
        None => "No tier's requirements are met in year 1 with these figures.".to_owned(),
    }
}

/// The visually hidden announcement.
#[function_component(LiveSummary)]
pub fn live_summary(props: &LiveSummaryProps) -> Html {
    let announced = use_state(String::new);
    {
        let announced = announced.clone();
        let sentence = summary_sentence(&props.state, &props.formatter);
        use_effect_with(sentence, move |sentence| {
            let sentence = sentence.clone();
            let timeout = Timeout::new(SETTLE_MILLIS, move || announced.set(sentence));
            move || drop(timeout)
        });
    }
    html! {
        <p class="visually-hidden live-summary" aria-live="polite" aria-atomic="true">{ (*announced).clone() }</p>
    }
}
