//! The tier cards side by side (stacked on phones).

use std::rc::Rc;
use yew::prelude::*;

use super::tier_card::TierCard;
use crate::engine::range::ProjectionRange;
use crate::engine::{Program, Projection};
use crate::i18n::Msg;
use crate::ui::format::Formatter;
use crate::ui::texts::use_texts;

/// Properties of [`TierCards`].
#[derive(Properties, PartialEq)]
pub struct TierCardsProps {
    /// The program (tier texts).
    pub program: Rc<Program>,
    /// The projection shown.
    pub projection: Rc<Projection>,
    /// Its conservative and optimistic variants.
    #[prop_or_default]
    pub range: Option<Rc<ProjectionRange>>,
    /// The tier whose yearly table is shown.
    pub selected_tier: usize,
    /// Number formatting.
    pub formatter: Rc<Formatter>,
    /// A card was chosen.
    pub on_select: Callback<usize>,
}

/// One card per tier.
#[function_component(TierCards)]
pub fn tier_cards(props: &TierCardsProps) -> Html {
    let texts = use_texts();
    let projection = &props.projection;
    let recommended_name = projection
        .recommended
        .and_then(|index| props.program.tiers.get(index))
        .map(|tier| AttrValue::from(tier.name.clone()));
    // Only tiers open from year 1 compare with the recommended one; a later tier shows what
    // reaching it on the partner's path is worth.
    let qualifies_now = |index: usize| {
        projection
            .tiers
            .get(index)
            .is_some_and(|tier| tier.qualification.qualifies_from_year == Some(1))
    };
    let qualifying = (0..projection.tiers.len())
        .filter(|&index| qualifies_now(index))
        .count();
    let why_recommended = AttrValue::from(if qualifying == 1 {
        texts.get(Msg::WhyOnlyTier).to_owned()
    } else {
        texts.plural(
            Msg::WhyHighest,
            ("count", qualifying.into()),
            &props.formatter,
            &[],
        )
    });
    let extra_net = |index: usize| {
        projection
            .upgrades
            .iter()
            .find(|upgrade| upgrade.tier_index == index && qualifies_now(index))
            .map(|upgrade| upgrade.extra_net)
    };
    let journey = &projection.journey;
    let start_name = journey
        .tier_by_year
        .first()
        .map_or("", |&index| props.program.tier_name(index));
    let path_note = |index: usize| {
        let year = journey.first_year_in(index).filter(|&year| year > 1)?;
        let extra = journey.extra_net_vs_start_tier;
        let message = if extra.is_sign_negative() {
            Msg::PathWorthLess
        } else {
            Msg::PathWorthMore
        };
        let amount = props.formatter.money_whole(extra.abs());
        let worth = texts.fill(message, &[("amount", &amount), ("tier", start_name)]);
        let year = props.formatter.count(year.into());
        Some(AttrValue::from(texts.fill(
            Msg::PathReaches,
            &[("year", &year), ("worth", &worth)],
        )))
    };
    html! {
        <ul class="tier-cards" role="list">
            { for props.program.tiers.iter().zip(&projection.tiers).enumerate().map(|(index, (tier, figures))| html! {
                <li key={tier.id.clone()}>
                    <TierCard
                        {index}
                        tier={tier.clone()}
                        figures={figures.clone()}
                        horizon_years={projection.horizon_years}
                        why_recommended={(projection.recommended == Some(index)).then(|| why_recommended.clone())}
                        selected={props.selected_tier == index}
                        extra_net={extra_net(index)}
                        path_note={path_note(index)}
                        range={props.range.as_ref().and_then(|range| range.net_range(index))}
                        recommended_name={recommended_name.clone()}
                        shown={props.program.shown_figures}
                        services_in_net={props.program.services_in_net}
                        formatter={props.formatter.clone()}
                        on_select={props.on_select.clone()}
                    />
                </li>
            }) }
        </ul>
    }
}
