//! "Your path": the tiers the partner moves through as revenue grows and falls, and what that
//! path earns against staying in the first tier.

use std::rc::Rc;
use yew::prelude::*;

use crate::engine::{Program, Projection};
use crate::ui::format::Formatter;
use crate::ui::tier_color_class;

/// Properties of [`PathStrip`].
#[derive(Properties, PartialEq)]
pub struct PathStripProps {
    /// The program (tier names).
    pub program: Rc<Program>,
    /// The projection, whose journey is shown.
    pub projection: Rc<Projection>,
    /// Number formatting.
    pub formatter: Rc<Formatter>,
    /// Unique prefix for element ids.
    pub id_prefix: AttrValue,
}

/// The strip above the tier cards.
#[function_component(PathStrip)]
pub fn path_strip(props: &PathStripProps) -> Html {
    let journey = &props.projection.journey;
    let horizon_years = props.projection.horizon_years;
    let formatter = &props.formatter;
    let outcome = &journey.outcome;
    let title_id = format!("{}-path-title", props.id_prefix);
    let shown = props.program.shown_figures;
    let name = |index: usize| props.program.tier_name(index);
    let steps = journey.steps();
    let start = steps.first().map_or(0, |&(tier, _)| tier);
    let payback = match outcome.payback_months {
        Some(months) if months.is_zero() => "Immediately".to_owned(),
        Some(months) => format!("{} months", formatter.number(months.round_dp(1))),
        None => format!("Not within {} years", horizon_years),
    };
    let roi = outcome
        .roi
        .map_or("—".to_owned(), |roi| formatter.percent(roi));
    let extra = journey.extra_net_vs_start_tier;
    let comparison = if steps.len() < 2 {
        format!(
            "You stay in {} for all {} years.",
            name(start),
            horizon_years
        )
    } else if extra.is_sign_negative() {
        format!(
            "{} less than staying in {}: the higher tiers' costs outweigh what they add.",
            formatter.money_whole(-extra),
            name(start)
        )
    } else {
        format!(
            "+{} more than staying in {}.",
            formatter.money_whole(extra),
            name(start)
        )
    };
    html! {
        <section class="path-strip" aria-labelledby={title_id.clone()}>
            <h4 id={title_id} class="path-title">{ "Your path" }</h4>
            <ol class="path-steps">
                { for steps.iter().map(|&(tier, year)| html! {
                    <li class={classes!("path-step", tier_color_class(tier))}>
                        <span class="path-tier">{ name(tier) }</span>
                        <span class="path-when">
                            { if year == 1 { "now".to_owned() } else { format!("from year {year}") } }
                        </span>
                    </li>
                }) }
            </ol>
            <dl class="path-figures">
                <div>
                    <dt>{ format!("Net profit over {} years", horizon_years) }</dt>
                    <dd class="path-net">{ formatter.money_whole(outcome.net) }</dd>
                </div>
                if shown.roi { <div><dt>{ "ROI" }</dt><dd>{ roi }</dd></div> }
                if shown.payback { <div><dt>{ "Payback" }</dt><dd>{ payback }</dd></div> }
            </dl>
            <p class={classes!("path-extra", (steps.len() > 1 && extra.is_sign_negative()).then_some("path-extra-negative"))}>
                { comparison }
            </p>
        </section>
    }
}
