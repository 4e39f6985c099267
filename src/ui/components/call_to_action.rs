//! The program's call-to-action link, reported to the host before any navigation.

use crate::ui::texts::program_text;
use yew::prelude::*;

/// Properties of [`CallToAction`].
#[derive(Properties, PartialEq)]
pub struct CallToActionProps {
    /// Text of the button.
    pub label: AttrValue,
    /// The filled-in url (see [`crate::engine::cta::fill_cta_url`]).
    pub href: AttrValue,
    /// Called on activation instead of navigating, with whether the partner asked for a new
    /// tab (Ctrl/Cmd/Shift-click, middle click); the embedding layer decides whether to go.
    pub on_activate: Callback<bool>,
}

/// `MouseEvent.button` of the middle (wheel) button.
const MIDDLE_BUTTON: i16 = 1;

/// A link styled as a prominent button.
#[function_component(CallToAction)]
pub fn call_to_action(props: &CallToActionProps) -> Html {
    let onclick = {
        let on_activate = props.on_activate.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            on_activate.emit(event.ctrl_key() || event.meta_key() || event.shift_key());
        })
    };
    let onauxclick = {
        let on_activate = props.on_activate.clone();
        Callback::from(move |event: MouseEvent| {
            if event.button() == MIDDLE_BUTTON {
                event.prevent_default();
                on_activate.emit(true);
            }
        })
    };
    html! {
        <a class="cta-button" href={props.href.clone()} {onclick} {onauxclick}>{ program_text(&props.label) }</a>
    }
}
