//! The program's own settings, its call to action, its application form and its contact.

use partner_roi::designer::field_path::FieldPath;
use partner_roi::designer::schema;
use yew::prelude::*;

use crate::form::Form;

#[derive(Properties, PartialEq)]
pub struct GeneralSectionProps {
    pub form: Form,
}

#[function_component(GeneralSection)]
pub fn general_section(props: &GeneralSectionProps) -> Html {
    let form = &props.form;
    let root = FieldPath::root();
    html! {
        <section class="section" aria-labelledby="general-heading">
            <h2 id="general-heading">{ "Program" }</h2>
            <div class="grid">{ form.fields(&root, schema::general()) }</div>
            <fieldset id={FieldPath::keys(&["cta"]).dom_id()} tabindex="-1">
                <legend>{ "Call to action" }</legend>
                <p class="hint">{ "The button under the results. Give both, or neither." }</p>
                <div class="grid">{ form.fields(&FieldPath::keys(&["cta"]), schema::cta()) }</div>
            </fieldset>
            <fieldset id={FieldPath::keys(&["lead"]).dom_id()} tabindex="-1">
                <legend>{ "Application form" }</legend>
                <p class="hint">{ "With these, the call to action opens an application form in the widget: the partner's name and work email, the fields below, and a consent box. Give the consent text, the privacy page and one destination: a webhook, a HubSpot form or an email address. The preview never sends." }</p>
                <div class="grid">
                    { form.fields(&FieldPath::keys(&["lead"]), schema::lead()) }
                    { form.fields(&FieldPath::keys(&["lead", "destination"]), schema::lead_destination()) }
                    { form.fields(&FieldPath::keys(&["lead", "destination", "hubspot"]), schema::lead_hubspot()) }
                    { form.fields(&FieldPath::keys(&["lead", "fields"]), schema::lead_fields()) }
                </div>
            </fieldset>
            <fieldset id={FieldPath::keys(&["contact"]).dom_id()} tabindex="-1">
                <legend>{ "Contact" }</legend>
                <p class="hint">{ "Who partners ask: printed on the handout and shown under the call to action." }</p>
                <div class="grid">{ form.fields(&FieldPath::keys(&["contact"]), schema::contact()) }</div>
            </fieldset>
        </section>
    }
}
