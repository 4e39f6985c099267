//! The root component: takes a program and inputs, renders the projection.

use std::rc::Rc;
use yew::prelude::*;

use crate::engine::{project, PartnerInputs, Program};
use crate::ui::components::results_table::ResultsTable;

/// Properties of the root widget.
#[derive(Properties, PartialEq, Clone)]
pub struct WidgetProps {
    /// The validated program.
    pub program: Rc<Program>,
    /// The partner's inputs.
    pub inputs: Rc<PartnerInputs>,
}

/// The calculator widget.
#[function_component(Widget)]
pub fn widget(props: &WidgetProps) -> Html {
    let outcome = project(&props.program, &props.inputs);
    html! {
        <section class="partner-roi" aria-label={props.program.name.clone()}>
            <h2>{ &props.program.name }</h2>
            {
                match outcome {
                    Ok(projection) => html! {
                        <ResultsTable program={props.program.clone()} projection={Rc::new(projection)} />
                    },
                    Err(error) => html! { <p role="alert">{ error.to_string() }</p> },
                }
            }
        </section>
    }
}
