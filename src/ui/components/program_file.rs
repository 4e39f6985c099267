//! Loading a program from a JSON file: a file picker and a drop zone.

use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, File, HtmlInputElement};
use yew::prelude::*;

use crate::i18n::Msg;
use crate::ui::texts::use_texts;

/// Properties of [`ProgramFile`].
#[derive(Properties, PartialEq)]
pub struct ProgramFileProps {
    /// Unique prefix for element ids.
    pub id_prefix: AttrValue,
    /// Called with the file's text.
    pub on_text: Callback<String>,
}

/// Reads `file`'s text, then calls `on_text` with it (the program file picker's and the
/// designer's import).
pub fn read_file(file: File, on_text: Callback<String>) {
    wasm_bindgen_futures::spawn_local(async move {
        let text = JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|text| text.as_string());
        // An unreadable file arrives as empty text, which is reported as invalid JSON.
        on_text.emit(text.unwrap_or_default());
    });
}

/// "Load a program file", by picking or dropping it.
#[function_component(ProgramFile)]
pub fn program_file(props: &ProgramFileProps) -> Html {
    let texts = use_texts();
    let dragging = use_state(|| false);
    let id = format!("{}-program-file", props.id_prefix);
    let on_change = {
        let on_text = props.on_text.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                read_file(file, on_text.clone());
            }
            input.set_value("");
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let (dragging, on_text) = (dragging.clone(), props.on_text.clone());
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            let file = event
                .data_transfer()
                .and_then(|data| data.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                read_file(file, on_text.clone());
            }
        })
    };
    html! {
        <div
            class={classes!("program-file", dragging.then_some("program-file-dragging"))}
            ondragover={on_drag_over}
            ondragleave={on_drag_leave}
            ondrop={on_drop}
        >
            <label for={id.clone()} class="program-file-label">{ texts.get(Msg::ProgramFileLabel) }</label>
            <input id={id} class="program-file-input" type="file" accept=".json,application/json" onchange={on_change} />
            <span class="program-file-hint">{ texts.get(Msg::ProgramFileHint) }</span>
        </div>
    }
}
