// ---- partner-roi: the wasm a single-file page carries, inflated ----
// `cargo xtask dist` puts this before element.js in the widget's script and before the
// designer's loader in designer.html (xtask/src/inline_wasm.rs, which gzips and encodes).

/**
 * The wasm module's bytes from its gzipped base64 text: base64 through the native decoder
 * where there is one, else a plain loop (a callback per byte, as in Uint8Array.from(…, fn),
 * costs tens of milliseconds on 600 KB), then inflated by the browser.
 */
async function partnerRoiInflateWasm(gzipBase64) {
  let gzipped;
  if (typeof Uint8Array.fromBase64 === 'function') {
    gzipped = Uint8Array.fromBase64(gzipBase64);
  } else {
    const binary = atob(gzipBase64);
    gzipped = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) gzipped[i] = binary.charCodeAt(i);
  }
  const inflated = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(inflated).arrayBuffer();
}
