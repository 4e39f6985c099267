// Saved state: the widget keeps the partner's figures in localStorage under
// `partner-roi:<program id>:<element id>` and restores them on the next visit, unless
// `persist="off"`. Unreadable saved figures are ignored with a notice; a share link wins
// over saved figures; "Reset to defaults" goes back to the program's defaults. The
// offline file (file://) keeps its figures too.
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { test, expect } = require('@playwright/test');
const {
  DIST,
  ORIGIN,
  serveHostPage,
  hostDocument,
  collectErrors,
  expectShowsAmount,
} = require('./support/helpers');
const {
  DEFAULT_TIERS,
  DEFAULT_PROGRAM_ID,
  settledState,
  typeInput,
  readClipboard,
  allowClipboard,
} = require('./support/sales');

const DEAL = 'Yearly license value per client';
const CLIENTS = 'Existing clients';
const KEY = `partner-roi:${DEFAULT_PROGRAM_ID}:`;
const PLAIN_PAGE = hostDocument({ body: '<partner-roi program="example"></partner-roi>' });

/** Every localStorage key of the widget (`partner-roi:` prefix). */
const savedKeys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('partner-roi:')).sort());
const savedCode = (page, key = KEY) => page.evaluate((key) => localStorage.getItem(key), key);

async function expectCardsShowResult(page, selector = 'partner-roi') {
  const state = await settledState(page, selector);
  const nets = await page.locator(selector).locator('.tier-card .tier-net-value').allTextContents();
  state.result.tiers.forEach((tier, index) => expectShowsAmount(nets[index], tier.net, `${tier.name} net`));
  return state;
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
});

