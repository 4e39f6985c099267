//! The program's own settings, its call to action and its contact.

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
            <fieldset id={FieldPath::keys(&["contact"]).dom_id()} tabindex="-1">
                <legend>{ "Contact" }</legend>
                <p class="hint">{ "Who partners ask: printed on the handout and shown under the call to action." }</p>
                <div class="grid">{ form.fields(&FieldPath::keys(&["contact"]), schema::contact()) }</div>
            </fieldset>
        </section>
    }
}
