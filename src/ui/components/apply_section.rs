//! The next step for the selected tier (the recommended one until the partner chooses):
//! the program's call-to-action link, or, when the program has a `lead` section, a button
//! that opens the application form in place.

use std::rc::Rc;
use yew::prelude::*;

use super::application_form::ApplicationForm;
use super::call_to_action::CallToAction;
use crate::engine::cta::{cta_label, fill_cta_url, readable_address};
use crate::host_state::{ApplicationStatus, HostAction};
use crate::i18n::Msg;
use crate::state::CalculatorState;
use crate::ui::format::Formatter;
use crate::ui::texts::{program_text, use_texts, Texts};
use rust_decimal::Decimal;

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
    /// The link to these figures: on paper, the page the application form is on.
    #[prop_or_default]
    pub share_url: AttrValue,
    /// How many applications are kept on this device, waiting to be sent.
    #[prop_or_default]
    pub waiting: usize,
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
    let waiting = waiting_notice(&texts, props);
    // On paper, where nothing can be clicked: the address as a person reads it.
    let on_paper = |label: &str, address: &str| {
        html! {
            <p class="cta-address">
                { texts.fill(Msg::LabelValue, &[("label", label), ("value", "")]) }
                <span class="cta-url">{ address.to_owned() }</span>
            </p>
        }
    };
    let Some(lead) = &program.lead else {
        let Some(cta) = &program.cta else {
            return waiting;
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
                { waiting }
                <CallToAction label={label.clone()} href={href.clone()} {on_activate} />
                { on_paper(&label, readable_address(&href)) }
            </div>
        };
    };
    let label = label.unwrap_or_else(|| texts.fill(Msg::LeadTitle, &[("tier", &tier.tier_name)]));
    // On paper the form is where the handout's QR code leads: this page.
    let next_step = on_paper(&label, readable_address(&props.share_url));
    if *open {
        let on_close = {
            let open = open.clone();
            Callback::from(move |()| open.set(false))
        };
        return html! {
            <div class="cta cta-open">
                { waiting }
                { next_step }
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
            { waiting }
            <button type="button" class="cta-button" ref={opener} {onclick}>{ program_text(&label) }</button>
            { next_step }
        </div>
    }
}

/// "1 application waiting to send", with "Send now" and "Discard"; nothing when none is.
fn waiting_notice(texts: &Texts, props: &ApplySectionProps) -> Html {
    if props.waiting == 0 {
        return Html::default();
    }
    let count = Decimal::from(props.waiting);
    let text = texts.plural(Msg::LeadWaiting, ("count", count), &props.formatter, &[]);
    let ask = |action: HostAction| props.on_request.reform(move |_: MouseEvent| action.clone());
    html! {
        <div class="application-waiting">
            <p role="status">{ text }</p>
            <button type="button" class="button-secondary" onclick={ask(HostAction::SendWaiting)}>{ texts.get(Msg::LeadSendNow) }</button>
            <button type="button" class="button-secondary" onclick={ask(HostAction::DiscardWaiting)}>{ texts.get(Msg::LeadDiscard) }</button>
        </div>
    }
}
