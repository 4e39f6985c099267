// The single-file build (dist/partner-roi.html) works from disk with no network at all:
// opened through file:// with every request blocked, it renders the built-in program,
// recomputes on typing and asks for nothing but itself.
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { test, expect } = require('@playwright/test');
const { DIST, expectShowsAmount } = require('./support/helpers');

const FILE = path.join(DIST, 'partner-roi.html');
const FILE_URL = pathToFileURL(FILE).href;
const TIERS = ['Registered', 'Silver', 'Gold', 'Platinum'];

test('offline file renders and recomputes with every request blocked', async ({ context }) => {
  const requests = [];
  const errors = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.route('**/*', (route) => {
    if (route.request().url() === FILE_URL) return route.continue();
    return route.abort('blockedbyclient');
  });

  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('requestfailed', (request) => errors.push(`failed: ${request.url()}`));

  try {
    const response = await page.goto(FILE_URL);
    expect(response === null || response.ok()).toBe(true);

    const widget = page.locator('#partner-roi-offline');
    const names = widget.locator('.tier-card .tier-name');
    await expect(names).toHaveText(TIERS);
    const nets = widget.locator('.tier-card .tier-net-value');
    await expect(nets).toHaveCount(4);
    const before = await nets.allTextContents();

    // The figures shown are the engine's for the current inputs.
    const check = async () => {
      const { result, expected } = await page.evaluate(async () => {
        await PartnerRoi.ready;
        const el = document.getElementById('partner-roi-offline');
        return { result: el.result, expected: PartnerRoi.project(el.program, el.inputs) };
      });
      expect(result).toEqual(expected);
      const shown = await nets.allTextContents();
      result.tiers.forEach((tier, index) => expectShowsAmount(shown[index], tier.net, `${tier.name} net`));
      return result;
    };
    const first = await check();

    await widget.getByLabel('Yearly license value per client').fill('30000');
    await expect(nets.first()).not.toHaveText(before[0]);
    const after = await nets.allTextContents();
    after.forEach((net, index) => expect(net, `net of ${TIERS[index]}`).not.toBe(before[index]));
    const second = await check();
    expect(await page.evaluate(() => document.getElementById('partner-roi-offline').inputs.deal_value))
      .toMatch(/^30000(\.0+)?$/);
    expect(second.tiers.map((tier) => tier.net)).not.toEqual(first.tiers.map((tier) => tier.net));

    // Nothing but the file itself was requested.
    expect(requests.filter((url) => url !== FILE_URL)).toEqual([]);
    expect(requests).toContain(FILE_URL);
  } finally {
    expect.soft(errors, 'console errors, page errors and failed requests').toEqual([]);
  }
});
