// Static pages into dist/; the package's wasm is emitted by Vite, which Astro builds with.
import { defineConfig } from 'astro/config';

export default defineConfig({ telemetry: false });
