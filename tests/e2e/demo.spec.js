// The demo page mounts the widget (in a shadow root) with the built-in default program
// "Example Cloud": one card per tier, inputs that recompute, no errors.
const { test, expect } = require('@playwright/test');

const TIERS = ['Registered', 'Silver', 'Gold', 'Platinum'];
const isFavicon = (url) => new URL(url, 'http://x/').pathname === '/favicon.ico';

test('demo page renders the default program and recomputes on typing', async ({ page }) => {
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

    // Playwright's CSS locators pierce the open shadow root.
    const widget = page.locator('#partner-roi-demo');
    const names = widget.locator('.tier-card .tier-name');
    await expect(names).toHaveText(TIERS);
    const nets = widget.locator('.tier-card .tier-net-value');
    await expect(nets.first()).toContainText(/\$\d/);
    const before = await nets.allTextContents();

    await widget.getByLabel('Yearly license value per client').fill('30000');
    await expect(nets.first()).not.toHaveText(before[0]);
    const after = await nets.allTextContents();
    after.forEach((net, index) => expect(net).not.toBe(before[index]));

    // The widget's styles stay inside its shadow root.
    const hostFont = await page.evaluate(() => getComputedStyle(document.querySelector('h1')).fontFamily);
    expect(hostFont).not.toContain('system-ui');
  } finally {
    // Soft, so that a failure above is reported together with its console errors.
    expect.soft(errors, 'console errors, page errors and failed requests').toEqual([]);
  }
});
