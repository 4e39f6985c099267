//! The sales actions: copy link, copy summary, CSV, print, presenter mode, with a status line.

use yew::prelude::*;

use crate::host_state::Tools;

/// A toolbar button's meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToolbarButton {
    /// "Copy link".
    CopyLink,
    /// "Copy summary".
    CopySummary,
    /// "Download CSV".
    DownloadCsv,
    /// "Print / Save as PDF".
    Print,
    /// "Presenter mode" on/off.
    Presenter,
}

/// Properties of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// Whether presenter mode is on.
    pub presenter: bool,
    /// Which tools to offer.
    pub tools: Tools,
    /// The host's answer to the last action.
    pub status: AttrValue,
    /// A button was pressed.
    pub on_press: Callback<ToolbarButton>,
}

/// The row of sales actions the page asked for (`tools`); nothing when it asked for none.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let tools = props.tools;
    if !tools.any() {
        return Html::default();
    }
    let button = |which: ToolbarButton, label: &'static str| {
        let onclick = props.on_press.reform(move |_: MouseEvent| which);
        html! { <button type="button" class="button-secondary toolbar-button" {onclick}>{ label }</button> }
    };
    let presenter = props
        .on_press
        .reform(|_: MouseEvent| ToolbarButton::Presenter);
    html! {
        <div class="toolbar" role="group" aria-label="Share and export">
            if tools.share { { button(ToolbarButton::CopyLink, "Copy link") } }
            if tools.summary { { button(ToolbarButton::CopySummary, "Copy summary") } }
            if tools.csv { { button(ToolbarButton::DownloadCsv, "Download CSV") } }
            if tools.print { { button(ToolbarButton::Print, "Print / Save as PDF") } }
            if tools.present {
                <button type="button" class="button-secondary toolbar-button" aria-pressed={props.presenter.to_string()} onclick={presenter}>
                    { "Presenter mode" }
                </button>
            }
            <p class="toolbar-status" role="status">{ props.status.clone() }</p>
        </div>
    }
}
