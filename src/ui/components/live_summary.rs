//! A polite live region announcing the recommended tier and its net profit once
//! changes settle (not on every keystroke).

use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

use crate::i18n::Msg;
use crate::state::CalculatorState;
use crate::ui::format::Formatter;
use crate::ui::texts::{use_texts, Texts};

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
pub fn summary_sentence(texts: &Texts, state: &CalculatorState, formatter: &Formatter) -> String {
    if let Some(error) = &state.engine_error {
        return texts.say(&error.message_for(&state.program));
    }
    if !state.is_current() {
        return texts.get(Msg::LiveStale).to_owned();
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
        Some((tier, figures)) => texts.plural(
            Msg::LiveRecommended,
            ("years", projection.horizon_years.into()),
            formatter,
            &[
                ("tier", &tier.name),
                ("amount", &formatter.money_whole(figures.net)),
            ],
        ),
        None => texts.get(Msg::LiveNone).to_owned(),
    }
}

/// The visually hidden announcement.
#[function_component(LiveSummary)]
pub fn live_summary(props: &LiveSummaryProps) -> Html {
    let announced = use_state(String::new);
    let texts = use_texts();
    {
        let announced = announced.clone();
        let sentence = summary_sentence(&texts, &props.state, &props.formatter);
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
