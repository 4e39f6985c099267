//! A wasm module as the single-file pages carry it: gzip (level 9), then base64. The page
//! inflates it with the browser's `DecompressionStream('gzip')` (`src/embed/element.js`,
//! `examples/pages/designer.html`'s loader): less than half the raw bytes of plain base64.

use crate::base64;
use crate::cmd::Result;
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;

/// `bytes`, gzipped and base64-encoded.
pub fn inline_wasm(bytes: &[u8]) -> Result<String> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .map(|gzipped| base64::encode(&gzipped))
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
        let gzipped = decode_base64(&text);
        let mut inflated = Vec::new();
        GzDecoder::new(&gzipped[..])
            .read_to_end(&mut inflated)
            .unwrap_or_default();
        assert_eq!(inflated, module);
    }

    fn decode_base64(text: &str) -> Vec<u8> {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let values: Vec<u32> = text
            .bytes()
            .filter(|b| *b != b'=')
            .filter_map(|b| ALPHABET.iter().position(|a| *a == b).map(|p| p as u32))
            .collect();
        let mut out = Vec::new();
        for chunk in values.chunks(4) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, v)| n | (v << (18 - 6 * i)));
            for byte in 0..chunk.len().saturating_sub(1) {
                out.push((n >> (16 - 8 * byte)) as u8);
            }
        }
        out
    }
}
