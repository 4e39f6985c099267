//! The next step for the selected tier (the recommended one until the partner chooses):
//! the program's call-to-action link, or, when the program has a `lead` section, a button
//! that opens the application form in place.

use std::rc::Rc;
use yew::prelude::*;

use super::application_form::ApplicationForm;
use super::call_to_action::CallToAction;
use crate::engine::cta::{cta_label, fill_cta_url};
use crate::host_state::{ApplicationStatus, HostAction};
use crate::i18n::Msg;
use crate::state::CalculatorState;
use crate::ui::format::Formatter;
use crate::ui::texts::{program_text, use_texts};

/// Properties of [`ApplySection`].
#[derive(Properties, PartialEq)]
pub struct ApplySectionProps {
    /// The calculator state.
    pub state: Rc<CalculatorState>,
    /// Number formatting.
    pub formatter: Rc<Formatter>,
    /// Where the partner's application stands.
    pub status: ApplicationStatus,
    /// Unique prefix for element ids.
    pub id_prefix: AttrValue,
    /// Asks the host to act.
    pub on_request: Callback<HostAction>,
}

/// The call to action, or the application form it opens.
#[function_component(ApplySection)]
pub fn apply_section(props: &ApplySectionProps) -> Html {
    let texts = use_texts();
    let open = use_state_eq(|| false);
    let opener = use_node_ref();
    // Closed again: back where the partner was, on the button that opened the form.
    let was_open = use_mut_ref(|| false);
    {
        let opener = opener.clone();
        use_effect_with(*open, move |open| {
            if !*open && std::mem::replace(&mut *was_open.borrow_mut(), false) {
                if let Some(button) = opener.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
            *was_open.borrow_mut() |= *open;
        });
    }
    let state = &props.state;
    let program = &state.program;
    let Some(tier) = state
        .projection
        .as_ref()
        .and_then(|projection| projection.tiers.get(state.selected_tier))
    else {
        return Html::default();
    };
    let label = program
        .cta
        .as_ref()
        .map(|cta| cta_label(&cta.label, &tier.tier_name));
    let Some(lead) = &program.lead else {
        let Some(cta) = &program.cta else {
            return Html::default();
        };
        let href = fill_cta_url(&cta.url, &program.id, &tier.tier_id, tier.net, tier.roi);
        let label = label.unwrap_or_default();
        let on_activate = {
            let href = href.clone();
            props
                .on_request
                .reform(move |new_tab| HostAction::CallToAction {
                    url: href.to_string(),
                    new_tab,
                })
        };
        return html! {
            <div class="cta">
                <CallToAction label={label.clone()} href={href.clone()} {on_activate} />
                // On paper, where nothing can be clicked: the address itself.
                <p class="cta-address">{ texts.fill(Msg::LabelValue, &[("label", label.as_str()), ("value", "")]) }<span class="cta-url">{ href }</span></p>
            </div>
        };
    };
    let label = label.unwrap_or_else(|| texts.fill(Msg::LeadTitle, &[("tier", &tier.tier_name)]));
    if *open {
        let on_close = {
            let open = open.clone();
            Callback::from(move |()| open.set(false))
        };
        return html! {
            <div class="cta cta-open">
                <ApplicationForm
                    lead={lead.clone()}
                    state={state.clone()}
                    formatter={props.formatter.clone()}
                    status={props.status.clone()}
                    id_prefix={props.id_prefix.clone()}
                    on_request={props.on_request.clone()}
                    {on_close}
                />
            </div>
        };
    }
    let onclick = {
        let (open, on_request) = (open.clone(), props.on_request.clone());
        Callback::from(move |_: MouseEvent| {
            open.set(true);
            on_request.emit(HostAction::OpenApplication);
        })
    };
    html! {
        <div class="cta">
            <button type="button" class="cta-button" aria-expanded="false" ref={opener} {onclick}>{ program_text(&label) }</button>
        </div>
    }
}
