// The program designer (dist/designer.html): a vendor builds a program by keyboard, imports
// and exports files that round-trip, sees problems at their fields, previews the real
// widget, undoes and redoes, keeps a draft, and downloads an offline demo that works from
// disk. Everything happens in the page: the designer makes no request.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { test, expect } = require('@playwright/test');
const {
  DIST,
  collectErrors,
  expectNoAxeViolations,
  hostDocument,
  serveHostPage,
} = require('./support/helpers');

const DESIGNER = '/designer.html';
const FILE_URL = pathToFileURL(path.join(DIST, 'designer.html')).href;
const BUILT_IN_TIERS = ['Registered', 'Silver', 'Gold', 'Platinum'];
const EXAMPLES = ['cloud-services.json', 'referral.json', 'reseller.json'];

/** The designer's field for a program path (`tiers[1].name`), as `FieldPath::dom_id` names it. */
function field(page, programPath) {
  return page.locator(`#field-${programPath.replace(/[^A-Za-z0-9]/g, '-')}`);
}

/** The preview's widget. */
function preview(page) {
  return page.locator('.preview partner-roi');
}

/** Presses Tab until `locator` has focus (the keyboard alone reaches it), at most `limit` times. */
async function tabTo(page, locator, limit = 400) {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await locator.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${locator}`);
}

/** Tabs to the field of `programPath`, selects what it holds and types `text`. */
async function typeInto(page, programPath, text) {
  await tabTo(page, field(page, programPath));
  await page.keyboard.press('ControlOrMeta+A');
  if (text === '') await page.keyboard.press('Delete');
  else await page.keyboard.type(text);
}

/** Clicks the download button named `name` and returns the download. */
async function download(page, name) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  return file;
}

async function downloadedText(file) {
  return fs.readFileSync(await file.path(), 'utf8');
}

/** Pastes `text` into the import box and imports it. */
async function importText(page, text) {
  await page.getByLabel('Or paste its JSON:').fill(text);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
}

async function openDesigner(page) {
  await page.goto(DESIGNER);
  await expect(field(page, 'name')).toHaveValue('Example Cloud Partner Program');
  await expect(preview(page).locator('.tier-card .tier-name')).toHaveText(BUILT_IN_TIERS);
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
});

test('a 3-tier program built from blank by keyboard alone downloads, and a widget shows exactly its tiers and terms', async ({ page }) => {
  const errors = collectErrors(page);
  await openDesigner(page);

  // Start from the blank program: the starting point list, then Start.
  await tabTo(page, page.getByLabel('Starting point'));
  await page.keyboard.press('End');
  await expect(page.getByLabel('Starting point')).toHaveValue('A blank program with one tier');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(field(page, 'name')).toHaveValue('My partner program');
  await expect(field(page, 'tiers[0].id')).toHaveValue('partner');

  await typeInto(page, 'id', 'acme-partners');
  await typeInto(page, 'name', 'Acme Partner Program');
  await typeInto(page, 'vendor', 'Acme');
  await typeInto(page, 'currency', 'EUR');
  await typeInto(page, 'tiers[0].id', 'registered');
  await typeInto(page, 'tiers[0].name', 'Registered');
  await typeInto(page, 'tiers[0].resale_margin_pct', '10');

  const addTier = page.getByRole('button', { name: '+ Add a tier' });
  await tabTo(page, addTier);
  await page.keyboard.press('Enter');
  await typeInto(page, 'tiers[1].id', 'silver');
  await typeInto(page, 'tiers[1].name', 'Silver');
  await typeInto(page, 'tiers[1].resale_margin_pct', '15');
  await typeInto(page, 'tiers[1].annual_fee', '1000');
  await typeInto(page, 'tiers[1].min_certified_staff', '2');

  await tabTo(page, addTier);
  await page.keyboard.press('Enter');
  await typeInto(page, 'tiers[2].id', 'gold');
  await typeInto(page, 'tiers[2].name', 'Gold');
  await typeInto(page, 'tiers[2].resale_margin_pct', '20.5');
  await typeInto(page, 'tiers[2].referral_share_pct', '12');
  await typeInto(page, 'tiers[2].annual_fee', '5000');
  await typeInto(page, 'tiers[2].min_annual_revenue', '100000');

  await expect(page.locator('#summary-heading')).toHaveText('No problems: the preview shows this draft.');
  await expect(preview(page).locator('.tier-card .tier-name')).toHaveText(['Registered', 'Silver', 'Gold']);

  const downloadButton = page.getByRole('button', { name: 'Download acme-partners.json' });
  await tabTo(page, downloadButton);
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(file.suggestedFilename()).toBe('acme-partners.json');
  const text = await downloadedText(file);
  const program = JSON.parse(text);
  expect(program).toEqual({
    version: 1,
    id: 'acme-partners',
    name: 'Acme Partner Program',
    vendor: 'Acme',
    currency: 'EUR',
    tiers: [
      { id: 'registered', name: 'Registered', resale_margin_pct: 10 },
      { id: 'silver', name: 'Silver', resale_margin_pct: 15, annual_fee: 1000, min_certified_staff: 2 },
      { id: 'gold', name: 'Gold', resale_margin_pct: 20.5, referral_share_pct: 12, annual_fee: 5000, min_annual_revenue: 100000 },
    ],
  });
  // The digits as typed, in the format's key order.
  expect(text).toContain('"resale_margin_pct": 20.5');
  expect(text.indexOf('"version"')).toBeLessThan(text.indexOf('"tiers"'));
  await expect(page.locator('.saved-state')).toHaveText('No unsaved changes');

  // A widget embedded with the downloaded file shows exactly those tiers and terms.
  const inline = text.replace(/</g, '\\u003c');
  await page.goto(await serveHostPage(page, 'designed-program', hostDocument({
    body: `<partner-roi program="example" id="w" loading="eager"><script type="application/json">{"program": ${inline}}</script></partner-roi>`,
  })));
  const widget = page.locator('#w');
  await expect(widget.locator('.program-name')).toHaveText('Acme Partner Program');
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(['Registered', 'Silver', 'Gold']);
  const result = await page.evaluate(() => document.getElementById('w').result);
  expect(result.tiers.map((tier) => tier.id)).toEqual(['registered', 'silver', 'gold']);
  expect(await page.evaluate(() => document.getElementById('w').program)).toEqual(program);
  expect(errors).toEqual([]);
});

test('every example program and the built-in one: import, export, and a second export is byte-identical', async ({ page, request }) => {
  await openDesigner(page);
  const sources = [['built-in', null], ...EXAMPLES.map((name) => [name, `/programs/${name}`])];
  for (const [name, url] of sources) {
    let original;
    if (url) {
      original = await (await request.get(url)).text();
      await importText(page, original);
    } else {
      await page.getByLabel('Starting point').selectOption({ index: 0 });
      await page.getByRole('button', { name: 'Start', exact: true }).click();
    }
    await expect(page.locator('#summary-heading'), name).toHaveText('No problems: the preview shows this draft.');
    await expect(page.locator('.import-report'), name).toHaveCount(0);
    const id = await field(page, 'id').inputValue();
    const first = await downloadedText(await download(page, `Download ${id}.json`));
    if (original) expect(JSON.parse(first), `${name}: the same document`).toEqual(JSON.parse(original));
    // Read back through the file picker, written again: byte for byte.
    await page.getByLabel('Pick a file, or drop one here:').setInputFiles({
      name: `${id}.json`, mimeType: 'application/json', buffer: Buffer.from(first),
    });
    await expect(page.locator('.import-report')).toHaveCount(0);
    const second = await downloadedText(await download(page, `Download ${id}.json`));
    expect(second, `${name}: a second export`).toBe(first);
  }
});

test('an invalid import lists what it could not keep, shows each problem at its field and keeps the rest', async ({ page, request }) => {
  await openDesigner(page);
  await importText(page, '{"id": "broken", ');
  await expect(page.locator('.import-report')).toContainText('line 1');
  await expect(page.locator('.import-report')).toContainText('the draft is unchanged');
  await expect(field(page, 'name')).toHaveValue('Example Cloud Partner Program');

  const program = await (await request.get('/programs/reseller.json')).json();
  program.tiers[1].resale_margn_pct = 15;
  program.tiers[0].referral_share_pct = 120;
  await importText(page, JSON.stringify(program));
  await expect(page.locator('.import-report li')).toHaveText([
    /^Not kept: tiers\[1\]\.resale_margn_pct: unknown field, did you mean resale_margin_pct\?/,
  ]);
  const share = field(page, 'tiers[0].referral_share_pct');
  await expect(share).toHaveValue('120');
  await expect(share).toHaveAttribute('aria-invalid', 'true');
  const problem = page.locator(`#${await share.getAttribute('id')}-problem`);
  await expect(problem).toContainText('120');
  await expect(page.locator('#summary-heading')).toHaveText('1 problem: the preview shows the last valid draft.');
  // The valid parts are all there.
  await expect(field(page, 'name')).toHaveValue(program.name);
  await expect(field(page, `tiers[${program.tiers.length - 1}].name`)).toHaveValue(program.tiers[program.tiers.length - 1].name);
  // The summary's entry moves focus to the field.
  await page.locator('.summary').getByRole('button').first().click();
  await expect(share).toBeFocused();
  // The preview kept the last valid program.
  await expect(preview(page).locator('.tier-card .tier-name')).toHaveText(BUILT_IN_TIERS);
  await share.fill('12');
  await expect(page.locator('#summary-heading')).toHaveText('No problems: the preview shows this draft.');
  await expect(preview(page).locator('.tier-card .tier-name')).toHaveText(program.tiers.map((tier) => tier.name));
});

