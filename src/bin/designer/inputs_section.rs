//! The partner inputs: for each, the program's default, range, texts and whether partners
//! see it. Empty fields keep the built-in values.

use partner_roi::designer::field_path::FieldPath;
use partner_roi::designer::schema::input_fields;
use partner_roi::engine::input_catalogue::InputKey;
use yew::prelude::*;

use crate::form::Form;

#[derive(Properties, PartialEq)]
pub struct InputsSectionProps {
    pub form: Form,
}

#[function_component(InputsSection)]
pub fn inputs_section(props: &InputsSectionProps) -> Html {
    let inputs = FieldPath::keys(&["inputs"]);
    html! {
        <section class="section" aria-labelledby="inputs-heading" id={inputs.dom_id()} tabindex="-1">
            <h2 id="inputs-heading">{ "Partner inputs" }</h2>
            <p class="hint">{ "What partners type. Leave a field empty to keep the built-in value." }</p>
            { for InputKey::ALL.iter().map(|&key| html! {
                <InputRow key={key.name()} input={key} form={props.form.clone()} />
            }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct InputRowProps {
    input: InputKey,
    form: Form,
}

/// One input's row. It opens when a problem appears in it and otherwise stays as the vendor
/// left it: a draft that becomes valid while they type never closes it under their cursor.
#[function_component(InputRow)]
fn input_row(props: &InputRowProps) -> Html {
    let form = &props.form;
    let key = props.input;
    let path = FieldPath::keys(&["inputs"]).key(key.name());
    let changed = form.state.value(&path).is_some();
    let problems = form.state.problems_at(&path).count();
    let open = use_state(|| problems > 0);
    {
        let open = open.clone();
        use_effect_with(problems > 0, move |has_problems| {
            if *has_problems {
                open.set(true);
            }
        });
    }
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            if let Some(details) = event.target_dyn_into::<web_sys::Element>() {
                open.set(details.has_attribute("open"));
            }
        })
    };
    html! {
        <details class="input" id={path.dom_id()} open={*open || problems > 0} {ontoggle}>
            <summary>
                { key.label() }
                <code>{ key.name() }</code>
                if changed { <span class="badge">{ "changed" }</span> }
                if problems > 0 { <span class="badge-problem">{ "problem" }</span> }
            </summary>
            <div class="grid">{ form.fields(&path, input_fields(key)) }</div>
        </details>
    }
}
