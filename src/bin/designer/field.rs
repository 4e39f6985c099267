//! One field of the program format: label, the box to type in, unit and range, help, and
//! the engine's messages for it. It keeps the text as typed (a benefit list mid-line, `1.`)
//! and takes the draft's value whenever that changes from elsewhere (undo, import).

use partner_roi::designer::field_path::FieldPath;
use partner_roi::designer::schema::{range_text, shown_text, FieldKind, FieldSpec};
use serde_json::Value;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Properties of [`Field`].
#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub path: FieldPath,
    pub spec: FieldSpec,
    /// The draft's value there.
    pub value: Option<Value>,
    /// The engine's messages for this field.
    pub problems: Vec<String>,
    /// The unit shown after money figures: the program's currency.
    #[prop_or_default]
    pub currency: AttrValue,
    /// Shown in an empty box: the program's own text, for a translation.
    #[prop_or_default]
    pub placeholder: AttrValue,
    /// Called with the path, the field's kind and the new text.
    pub on_type: Callback<(FieldPath, FieldKind, String)>,
}

#[function_component(Field)]
pub fn field(props: &FieldProps) -> Html {
    let kind = props.spec.kind;
    let from_draft = shown_text(kind, props.value.as_ref());
    let text = use_state(|| from_draft.clone());
    {
        // The draft changed from elsewhere: show it, unless the box already means it.
        let text = text.clone();
        use_effect_with(from_draft.clone(), move |from_draft| {
            if shown_text(
                kind,
                partner_roi::designer::schema::typed_value(kind, &text).as_ref(),
            ) != *from_draft
            {
                text.set(from_draft.clone());
            }
        });
    }
    let id = props.path.dom_id();
    let help_id = format!("{id}-help");
    let problem_id = format!("{id}-problem");
    let invalid = !props.problems.is_empty();
    let described_by = if invalid {
        format!("{problem_id} {help_id}")
    } else {
        help_id.clone()
    };
    let emit = {
        let text = text.clone();
        let on_type = props.on_type.clone();
        let path = props.path.clone();
        move |typed: String| {
            text.set(typed.clone());
            on_type.emit((path.clone(), kind, typed));
        }
    };
    let range = range_text(kind);
    let unit = match kind {
        FieldKind::Number {
            unit: Some(partner_roi::engine::input_catalogue::Unit::Money),
            ..
        } => Some(props.currency.to_string()),
        _ => None,
    };
    let required = props.spec.required;
    let label = html! {
        <label for={id.clone()}>
            { props.spec.label }
            if required { <span class="required" aria-hidden="true">{ " *" }</span> }
        </label>
    };
    let control = match kind {
        FieldKind::Paragraph(limit) | FieldKind::Lines(limit) => {
            let emit = emit.clone();
            let rows = if matches!(kind, FieldKind::Lines(_)) {
                "4"
            } else {
                "3"
            };
            let oninput = Callback::from(move |event: InputEvent| {
                let area: HtmlTextAreaElement = event.target_unchecked_into();
                emit(area.value());
            });
            let maxlength = matches!(kind, FieldKind::Paragraph(_)).then(|| limit.to_string());
            html! {
                <textarea id={id.clone()} rows={rows} value={(*text).clone()} {oninput}
                    maxlength={maxlength} placeholder={props.placeholder.clone()}
                    aria-invalid={invalid.to_string()} aria-describedby={described_by.clone()}
                    aria-required={required.then_some("true")} />
            }
        }
        FieldKind::Switch { .. } => {
            let emit = emit.clone();
            let onchange = Callback::from(move |event: Event| {
                let input: HtmlInputElement = event.target_unchecked_into();
                emit(input.checked().to_string());
            });
            html! {
                <input id={id.clone()} type="checkbox" checked={*text == "true"} {onchange}
                    aria-describedby={described_by.clone()} aria-invalid={invalid.to_string()} />
            }
        }
        FieldKind::Flags(names) => {
            let chosen: Vec<String> = text.split(',').map(str::to_owned).collect();
            html! {
                <fieldset id={id.clone()} class="flags" aria-describedby={described_by.clone()}>
                    <legend>{ props.spec.label }</legend>
                    { for names.iter().map(|name| {
                        let on = chosen.iter().any(|c| c == name);
                        let emit = emit.clone();
                        let chosen = chosen.clone();
                        let onchange = Callback::from(move |_| {
                            let mut next: Vec<&str> = chosen.iter().map(String::as_str).filter(|c| c != name && !c.is_empty()).collect();
                            if !on { next.push(name); }
                            emit(next.join(","));
                        });
                        html! {
                            <label class="flag">
                                <input type="checkbox" checked={on} {onchange} />
                                { name.to_uppercase() }
                            </label>
                        }
                    }) }
                </fieldset>
            }
        }
        FieldKind::Choice(names) => {
            let emit = emit.clone();
            let onchange = Callback::from(move |event: Event| {
                let select: HtmlSelectElement = event.target_unchecked_into();
                emit(select.value());
            });
            html! {
                <select id={id.clone()} {onchange} aria-describedby={described_by.clone()} aria-invalid={invalid.to_string()}>
                    <option value="" selected={text.is_empty()}>{ "Not asked" }</option>
                    { for names.iter().map(|name| html! {
                        <option value={*name} selected={*text == *name}>{ choice_label(name) }</option>
                    }) }
                </select>
            }
        }
        FieldKind::Line(_) | FieldKind::Number { .. } => {
            let emit = emit.clone();
            let oninput = Callback::from(move |event: InputEvent| {
                let input: HtmlInputElement = event.target_unchecked_into();
                emit(input.value());
            });
            let (inputmode, maxlength) = match kind {
                FieldKind::Number { whole: true, .. } => (Some("numeric"), None),
                FieldKind::Number { .. } => (Some("decimal"), None),
                FieldKind::Line(limit) => (None, Some(limit.to_string())),
                _ => (None, None),
            };
            html! {
                <input id={id.clone()} type="text" value={(*text).clone()} {oninput}
                    inputmode={inputmode} maxlength={maxlength} autocomplete="off"
                    spellcheck={inputmode.map(|_| "false")}
                    placeholder={props.placeholder.clone()}
                    aria-invalid={invalid.to_string()} aria-describedby={described_by.clone()}
                    aria-required={required.then_some("true")} />
            }
        }
    };
    let is_flags = matches!(kind, FieldKind::Flags(_));
    html! {
        <div class={classes!("field", invalid.then_some("is-invalid"), matches!(kind, FieldKind::Switch { .. }).then_some("is-switch"))}>
            if !is_flags { { label } }
            <div class="control">
                { control }
                if let Some(unit) = unit { <span class="unit">{ unit }</span> }
            </div>
            <p class="hint" id={help_id}>
                if let Some(range) = range { <span class="range">{ range }</span>{ " · " } }
                { props.spec.help }
            </p>
            if invalid {
                <ul class="problems" id={problem_id}>
                    { for props.problems.iter().map(|problem| html! { <li>{ problem }</li> }) }
                </ul>
            }
        </div>
    }
}

/// How the designer names a choice of the format (`required` → "Required").
fn choice_label(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
