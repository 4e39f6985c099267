//! The program's own texts in other languages: per language, the texts that replace the
//! program's (each box shows the program's text until it is filled in).

use partner_roi::designer::designer_state::DesignerAction;
use partner_roi::designer::field_path::FieldPath;
use partner_roi::designer::schema::{self, FieldKind, FieldSpec};
use partner_roi::engine::input_catalogue::InputKey;
use partner_roi::i18n::TAGS;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::form::Form;

#[derive(Properties, PartialEq)]
pub struct TranslationsSectionProps {
    pub form: Form,
    pub on_action: Callback<DesignerAction>,
}

#[function_component(TranslationsSection)]
pub fn translations_section(props: &TranslationsSectionProps) -> Html {
    let form = &props.form;
    let tags = form.state.translation_tags();
    let missing: Vec<&str> = TAGS
        .into_iter()
        .filter(|tag| !tags.iter().any(|have| have == tag))
        .collect();
    let chosen = use_state(|| None::<String>);
    let onchange = {
        let chosen = chosen.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            chosen.set(Some(select.value()));
        })
    };
    let add = {
        let on_action = props.on_action.clone();
        let tag = (*chosen)
            .clone()
            .filter(|tag| missing.contains(&tag.as_str()))
            .or_else(|| missing.first().map(|tag| (*tag).to_owned()));
        Callback::from(move |_| {
            if let Some(tag) = &tag {
                on_action.emit(DesignerAction::AddTranslation(tag.clone()));
            }
        })
    };
    let section = FieldPath::keys(&["translations"]);
    html! {
        <section class="section" aria-labelledby="translations-heading" id={section.dom_id()} tabindex="-1">
            <h2 id="translations-heading">{ "Translations" }</h2>
            <p class="hint">{ "The program's own texts in the widget's other languages. A text left empty stays as the program has it; figures are never translated." }</p>
            { for tags.iter().map(|tag| translation(form, &props.on_action, tag)) }
            if !missing.is_empty() {
                <div class="add-language">
                    <label for="add-language">{ "Language" }</label>
                    <select id="add-language" {onchange}>
                        { for missing.iter().map(|tag| html! {
                            <option value={*tag} selected={chosen.as_deref() == Some(*tag)}>{ *tag }</option>
                        }) }
                    </select>
                    <button type="button" class="add" onclick={add}>{ "+ Add texts in this language" }</button>
                </div>
            }
        </section>
    }
}

fn translation(form: &Form, on_action: &Callback<DesignerAction>, tag: &str) -> Html {
    let path = FieldPath::keys(&["translations", tag]);
    let remove = {
        let on_action = on_action.clone();
        let tag = tag.to_owned();
        Callback::from(move |_| on_action.emit(DesignerAction::RemoveTranslation(tag.clone())))
    };
    let own = |path: &FieldPath| form.text(path);
    let with_own = |parent: &FieldPath, original: &FieldPath, spec: FieldSpec| {
        form.field_with_placeholder(parent, spec, own(&original.key(spec.key)))
    };
    let root = FieldPath::root();
    let tiers = FieldPath::keys(&["tiers"]);
    let tier_ids: Vec<(usize, String)> = (0..form.state.tier_count())
        .filter_map(|index| Some((index, form.text(&tiers.index(index).key("id"))?)))
        .collect();
    let problems = form.state.problems_at(&path).count();
    html! {
        <details class="translation" open=true id={path.dom_id()} lang={tag.to_owned()}>
            <summary>
                { format!("Texts in {tag}") }
                if problems > 0 { <span class="badge-problem">{ "problem" }</span> }
            </summary>
            <button type="button" class="danger" onclick={remove}
                aria-label={format!("Remove the texts in {tag}")}>{ "Remove this language" }</button>
            <div class="grid">
                { for schema::translated_texts().into_iter().map(|spec| with_own(&path, &root, spec)) }
                { for schema::cta().into_iter().map(|spec| with_own(&path.key("cta"), &FieldPath::keys(&["cta"]), spec)) }
                { for schema::contact().into_iter().map(|spec| with_own(&path.key("contact"), &FieldPath::keys(&["contact"]), spec)) }
            </div>
            { for tier_ids.iter().map(|(index, id)| {
                let original = tiers.index(*index);
                let translated = path.key("tiers").key(id);
                html! {
                    <fieldset key={id.clone()}>
                        <legend>{ format!("Tier {id}") }</legend>
                        <div class="grid">
                            { for schema::tier_texts().into_iter()
                                .filter(|spec| spec.key != "id")
                                .map(|spec| with_own(&translated, &original, FieldSpec { required: false, ..spec })) }
                        </div>
                    </fieldset>
                }
            }) }
            <details class="input-texts">
                <summary>{ "Input labels and help" }</summary>
                { for InputKey::ALL.iter().map(|&key| {
                    let translated = path.key("inputs").key(key.name());
                    let original = FieldPath::keys(&["inputs", key.name()]);
                    let label = FieldSpec { key: "label", label: "Label", help: "", kind: FieldKind::Line(80), required: false };
                    let help = FieldSpec { key: "help", label: "Help", help: "", kind: FieldKind::Paragraph(400), required: false };
                    html! {
                        <fieldset key={key.name()}>
                            <legend>{ key.label() }</legend>
                            <div class="grid">
                                { form.field_with_placeholder(&translated, label, own(&original.key("label")).or_else(|| Some(key.label().to_owned()))) }
                                { form.field_with_placeholder(&translated, help, own(&original.key("help"))) }
                            </div>
                        </fieldset>
                    }
                }) }
            </details>
        </details>
    }
}