test('a program file dropped on the start panel is imported', async ({ page, request }) => {
  await openDesigner(page);
  const text = await (await request.get('/programs/referral.json')).text();
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'referral.json', { type: 'application/json' }));
    return transfer;
  }, text);
  await page.locator('section.start').dispatchEvent('dragover', { dataTransfer });
  await page.locator('section.start').dispatchEvent('drop', { dataTransfer });
  await expect(field(page, 'name')).toHaveValue(JSON.parse(text).name);
  await expect(preview(page).locator('.tier-card .tier-name')).toHaveText(JSON.parse(text).tiers.map((tier) => tier.name));
});

test('undo and redo by shortcut and button; tiers duplicate, move and go', async ({ page }) => {
  await openDesigner(page);
  const vendor = field(page, 'vendor');
  await vendor.fill('');
  await vendor.pressSequentially('Acme');
  await expect(page.locator('.saved-state')).toHaveText('Unsaved changes (kept in this browser)');
  // Typing in one field is one step.
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(vendor).toHaveValue('Example Cloud');
  await expect(page.locator('.saved-state')).toHaveText('No unsaved changes');
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(vendor).toHaveValue('Acme');
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(vendor).toHaveValue('Example Cloud');
  await page.keyboard.press('ControlOrMeta+Y');
  await expect(vendor).toHaveValue('Acme');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(vendor).toHaveValue('Example Cloud');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(vendor).toHaveValue('Acme');

  const names = page.locator('.tier-title');
  await page.getByRole('button', { name: 'Duplicate Silver' }).click();
  await expect(names).toHaveText(['Tier 1 · Registered', 'Tier 2 · Silver', 'Tier 3 · Silver (copy)', 'Tier 4 · Gold', 'Tier 5 · Platinum']);
  await expect(field(page, 'tiers[2].id')).toHaveValue('silver-copy');
  await page.getByRole('button', { name: 'Move Silver (copy) down' }).click();
  await expect(names.nth(3)).toHaveText('Tier 4 · Silver (copy)');
  await page.getByRole('button', { name: 'Remove Silver (copy)' }).click();
  await expect(names).toHaveCount(4);
  // By dragging: Platinum's handle onto Registered.
  const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
  await page.locator('.tier').nth(3).locator('.drag-handle').dispatchEvent('dragstart', { dataTransfer });
  await page.locator('.tier').nth(0).dispatchEvent('dragover', { dataTransfer });
  await page.locator('.tier').nth(0).dispatchEvent('drop', { dataTransfer });
  await expect(names.first()).toHaveText('Tier 1 · Platinum');
  await expect(preview(page).locator('.tier-card .tier-name').first()).toHaveText('Platinum');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(names.first()).toHaveText('Tier 1 · Registered');
});

