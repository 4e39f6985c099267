//! A part of the results drawn a task after the first results (render in slices), then kept
//! current only where it is seen:
//!
//! - the first task shows the header, the inputs and the tier cards; each `Deferred` then
//!   draws its children in a task of its own, so no single task holds the whole first render;
//!   until then an empty block keeps the part's place;
//! - afterwards, while the part is near the viewport every change redraws it at once; away
//!   from it, a change is drawn once the partner pauses ([`CATCH_UP_MS`]), so that a
//!   keystroke does not redraw and re-lay-out charts and tables nobody is looking at;
//! - before the page prints, every part is drawn, and kept current, at once.

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};
use yew::prelude::*;

/// How long after the last change a part away from the viewport is brought up to date.
pub const CATCH_UP_MS: u32 = 400;
/// How far beyond the viewport a part counts as near (it is redrawn before it scrolls in).
const NEAR_MARGIN: &str = "200px 0px";

/// Properties of [`Deferred`].
#[derive(Properties, PartialEq)]
pub struct DeferredProps {
    /// The part.
    pub children: Html,
    /// The class of the block that keeps its place (its height) until it is drawn.
    pub placeholder: &'static str,
}

/// Draws its children in a later task than the rest of the first render, and keeps them
/// current at once only near the viewport.
#[function_component(Deferred)]
pub fn deferred(props: &DeferredProps) -> Html {
    let drawn = use_state_eq(|| false);
    let near = use_state_eq(|| true);
    let printing = use_state_eq(|| false);
    let node = use_node_ref();
    // What was last drawn, and the timer that brings a part away from the viewport up to date.
    let shown = use_mut_ref(|| None::<Html>);
    let catch_up = use_mut_ref(|| None::<Timeout>);
    let update = use_force_update();
    {
        let (drawn, printing) = (drawn.clone(), printing.clone());
        use_effect_with((), move |()| {
            let later = {
                let drawn = drawn.clone();
                Timeout::new(0, move || drawn.set(true))
            };
            let before_print = web_sys::window().map(|window| {
                EventListener::new(&window, "beforeprint", move |_| {
                    drawn.set(true);
                    printing.set(true);
                })
            });
            move || drop((later, before_print))
        });
    }
    {
        let near = near.clone();
        use_effect_with((node.clone(), *drawn), move |(node, drawn)| {
            let watch = drawn
                .then(|| node.cast::<web_sys::Element>())
                .flatten()
                .and_then(|element| watch_nearness(&element, near));
            move || {
                if let Some((observer, callback)) = watch {
                    observer.disconnect();
                    drop(callback);
                }
            }
        });
    }

    if !*drawn {
        return html! { <div class={classes!("deferred", props.placeholder)} aria-hidden="true"></div> };
    }
    let follows = *near || *printing || shown.borrow().is_none();
    if follows {
        catch_up.borrow_mut().take();
        *shown.borrow_mut() = Some(props.children.clone());
    } else if shown.borrow().as_ref() != Some(&props.children) {
        let (shown, children) = (shown.clone(), props.children.clone());
        *catch_up.borrow_mut() = Some(Timeout::new(CATCH_UP_MS, move || {
            *shown.borrow_mut() = Some(children);
            update.force_update();
        }));
    }
    let children = shown.borrow().clone().unwrap_or_default();
    html! { <div class="deferred-part" ref={node}>{ children }</div> }
}

/// What an [`IntersectionObserver`] calls with its entries.
type EntriesCallback = Closure<dyn FnMut(js_sys::Array)>;

/// An observer that sets `near` to whether `element` is near the viewport, and the
/// callback it calls (to be dropped once the observer is disconnected).
fn watch_nearness(
    element: &web_sys::Element,
    near: UseStateHandle<bool>,
) -> Option<(IntersectionObserver, EntriesCallback)> {
    let callback = EntriesCallback::new(move |entries: js_sys::Array| {
        let latest = entries.iter().last();
        if let Some(entry) =
            latest.and_then(|entry| entry.dyn_into::<IntersectionObserverEntry>().ok())
        {
            near.set(entry.is_intersecting());
        }
    });
    let options = IntersectionObserverInit::new();
    options.set_root_margin(NEAR_MARGIN);
    let observer =
        IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok()?;
    observer.observe(element);
    Some((observer, callback))
}
