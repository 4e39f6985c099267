//! The tiers, lowest first: each with its texts, what it pays and what it costs and
//! requires; added, duplicated, removed, and reordered by its buttons or by dragging.

use partner_roi::designer::designer_state::DesignerAction;
use partner_roi::designer::field_path::FieldPath;
use partner_roi::designer::schema;
use yew::prelude::*;

use crate::form::Form;

#[derive(Properties, PartialEq)]
pub struct TiersSectionProps {
    pub form: Form,
    pub on_action: Callback<DesignerAction>,
}

#[function_component(TiersSection)]
pub fn tiers_section(props: &TiersSectionProps) -> Html {
    let form = &props.form;
    let count = form.state.tier_count();
    let dragged = use_state(|| None::<usize>);
    let tiers_path = FieldPath::keys(&["tiers"]);
    let add = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(DesignerAction::AddTier))
    };
    let tier = |index: usize| {
        let path = tiers_path.index(index);
        let name = form
            .text(&path.key("name"))
            .unwrap_or_else(|| format!("Tier {}", index + 1));
        let act = |action: DesignerAction| {
            let on_action = props.on_action.clone();
            Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
        };
        let ondragstart = {
            let dragged = dragged.clone();
            Callback::from(move |event: DragEvent| {
                // Firefox starts a drag only with data.
                if let Some(transfer) = event.data_transfer() {
                    transfer.set_effect_allowed("move");
                    let _ = transfer.set_data("text/plain", &(index + 1).to_string());
                }
                dragged.set(Some(index));
            })
        };
        let ondragover = Callback::from(|event: DragEvent| event.prevent_default());
        let ondrop = {
            let dragged = dragged.clone();
            let on_action = props.on_action.clone();
            Callback::from(move |event: DragEvent| {
                event.prevent_default();
                if let Some(from) = *dragged {
                    if from != index {
                        on_action.emit(DesignerAction::MoveTier { from, to: index });
                    }
                }
                dragged.set(None);
            })
        };
        let ondragend = {
            let dragged = dragged.clone();
            Callback::from(move |_: DragEvent| dragged.set(None))
        };
        let problems = form.state.problems_at(&path).count();
        html! {
            <li key={index} class={classes!("tier", (*dragged == Some(index)).then_some("is-dragged"))}
                {ondragover} {ondrop}>
                <details open=true id={path.dom_id()}>
                    <summary>
                        <span class="drag-handle" draggable="true" {ondragstart} {ondragend}
                            title="Drag to reorder" aria-hidden="true">{ "⠿" }</span>
                        <span class="tier-title">{ format!("Tier {} · {name}", index + 1) }</span>
                        if problems > 0 {
                            <span class="badge-problem">{ format!("{problems} problem{}", if problems == 1 { "" } else { "s" }) }</span>
                        }
                    </summary>
                    <div class="tier-tools" role="group" aria-label={format!("Tier {}: {name}", index + 1)}>
                        <button type="button" onclick={act(DesignerAction::MoveTier { from: index, to: index.saturating_sub(1) })}
                            disabled={index == 0} aria-label={format!("Move {name} up")}>{ "↑ Move up" }</button>
                        <button type="button" onclick={act(DesignerAction::MoveTier { from: index, to: index + 1 })}
                            disabled={index + 1 >= count} aria-label={format!("Move {name} down")}>{ "↓ Move down" }</button>
                        <button type="button" onclick={act(DesignerAction::DuplicateTier(index))}
                            aria-label={format!("Duplicate {name}")}>{ "Duplicate" }</button>
                        <button type="button" class="danger" onclick={act(DesignerAction::RemoveTier(index))}
                            disabled={count <= 1} aria-label={format!("Remove {name}")}>{ "Remove" }</button>
                    </div>
                    <div class="grid">{ form.fields(&path, schema::tier_texts()) }</div>
                    <fieldset>
                        <legend>{ "What it pays" }</legend>
                        <div class="grid">{ form.fields(&path, schema::tier_terms()) }</div>
                    </fieldset>
                    <fieldset>
                        <legend>{ "What it costs and requires" }</legend>
                        <div class="grid">{ form.fields(&path, schema::tier_costs()) }</div>
                    </fieldset>
                </details>
            </li>
        }
    };
    html! {
        <section class="section" aria-labelledby="tiers-heading" id={tiers_path.dom_id()} tabindex="-1">
            <h2 id="tiers-heading">{ "Tiers" }</h2>
            <p class="hint">{ "Lowest first. A partner is recommended the tier that pays best among those they qualify for." }</p>
            <ol class="tiers">{ for (0..count).map(tier) }</ol>
            <button type="button" class="add" onclick={add} disabled={count >= 8}>{ "+ Add a tier" }</button>
        </section>
    }
}
