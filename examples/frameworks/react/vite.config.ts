import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Two pages: the client-rendered app (index.html) and the server-rendered one (ssr.html,
// filled in by prerender.mjs with renderToString's output, then hydrated).
export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    rollupOptions: { input: { index: resolve(import.meta.dirname, 'index.html'), ssr: resolve(import.meta.dirname, 'ssr.html') } },
  },
});