test('typed figures and the selected tier come back after a reload', async ({ page }) => {
  const errors = collectErrors(page);
  const url = await serveHostPage(page, 'saved', PLAIN_PAGE);
  await page.goto(url);
  const widget = page.locator('partner-roi');
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
  const initial = await settledState(page);

  await typeInput(page, widget, 'partner-roi', DEAL, 'deal_value', '43210');
  const { result } = await settledState(page);
  const other = result.tiers.find((tier) => tier.id !== result.recommended_tier);
  await widget.getByRole('article', { name: `${other.name} tier`, exact: true }).locator('.tier-select').click();
  await expect(widget.locator('.year-table-scroll caption')).toHaveText(`${other.name}: year by year`);
  const typed = await settledState(page);
  expect(typed.inputs).not.toEqual(initial.inputs);
  await expect.poll(() => savedCode(page)).toMatch(new RegExp(`^2~${DEFAULT_PROGRAM_ID}~${other.id}~.*\\b43210\\b`));
  expect(await savedKeys(page)).toEqual([KEY]);

  await page.reload();
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
  const restored = await expectCardsShowResult(page);
  expect(restored.inputs).toEqual(typed.inputs);
  expect(restored.result).toEqual(typed.result);
  await expect(widget.getByLabel(DEAL, { exact: true })).toHaveValue(/^43,?210$/);
  await expect(widget.locator('.year-table-scroll caption')).toHaveText(`${other.name}: year by year`);
  await expect(widget.locator('.notices')).toHaveCount(0);
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

for (const corrupted of ['garbage', '1~example-cloud~~', '\u0000%%%~~~']) {
  test(`unreadable saved figures (${JSON.stringify(corrupted)}) are ignored with a notice`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.addInitScript(([key, value]) => {
      try {
        localStorage.setItem(key, value);
      } catch {
        // about:blank has no storage.
      }
    }, [KEY, corrupted]);
    const url = await serveHostPage(page, 'saved-corrupt', PLAIN_PAGE);
    await page.goto(url);
    const widget = page.locator('partner-roi');
    await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
    const notices = widget.locator('.notices');
    await expect(notices).toBeVisible();
    await expect(notices).toContainText('saved figures could not be read');
    const state = await expectCardsShowResult(page);
    const defaults = await page.evaluate(() => PartnerRoi.project(null, null));
    expect(state.result, 'the default figures').toEqual(defaults);

    // Still computes, and saves readable figures again.
    const nets = await widget.locator('.tier-net-value').allTextContents();
    await typeInput(page, widget, 'partner-roi', DEAL, 'deal_value', '31000');
    await expect(widget.locator('.tier-net-value').first()).not.toHaveText(nets[0]);
    await expectCardsShowResult(page);
    await expect.poll(() => savedCode(page)).toMatch(new RegExp(`^2~${DEFAULT_PROGRAM_ID}~.*\\b31000\\b`));
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });
}

test('persist="off" keeps nothing in localStorage and restores nothing', async ({ page }) => {
  const errors = collectErrors(page);
  const url = await serveHostPage(page, 'saved-off', hostDocument({
    body: '<partner-roi program="example" persist="off" loading="eager"></partner-roi>\n<partner-roi program="example" id="quiet" persist="off" loading="eager"></partner-roi>',
  }));
  await page.goto(url);
  const first = page.locator('partner-roi').first();
  const quiet = page.locator('#quiet');
  await expect(first.locator('.tier-card')).toHaveCount(4);
  await expect(quiet.locator('.tier-card')).toHaveCount(4);
  const initial = await settledState(page, 'partner-roi');

  await typeInput(page, first, 'partner-roi', DEAL, 'deal_value', '43210');
  await typeInput(page, first, 'partner-roi', CLIENTS, 'existing_clients', '321');
  await typeInput(page, quiet, '#quiet', DEAL, 'deal_value', '23456');
  await first.getByRole('article', { name: 'Registered tier' }).locator('.tier-select').click();
  await settledState(page, 'partner-roi');
  await settledState(page, '#quiet');
  expect(await savedKeys(page)).toEqual([]);

  await page.reload();
  await expect(first.locator('.tier-card')).toHaveCount(4);
  const after = await settledState(page, 'partner-roi');
  expect(after.inputs, 'nothing restored').toEqual(initial.inputs);
  expect((await settledState(page, '#quiet')).inputs).toEqual(initial.inputs);
  expect(await savedKeys(page)).toEqual([]);

  // Nor does it read what another page saved under its key.
  await page.evaluate((key) => localStorage.setItem(key, 'garbage'), KEY);
  await page.reload();
  await expect(first.locator('.tier-card')).toHaveCount(4);
  expect((await settledState(page, 'partner-roi')).inputs).toEqual(initial.inputs);
  await expect(first.locator('.notices')).toHaveCount(0);
  expect(await savedCode(page)).toBe('garbage');
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('each element id keeps its own saved figures', async ({ page }) => {
  const errors = collectErrors(page);
  const url = await serveHostPage(page, 'saved-ids', hostDocument({
    body: '<partner-roi program="example" id="left" loading="eager"></partner-roi>\n<partner-roi program="example" id="right" loading="eager"></partner-roi>',
  }));
  await page.goto(url);
  const left = page.locator('#left');
  const right = page.locator('#right');
  await expect(left.locator('.tier-card')).toHaveCount(4);
  await expect(right.locator('.tier-card')).toHaveCount(4);
  await typeInput(page, left, '#left', DEAL, 'deal_value', '11111');
  await typeInput(page, right, '#right', DEAL, 'deal_value', '22222');
  await expect.poll(() => savedKeys(page)).toEqual([`${KEY}left`, `${KEY}right`]);

  await page.reload();
  await expect(left.locator('.tier-card')).toHaveCount(4);
  expect((await settledState(page, '#left')).inputs.deal_value).toBe('11111');
  expect((await settledState(page, '#right')).inputs.deal_value).toBe('22222');
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('saved figures win over the inputs attribute', async ({ page }) => {
  const errors = collectErrors(page);
  const url = await serveHostPage(page, 'saved-vs-attribute', hostDocument({
    body: `<partner-roi program="example" inputs='{"deal_value": 20000, "existing_clients": 55}'></partner-roi>`,
  }));
  await page.goto(url);
  const widget = page.locator('partner-roi');
  await expect(widget.locator('.tier-card')).toHaveCount(4);
  const prefilled = await settledState(page);
  expect(prefilled.inputs.deal_value).toBe('20000');
  expect(prefilled.inputs.existing_clients).toBe('55');
  await typeInput(page, widget, 'partner-roi', DEAL, 'deal_value', '43210');
  await expect.poll(() => savedCode(page)).toMatch(/\b43210\b/);

  await page.reload();
  await expect(widget.locator('.tier-card')).toHaveCount(4);
  const restored = await settledState(page);
  expect(restored.inputs.deal_value, 'the saved value').toBe('43210');
  expect(restored.inputs.existing_clients).toBe('55');
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('a share link wins over saved figures', async ({ page, context }) => {
  const errors = collectErrors(page);
  await allowClipboard(context, ORIGIN);
  const url = await serveHostPage(page, 'saved-vs-link', PLAIN_PAGE);
  await page.goto(url);
  const widget = page.locator('partner-roi');
  await expect(widget.locator('.tier-card')).toHaveCount(4);

  // The link carries 77777 ...
  await typeInput(page, widget, 'partner-roi', DEAL, 'deal_value', '77777');
  await widget.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(widget.locator('.toolbar-status')).toContainText('Link copied');
  const link = await readClipboard(page);
  expect(link).toContain('#partner-roi=');
  // ... and the saved figures 33333.
  await typeInput(page, widget, 'partner-roi', DEAL, 'deal_value', '33333');
  await expect.poll(() => savedCode(page)).toMatch(/\b33333\b/);

  const linked = await context.newPage();
  const linkedErrors = collectErrors(linked);
  await serveHostPage(linked, 'saved-vs-link', PLAIN_PAGE);
  await linked.goto(link);
  const linkedWidget = linked.locator('partner-roi');
  await expect(linkedWidget.locator('.tier-card')).toHaveCount(4);
  expect((await settledState(linked)).inputs.deal_value, "the link's value").toBe('77777');
  await expect(linkedWidget.getByLabel(DEAL, { exact: true })).toHaveValue(/^77,?777$/);
  await expect(linkedWidget.locator('.notices')).toHaveCount(0);

  expect(linkedErrors, 'console errors, page errors and failed requests (linked page)').toEqual([]);
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('"Reset to defaults" restores the program defaults, and they are what is saved', async ({ page }) => {
  const errors = collectErrors(page);
  const url = await serveHostPage(page, 'saved-reset', PLAIN_PAGE);
  await page.goto(url);
  const widget = page.locator('partner-roi');
  await expect(widget.locator('.tier-card')).toHaveCount(4);
  const initial = await settledState(page);
  const defaults = await page.evaluate(() => PartnerRoi.project(null, null));
  expect(initial.result).toEqual(defaults);
  const initialNets = await widget.locator('.tier-net-value').allTextContents();

  await typeInput(page, widget, 'partner-roi', DEAL, 'deal_value', '43210');
  await typeInput(page, widget, 'partner-roi', CLIENTS, 'existing_clients', '321');
  await expect(widget.locator('.tier-net-value').first()).not.toHaveText(initialNets[0]);
  expect((await settledState(page)).inputs).not.toEqual(initial.inputs);

  await widget.getByRole('button', { name: 'Reset to defaults', exact: true }).click();
  await expect.poll(async () => (await settledState(page)).inputs).toEqual(initial.inputs);
  const reset = await expectCardsShowResult(page);
  expect(reset.result).toEqual(defaults);
  await expect(widget.locator('.tier-net-value')).toHaveText(initialNets);
  const defaultDeal = await widget.getByLabel(DEAL, { exact: true }).inputValue();
  expect(defaultDeal.replace(/\D/g, '')).toBe(initial.inputs.deal_value.replace(/\.0+$/, ''));

  await page.reload();
  await expect(widget.locator('.tier-card')).toHaveCount(4);
  expect((await settledState(page)).inputs, 'the defaults were saved').toEqual(initial.inputs);
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('the offline file keeps the figures across a reload (file://)', async ({ page }) => {
  const fileUrl = pathToFileURL(path.join(DIST, 'partner-roi.html')).href;
  const errors = collectErrors(page);
  await page.goto(fileUrl);
  const selector = '#partner-roi-offline';
  const widget = page.locator(selector);
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
  const initial = await settledState(page, selector);
  await typeInput(page, widget, selector, DEAL, 'deal_value', '43210');
  await typeInput(page, widget, selector, CLIENTS, 'existing_clients', '321');
  const typed = await settledState(page, selector);
  expect(typed.inputs).not.toEqual(initial.inputs);
  await expect.poll(() => savedCode(page, `${KEY}partner-roi-offline`)).toMatch(/\b43210\b/);

  await page.reload();
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
  const restored = await settledState(page, selector);
  expect(restored.inputs).toEqual(typed.inputs);
  expect(restored.result).toEqual(typed.result);
  await expect(widget.getByLabel(DEAL, { exact: true })).toHaveValue(/^43,?210$/);
  expect(errors, 'console errors and page errors').toEqual([]);
});
