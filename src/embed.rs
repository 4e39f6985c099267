//! The embedding layer: the `<partner-roi>` custom element, its host API and events.
//!
//! Thin by design. `element.js` (appended to the wasm-bindgen glue by `cargo xtask dist`)
//! defines the `HTMLElement` subclass and forwards lifecycle calls and properties to
//! [`element::WidgetElement`], which applies them to the host reducer
//! (`crate::host_state`) and runs its effects; every browser-facing name lives in `crate::names`.

pub mod analytics;
pub mod application_send;
pub mod element;
pub mod events;
pub mod host_actions;
pub mod js_json;
pub mod language_files;
pub mod page_colours;
pub mod page_snapshot;
pub mod panic_report;
pub mod print_handout;
pub mod program_fetch;
pub mod program_grace;
pub mod resume_point;
pub mod saved_state;
pub mod share_link;
pub mod stylesheet;
#[cfg(feature = "test-panic")]
pub mod test_panic;

use serde_json::{json, Value};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

use crate::engine::decimal_text::fixed_places;
use crate::engine::default_program::default_program;
use crate::engine::result_json::result_text;
use crate::engine::{PartnerInputs, Program};
use crate::host_config::read_inputs;
use crate::state::{Action, CalculatorState};

/// `PartnerRoi.project(program, inputs)`: the engine's result JSON for a program object
/// (`null`: the built-in program) and an inputs object (`null`: the program's defaults),
/// computed by a calculator like the widget's.
///
/// Throws an `Error` naming every problem when the program or inputs are invalid.
#[wasm_bindgen(js_name = projectForHost)]
pub fn project_for_host(program: JsValue, inputs: JsValue) -> Result<JsValue, JsError> {
    #[cfg(feature = "test-panic")]
    test_panic::panic_if_page_asks();
    let (program, inputs) = program_and_inputs(&program, &inputs)?;
    let calculator = calculator_for_host(program, inputs, None)?;
    let projection = calculator
        .projection
        .as_ref()
        .ok_or_else(|| JsError::new("internal: no projection"))?;
    let result = result_text(&calculator.program, projection, calculator.range.as_deref());
    js_json::from_json_text(&result)
}

/// `PartnerRoi.levers(program, inputs, tierId)`: what moves the net profit of a tier (`null`:
/// the recommended one), read like `PartnerRoi.project`'s arguments and computed by a
/// calculator like the widget's. An array, widest spread first, of `{input, low_value,
/// high_value, low_net, high_net}`: values as exact decimal strings, nets to 2 places.
///
/// Throws an `Error` for an invalid program or inputs, an unknown tier or an overflow.
#[wasm_bindgen(js_name = leversForHost)]
pub fn levers_for_host(
    program: JsValue,
    inputs: JsValue,
    tier_id: JsValue,
) -> Result<JsValue, JsError> {
    let (program, inputs) = program_and_inputs(&program, &inputs)?;
    let tier_id = match tier_id.as_string() {
        Some(id) if program.tier_index(&id).is_none() => {
            let known: Vec<&str> = program.tiers.iter().map(|tier| tier.id.as_str()).collect();
            let message = format!("unknown tier id \"{id}\" (known: {})", known.join(", "));
            return Err(JsError::new(&message));
        }
        Some(id) => Some(id),
        None if tier_id.is_null() || tier_id.is_undefined() => None,
        None => return Err(JsError::new("tierId must be a tier id (a string) or null")),
    };
    let calculator =
        calculator_for_host(program, inputs, tier_id.as_deref())?.apply(Action::ToggleLevers);
    let set = calculator
        .levers
        .as_deref()
        .ok_or_else(|| JsError::new("internal: no levers"))?;
    let levers = set
        .levers
        .as_ref()
        .map_err(|error| JsError::new(&error.to_string()))?;
    let levers: Vec<Value> = levers
        .iter()
        .map(|lever| {
            json!({
                "input": lever.input.name(),
                "low_value": lever.low_value.normalize().to_string(),
                "high_value": lever.high_value.normalize().to_string(),
                "low_net": fixed_places(lever.low_net, 2),
                "high_net": fixed_places(lever.high_net, 2),
            })
        })
        .collect();
    js_json::from_json(&Value::Array(levers))
}

/// A calculator like a widget's for the host API, with `tier_id` selected (`None`: the
/// recommended tier), or the engine's error.
fn calculator_for_host(
    program: Program,
    inputs: PartnerInputs,
    tier_id: Option<&str>,
) -> Result<CalculatorState, JsError> {
    let calculator = CalculatorState::new(Rc::new(program), inputs, tier_id, '.');
    match &calculator.engine_error {
        Some(error) => Err(JsError::new(&error.to_string())),
        None => Ok(calculator),
    }
}

/// A host's program (`null`: the built-in one) and inputs (`null`: its defaults), or an
/// `Error` naming every problem.
fn program_and_inputs(
    program: &JsValue,
    inputs: &JsValue,
) -> Result<(Program, PartnerInputs), JsError> {
    let program = match js_json::to_json(program)? {
        None => default_program(),
        Some(value) => {
            Program::from_json(&value).map_err(|errors| js_json::errors_to_js(&errors))?
        }
    };
    let inputs_value = js_json::to_json(inputs)?;
    let (inputs, errors) = read_inputs(&program, inputs_value.as_ref(), "inputs");
    if !errors.is_empty() {
        return Err(js_json::errors_to_js(&errors));
    }
    Ok((program, inputs))
}