test('the draft is kept, restored on reload, discarded on request; leaving with unsaved changes asks first', async ({ page }) => {
  await openDesigner(page);
  await field(page, 'name').fill('Draft program');
  await page.reload();
  await expect(page.getByText('Your draft from your last visit was restored.')).toBeVisible();
  await expect(field(page, 'name')).toHaveValue('Draft program');
  await expect(page.locator('.saved-state')).toHaveText('Unsaved changes (kept in this browser)');

  let asked = null;
  page.once('dialog', async (dialog) => {
    asked = dialog.type();
    await dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toBe('beforeunload');
});

test('discarding the restored draft goes back to the built-in program and forgets it', async ({ page }) => {
  await openDesigner(page);
  await field(page, 'name').fill('Draft program');
  await page.reload();
  await page.getByRole('button', { name: 'Discard draft' }).click();
  await expect(field(page, 'name')).toHaveValue('Example Cloud Partner Program');
  await expect(page.locator('.saved-state')).toHaveText('No unsaved changes');
  await page.reload();
  await expect(field(page, 'name')).toHaveValue('Example Cloud Partner Program');
  await expect(page.getByText('Your draft from your last visit was restored.')).toHaveCount(0);
});

test('the preview follows width, colours, language and prospect, and the profiles table names a tier each', async ({ page }) => {
  await openDesigner(page);
  const rows = page.locator('.profiles tbody tr');
  await expect(rows).toHaveCount(3);
  const tiers = await rows.locator('td:nth-child(2)').allTextContents();
  for (const tier of tiers) expect(BUILT_IN_TIERS).toContain(tier);
  expect(tiers[0]).not.toBe(tiers[2]);
  // A net, which for a small prospect may be a loss.
  await expect(rows.first().locator('td').last()).toHaveText(/^-?\$[\d,]+$/);

  await page.getByLabel('Width').selectOption('phone');
  await expect.poll(() => preview(page).evaluate((element) => Math.round(element.getBoundingClientRect().width))).toBe(375);
  await page.getByLabel('Colours').selectOption('dark');
  await expect(preview(page)).toHaveAttribute('theme', 'dark');
  await page.getByLabel('Widget language').selectOption('de');
  await expect(preview(page)).toHaveAttribute('lang', 'de');
  await expect(preview(page).locator('.program-name')).toHaveText('Partnerprogramm von Example Cloud');
  await page.getByLabel('Prospect').selectOption('Large MSP');
  await expect.poll(() => preview(page).evaluate((element) => element.inputs?.existing_clients)).toBe('400');
});

for (const scheme of ['light', 'dark']) {
  test(`axe finds nothing in the designer (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: scheme });
    await openDesigner(page);
    await field(page, 'tiers[0].name').fill('');
    await expect(page.locator('#summary-heading')).toHaveText('1 problem: the preview shows the last valid draft.');
    await expectNoAxeViolations(page, `the designer, ${scheme}`);
  });
}

test('narrow screens show the editor and the preview as tabs', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await openDesigner(page);
  await expect(field(page, 'name')).toBeVisible();
  await expect(preview(page)).toBeHidden();
  await page.getByRole('tab', { name: 'Preview' }).click();
  await expect(preview(page).locator('.tier-card .tier-name')).toHaveText(BUILT_IN_TIERS);
  await expect(field(page, 'name')).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('Copy puts a snippet on the clipboard and says so; a refused copy says it was not copied', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(DESIGNER, test.info().project.use.baseURL).origin });
  await openDesigner(page);
  const status = page.locator('p.status[role="status"]');
  await page.getByRole('button', { name: 'Copy the program-src snippet' }).click();
  await expect(status).toHaveText('Copied the program-src snippet.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.locator('#snippet-src').inputValue());

  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await page.getByRole('button', { name: 'Copy the embedded snippet' }).click();
  await expect(status).toHaveText('Not copied: the browser refused the clipboard; select the embedded snippet and copy it.');
});

test.describe('from disk with the network blocked', () => {
  test('designer.html works from file:// and its offline demo shows the designed program alone', async ({ context }) => {
    const requests = [];
    context.on('request', (request) => requests.push(request.url()));
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort('blockedbyclient')));
    const page = await context.newPage();
    await page.setViewportSize({ width: 1400, height: 1000 });
    const errors = collectErrors(page);
    await page.goto(FILE_URL);
    await expect(field(page, 'name')).toHaveValue('Example Cloud Partner Program');
    await expect(preview(page).locator('.tier-card .tier-name')).toHaveText(BUILT_IN_TIERS);
    await field(page, 'name').fill('Offline Demo Program');
    await field(page, 'tiers[3].name').fill('Diamond');

    const demo = await download(page, 'Download an offline demo');
    expect(demo.suggestedFilename()).toBe('example-cloud-offline.html');
    const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'designer-')), demo.suggestedFilename());
    await demo.saveAs(saved);
    const demoUrl = pathToFileURL(saved).href;
    await page.goto(demoUrl);
    const widget = page.locator('partner-roi');
    await expect(widget.locator('.program-name')).toHaveText('Offline Demo Program');
    await expect(widget.locator('.tier-card .tier-name')).toHaveText(['Registered', 'Silver', 'Gold', 'Diamond']);
    await expect(page).toHaveTitle('Offline Demo Program');
    // It shows this program alone: no file picker.
    await expect(widget.getByLabel('Load a program file (JSON)')).toHaveCount(0);
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
