//! The tier cards side by side (stacked on phones).

use std::rc::Rc;
use yew::prelude::*;

use super::tier_card::TierCard;
use crate::engine::range::ProjectionRange;
use crate::engine::{Program, Projection};
use crate::ui::format::Formatter;

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
    let projection = &props.projection;
    let recommended_name = projection
        .recommended
        .and_then(|index| props.program.tiers.get(index))
        .map(|tier| AttrValue::from(tier.name.clone()));
    let extra_net = |index: usize| {
        projection
            .upgrades
            .iter()
            .find(|upgrade| upgrade.tier_index == index)
            .map(|upgrade| upgrade.extra_net)
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
                        recommended={projection.recommended == Some(index)}
                        selected={props.selected_tier == index}
                        extra_net={extra_net(index)}
                        range={props.range.as_ref().and_then(|range| range.net_range(index))}
                        recommended_name={recommended_name.clone()}
                        formatter={props.formatter.clone()}
                        on_select={props.on_select.clone()}
                    />
                </li>
            }) }
        </ul>
    }
}
