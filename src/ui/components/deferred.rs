//! A part of the results drawn a task after the first results (render in slices): the
//! first task shows the header, the inputs and the tier cards; each `Deferred` then draws
//! its children in a task of its own, so no single task holds the whole first render.
//! Until then it keeps the part's place with an empty block. Before the page prints, every
//! part is drawn at once.

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// Properties of [`Deferred`].
#[derive(Properties, PartialEq)]
pub struct DeferredProps {
    /// The part.
    pub children: Html,
    /// The class of the block that keeps its place (its height) until it is drawn.
    pub placeholder: &'static str,
}

/// Draws its children in a later task than the rest of the first render.
#[function_component(Deferred)]
pub fn deferred(props: &DeferredProps) -> Html {
    let drawn = use_state(|| false);
    {
        let drawn = drawn.clone();
        use_effect_with((), move |()| {
            let later = {
                let drawn = drawn.clone();
                Timeout::new(0, move || drawn.set(true))
            };
            let printing = web_sys::window()
                .map(|window| EventListener::new(&window, "beforeprint", move |_| drawn.set(true)));
            move || drop((later, printing))
        });
    }
    if *drawn {
        props.children.clone()
    } else {
        html! { <div class={classes!("deferred", props.placeholder)} aria-hidden="true"></div> }
    }
}
