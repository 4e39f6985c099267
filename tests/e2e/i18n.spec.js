// Every partner in their own language (issue 15, first part): the widget speaks the page's
// language (`lang` on the element, else the nearest ancestor's, else the program's, else the
// visitor's), lays Arabic out right to left, reads numbers the language's way and keeps the
// partner's figures when `lang` changes. Expected texts come from the catalogues themselves
// (crates/i18n/catalogues/<language>.txt), so the test checks the wiring, not a second copy of the words.
const fs = require('node:fs');
const path = require('node:path');
const { test, expect } = require('@playwright/test');
const { serveHostPage, hostDocument, collectErrors, expectNoAxeViolations, catalogue } = require('./support/helpers');

// Under target/: tests leave the tree as it was.
const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'target', 'e2e-images');
const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt-BR', 'ja', 'ar'];

const page_ = (htmlLang, element) => hostDocument({
  head: '<meta name="viewport" content="width=device-width, initial-scale=1">',
  body: `<main>${element}</main>`,
}).replace('<html lang="en">', `<html lang="${htmlLang}">`);

for (const language of LANGUAGES) {
  test(`${language}: the widget speaks the page's language`, async ({ page }) => {
    const errors = collectErrors(page);
    const words = catalogue(language);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(await serveHostPage(page, `i18n-${language}`, page_(language, '<partner-roi program="example" id="w" loading="eager" tools="all"></partner-roi>')));
    const widget = page.locator('#w');
    const root = widget.locator('.partner-roi');
    await expect(widget.locator('.tier-card').first()).toBeVisible();
    await expect(root).toHaveAttribute('lang', language);
    await expect(root).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
    await expect(widget.locator('.results > .section-title')).toHaveText(words.results_title);
    await expect(widget.locator('.inputs > .section-title')).toHaveText(words.your_figures);
    await expect(widget.getByRole('button', { name: words.copy_link, exact: true })).toBeVisible();
    await expect(widget.getByRole('button', { name: words.reset_to_defaults, exact: true })).toBeVisible();
    await expect(widget.locator('.tier-card-recommended .tier-ribbon')).toHaveText(words.tier_ribbon);
    await expect(widget.locator('.path-title')).toHaveText(words.your_path);
    await expect(widget.locator('.tier-card .tier-select').first()).toHaveText(words.show_year_by_year);
    await expect(widget.locator('legend').first()).toHaveText(words.group_clients);
    await expect(widget.locator('.field-label').first()).toHaveText(words.input_existing_clients);
    await expect(widget.locator('.field-help').first()).toContainText(words.help_existing_clients);
    await expectNoAxeViolations(page, `the widget in ${language}`);

    // No English left: no message of the English catalogue (whole, placeholders aside)
    // is on screen, unless this language writes it the same way (ROI, PDF…).
    if (language !== 'en') {
      await widget.getByRole('button', { name: words.levers_title }).click();
      await expect(widget.locator('.chart-levers')).toBeVisible();
      // The widget's own words: every text node but the program's texts (its name,
      // description, tiers' names, descriptions and benefits, disclaimer), which the vendor
      // writes in the language it chooses.
      const shown = await widget.evaluate((host) => {
        const program = '.program-header, .tier-name, .tier-description, .tier-benefits, .disclaimer, .path-tier, .answer-bar-tier, .chart-tier-label';
        const walker = document.createTreeWalker(host.shadowRoot.querySelector('.partner-roi'), NodeFilter.SHOW_TEXT);
        const texts = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.parentElement.closest(program)) texts.push(node.textContent);
        }
        // And what screen readers hear: every aria-label, the program's names taken out.
        const names = Array.from(host.shadowRoot.querySelectorAll(program), (node) => node.textContent.trim());
        for (const labelled of host.shadowRoot.querySelectorAll('[aria-label]')) {
          texts.push(names.reduce((label, name) => (name ? label.split(name).join(' ') : label), labelled.getAttribute('aria-label')));
        }
        return texts.join('\n');
      });
      const english = catalogue('en');
      const left = Object.entries(english)
        .flatMap(([key, text]) => text.split(/\{[a-z_]+\}/).map((part) => [key, part.trim()]))
        .filter(([key, part]) => part.length > 3 && /[a-z]{3}/.test(part) && !(words[key] || '').includes(part))
        // Whole words only: German "kalkuliert" does not hold the English "tier".
        .filter(([, part]) => new RegExp(`(^|[^\\p{L}])${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(shown));
      expect(left, `English left on screen or in an aria-label in ${language}`).toEqual([]);
    }

    // A number typed the language's way: its grouping and decimal signs, Arabic-Indic
    // digits in Arabic.
    const typed = language === 'ar'
      ? '٤٣٬٢١٠٫٥'
      : await page.evaluate((locale) => new Intl.NumberFormat(locale).format(43210.5), language);
    await widget.getByRole('textbox', { name: words.input_deal_value }).fill(typed);
    await expect.poll(() => page.evaluate(() => document.getElementById('w').inputs.deal_value), typed).toBe('43210.5');
    await expect(widget.locator('.field-problem')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}

test('at 375 px every language wraps or shrinks its long words: nothing spills sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const language of LANGUAGES) {
    await page.goto(await serveHostPage(page, `i18n-narrow-${language}`, page_(language, '<partner-roi program="example" id="w" loading="eager" tools="all"></partner-roi>')));
    const widget = page.locator('#w');
    await expect(widget.locator('.tier-card').first()).toBeVisible();
    await widget.getByRole('button', { name: catalogue(language).more_assumptions }).click();
    const spilled = await widget.evaluate((host) => {
      const root = host.shadowRoot.querySelector('.partner-roi');
      const bounds = root.getBoundingClientRect();
      // What scrolls sideways on purpose (the year table) or is clipped (text for screen
      // readers only) is measured by its container.
      const scrolls = (element) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(element).overflowX);
      return [...root.querySelectorAll('*')]
        .filter((element) => {
          for (let up = element.parentElement; up && up !== root; up = up.parentElement) if (scrolls(up)) return false;
          const box = element.getBoundingClientRect();
          return box.width > 0 && (box.right > bounds.right + 1 || box.left < bounds.left - 1);
        })
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${element.textContent.slice(0, 40)}`);
    });
    expect(spilled, `${language}: elements past the widget's edge`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${language}: the page scrolls sideways`).toBeLessThanOrEqual(375);
  }
});

test('Arabic mirrors the layout: the inputs on the right, the first card on the right', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const boxes = async (language) => {
    await page.goto(await serveHostPage(page, `i18n-layout-${language}`, page_(language, '<partner-roi program="example" id="w" loading="eager"></partner-roi>')));
    const widget = page.locator('#w');
    await expect(widget.locator('.tier-card').first()).toBeVisible();
    const box = async (selector) => (await widget.locator(selector).first().boundingBox());
    return { inputs: await box('.inputs'), results: await box('.results'), firstCard: await box('.tier-card'), lastCard: await box('.tier-card >> nth=-1') };
  };
  const ltr = await boxes('en');
  expect(ltr.inputs.x).toBeLessThan(ltr.results.x);
  expect(ltr.firstCard.x).toBeLessThan(ltr.lastCard.x);
  const rtl = await boxes('ar');
  expect(rtl.inputs.x, 'the inputs are on the right').toBeGreaterThan(rtl.results.x);
  expect(rtl.firstCard.x, 'the first tier is on the right').toBeGreaterThan(rtl.lastCard.x);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'ar-1280.png'), fullPage: true });
});

test('changing lang at run time speaks the new language and keeps every figure', async ({ page }) => {
  const [english, german] = [catalogue('en'), catalogue('de')];
  await page.goto(await serveHostPage(page, 'i18n-switch', page_('en', '<partner-roi program="example" id="w" loading="eager"></partner-roi>')));
  const widget = page.locator('#w');
  await expect(widget.locator('.results > .section-title')).toHaveText(english.results_title);
  await widget.getByRole('textbox', { name: english.input_new_clients_per_year }).fill('37');
  await expect.poll(() => page.evaluate(() => Number(document.getElementById('w').inputs.new_clients_per_year))).toBe(37);
  await page.evaluate(() => document.getElementById('w').setAttribute('lang', 'de-DE'));
  await expect(widget.locator('.results > .section-title')).toHaveText(german.results_title);
  expect(await page.evaluate(() => Number(document.getElementById('w').inputs.new_clients_per_year))).toBe(37);
  // German figures: a dot groups thousands, a comma marks decimals.
  await expect(widget.locator('.tier-card .tier-net-value').first()).toHaveText(/^\d{1,3}(\.\d{3})+\s?\$$/);
  // And German typing: "12.500" is twelve thousand five hundred.
  await expect(widget.getByRole('textbox', { name: german.input_new_clients_per_year })).toHaveValue('37');
  await widget.getByRole('textbox', { name: german.input_deal_value }).fill('12.500');
  await expect.poll(() => page.evaluate(() => Number(document.getElementById('w').inputs.deal_value))).toBe(12500);
});

test('the program\'s language applies when the page says none; the element\'s lang wins over the page\'s', async ({ page }) => {
  const [french, japanese] = [catalogue('fr'), catalogue('ja')];
  const program = { ...JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'programs', 'reseller.json'), 'utf8')), language: 'fr' };
  const document = hostDocument({
    body: `<partner-roi program="example" id="program" loading="eager"><script type="application/json">${JSON.stringify({ program })}</script></partner-roi>
      <div lang="ja"><partner-roi program="example" id="ancestor" loading="eager"></partner-roi></div>
      <div lang="ja"><partner-roi program="example" id="own" lang="fr" loading="eager"></partner-roi></div>`,
  }).replace('<html lang="en">', '<html>');
  await page.goto(await serveHostPage(page, 'i18n-sources', document));
  await expect(page.locator('#program .results > .section-title')).toHaveText(french.results_title);
  await expect(page.locator('#ancestor .results > .section-title')).toHaveText(japanese.results_title);
  await expect(page.locator('#own .results > .section-title')).toHaveText(french.results_title);
});

test('a translated program shows its German texts under lang="de", and its own texts otherwise', async ({ page, request }) => {
  const errors = collectErrors(page);
  const shipped = await (await request.get('/programs/cloud-services.json')).json();
  expect(Object.keys(shipped.translations).sort(), 'the example program carries every language').toEqual(LANGUAGES.filter((tag) => tag !== 'en').sort());
  // Without its Spanish texts, a Spanish widget shows the program's own.
  const { es: spanish, ...others } = shipped.translations;
  expect(spanish, 'the example program carries Spanish').toBeTruthy();
  const program = { ...shipped, translations: others };
  const german = program.translations.de;
  const french = program.translations.fr;
  expect(german, 'the example program carries German').toBeTruthy();
  const embedded = `<script type="application/json">${JSON.stringify({ program })}</script>`;
  await page.goto(await serveHostPage(page, 'i18n-program', hostDocument({
    body: `<div lang="de"><partner-roi program="example" id="de" loading="eager">${embedded}</partner-roi></div>
      <div lang="es"><partner-roi program="example" id="es" loading="eager">${embedded}</partner-roi></div>`,
  })));
  const texts = (id) => ({
    name: page.locator(`#${id} .program-name`),
    vendor: page.locator(`#${id} .program-vendor`),
    tier: page.locator(`#${id} .tier-card .tier-name`).first(),
    description: page.locator(`#${id} .tier-card .tier-description`).first(),
    disclaimer: page.locator(`#${id} .disclaimer`),
  });
  const first = program.tiers[0];
  const shown = texts('de');
  await expect(shown.name).toHaveText(german.name);
  await expect(shown.vendor).toHaveText(german.vendor ?? program.vendor);
  await expect(shown.tier).toHaveText(german.tiers?.[first.id]?.name ?? first.name);
  await expect(shown.description).toHaveText(german.tiers[first.id].description);
  await expect(page.locator('#de').getByRole('textbox', { name: german.inputs.deal_value.label })).toBeVisible();
  await expect(shown.disclaimer).toContainText(german.disclaimer);
  // The widget's own words are German too.
  await expect(page.locator('#de .results > .section-title')).toHaveText(catalogue('de').results_title);
  // No Spanish translation left: the program's own texts, in a Spanish widget.
  const own = texts('es');
  await expect(own.name).toHaveText(program.name);
  await expect(own.tier).toHaveText(first.name);
  await expect(page.locator('#es').getByRole('textbox', { name: program.inputs.deal_value.label })).toBeVisible();
  await expect(page.locator('#es .results > .section-title')).toHaveText(catalogue('es').results_title);
  // A language change at run time brings that language's texts, or the program's own.
  await page.evaluate(() => document.getElementById('es').setAttribute('lang', 'fr'));
  await expect(own.name).toHaveText(french.name);
  await page.evaluate(() => document.getElementById('es').setAttribute('lang', 'en'));
  await expect(own.name).toHaveText(program.name);
  expect(errors).toEqual([]);
});

