//! The program's name, vendor and introduction.

use std::rc::Rc;
use yew::prelude::*;

use crate::engine::Program;
use crate::i18n::Msg;
use crate::ui::texts::{program_text, use_texts};

/// Properties of [`ProgramHeader`].
#[derive(Properties, PartialEq)]
pub struct ProgramHeaderProps {
    /// The program shown.
    pub program: Rc<Program>,
    /// Id of the heading, for the widget's landmark label.
    pub heading_id: AttrValue,
    /// The built-in example shows because the page set no program: say so.
    #[prop_or_default]
    pub example_notice: bool,
}

/// The widget's title block.
#[function_component(ProgramHeader)]
pub fn program_header(props: &ProgramHeaderProps) -> Html {
    let program = &props.program;
    let texts = use_texts();
    html! {
        <header class="program-header">
            if props.example_notice {
                <p class="program-example-notice">{ texts.get(Msg::ExampleProgram) }</p>
            }
            if let Some(vendor) = &program.vendor {
                <p class="program-vendor">{ program_text(vendor) }</p>
            }
            <h2 id={props.heading_id.clone()} class="program-name">{ program_text(&program.name) }</h2>
            if let Some(description) = &program.description {
                <p class="program-description">{ program_text(description) }</p>
            }
        </header>
    }
}
