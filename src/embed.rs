//! The embedding layer: the `<partner-roi>` custom element, its host API and events.
//!
//! Thin by design. `element.js` (appended to the wasm-bindgen glue by `cargo xtask dist`)
//! defines the `HTMLElement` subclass and forwards lifecycle calls and properties to
//! [`element::WidgetElement`], which applies them to the host reducer
//! (`crate::host_state`) and runs its effects; every browser-facing name lives in `crate::names`.

pub mod element;
pub mod events;
pub mod host_actions;
pub mod js_json;
pub mod page_snapshot;
pub mod panic_report;
pub mod program_fetch;
pub mod resume_point;
pub mod saved_state;
pub mod share_link;
pub mod stylesheet;
#[cfg(feature = "test-panic")]
pub mod test_panic;

use std::rc::Rc;
use wasm_bindgen::prelude::*;

use crate::engine::default_program::default_program;
use crate::engine::result_json::result_json;
use crate::engine::Program;
use crate::host_config::read_inputs;
use crate::state::CalculatorState;

/// `PartnerRoi.project(program, inputs)`: the engine's result JSON for a program object
/// (`null`: the built-in program) and an inputs object (`null`: the program's defaults),
/// computed by a calculator like the widget's.
///
/// Throws an `Error` naming every problem when the program or inputs are invalid.
#[wasm_bindgen(js_name = projectForHost)]
pub fn project_for_host(program: JsValue, inputs: JsValue) -> Result<JsValue, JsError> {
    #[cfg(feature = "test-panic")]
    test_panic::panic_if_page_asks();
    let program = match js_json::to_json(&program)? {
        None => default_program(),
        Some(value) => {
            Program::from_json(&value).map_err(|errors| js_json::errors_to_js(&errors))?
        }
    };
    let inputs_value = js_json::to_json(&inputs)?;
    let (inputs, errors) = read_inputs(&program, inputs_value.as_ref(), "inputs");
    if !errors.is_empty() {
        return Err(js_json::errors_to_js(&errors));
    }
    let calculator = CalculatorState::new(Rc::new(program), inputs, None, '.');
    if let Some(error) = &calculator.engine_error {
        return Err(JsError::new(&error.to_string()));
    }
    let projection = calculator
        .projection
        .as_ref()
        .ok_or_else(|| JsError::new("internal: no projection"))?;
    let result = result_json(&calculator.program, projection, calculator.range.as_deref());
    js_json::from_json(&result)
}
