//! The root mounted by the embedding layer: loading and failure states around [`Widget`].

use std::rc::Rc;
use yew::prelude::*;

use crate::engine::{FieldError, PartnerInputs, Program};
use crate::ui::components::notices::Notices;
use crate::ui::widget::{SettledChange, Widget};

/// What the host element can currently show.
#[derive(Debug, Clone, PartialEq)]
pub enum HostView {
    /// The program is being fetched.
    Loading,
    /// No usable program: every problem, path-precise.
    Failed(Rc<Vec<FieldError>>),
    /// A program and inputs to calculate with.
    Ready {
        /// The program, overrides applied.
        program: Rc<Program>,
        /// The inputs to show.
        inputs: Rc<PartnerInputs>,
        /// Changes whenever the program changes, so the calculator starts afresh.
        generation: u64,
    },
}

/// Properties of [`Hosted`].
#[derive(Properties, PartialEq)]
pub struct HostedProps {
    /// What to show.
    pub view: HostView,
    /// Ignored settings to list above the calculator.
    pub notices: Rc<Vec<FieldError>>,
    /// Unique prefix for element ids.
    pub id_prefix: AttrValue,
    /// Called after every settled change.
    pub on_change: Callback<SettledChange>,
}

/// The widget as embedded in a host page.
#[function_component(Hosted)]
pub fn hosted(props: &HostedProps) -> Html {
    match &props.view {
        HostView::Loading => html! {
            <div class="partner-roi partner-roi-status" role="status">
                <p>{ "Loading the partner program…" }</p>
            </div>
        },
        HostView::Failed(errors) => html! {
            <div class="partner-roi partner-roi-status partner-roi-failed" role="alert">
                <h2 class="program-name">{ "This calculator could not load its program" }</h2>
                <ul class="failure-list">
                    { for errors.iter().map(|error| html! { <li>{ error.to_string() }</li> }) }
                </ul>
            </div>
        },
        HostView::Ready {
            program,
            inputs,
            generation,
        } => html! {
            <>
                <Notices notices={props.notices.clone()} />
                <Widget
                    key={*generation}
                    program={program.clone()}
                    inputs={inputs.clone()}
                    id_prefix={props.id_prefix.clone()}
                    on_change={props.on_change.clone()}
                />
            </>
        },
    }
}
