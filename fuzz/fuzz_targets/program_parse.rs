//! Arbitrary text as a program file: parsing reports errors or yields a program that
//! projects (or reports a typed error) without panicking; the widget's JSON reader reads
//! the text exactly as serde_json does.
#![no_main]

use libfuzzer_sys::fuzz_target;
use partner_roi::engine::json_text::parse_value;
use partner_roi::engine::{project, result_text, Program};
use partner_roi::host_config::read_embedded_config;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    assert_eq!(
        parse_value(text).ok(),
        serde_json::from_str::<serde_json::Value>(text).ok()
    );
    if let Ok(program) = Program::from_json_text(text) {
        if let Ok(projection) = project(&program, &program.default_inputs()) {
            let _ = result_text(&program, &projection, None);
        }
    }
    let _ = read_embedded_config(text);
});
