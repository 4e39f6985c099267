// Playwright configuration: end-to-end tests of the demo page in dist/,
// served by xtask/build-tools/serve.js, in the system Chromium (never a downloaded one).
// Run through `cargo xtask test`, which builds dist/ first.
const path = require('node:path');
const { defineConfig } = require('@playwright/test');
const { CHROMIUM_LAUNCH } = require('./support/chromium');

const PORT = '8123';
const BASE_URL = `http://127.0.0.1:${PORT}`;

module.exports = defineConfig({
  testDir: '.',
  // Run on its own, against Debian's WordPress (wordpress.config.js).
  testIgnore: 'wordpress.spec.js',
  reporter: 'list',
  workers: 1,
  retries: 0,
  forbidOnly: true,
  use: {
    baseURL: BASE_URL,
    launchOptions: CHROMIUM_LAUNCH,
  },
  projects: [{ name: 'system-chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'node xtask/build-tools/serve.js',
    env: { PORT },
    url: `${BASE_URL}/index.html`,
    reuseExistingServer: false,
    cwd: path.resolve(__dirname, '..', '..'),
    timeout: 120_000,
  },
});
