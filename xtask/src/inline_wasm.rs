//! A wasm module as the single-file pages carry it: gzip (level 9), then base64, less than
//! half the raw bytes of plain base64. The page inflates it with [`INFLATE_JS`]'s
//! `partnerRoiInflateWasm`, in the widget's script and in the designer's loader alike.

use crate::cmd::Result;
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;

/// The script that inflates what [`inline_wasm`] writes (the browser's base64 decoder and
/// `DecompressionStream('gzip')`).
pub const INFLATE_JS: &str = "src/embed/inflate_wasm.js";

/// `bytes`, gzipped and base64-encoded.
pub fn inline_wasm(bytes: &[u8]) -> Result<String> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .map(|gzipped| BASE64.encode(gzipped))
        .map_err(|e| format!("cannot gzip the wasm: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::read::GzDecoder;
    use std::io::Read;

    #[test]
    fn inflating_the_inlined_text_gives_back_the_module() {
        let module: Vec<u8> = b"\0asm\x01\0\0\0"
            .iter()
            .copied()
            .cycle()
            .take(4096)
            .collect();
        let text = inline_wasm(&module).unwrap_or_default();
        assert!(text.len() < module.len() / 4, "{}", text.len());
        let gzipped = BASE64.decode(&text).unwrap_or_default();
        let mut inflated = Vec::new();
        GzDecoder::new(&gzipped[..])
            .read_to_end(&mut inflated)
            .unwrap_or_default();
        assert_eq!(inflated, module);
    }
}
