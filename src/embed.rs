//! The embedding layer: the `<partner-roi>` custom element, its host API and events.
//!
//! Thin by design. `element.js` (appended to the wasm-bindgen glue by `cargo xtask dist`)
//! defines the `HTMLElement` subclass and forwards lifecycle calls and properties to
//! [`element::WidgetElement`]; every browser-facing name lives in [`names`].

pub mod element;
pub mod events;
pub mod host_actions;
pub mod js_json;
pub mod names;
pub mod panic_report;
pub mod program_fetch;
pub mod resume_point;
pub mod saved_state;
pub mod share_link;
pub mod stylesheet;
#[cfg(feature = "test-panic")]
pub mod test_panic;

use wasm_bindgen::prelude::*;

use crate::engine::default_program::default_program;
use crate::engine::range::project_range;
use crate::engine::result_json::result_json;
use crate::engine::{project, PartnerInputs, Program, Projection};
use crate::host_config::read_inputs;

/// `PartnerRoi.project(program, inputs)`: the engine's result JSON for a program object
/// (`null`: the built-in program) and an inputs object (`null`: the program's defaults).
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
    let projection =
        project(&program, &inputs).map_err(|error| JsError::new(&error.to_string()))?;
    js_json::from_json(&host_result(&program, &inputs, &projection))
}

/// The result document the host sees: the projection with its conservative/optimistic range.
pub(crate) fn host_result(
    program: &Program,
    inputs: &PartnerInputs,
    projection: &Projection,
) -> serde_json::Value {
    let range = project_range(program, inputs).ok();
    result_json(program, projection, range.as_ref())
}
