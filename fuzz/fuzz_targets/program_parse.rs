//! Arbitrary text as a program file: parsing reports errors or yields a program that
//! projects (or reports a typed error) without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use partner_roi::engine::{project, Program};
use partner_roi::host_config::read_embedded_config;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(program) = Program::from_json_text(text) {
        if let Ok(projection) = project(&program, &program.default_inputs()) {
            let _ = projection.to_json(&program);
        }
    }
    let _ = read_embedded_config(text);
});
