// Playwright configuration of the WordPress plugin's end-to-end test alone
// (wordpress.spec.js): it starts its own WordPress (support/wordpress.js), so it needs no
// web server of the project's. `npx playwright test -c wordpress.config.js`.
const { defineConfig } = require('@playwright/test');
const { CHROMIUM_LAUNCH } = require('./support/chromium');

module.exports = defineConfig({
  testDir: '.',
  testMatch: 'wordpress.spec.js',
  reporter: 'list',
  workers: 1,
  retries: 0,
  forbidOnly: true,
  use: { launchOptions: CHROMIUM_LAUNCH },
  projects: [{ name: 'system-chromium', use: { browserName: 'chromium' } }],
});
