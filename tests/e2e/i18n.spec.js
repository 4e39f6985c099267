// Every partner in their own language (issue 15, first part): the widget speaks the page's
// language (`lang` on the element, else the nearest ancestor's, else the program's, else the
// visitor's), lays Arabic out right to left, reads numbers the language's way and keeps the
// partner's figures when `lang` changes. Expected texts come from the catalogues themselves
// (src/i18n/<language>.txt), so the test checks the wiring, not a second copy of the words.
const fs = require('node:fs');
const path = require('node:path');
const { test, expect } = require('@playwright/test');
const { serveHostPage, hostDocument, collectErrors, expectNoAxeViolations } = require('./support/helpers');

const CATALOGUES = path.resolve(__dirname, '..', '..', 'src', 'i18n');
const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'docs', 'screenshots');
const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt-BR', 'ja', 'ar'];

/** A catalogue's plain messages (plural ones left out): key → text. */
function catalogue(language) {
  const messages = {};
  for (const line of fs.readFileSync(path.join(CATALOGUES, `${language}.txt`), 'utf8').split('\n')) {
    const match = /^([a-z0-9_]+) = (.*)$/.exec(line.trim());
    if (match) messages[match[1]] = match[2];
  }
  return messages;
}

const page_ = (htmlLang, element) => hostDocument({
  head: '<meta name="viewport" content="width=device-width, initial-scale=1">',
  body: `<main>${element}</main>`,
}).replace('<html lang="en">', `<html lang="${htmlLang}">`);

for (const language of LANGUAGES) {
  test(`${language}: the widget speaks the page's language`, async ({ page }) => {
    const errors = collectErrors(page);
    const words = catalogue(language);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(await serveHostPage(page, `i18n-${language}`, page_(language, '<partner-roi id="w" loading="eager" tools="all"></partner-roi>')));
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
        return texts.join('\n');
      });
      const english = catalogue('en');
      const left = Object.entries(english)
        .flatMap(([key, text]) => text.split(/\{[a-z_]+\}/).map((part) => [key, part.trim()]))
        .filter(([key, part]) => part.length > 3 && /[a-z]{3}/.test(part) && !(words[key] || '').includes(part))
        // Whole words only: German "kalkuliert" does not hold the English "tier".
        .filter(([, part]) => new RegExp(`(^|[^\\p{L}])${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(shown));
      expect(left, `English left on screen in ${language}`).toEqual([]);
    }
    expect(errors).toEqual([]);
  });
}

test('Arabic mirrors the layout: the inputs on the right, the first card on the right', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const boxes = async (language) => {
    await page.goto(await serveHostPage(page, `i18n-layout-${language}`, page_(language, '<partner-roi id="w" loading="eager"></partner-roi>')));
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
  await page.goto(await serveHostPage(page, 'i18n-switch', page_('en', '<partner-roi id="w" loading="eager"></partner-roi>')));
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
    body: `<partner-roi id="program" loading="eager"><script type="application/json">${JSON.stringify({ program })}</script></partner-roi>
      <div lang="ja"><partner-roi id="ancestor" loading="eager"></partner-roi></div>
      <div lang="ja"><partner-roi id="own" lang="fr" loading="eager"></partner-roi></div>`,
  }).replace('<html lang="en">', '<html>');
  await page.goto(await serveHostPage(page, 'i18n-sources', document));
  await expect(page.locator('#program .results > .section-title')).toHaveText(french.results_title);
  await expect(page.locator('#ancestor .results > .section-title')).toHaveText(japanese.results_title);
  await expect(page.locator('#own .results > .section-title')).toHaveText(french.results_title);
});
