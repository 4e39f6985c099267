// A program can hide ROI, payback and NPV (issue 14.4): the cards, the path strip and the
// chart's caption leave them out; `result` keeps them.
const { test, expect } = require('@playwright/test');
const { serveHostPage, hostDocument } = require('./support/helpers');

test('hidden_figures leaves the hidden figures out of the widget, not out of result', async ({ page, request }) => {
  const reseller = await (await request.get('/programs/reseller.json')).json();
  await page.goto(await serveHostPage(page, 'hidden-figures', hostDocument({
    body: '<partner-roi program="example" id="w" loading="eager" inputs=\'{"new_clients_per_year": 40}\'></partner-roi>',
  })));
  const widget = page.locator('#w');
  await expect(widget.locator('.tier-card').first().locator('.tier-figures dt')).toHaveText(['ROI', 'Payback', 'Value today (NPV)', 'Average net profit per year']);
  await expect(widget.locator('.results-npv-note')).toHaveCount(1);
  await page.evaluate((program) => {
    document.getElementById('w').program = { ...program, hidden_figures: ['payback', 'npv'] };
  }, reseller);
  await expect(widget.locator('.program-name')).toHaveText(reseller.name);
  for (const card of await widget.locator('.tier-card').all()) {
    await expect(card.locator('.tier-figures dt')).toHaveText(['ROI', 'Average net profit per year']);
  }
  await expect(widget.locator('.results-npv-note')).toHaveCount(0);
  await expect(widget.locator('.path-strip dt')).toHaveText([/^Net profit over \d+ years$/, 'ROI']);
  await expect(widget.locator('figure.chart figcaption').filter({ hasText: 'Cumulative' })).toHaveText('Cumulative net profit');
  const result = await page.evaluate(() => document.getElementById('w').result);
  expect(result.tiers.every((tier) => 'npv' in tier && 'payback_months' in tier)).toBe(true);
});
