// Only the page's language travels (issue 33, part 1): the wasm speaks English, every other
// language is a file beside it (dist/partner-roi.<tag>.json) that element.js fetches once a
// page, in parallel with the wasm, and installs before the widget first draws. A file that
// does not come, or is not usable, leaves the widget in English with a console warning. The
// single-file page has every language inside it and asks for none.
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { test, expect } = require('@playwright/test');
const { DIST, serveHostPage, hostDocument, collectErrors, catalogue } = require('./support/helpers');

const LANGUAGE_FILE = /\/partner-roi\.([A-Za-z-]+)\.json$/;

/** A page in `lang` with `count` eager widgets of the built-in program. */
function languagePage(lang, count = 1) {
  const widgets = Array.from({ length: count }, (_, index) => `<partner-roi id="w${index}" program="example" loading="eager"></partner-roi>`);
  return hostDocument({ body: widgets.join('\n') }).replace('<html lang="en">', `<html lang="${lang}">`);
}

/** The tags of the language files `page` asks for, in order. */
function languageRequests(page) {
  const tags = [];
  page.on('request', (request) => {
    const match = LANGUAGE_FILE.exec(new URL(request.url()).pathname);
    if (match) tags.push(match[1]);
  });
  return tags;
}

/** The console warnings `page` writes. */
function warnings(page) {
  const found = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') found.push(message.text());
  });
  return found;
}

test('a German page fetches the German file once, while the wasm loads, and draws German from the first frame', async ({ page }) => {
  const errors = collectErrors(page);
  const tags = languageRequests(page);
  // The wasm is held until the German file has been asked for: were that request to wait
  // for the wasm, the page would never load.
  let germanAsked;
  const germanRequested = new Promise((resolve) => { germanAsked = resolve; });
  page.on('request', (request) => {
    if (request.url().endsWith('/partner-roi.de.json')) germanAsked();
  });
  await page.route('**/partner-roi_bg.wasm', async (route) => {
    await germanRequested;
    await route.continue();
  });
  // And the German file is held until the wasm runs: the widget waits for it, showing its
  // skeleton, instead of drawing English first.
  let releaseGerman;
  const germanHeld = new Promise((resolve) => { releaseGerman = resolve; });
  await page.route('**/partner-roi.de.json', async (route) => {
    await germanHeld;
    await route.continue();
  });
  await page.goto(await serveHostPage(page, 'language-de', languagePage('de', 2)));
  await page.evaluate(() => window.PartnerRoi.ready);
  const widgets = page.locator('partner-roi');
  await expect(widgets.first().locator('.partner-roi-skeleton')).toBeAttached();
  await expect(widgets.first().locator('.tier-card')).toHaveCount(0);
  releaseGerman();

  const german = catalogue('de');
  for (const index of [0, 1]) {
    const widget = page.locator(`#w${index}`);
    await expect(widget.locator('.tier-card')).toHaveCount(4);
    await expect(widget.getByRole('button', { name: german.more_assumptions })).toBeVisible();
    // The built-in program's own texts came with the file too.
    await expect(widget.locator('.program-name')).toHaveText('Partnerprogramm von Example Cloud');
  }
  expect(tags).toEqual(['de']);
  expect(errors).toEqual([]);
});

test('an English page asks for no language file', async ({ page }) => {
  const tags = languageRequests(page);
  await page.goto(await serveHostPage(page, 'language-en', languagePage('en')));
  await expect(page.locator('#w0 .tier-card')).toHaveCount(4);
  await expect(page.locator('#w0').getByRole('button', { name: catalogue('en').more_assumptions })).toBeVisible();
  expect(tags).toEqual([]);
});

/** Language files that cannot be used: how each is answered, and what the console says. */
const UNUSABLE_FILES = [
  {
    what: 'does not come',
    tag: 'fr',
    answer: { status: 404, body: 'not here' },
    // The 404 itself is the point of the case, not an error.
    excused: (text) => text.includes('partner-roi.fr.json'),
    warning: 'partner-roi: partner-roi.fr.json could not load (HTTP 404); the widget speaks English',
  },
  {
    what: 'is not one',
    tag: 'es',
    answer: { contentType: 'application/json', body: '{"language": "es"}' },
    excused: () => false,
    warning: 'partner-roi: partner-roi.es.json cannot be used ("catalogue" is not text); the widget speaks English',
  },
];

