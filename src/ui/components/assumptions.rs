//! The assumptions behind the figures and the program's disclaimer, under the results.

use std::rc::Rc;
use yew::prelude::*;

use crate::engine::{InputKey, PartnerInputs, Program};
use crate::ui::format::Formatter;

/// Properties of [`Assumptions`].
#[derive(Properties, PartialEq)]
pub struct AssumptionsProps {
    /// The program (labels, disclaimer).
    pub program: Rc<Program>,
    /// The inputs the shown projection used.
    pub inputs: PartnerInputs,
    /// Number formatting.
    pub formatter: Rc<Formatter>,
}

/// Every input value used, then the disclaimer.
#[function_component(Assumptions)]
pub fn assumptions(props: &AssumptionsProps) -> Html {
    let formatter = &props.formatter;
    let value = |key: InputKey| formatter.input_value(key.unit(), props.inputs.get(key));
    html! {
        <section class="assumptions" aria-label="Assumptions and disclaimer">
            <details>
                <summary>{ "Assumptions behind these figures" }</summary>
                <dl class="assumption-list">
                    { for InputKey::ALL.into_iter().map(|key| html! {
                        <div><dt>{ props.program.input_label(key) }</dt><dd>{ value(key) }</dd></div>
                    }) }
                </dl>
                <p>{ "Clients adopt and churn each year; referral fees, rebates and funds follow each tier's published terms. Money is computed exactly and rounded only for display." }</p>
            </details>
            if let Some(disclaimer) = &props.program.disclaimer {
                <p class="disclaimer">{ disclaimer }</p>
            }
        </section>
    }
}
