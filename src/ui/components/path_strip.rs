//! "Your path": the tiers the partner moves through as revenue grows and falls, and what that
//! path earns against staying in the first tier.

use std::rc::Rc;
use yew::prelude::*;

use crate::engine::{Program, Projection};
use crate::i18n::Msg;
use crate::ui::format::Formatter;
use crate::ui::texts::{payback_text, use_texts};
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
    let texts = use_texts();
    let journey = &props.projection.journey;
    let horizon_years = props.projection.horizon_years;
    let formatter = &props.formatter;
    let outcome = &journey.outcome;
    let title_id = format!("{}-path-title", props.id_prefix);
    let shown = props.program.shown_figures;
    let name = |index: usize| props.program.tier_name(index);
    let steps = journey.steps();
    let start = steps.first().map_or(0, |&(tier, _)| tier);
    let payback = payback_text(&texts, formatter, outcome.payback_months, horizon_years);
    let roi = outcome
        .roi
        .map_or("—".to_owned(), |roi| formatter.percent(roi));
    let extra = journey.extra_net_vs_start_tier;
    let amount = formatter.money_whole(extra.abs());
    let comparison = if steps.len() < 2 {
        texts.plural(
            Msg::PathStay,
            ("years", horizon_years.into()),
            formatter,
            &[("tier", name(start))],
        )
    } else {
        let message = if extra.is_sign_negative() {
            Msg::PathLess
        } else {
            Msg::PathMore
        };
        texts.fill(message, &[("amount", &amount), ("tier", name(start))])
    };
    html! {
        <section class="path-strip" aria-labelledby={title_id.clone()}>
            <h4 id={title_id} class="path-title">{ texts.get(Msg::YourPath) }</h4>
            <ol class="path-steps">
                { for steps.iter().map(|&(tier, year)| html! {
                    <li class={classes!("path-step", tier_color_class(tier))}>
                        <span class="path-tier">{ name(tier) }</span>
                        <span class="path-when">
                            { if year == 1 {
                                texts.get(Msg::PathNow).to_owned()
                            } else {
                                texts.fill(Msg::PathFromYear, &[("year", &formatter.count(year.into()))])
                            } }
                        </span>
                    </li>
                }) }
            </ol>
            <dl class="path-figures">
                <div>
                    <dt>{ texts.plural(Msg::NetProfitOver, ("years", horizon_years.into()), formatter, &[]) }</dt>
                    <dd class="path-net">{ formatter.money_whole(outcome.net) }</dd>
                </div>
                if shown.roi { <div><dt>{ texts.get(Msg::Roi) }</dt><dd>{ roi }</dd></div> }
                if shown.payback { <div><dt>{ texts.get(Msg::Payback) }</dt><dd>{ payback }</dd></div> }
            </dl>
            <p class={classes!("path-extra", (steps.len() > 1 && extra.is_sign_negative()).then_some("path-extra-negative"))}>
                { comparison }
            </p>
        </section>
    }
}
