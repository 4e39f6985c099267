// What a rep hands over carries the way back to the figures (issue 30.4): the handout prints
// a QR code of the link to these figures beside the call to action's address without its
// tracking query, "Prepared by" travels with the link, Copy summary carries what the handout
// carries, and a link made in the offline file points to the program's public page.
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { test, expect } = require('@playwright/test');
const { ORIGIN, DIST, serveHostPage, hostDocument, collectErrors } = require('./support/helpers');
const {
  DEFAULT_PROGRAM_ID,
  settledState,
  typeInput,
  readClipboard,
  allowClipboard,
  pdfText,
  readQrCode,
  squeeze,
} = require('./support/sales');

const DEAL = 'Yearly license value per client';
const PAGE = hostDocument({
  body: '<partner-roi id="w" loading="eager" tools="all" program-src="/programs/reseller.json"></partner-roi>',
});

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  await page.addInitScript(() => {
    window.printCalls = 0;
    window.print = () => { window.printCalls += 1; };
  });
});

test('the handout prints "Prepared by", a QR code of the link and the plain address; the summary carries the same', async ({ page, context, browser }) => {
  const errors = collectErrors(page);
  await allowClipboard(context, ORIGIN);
  const url = await serveHostPage(page, 'handout-link', PAGE);
  await page.goto(url);
  const widget = page.locator('#w');
  await expect(widget.locator('.tier-card')).toHaveCount(4);
  await typeInput(page, widget, '#w', DEAL, 'deal_value', '43210');
  const { result } = await settledState(page, '#w');
  const chosen = result.tiers[result.tiers.length - 1];
  await widget.locator('.tier-card').last().getByRole('button', { name: 'Show year by year' }).click();
  const href = await widget.locator('.cta-button').getAttribute('href');
  expect(href, 'the button keeps its tracking query').toContain(`tier=${chosen.id}`);
  const address = href.split('?')[0];

  await widget.getByRole('button', { name: 'Print / Save as PDF' }).click();
  await widget.getByRole('textbox', { name: 'Prepared for (optional)' }).fill('Acme Consulting GmbH');
  await widget.getByRole('textbox', { name: 'Prepared by (optional)' }).fill('Jo Rep');
  await widget.getByRole('textbox', { name: 'Your email (optional)' }).fill('jo@vendor.example');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.printCalls)).toBe(1);

  const flat = squeeze((await pdfText(await page.pdf({ format: 'A4', printBackground: true }))).text);
  expect(flat).toContain(squeeze('Prepared for Acme Consulting GmbH'));
  expect(flat).toContain(squeeze('Prepared by Jo Rep'));
  expect(flat).toContain(squeeze(`Apply to become a partner – ${chosen.name}: ${address}`));
  expect(flat, 'no tracking query on paper').not.toMatch(/tier=|net=|program=/);
  expect(flat).toContain(squeeze('Scan to open these figures online'));

  // The QR code reads as the link to these figures, with the rep in it.
  const qr = widget.locator('svg.handout-qr');
  const link = await readQrCode(qr);
  expect(link).toBe(await qr.getAttribute('data-url'));
  expect(link.startsWith(`${url}#partner-roi-w=3~example-reseller~${chosen.id}~`), link).toBe(true);
  expect(link.endsWith('~Jo%20Rep,jo%40vendor.example'), link).toBe(true);

  // Copy summary: what the handout carries.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await widget.getByRole('button', { name: 'Copy summary', exact: true }).click();
  await expect(widget.locator('.toolbar-status')).toContainText('Summary copied');
  const summary = await readClipboard(page);
  const lines = summary.split('\n');
  expect(lines.slice(1, 3)).toEqual(['Prepared for Acme Consulting GmbH', 'Prepared by Jo Rep']);
  expect(lines).toContain(`Apply to become a partner – ${chosen.name}: ${address}`);
  expect(lines).toContain(`These figures online: ${link}`);
  expect(summary).not.toContain('tier=');

  // Scanned on another device, the link opens the same figures, prepared by the same rep.
  const other = await browser.newContext();
  try {
    const phone = await other.newPage();
    expect(await serveHostPage(phone, 'handout-link', PAGE)).toBe(url);
    await phone.goto(link);
    const scanned = phone.locator('#w');
    await expect(scanned.locator('.year-table-scroll caption')).toHaveText(`${chosen.name}: year by year`);
    expect((await settledState(phone, '#w')).inputs).toEqual((await settledState(page, '#w')).inputs);
    await expect(scanned.locator('.handout-prepared-by')).toHaveText('Prepared by Jo Rep');
  } finally {
    await other.close();
  }
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('in the offline file, links point to the program\'s public page, not to file://', async ({ page }) => {
  const fileUrl = pathToFileURL(path.join(DIST, 'partner-roi.html')).href;
  const selector = '#partner-roi-offline';
  await page.addInitScript(() => {
    window.copied = [];
    navigator.clipboard.writeText = (text) => { window.copied.push(text); return Promise.resolve(); };
  });
  await page.goto(fileUrl);
  const widget = page.locator(selector);
  await expect(widget.locator('.tier-card')).toHaveCount(4);
  // Without a public page the link can only be the file's own.
  await widget.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect.poll(() => page.evaluate(() => window.copied.length)).toBe(1);
  expect(await page.evaluate(() => window.copied[0])).toMatch(/^file:\/\//);

  await page.evaluate((id) => {
    const element = document.querySelector(id);
    element.program = { ...element.program, share_url: 'https://vendor.example/partners' };
  }, selector);
  await expect.poll(() => page.evaluate((id) => document.querySelector(id).program.share_url, selector))
    .toBe('https://vendor.example/partners');
  await typeInput(page, widget, selector, DEAL, 'deal_value', '43210');
  await widget.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect.poll(() => page.evaluate(() => window.copied.length)).toBe(2);
  const copied = await page.evaluate(() => window.copied[1]);
  expect(copied).toMatch(new RegExp(`^https://vendor\\.example/partners#partner-roi-partner-roi-offline=2~${DEFAULT_PROGRAM_ID}~[^&]*\\b43210\\b`));
  const qr = widget.locator('svg.handout-qr');
  await expect(qr).toHaveAttribute('data-url', copied);
  expect(await readQrCode(qr)).toBe(copied);
});