for (const { what, tag, answer, excused, warning } of UNUSABLE_FILES) {
  test(`a language file that ${what} leaves the widget in English, with a warning`, async ({ page }) => {
    const errors = collectErrors(page, excused);
    const said = warnings(page);
    await page.route(`**/partner-roi.${tag}.json`, (route) => route.fulfill(answer));
    await page.goto(await serveHostPage(page, `language-unusable-${tag}`, languagePage(tag)));
    const widget = page.locator('#w0');
    await expect(widget.locator('.tier-card')).toHaveCount(4);
    await expect(widget.getByRole('button', { name: catalogue('en').more_assumptions })).toBeVisible();
    await expect(widget.locator('.program-name')).toHaveText('Example Cloud Partner Program');
    await expect.poll(() => said).toContainEqual(warning);
    expect(errors).toEqual([]);
  });
}

test('a language chosen at run time is fetched once and shown with every figure kept', async ({ page }) => {
  const errors = collectErrors(page);
  const tags = languageRequests(page);
  await page.goto(await serveHostPage(page, 'language-switch', languagePage('en')));
  const widget = page.locator('#w0');
  const clients = widget.getByLabel(catalogue('en').input_existing_clients, { exact: true });
  await clients.fill('61');
  await expect(widget.locator('.tier-card')).toHaveCount(4);
  await page.evaluate(() => document.getElementById('w0').setAttribute('lang', 'ja'));
  await expect(widget.getByRole('button', { name: catalogue('ja').more_assumptions })).toBeVisible();
  await expect(widget.getByLabel(catalogue('ja').input_existing_clients, { exact: true })).toHaveValue('61');
  // The program's language comes from its own translations, in the same file.
  await expect(widget.locator('.program-name')).not.toHaveText('Example Cloud Partner Program');
  await page.evaluate(() => document.getElementById('w0').setAttribute('lang', 'en'));
  await expect(widget.getByRole('button', { name: catalogue('en').more_assumptions })).toBeVisible();
  await page.evaluate(() => document.getElementById('w0').setAttribute('lang', 'ja-JP'));
  await expect(widget.getByRole('button', { name: catalogue('ja').more_assumptions })).toBeVisible();
  expect(tags).toEqual(['ja']);
  expect(errors).toEqual([]);
});

test('the program\'s own language is fetched when the page names none the widget speaks', async ({ page }) => {
  const errors = collectErrors(page);
  const tags = languageRequests(page);
  const program = await (await page.request.get('/programs/reseller.json')).json();
  program.language = 'pt-BR';
  const body = `<partner-roi id="w0" loading="eager"><script type="application/json">${JSON.stringify({ program })}</script></partner-roi>`;
  await page.goto(await serveHostPage(page, 'language-program', hostDocument({ body }).replace('<html lang="en">', '<html>')));
  const widget = page.locator('#w0');
  await expect(widget.getByRole('button', { name: catalogue('pt-BR').more_assumptions })).toBeVisible();
  expect(tags).toEqual(['pt-BR']);
  expect(errors).toEqual([]);
});

test('the offline file speaks every language with no request', async ({ browser }) => {
  const context = await browser.newContext();
  const fileUrl = pathToFileURL(path.join(DIST, 'partner-roi.html')).href;
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.route('**/*', (route) => (route.request().url() === fileUrl ? route.continue() : route.abort('blockedbyclient')));
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(fileUrl);
    const widget = page.locator('partner-roi');
    await expect(widget.locator('.tier-card')).toHaveCount(4);
    await page.evaluate(() => document.querySelector('partner-roi').setAttribute('lang', 'ar'));
    await expect(widget.getByRole('button', { name: catalogue('ar').more_assumptions })).toBeVisible();
    await page.evaluate(() => document.querySelector('partner-roi').setAttribute('lang', 'de'));
    await expect(widget.getByRole('button', { name: catalogue('de').more_assumptions })).toBeVisible();
    expect(requests).toEqual([fileUrl]);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
