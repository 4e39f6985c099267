//! The program's call-to-action link, reported to the host before any navigation.

use yew::prelude::*;

/// Properties of [`CallToAction`].
#[derive(Properties, PartialEq)]
pub struct CallToActionProps {
    /// Text of the button.
    pub label: AttrValue,
    /// The filled-in url (see [`crate::engine::cta::fill_cta_url`]).
    pub href: AttrValue,
    /// Called on activation instead of navigating; the embedding layer decides whether to.
    pub on_activate: Callback<()>,
}

/// A link styled as a prominent button.
#[function_component(CallToAction)]
pub fn call_to_action(props: &CallToActionProps) -> Html {
    let on_activate = props.on_activate.clone();
    let onclick = Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        on_activate.emit(());
    });
    html! {
        <a class="cta-button" href={props.href.clone()} {onclick}>{ &props.label }</a>
    }
}
