//! Where a draft comes from: a starting point, or an import (a picked or dropped file, or
//! pasted JSON), with what the import could not keep.

use partner_roi::designer::designer_state::DesignerAction;
use partner_roi::designer::starts::Start;
use partner_roi::ui::components::program_file::read_file;
use web_sys::{File, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartPanelProps {
    pub on_action: Callback<DesignerAction>,
    pub import_report: Vec<String>,
}

/// Reads a file's text and imports it.
fn import_file(file: File, on_action: Callback<DesignerAction>) {
    read_file(file, on_action.reform(DesignerAction::Import));
}

#[function_component(StartPanel)]
pub fn start_panel(props: &StartPanelProps) -> Html {
    let starts = Start::all();
    let chosen = use_state(|| 0_usize);
    let pasted = use_state(String::new);
    let dropping = use_state(|| false);
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            chosen.set(select.selected_index().max(0).unsigned_abs() as usize);
        })
    };
    let on_start = {
        let on_action = props.on_action.clone();
        let start = starts.get(*chosen).copied();
        Callback::from(move |_| {
            if let Some(start) = start {
                on_action.emit(DesignerAction::Start(start));
            }
        })
    };
    let on_pick = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                import_file(file, on_action.clone());
            }
            input.set_value("");
        })
    };
    let on_paste_text = {
        let pasted = pasted.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            pasted.set(area.value());
        })
    };
    let on_import = {
        let on_action = props.on_action.clone();
        let pasted = pasted.clone();
        Callback::from(move |_| on_action.emit(DesignerAction::Import((*pasted).clone())))
    };
    let ondragover = {
        let dropping = dropping.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dropping.set(true);
        })
    };
    let ondragleave = {
        let dropping = dropping.clone();
        Callback::from(move |_: DragEvent| dropping.set(false))
    };
    let ondrop = {
        let on_action = props.on_action.clone();
        let dropping = dropping.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dropping.set(false);
            let file = event
                .data_transfer()
                .and_then(|transfer| transfer.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                import_file(file, on_action.clone());
            }
        })
    };
    let dismiss = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(DesignerAction::DismissReport))
    };
    html! {
        <section class={classes!("section", "start", (*dropping).then_some("is-dropping"))}
            aria-labelledby="start-heading" {ondragover} {ondragleave} {ondrop}>
            <h2 id="start-heading">{ "Start from" }</h2>
            <div class="row">
                <label for="start-from" class="visually-hidden">{ "Starting point" }</label>
                <select id="start-from" onchange={on_choose}>
                    { for starts.iter().enumerate().map(|(index, start)| html! {
                        <option selected={index == *chosen}>{ start.label() }</option>
                    }) }
                </select>
                <button type="button" onclick={on_start}>{ "Start" }</button>
            </div>
            <p class="hint">{ "Starting replaces the draft; Undo brings it back." }</p>
            <h3>{ "Import a program file" }</h3>
            <div class="row">
                <label for="import-file">{ "Pick a file, or drop one here:" }</label>
                <input id="import-file" type="file" accept=".json,application/json" onchange={on_pick} />
            </div>
            <label for="import-text">{ "Or paste its JSON:" }</label>
            <textarea id="import-text" rows="3" value={(*pasted).clone()} oninput={on_paste_text}
                spellcheck="false" />
            <button type="button" onclick={on_import} disabled={pasted.trim().is_empty()}>{ "Import" }</button>
            if !props.import_report.is_empty() {
                <div class="import-report" role="alert">
                    <p>{ "The import kept everything else; these could not be used:" }</p>
                    <ul>{ for props.import_report.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
                    <button type="button" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            }
        </section>
    }
}
