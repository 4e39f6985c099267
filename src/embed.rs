//! Browser-facing entry points.

use std::rc::Rc;
use wasm_bindgen::prelude::*;

use crate::engine::default_program::default_program;
use crate::ui::{Widget, WidgetProps};

/// Mounts the widget on the built-in default program into `element`.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element) {
    let program = default_program();
    let inputs = program.default_inputs();
    let props = WidgetProps {
        program: Rc::new(program),
        inputs: Rc::new(inputs),
    };
    yew::Renderer::<Widget>::with_root_and_props(element, props).render();
}
