// The demo page mounts the widget with the built-in default program
// "Example Cloud" and renders one table row per tier.
const { test, expect } = require('@playwright/test');

const TIERS = ['Registered', 'Silver', 'Gold', 'Platinum'];
const isFavicon = (url) => new URL(url, 'http://x/').pathname === '/favicon.ico';

test('demo page renders the default program tiers without errors', async ({ page }) => {
  const errors = [];
  page.on('console', (message) => {
    // Chromium asks for /favicon.ico on its own; the demo page has none.
    if (message.type() !== 'error' || isFavicon(message.location().url)) return;
    errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !isFavicon(response.url())) {
      errors.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));

  try {
    const response = await page.goto('/index.html');
    expect(response.status()).toBe(200);

    const table = page.locator('#partner-roi-demo table');
    await expect(table).toBeVisible();
    for (const tier of TIERS) {
      // A row naming the tier, holding numbers (the money cells).
      const row = table.locator('tr', { hasText: tier }).first();
      await expect(row).toBeVisible();
      await expect(row.getByText(tier).first()).toBeVisible();
      await expect(row).toContainText(/\d/);
    }
  } finally {
    // Soft, so that a failure above is reported together with its console errors.
    expect.soft(errors, 'console errors, page errors and failed requests').toEqual([]);
  }
});