test('German throughout: the CSV headings, the copied summary, the statuses and a bad program\'s messages', async ({ page, context }) => {
  const errors = collectErrors(page, (text) => text.includes('tiers[0].name'));
  const german = catalogue('de');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'http://127.0.0.1:8123' });
  const broken = { version: 1, id: 'broken', name: 'Broken', currency: 'EUR', tiers: [{ id: 'one' }] };
  await page.goto(await serveHostPage(page, 'i18n-german-tools', page_('de', `<partner-roi program="example" id="w" loading="eager" tools="all"></partner-roi>
    <partner-roi program="example" id="broken" debug loading="eager"><script type="application/json">${JSON.stringify({ program: broken })}</script></partner-roi>`)));
  const widget = page.locator('#w');
  await expect(widget.locator('.tier-card').first()).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    widget.getByRole('button', { name: german.download_csv, exact: true }).click(),
  ]);
  const csv = fs.readFileSync(await download.path(), 'utf8').split('\r\n');
  expect(csv[0]).toBe(german.csv_title);
  expect(csv.some((line) => line.startsWith(`${german.csv_tier_id},${german.csv_tier_name},${german.csv_year},${german.new_clients}`))).toBe(true);
  expect(csv.some((line) => line.startsWith(`${german.input_deal_value},`))).toBe(true);
  await expect(widget.locator('.toolbar-status')).toHaveText(german.status_downloaded.replace('{file}', download.suggestedFilename()));

  await widget.getByRole('button', { name: german.copy_summary, exact: true }).click();
  await expect(widget.locator('.toolbar-status')).toHaveText(german.status_summary_copied);
  const summary = await page.evaluate(() => navigator.clipboard.readText());
  expect(summary).toContain(german.summary_your_figures);
  expect(summary).toContain(german.summary_recommended.split('{tier}')[0]);
  expect(summary).toContain(`- ${german.input_deal_value}: `);

  // The bad program's problem in German; its path as written.
  const failure = page.locator('#broken .failure-list');
  await expect(failure).toContainText(`tiers[0].name: ${german.error_required}`);
  await expect(page.locator('#broken .program-name')).toHaveText(german.failed_title);
  expect(errors).toEqual([]);
});

