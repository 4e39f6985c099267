//! The root mounted by the embedding layer: loading and failure states around [`Widget`].

use std::rc::Rc;
use yew::prelude::*;

use crate::engine::{FieldError, PartnerInputs, Program};
use crate::ui::components::notices::Notices;
use crate::ui::components::program_file::ProgramFile;
use crate::ui::host_request::HostRequest;
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
        /// The tier to select first.
        selected_tier: Option<AttrValue>,
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
    /// Whether presenter mode starts on.
    pub presenter: bool,
    /// Whether the partner may load a program file.
    pub allow_program_file: bool,
    /// Called after every settled change.
    pub on_change: Callback<SettledChange>,
    /// Called for what only the host can do.
    pub on_request: Callback<HostRequest>,
    /// Called with the text of a program file the partner loaded.
    pub on_program_text: Callback<String>,
}

/// The widget as embedded in a host page.
#[function_component(Hosted)]
pub fn hosted(props: &HostedProps) -> Html {
    let picker = props.allow_program_file.then(|| {
        html! { <ProgramFile id_prefix={props.id_prefix.clone()} on_text={props.on_program_text.clone()} /> }
    });
    let body = match &props.view {
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
            selected_tier,
            generation,
        } => html! {
            <>
                <Notices notices={props.notices.clone()} />
                <Widget
                    key={*generation}
                    program={program.clone()}
                    inputs={inputs.clone()}
                    selected_tier={selected_tier.clone()}
                    presenter={props.presenter}
                    id_prefix={props.id_prefix.clone()}
                    on_change={props.on_change.clone()}
                    on_request={props.on_request.clone()}
                />
            </>
        },
    };
    html! { <>{ body }{ for picker }</> }
}
