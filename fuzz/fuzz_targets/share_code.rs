//! Arbitrary text as a share link or saved state: decoding restores what it can, and the
//! restored figures always lie within the program's ranges and project without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use partner_roi::engine::default_program::default_program;
use partner_roi::engine::{project, InputKey};
use partner_roi::share_code::{decode_share_code, encode_share_code};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let program = default_program();
    let restored = decode_share_code(&program, text);
    for key in InputKey::ALL {
        assert!(program.check_input(key, restored.inputs.get(key)).is_ok());
    }
    assert!(project(&program, &restored.inputs).is_ok());
    let again = decode_share_code(
        &program,
        &encode_share_code(
            &program,
            &restored.inputs,
            restored.tier_id.as_deref(),
            restored.rep.as_ref(),
        ),
    );
    assert_eq!(again.inputs, restored.inputs);
});
