// The partner-roi example for Next.js: nothing to configure. The package's wasm
// (`new URL('./partner-roi_bg.wasm', import.meta.url)`) is emitted by the bundler.
/** @type {import('next').NextConfig} */
const config = {};

export default config;
