//! The real widget showing the last valid program, at a phone's or a desktop's width, light
//! or dark, in any of its languages, with a prospect profile's figures; and the table of
//! which tier each profile would be recommended.

use gloo::events::{EventListener, EventListenerOptions};
use partner_roi::designer::designer_state::ValidProgram;
use partner_roi::designer::profiles::PROFILES;
use partner_roi::i18n::TAGS;
use partner_roi::names::{
    ATTR_LANG, ATTR_LOADING, ATTR_PERSIST, ATTR_THEME, ATTR_TOOLS, EVENT_LEAD, LOADING_EAGER,
    PERSIST_OFF, PROPERTY_INPUTS, PROPERTY_PROGRAM, TAG, TOOLS_ALL,
};
use partner_roi::ui::format::Formatter;
use wasm_bindgen::JsValue;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PreviewPanelProps {
    /// The last valid program; `None` until the draft has been valid once.
    pub valid: Option<ValidProgram>,
}

/// Reads a `<select>`'s value on change.
fn chooser(state: &UseStateHandle<String>) -> Callback<Event> {
    let state = state.clone();
    Callback::from(move |event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        state.set(select.value());
    })
}

fn options(choices: &[(&str, &str)], current: &str) -> Html {
    choices
        .iter()
        .map(|&(value, label)| {
            html! { <option value={value.to_owned()} selected={value == current}>{ label.to_owned() }</option> }
        })
        .collect()
}

/// Sets a property of the preview's element (the JSON text as an object; `None`: unset).
fn set_property(element: &web_sys::Element, name: &str, json: Option<&str>) {
    let value = json
        .and_then(|json| js_sys::JSON::parse(json).ok())
        .unwrap_or(JsValue::NULL);
    let _ = js_sys::Reflect::set(element, &JsValue::from_str(name), &value);
}

#[function_component(PreviewPanel)]
pub fn preview_panel(props: &PreviewPanelProps) -> Html {
    let width = use_state(|| "desktop".to_owned());
    let theme = use_state(|| "light".to_owned());
    let language = use_state(|| "en".to_owned());
    let profile = use_state(String::new);
    let widget = use_node_ref();

    let program_json = props.valid.as_ref().map(|valid| valid.json.clone());
    let profile_inputs: Option<String> = props.valid.as_ref().and_then(|valid| {
        let chosen = PROFILES.iter().find(|p| p.name == profile.as_str())?;
        let figures: serde_json::Map<String, serde_json::Value> = chosen
            .inputs_for(&valid.program)
            .into_iter()
            .map(|(key, value)| {
                (
                    key.name().to_owned(),
                    serde_json::Value::String(value.to_string()),
                )
            })
            .collect();
        Some(serde_json::Value::Object(figures).to_string())
    });
    // Its attributes by their names in `names.rs`, set before the program (effects run in
    // order): a program set first would start from figures saved before `persist="off"`.
    {
        let widget = widget.clone();
        use_effect_with(
            ((*language).clone(), (*theme).clone()),
            move |(language, theme)| {
                if let Some(element) = widget.cast::<web_sys::Element>() {
                    let _ = element.set_attribute(ATTR_LOADING, LOADING_EAGER);
                    let _ = element.set_attribute(ATTR_TOOLS, TOOLS_ALL);
                    // Saved figures would beat the draft's defaults: the preview keeps none.
                    let _ = element.set_attribute(ATTR_PERSIST, PERSIST_OFF);
                    let _ = element.set_attribute(ATTR_LANG, language);
                    let _ = element.set_attribute(ATTR_THEME, theme);
                }
            },
        );
    }
    {
        let widget = widget.clone();
        use_effect_with(
            (program_json.clone(), profile_inputs.clone()),
            move |(program, inputs)| {
                if let Some(element) = widget.cast::<web_sys::Element>() {
                    set_property(&element, PROPERTY_PROGRAM, program.as_deref());
                    set_property(&element, PROPERTY_INPUTS, inputs.as_deref());
                }
            },
        );
    }

    // The preview never sends an application: each is cancelled, and the form thanks the
    // vendor as a page that sends it itself would.
    {
        let widget = widget.clone();
        use_effect_with((), move |()| {
            let listener = widget.cast::<web_sys::Element>().map(|element| {
                EventListener::new_with_options(
                    &element,
                    EVENT_LEAD,
                    EventListenerOptions::enable_prevent_default(),
                    |event| event.prevent_default(),
                )
            });
            move || drop(listener)
        });
    }

    let languages: Vec<(&str, &str)> = TAGS.iter().map(|tag| (*tag, *tag)).collect();
    let profiles: Vec<(&str, &str)> = [("", "Program defaults")]
        .into_iter()
        .chain(PROFILES.iter().map(|p| (p.name, p.name)))
        .collect();
    let outcomes = props.valid.as_ref().map(|valid| {
        let formatter = Formatter::new(Some("en-US"), &valid.program.currency);
        PROFILES
            .iter()
            .map(|profile| {
                let outcome = profile.outcome(&valid.program);
                let net = outcome.net.map(|net| formatter.money_whole(net));
                (outcome, net)
            })
            .collect::<Vec<_>>()
    });
    let element = html! { <@{TAG} ref={widget.clone()} /> };
    html! {
        <section class="preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{ "Preview" }</h2>
            <div class="preview-controls">
                <span class="pair"><label for="preview-width">{ "Width" }</label><select id="preview-width" onchange={chooser(&width)}>{ options(&[("desktop", "Desktop (1024 px)"), ("phone", "Phone (375 px)")], &width) }</select></span>
                <span class="pair"><label for="preview-colours">{ "Colours" }</label><select id="preview-colours" onchange={chooser(&theme)}>{ options(&[("light", "Light"), ("dark", "Dark")], &theme) }</select></span>
                <span class="pair"><label for="preview-language">{ "Widget language" }</label><select id="preview-language" onchange={chooser(&language)}>{ options(&languages, &language) }</select></span>
                <span class="pair"><label for="preview-prospect">{ "Prospect" }</label><select id="preview-prospect" onchange={chooser(&profile)}>{ options(&profiles, &profile) }</select></span>
            </div>
            if props.valid.is_none() {
                <p class="hint">{ "The preview appears once the draft is valid." }</p>
            }
            <div class={classes!("preview-frame", format!("is-{}", *width), format!("is-{}", *theme))}>
                <div class="preview-stage">{ element }</div>
            </div>
            if let Some(outcomes) = outcomes {
                <table class="profiles">
                    <caption>{ "Which tier each prospect would be recommended" }</caption>
                    <thead><tr><th scope="col">{ "Prospect" }</th><th scope="col">{ "Recommended tier" }</th><th scope="col">{ "Net over the horizon" }</th></tr></thead>
                    <tbody>
                        { for outcomes.into_iter().map(|(outcome, net)| html! {
                            <tr>
                                <th scope="row">{ outcome.profile }</th>
                                <td>{ outcome.tier.clone().unwrap_or_else(|| outcome.problem.clone().unwrap_or_else(|| "none".to_owned())) }</td>
                                <td>{ net.unwrap_or_default() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </section>
    }
}
