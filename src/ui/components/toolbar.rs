//! The sales actions: copy link, copy summary, CSV, print, presenter mode, with a status line.
//! On narrow screens more than one action folds into a "Share and export" menu. "Print / Save
//! as PDF" first asks who the handout is prepared for, and, with the sales tools, by whom:
//! the rep's name then travels with the links copied and the applications sent.

use yew::prelude::*;

use crate::host_state::Tools;
use crate::i18n::Msg;
use crate::rep::{Rep, REP_EMAIL_LIMIT, REP_NAME_LIMIT};
use crate::ui::texts::use_texts;

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
    /// Unique prefix for element ids.
    pub id_prefix: AttrValue,
    /// The handout's "Prepared for", as typed.
    #[prop_or_default]
    pub prepared_for: AttrValue,
    /// "Prepared for" was edited.
    #[prop_or_default]
    pub on_prepared_for: Callback<String>,
    /// The rep who prepared the figures ("Prepared by"), asked for with the sales tools.
    #[prop_or_default]
    pub rep: Option<Rep>,
    /// "Prepared by" was edited.
    #[prop_or_default]
    pub on_rep: Callback<Option<Rep>>,
    /// A button was pressed.
    pub on_press: Callback<ToolbarButton>,
}

/// The row of sales actions the page asked for (`tools`); nothing when it asked for none.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    // Whether the narrow screens' menu is open; wide screens always show the buttons.
    let open = use_state_eq(|| false);
    let menu_button = use_node_ref();
    // Whether the handout's "Prepared for" box is shown; it takes the focus when it opens.
    let print_open = use_state_eq(|| false);
    let print_button = use_node_ref();
    let prepared_box = use_node_ref();
    {
        let prepared_box = prepared_box.clone();
        use_effect_with(*print_open, move |&shown| {
            if let Some(input) = prepared_box
                .cast::<web_sys::HtmlElement>()
                .filter(|_| shown)
            {
                let _ = input.focus();
            }
        });
    }
    let texts = use_texts();
    let tools = props.tools;
    if !tools.any() {
        return Html::default();
    }
    let press = |which: ToolbarButton| {
        let (on_press, open) = (props.on_press.clone(), open.clone());
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            on_press.emit(which);
        })
    };
    let button = |which: ToolbarButton, label: &'static str| {
        html! { <button type="button" class="button-secondary toolbar-button" onclick={press(which)}>{ label }</button> }
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    // Escape closes the print box, else the menu, and gives the focus back to its button.
    let on_key = {
        let (open, menu_button) = (open.clone(), menu_button.clone());
        let (print_open, print_button) = (print_open.clone(), print_button.clone());
        Callback::from(move |event: KeyboardEvent| {
            let back_to = if event.key() != "Escape" {
                None
            } else if *print_open {
                print_open.set(false);
                Some(&print_button)
            } else if *open {
                open.set(false);
                Some(&menu_button)
            } else {
                None
            };
            if let Some(button) = back_to.and_then(NodeRef::cast::<web_sys::HtmlElement>) {
                let _ = button.focus();
            }
        })
    };
    let toggle_print = {
        let (open, print_open) = (open.clone(), print_open.clone());
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            print_open.set(!*print_open);
        })
    };
    // Enter in the box, or "Print": the dialog opens, the box closes, the focus goes back.
    let on_print = {
        let (on_press, print_open, print_button) = (
            props.on_press.clone(),
            print_open.clone(),
            print_button.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_press.emit(ToolbarButton::Print);
            print_open.set(false);
            if let Some(button) = print_button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        })
    };
    let on_prepared_for = props.on_prepared_for.reform(|event: InputEvent| {
        event
            .target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    });
    // The rep's two boxes, as typed: an email typed before the name is kept.
    let rep_typed = {
        let rep = props.rep.clone().unwrap_or_default();
        use_state(|| (rep.name, rep.email))
    };
    let on_rep = |name_box: bool| {
        let (rep_typed, on_rep) = (rep_typed.clone(), props.on_rep.clone());
        Callback::from(move |event: InputEvent| {
            let text = event
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            let (mut name, mut email) = (*rep_typed).clone();
            *(if name_box { &mut name } else { &mut email }) = text;
            on_rep.emit(Rep::typed(&name, &email));
            rep_typed.set((name, email));
        })
    };
    let rep_name_id = format!("{}-prepared-by", props.id_prefix);
    let rep_email_id = format!("{}-prepared-by-email", props.id_prefix);
    let print_id = format!("{}-print", props.id_prefix);
    let prepared_id = format!("{}-prepared-for", props.id_prefix);
    let menu_id = format!("{}-tools", props.id_prefix);
    let folds = tools.count() > 1;
    html! {
        <div class={classes!("toolbar", folds.then_some("toolbar-folds"))} role="group" aria-label={texts.get(Msg::ToolsGroup)} onkeydown={on_key}>
            if folds {
                <button
                    type="button"
                    class="button-secondary toolbar-menu-button"
                    aria-expanded={open.to_string()}
                    aria-controls={menu_id.clone()}
                    onclick={toggle}
                    ref={menu_button}
                >
                    { texts.get(Msg::ToolsMenu) }
                </button>
            }
            <div id={menu_id} class={classes!("toolbar-buttons", open.then_some("toolbar-open"))}>
                if tools.share { { button(ToolbarButton::CopyLink, texts.get(Msg::CopyLink)) } }
                if tools.summary { { button(ToolbarButton::CopySummary, texts.get(Msg::CopySummary)) } }
                if tools.csv { { button(ToolbarButton::DownloadCsv, texts.get(Msg::DownloadCsv)) } }
                if tools.print {
                    <button
                        type="button"
                        class="button-secondary toolbar-button"
                        aria-expanded={print_open.to_string()}
                        aria-controls={print_id.clone()}
                        onclick={toggle_print}
                        ref={print_button}
                    >
                        { texts.get(Msg::Print) }
                    </button>
                }
                if tools.present {
                    <button type="button" class="button-secondary toolbar-button" aria-pressed={props.presenter.to_string()} onclick={press(ToolbarButton::Presenter)}>
                        { texts.get(Msg::PresenterMode) }
                    </button>
                }
            </div>
            if tools.print && *print_open {
                <form id={print_id} class="print-panel" aria-label={texts.get(Msg::PrintPanel)} onsubmit={on_print}>
                    <label class="print-panel-label" for={prepared_id.clone()}>{ texts.get(Msg::PreparedForLabel) }</label>
                    <input
                        id={prepared_id}
                        class="print-panel-input"
                        type="text"
                        autocomplete="organization"
                        maxlength="120"
                        value={props.prepared_for.clone()}
                        oninput={on_prepared_for}
                        ref={prepared_box}
                    />
                    if tools.present {
                        <label class="print-panel-label" for={rep_name_id.clone()}>{ texts.get(Msg::PreparedByLabel) }</label>
                        <input id={rep_name_id} class="print-panel-input" type="text" autocomplete="name"
                            maxlength={REP_NAME_LIMIT.to_string()} value={rep_typed.0.clone()} oninput={on_rep(true)} />
                        <label class="print-panel-label" for={rep_email_id.clone()}>{ texts.get(Msg::PreparedByEmailLabel) }</label>
                        <input id={rep_email_id} class="print-panel-input" type="email" autocomplete="email"
                            maxlength={REP_EMAIL_LIMIT.to_string()} value={rep_typed.1.clone()} oninput={on_rep(false)} />
                    }
                    <button type="submit" class="button-primary print-panel-print">{ texts.get(Msg::PrintNow) }</button>
                </form>
            }
            <p class="toolbar-status" role="status">{ props.status.clone() }</p>
        </div>
    }
}