test('before the code runs and when it cannot load, element.js speaks the page\'s language', async ({ page }) => {
  const errors = collectErrors(page, (text) => text.includes('partner-roi_bg.wasm') || text.includes('could not load'));
  const [french, japanese, portuguese] = [catalogue('fr'), catalogue('ja'), catalogue('pt-BR')];
  await page.route('**/partner-roi_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(await serveHostPage(page, 'i18n-no-wasm', page_('fr', `<partner-roi program="example" id="w" loading="eager"></partner-roi>
    <partner-roi program="example" id="ja" lang="ja-JP" loading="eager"></partner-roi>
    <partner-roi program="example" id="pt" lang=" PT_pt " loading="eager"></partner-roi>`)));
  await expect(page.locator('#w').getByRole('alert')).toContainText(french.load_failed_title);
  await expect(page.locator('#w').getByRole('alert')).toContainText(french.load_failed_text.split('{reason}')[0]);
  await expect(page.locator('#ja').getByRole('alert')).toContainText(japanese.load_failed_title);
  // As Language::matching: the lookup key `pt-pt`, then its base `pt`, which is pt-BR.
  await expect(page.locator('#pt').getByRole('alert')).toContainText(portuguese.load_failed_title);
  expect(errors).toEqual([]);
});

test('a program\'s locale is for its own language\'s readers: a German page formats as German unless the program forces it', async ({ page, request }) => {
  const reseller = await (await request.get('/programs/reseller.json')).json();
  expect(reseller.locale, 'the reseller example names a locale').toBe('en-US');
  const embedded = (program) => `<script type="application/json">${JSON.stringify({ program })}</script>`;
  await page.goto(await serveHostPage(page, 'i18n-locale', hostDocument({
    body: `<div lang="de"><partner-roi program="example" id="de" loading="eager">${embedded(reseller)}</partner-roi></div>
      <div lang="de"><partner-roi program="example" id="forced" loading="eager">${embedded({ ...reseller, force_locale: true })}</partner-roi></div>
      <div lang="en"><partner-roi program="example" id="en" loading="eager">${embedded(reseller)}</partner-roi></div>`,
  })));
  const whole = { style: 'currency', currency: 'USD', maximumFractionDigits: 0, minimumFractionDigits: 0 };
  for (const [id, locale] of [['de', 'de'], ['forced', 'en-US'], ['en', 'en-US']]) {
    const widget = page.locator(`#${id}`);
    await expect(widget.locator('.tier-card')).toHaveCount(reseller.tiers.length);
    const { result } = await page.evaluate(async (selector) => document.querySelector(selector).ready, `#${id}`);
    const expected = await page.evaluate(([tag, options, net]) => new Intl.NumberFormat(tag, options).format(Math.round(Number(net))), [locale, whole, result.tiers[0].net]);
    await expect(widget.locator('.tier-card .tier-net-value').first(), `${id}: ${locale}`).toHaveText(expected);
  }
  // The German widget speaks German and writes German numbers: "8,4 Monate", not "8.4 Monate".
  await expect(page.locator('#de .tier-card').first()).toContainText(/\d,\d Monate/);
});
