//! `target/e2e-support/inputs.json`: the seventeen partner inputs as the end-to-end tests
//! read them (`tests/e2e/support/security.js`), in share-code order, each with its name,
//! whether it is a percentage, and its absolute limits as exact decimal strings. Written by
//! `cargo xtask dist` from `crates/engine/src/input_catalogue.rs`, so that the tests copy no
//! limit; it is not shipped.

use crate::cmd::Result;
use partner_roi::engine::{InputKey, Unit};
use serde_json::{json, Value};
use std::fs;
use std::path::Path;

/// Where it is written, from the repository root.
pub const INPUTS_JSON: &str = "target/e2e-support/inputs.json";

/// `[{"name": "existing_clients", "percent": false, "min": "0", "max": "1000000"}, …]`.
fn inputs() -> Value {
    InputKey::ALL
        .iter()
        .map(|key| {
            json!({
                "name": key.name(),
                "percent": key.unit() == Unit::Percent,
                "min": key.absolute_min().normalize().to_string(),
                "max": key.absolute_max().normalize().to_string(),
            })
        })
        .collect()
}

/// Writes [`INPUTS_JSON`].
pub fn write_inputs_json() -> Result {
    if let Some(folder) = Path::new(INPUTS_JSON).parent() {
        fs::create_dir_all(folder)
            .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    }
    fs::write(INPUTS_JSON, format!("{:#}\n", inputs()))
        .map_err(|e| format!("cannot write {INPUTS_JSON}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_input_in_share_code_order_with_its_absolute_limits() {
        let inputs = inputs();
        let list = inputs.as_array().map(Vec::as_slice).unwrap_or_default();
        assert_eq!(list.len(), InputKey::COUNT);
        assert_eq!(
            list[0],
            json!({"name": "existing_clients", "percent": false, "min": "0", "max": "1000000"})
        );
        assert_eq!(
            list[InputKey::ExpansionPct.index()],
            json!({"name": "expansion_pct", "percent": true, "min": "-100", "max": "100"})
        );
        let names: Vec<&str> = list
            .iter()
            .filter_map(|input| input["name"].as_str())
            .collect();
        assert_eq!(names, InputKey::names());
    }
}
