// No request waits for another (issue 33, part 2): as a widget starts, partner-roi.js asks
// for the wasm, the page language's file and the `program-src` file at once. Each response
// is held here until all three have been asked for: were one request to wait for another's
// answer, the widget would never draw.
const { test, expect } = require('@playwright/test');
const { serveHostPage, hostDocument, collectErrors, catalogue } = require('./support/helpers');

const FILES = ['/partner-roi_bg.wasm', '/partner-roi.fr.json', '/programs/reseller.json'];

test('the wasm, the language file and program-src are asked for together, each once', async ({ page }) => {
  const errors = collectErrors(page);
  const asked = [];
  let allAsked;
  const everyRequest = new Promise((resolve) => { allAsked = resolve; });
  page.on('request', (request) => {
    const file = new URL(request.url()).pathname;
    if (!FILES.includes(file)) return;
    asked.push(file);
    if (FILES.every((wanted) => asked.includes(wanted))) allAsked();
  });
  for (const file of FILES) {
    await page.route(`**${file}`, async (route) => {
      await everyRequest;
      await route.continue();
    });
  }
  const widgets = ['a', 'b']
    .map((id) => `<partner-roi id="${id}" loading="eager" program-src="/programs/reseller.json"></partner-roi>`)
    .join('\n');
  await page.goto(await serveHostPage(page, 'parallel-requests', hostDocument({ body: widgets }).replace('<html lang="en">', '<html lang="fr">')));
  for (const id of ['a', 'b']) {
    const widget = page.locator(`#${id}`);
    await expect(widget.locator('.tier-card')).not.toHaveCount(0);
    await expect(widget.getByRole('button', { name: catalogue('fr').more_assumptions })).toBeVisible();
  }
  expect(asked.sort()).toEqual([...FILES].sort());
  expect(errors).toEqual([]);
});

test('a program-src set after the start is fetched then, and a failed early fetch is reported as always', async ({ page }) => {
  const errors = collectErrors(page, (text) => text.includes('/programs/missing.json'));
  const body = '<partner-roi id="w" loading="eager" debug program-src="/programs/missing.json"></partner-roi>';
  await page.goto(await serveHostPage(page, 'parallel-late-src', hostDocument({ body })));
  const widget = page.locator('#w');
  await expect(widget.locator('.partner-roi-failed')).toContainText('HTTP 404');
  await page.evaluate(() => document.getElementById('w').setAttribute('program-src', '/programs/referral.json'));
  await expect(widget.locator('.tier-card')).not.toHaveCount(0);
  expect(errors).toEqual([]);
});
