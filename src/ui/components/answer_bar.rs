//! The answer in one line on narrow screens: the recommended (or chosen) tier, its net over
//! the horizon and its ROI, kept in view (sticky) while the partner edits, with a jump to the
//! tier cards. Wide layouts hide it: their results sit beside the inputs.

use std::rc::Rc;
use yew::prelude::*;

use crate::engine::{Program, Projection};
use crate::i18n::Msg;
use crate::ui::format::Formatter;
use crate::ui::texts::use_texts;
use crate::ui::tier_color_class;

/// Properties of [`AnswerBar`].
#[derive(Properties, PartialEq)]
pub struct AnswerBarProps {
    /// The program (tier names, which figures show).
    pub program: Rc<Program>,
    /// The projection shown.
    pub projection: Rc<Projection>,
    /// The tier the partner looks at: the recommended one until they choose.
    pub selected_tier: usize,
    /// Whether the figures are those of the last valid inputs, not the ones typed.
    pub stale: bool,
    /// Number formatting.
    pub formatter: Rc<Formatter>,
    /// "See all tiers" was pressed.
    pub on_jump: Callback<()>,
}

/// The compact result bar.
#[function_component(AnswerBar)]
pub fn answer_bar(props: &AnswerBarProps) -> Html {
    let texts = use_texts();
    let Some(figures) = props.projection.tiers.get(props.selected_tier) else {
        return Html::default();
    };
    let formatter = &props.formatter;
    let label = texts.get(
        if props.projection.recommended == Some(props.selected_tier) {
            Msg::AnswerRecommended
        } else {
            Msg::AnswerYourChoice
        },
    );
    let net = formatter.money_whole(figures.net);
    // "net over 3 years", or "net from the program …" when the services profit is apart.
    let net_words = if props.program.services_in_net {
        Msg::AnswerNet
    } else {
        Msg::AnswerNetProgram
    };
    let roi = figures
        .roi
        .filter(|_| props.program.shown_figures.roi)
        .map(|roi| formatter.percent(roi));
    let on_jump = props.on_jump.reform(|_: MouseEvent| ());
    html! {
        <div class={classes!("answer-bar", tier_color_class(props.selected_tier), props.stale.then_some("answer-bar-stale"))}>
            <p class="answer-bar-title">
                <span class="answer-bar-label">{ label }</span>
                <strong class="answer-bar-tier">{ props.program.tier_name(props.selected_tier) }</strong>
            </p>
            <button type="button" class="button-secondary answer-bar-jump" onclick={on_jump}>
                { texts.get(Msg::SeeAllTiers) }
            </button>
            <p class="answer-bar-figures">
                <span class={classes!("answer-bar-net", figures.net.is_sign_negative().then_some("negative"))}>
                    <strong class="answer-bar-amount">{ net }</strong>
                    { " " }
                    { texts.plural(net_words, ("years", props.projection.horizon_years.into()), formatter, &[]) }
                </span>
                if let Some(roi) = roi {
                    <span class="answer-bar-roi">{ texts.fill(Msg::AnswerRoi, &[("roi", &roi)]) }</span>
                }
            </p>
        </div>
    }
}
