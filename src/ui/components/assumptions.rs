//! The assumptions behind the figures and the program's disclaimer, under the results.

use std::rc::Rc;
use yew::prelude::*;

use crate::engine::{InputKey, PartnerInputs, Program};
use crate::i18n::Msg;
use crate::ui::format::Formatter;
use crate::ui::texts::{input_label, program_text, use_texts};

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
    let texts = use_texts();
    let formatter = &props.formatter;
    let value = |key: InputKey| formatter.input_value(key.unit(), props.inputs.get(key));
    html! {
        <section class="assumptions" aria-label={texts.get(Msg::AssumptionsRegion)}>
            <details>
                <summary>{ texts.get(Msg::AssumptionsTitle) }</summary>
                <dl class="assumption-list">
                    { for InputKey::ALL.into_iter().map(|key| html! {
                        <div><dt>{ input_label(&texts, &props.program, key) }</dt><dd>{ value(key) }</dd></div>
                    }) }
                </dl>
                <p>{ texts.get(Msg::AssumptionsNote) }</p>
            </details>
            if let Some(disclaimer) = &props.program.disclaimer {
                <p class="disclaimer">{ program_text(disclaimer) }</p>
            }
        </section>
    }
}
