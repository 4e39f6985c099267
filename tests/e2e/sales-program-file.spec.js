// "Load a program file (JSON)": in the offline file (file://, every other request blocked)
// the partner picks or drops a program file; a valid one replaces the program, an invalid
// one lists its path-precise problems and keeps the current program. Without the
// `allow-program-file` attribute there is no picker.
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { test, expect } = require('@playwright/test');
const { DIST, serveHostPage, hostDocument, collectErrors, expectShowsAmount } = require('./support/helpers');
const { DEFAULT_TIERS, settledState } = require('./support/sales');

const FILE_URL = pathToFileURL(path.join(DIST, 'partner-roi.html')).href;
const SELECTOR = '#partner-roi-offline';
const PROGRAMS = path.join(DIST, 'programs');
const readProgram = (name) => JSON.parse(fs.readFileSync(path.join(PROGRAMS, `${name}.json`), 'utf8'));

/** Opens the offline file with every request but the file itself blocked. */
async function openOffline(page) {
  await page.context().route('**/*', (route) => {
    if (route.request().url() === FILE_URL) return route.continue();
    return route.abort('blockedbyclient');
  });
  const errors = collectErrors(page);
  page.on('requestfailed', (request) => errors.push(`failed: ${request.url()}`));
  await page.goto(FILE_URL);
  const widget = page.locator(SELECTOR);
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
  await page.evaluate((selector) => {
    window.errorEvents = [];
    document.querySelector(selector).addEventListener('partner-roi:error', (event) => {
      window.errorEvents.push(JSON.parse(JSON.stringify(event.detail)));
    });
  }, SELECTOR);
  return { widget, errors };
}

/** Asserts that the widget shows `program` and computes it. */
async function expectShowsProgram(page, widget, program) {
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(program.tiers.map((tier) => tier.name));
  await expect(widget.locator('.program-name')).toHaveText(program.name);
  const state = await settledState(page, SELECTOR);
  expect(state.program.id).toBe(program.id);
  expect(state.result.program_id).toBe(program.id);
  const nets = await widget.locator('.tier-card .tier-net-value').allTextContents();
  state.result.tiers.forEach((tier, index) => expectShowsAmount(nets[index], tier.net, `${tier.name} net`));
  return state;
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
});

test('picking a valid program file shows it; an invalid one lists its problem and keeps the program', async ({ page }, testInfo) => {
  const { widget, errors } = await openOffline(page);
  const picker = widget.getByLabel('Load a program file (JSON)');
  await expect(picker).toHaveAttribute('type', 'file');
  await expect(picker).toHaveClass(/program-file-input/);

  const cloud = readProgram('cloud-services');
  await picker.setInputFiles(path.join(PROGRAMS, 'cloud-services.json'));
  const loaded = await expectShowsProgram(page, widget, cloud);
  await expect(widget.locator('.notices')).toHaveCount(0);

  // A typo in tiers[0]: the path-precise message, and Cloud services stays.
  const reseller = readProgram('reseller');
  expect(reseller.tiers[0]).toHaveProperty('resale_margin_pct');
  const typo = { ...reseller, tiers: reseller.tiers.map((tier, index) => {
    if (index !== 0) return tier;
    const { resale_margin_pct: margin, ...rest } = tier;
    return { ...rest, resale_margin_pc: margin };
  }) };
  const badFile = testInfo.outputPath('typo-program.json');
  fs.writeFileSync(badFile, JSON.stringify(typo, null, 2));
  await picker.setInputFiles(badFile);
  const notices = widget.locator('.notices');
  await expect(notices).toBeVisible();
  await expect(notices).toContainText('tiers[0].resale_margin_pc: unknown field, did you mean resale_margin_pct?');
  await expect.poll(() => page.evaluate(() => window.errorEvents.map((event) => event.path))).toContain('tiers[0].resale_margin_pc');
  const kept = await expectShowsProgram(page, widget, cloud);
  expect(kept.inputs).toEqual(loaded.inputs);

  // Not JSON at all: said, and the program stays.
  const notJson = testInfo.outputPath('not-json.json');
  fs.writeFileSync(notJson, '{"version": 1, "tiers": [');
  await picker.setInputFiles(notJson);
  await expect(notices).toContainText(/JSON/);
  await expect(notices).not.toContainText('resale_margin_pc');
  await expectShowsProgram(page, widget, cloud);

  // The same valid file again (the picker was cleared): loads, and the notices go.
  await picker.setInputFiles(path.join(PROGRAMS, 'reseller.json'));
  await expectShowsProgram(page, widget, reseller);
  await expect(widget.locator('.notices')).toHaveCount(0);
  await picker.setInputFiles(path.join(PROGRAMS, 'cloud-services.json'));
  await expectShowsProgram(page, widget, cloud);
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('dropping a program file on the drop zone loads it', async ({ page }) => {
  const { widget, errors } = await openOffline(page);
  const referral = readProgram('referral');
  const zone = widget.locator('.program-file');
  await expect(zone).toContainText('or drop it here');

  const dropped = (text, name) => page.evaluateHandle(([text, name]) => {
    const data = new DataTransfer();
    data.items.add(new File([text], name, { type: 'application/json' }));
    return data;
  }, [text, name]);

  const data = await dropped(JSON.stringify(referral), 'referral.json');
  await zone.dispatchEvent('dragover', { dataTransfer: data });
  await expect(zone).toHaveClass(/program-file-dragging/);
  await zone.dispatchEvent('drop', { dataTransfer: data });
  await expect(zone).not.toHaveClass(/program-file-dragging/);
  await expectShowsProgram(page, widget, referral);
  await expect(widget.locator('.notices')).toHaveCount(0);

  // An invalid dropped file: its problem is listed, the dropped program stays.
  const broken = { ...referral, tiers: referral.tiers.map((tier, index) => (index === 0 ? { ...tier, annual_fe: 1 } : tier)) };
  await zone.dispatchEvent('drop', { dataTransfer: await dropped(JSON.stringify(broken), 'broken.json') });
  await expect(widget.locator('.notices')).toContainText('tiers[0].annual_fe: unknown field');
  await expectShowsProgram(page, widget, referral);
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('without allow-program-file there is no picker and no drop zone', async ({ page }) => {
  const errors = collectErrors(page);
  const url = await serveHostPage(page, 'no-program-file', hostDocument({ body: '<partner-roi program="example" id="w"></partner-roi>' }));
  await page.goto(url);
  await expect(page.locator('#w .tier-card')).toHaveCount(4);
  await expect(page.locator('#w .program-file')).toHaveCount(0);
  await expect(page.locator('#w input[type="file"]')).toHaveCount(0);
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('adding allow-program-file at run time offers the picker; removing it takes it away', async ({ page }) => {
  // docs/embedding.md: "Changing an attribute at run time re-renders the widget", and
  // `allow-program-file` is one of the element's observed attributes.
  const errors = collectErrors(page);
  const url = await serveHostPage(page, 'program-file-later', hostDocument({ body: '<partner-roi program="example" id="w"></partner-roi>' }));
  await page.goto(url);
  await expect(page.locator('#w .tier-card')).toHaveCount(4);
  await expect(page.locator('#w .program-file')).toHaveCount(0);
  await page.evaluate(() => document.getElementById('w').setAttribute('allow-program-file', ''));
  await expect(page.locator('#w').getByLabel('Load a program file (JSON)')).toBeVisible();
  await page.evaluate(() => document.getElementById('w').removeAttribute('allow-program-file'));
  await expect(page.locator('#w .program-file')).toHaveCount(0);
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});
