//! Shipping the program: its file, the two embed snippets, and an offline demo file that
//! shows this program alone.

use partner_roi::designer::designer_state::DesignerAction;
use partner_roi::designer::publish::{
    embedded_snippet, offline_demo, program_file_name, program_src_snippet,
};
use partner_roi::ui::save_and_copy::{copy_to_clipboard, save_as_file};
use yew::prelude::*;

use crate::browser::widget_script;

#[derive(Properties, PartialEq)]
pub struct PublishPanelProps {
    /// The draft as a file.
    pub draft_json: AttrValue,
    /// The draft's id and name, when it has them.
    pub id: Option<AttrValue>,
    pub name: Option<AttrValue>,
    /// Whether the draft is valid: an invalid one can be downloaded, not demonstrated.
    pub valid: bool,
    pub on_action: Callback<DesignerAction>,
}

#[function_component(PublishPanel)]
pub fn publish_panel(props: &PublishPanelProps) -> Html {
    let status = use_state(String::new);
    let file_name = program_file_name(props.id.as_deref());
    let src_snippet = program_src_snippet(&file_name);
    let inline_snippet = embedded_snippet(&props.draft_json);
    let on_download = {
        let (json, file_name) = (props.draft_json.clone(), file_name.clone());
        let (on_action, status) = (props.on_action.clone(), status.clone());
        Callback::from(
            move |_| match save_as_file(&file_name, "application/json", &json) {
                Ok(()) => {
                    on_action.emit(DesignerAction::Saved);
                    status.set(format!("Downloaded {file_name}."));
                }
                Err(problem) => status.set(format!("Not downloaded: {problem}.")),
            },
        )
    };
    let on_demo = {
        let json = props.draft_json.clone();
        let name = props.name.clone().unwrap_or_default();
        let demo_name = file_name.replace(".json", "-offline.html");
        let status = status.clone();
        Callback::from(move |_| {
            let page = widget_script().and_then(|script| offline_demo(&script, &json, &name));
            let done = match page {
                Some(page) => save_as_file(&demo_name, "text/html", &page),
                None => Err("this page lacks the widget's script"),
            };
            status.set(match done {
                Ok(()) => format!("Downloaded {demo_name}."),
                Err(problem) => format!("Not downloaded: {problem}."),
            });
        })
    };
    let copier = |text: String, what: &'static str| {
        let status = status.clone();
        Callback::from(move |_| {
            let copying = copy_to_clipboard(&text);
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                status.set(if copying.await {
                    format!("Copied the {what}.")
                } else {
                    format!("Not copied: the browser refused the clipboard; select the {what} and copy it.")
                });
            });
        })
    };
    html! {
        <section class="section" aria-labelledby="publish-heading">
            <h2 id="publish-heading">{ "Publish" }</h2>
            <div class="row">
                <button type="button" class="primary" onclick={on_download}>{ format!("Download {file_name}") }</button>
                <button type="button" onclick={on_demo} disabled={!props.valid}>{ "Download an offline demo" }</button>
            </div>
            if !props.valid {
                <p class="hint">{ "The draft has problems: the file can be kept, but a widget will not read it until they are fixed." }</p>
            }
            <label for="snippet-src">{ "Embed with the program file beside partner-roi.js" }</label>
            <textarea id="snippet-src" readonly=true rows="2" value={src_snippet.clone()} />
            <button type="button" onclick={copier(src_snippet, "program-src snippet")} aria-label="Copy the program-src snippet">{ "Copy" }</button>
            <label for="snippet-inline">{ "Embed with the program inside the element (no second request; survives server rendering)" }</label>
            <textarea id="snippet-inline" readonly=true rows="6" value={inline_snippet.clone()} />
            <button type="button" onclick={copier(inline_snippet, "embedded snippet")} aria-label="Copy the embedded snippet">{ "Copy" }</button>
            <p class="status" role="status">{ (*status).clone() }</p>
        </section>
    }
}
