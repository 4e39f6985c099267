// Bidi that holds for any program (issue 32, part 3): a program's own texts keep their own
// direction inside the widget's (an English benefit in the Arabic widget, an Arabic tier name
// in the English one), and no amount is split across lines, at a desktop's and a phone's
// width.
const fs = require('node:fs');
const path = require('node:path');
const { test, expect } = require('@playwright/test');
const { serveHostPage, hostDocument, collectErrors } = require('./support/helpers');

const PROGRAM = path.resolve(__dirname, '..', '..', 'examples', 'programs', 'reseller.json');

/** The reseller example with no translations: its texts in English only. */
function englishOnlyProgram() {
  const program = JSON.parse(fs.readFileSync(PROGRAM, 'utf8'));
  delete program.translations;
  return program;
}

/** A page in `lang` with one widget showing `program`, embedded in its element. */
function pageWith(lang, program) {
  const embedded = JSON.stringify({ program }).replace(/</g, '\\u003c');
  return hostDocument({
    head: '<meta name="viewport" content="width=device-width, initial-scale=1">',
    body: `<main><partner-roi id="w" lang="${lang}" loading="eager" tools="all"><script type="application/json">${embedded}</script></partner-roi></main>`,
  });
}

/** The amounts that are split across lines: their texts. */
function splitAmounts(widget) {
  return widget.evaluate((host) => {
    const selector = '.tier-net-value, .answer-bar-amount, .tier-split strong, .path-net, dl.tier-figures dd';
    const split = [];
    for (const amount of host.shadowRoot.querySelectorAll(selector)) {
      const range = document.createRange();
      range.selectNodeContents(amount);
      const lines = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top)));
      if (lines.size > 1) split.push(amount.textContent);
    }
    return split;
  });
}

/** Each program text shown (tier names, benefits, the program's name and description) with
 * the direction it is laid out in. */
function programTextDirections(widget) {
  return widget.evaluate((host) => {
    const selector = ':is(.program-name, .program-description, .tier-name, .tier-benefits li, .tier-description) > bdi';
    return Array.from(host.shadowRoot.querySelectorAll(selector), (text) => ({
      text: text.textContent,
      ltr: text.matches(':dir(ltr)'),
    }));
  });
}

for (const width of [1280, 375]) {
  test(`at ${width} px, an English program in the Arabic widget keeps its direction, and no amount breaks`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(await serveHostPage(page, `bidi-ar-${width}`, pageWith('ar', englishOnlyProgram())));
    const widget = page.locator('#w');
    await expect(widget.locator('.partner-roi')).toHaveAttribute('dir', 'rtl');
    await expect(widget.locator('.tier-card').first()).toBeVisible();

    const texts = await programTextDirections(widget);
    const benefits = englishOnlyProgram().tiers.flatMap((tier) => tier.benefits ?? []);
    expect(benefits.length).toBeGreaterThan(0);
    for (const benefit of benefits) expect(texts).toContainEqual({ text: benefit, ltr: true });
    expect(texts.filter((text) => !text.ltr)).toEqual([]);

    expect(await splitAmounts(widget)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('an Arabic tier name in the English widget reads right to left, in its card and in sentences', async ({ page }) => {
  const errors = collectErrors(page);
  const program = englishOnlyProgram();
  program.tiers[0].name = 'شريك فضي';
  await page.goto(await serveHostPage(page, 'bidi-en', pageWith('en', program)));
  const widget = page.locator('#w');
  const card = widget.locator('.tier-card').first();
  await expect(card.locator('.tier-name > bdi')).toHaveText('شريك فضي');
  expect(await card.locator('.tier-name > bdi').evaluate((text) => text.matches(':dir(rtl)'))).toBe(true);
  // Filled into a sentence (the card's label), the name is isolated.
  await expect(card).toHaveAttribute('aria-label', /\u2068شريك فضي\u2069/);
  expect(errors).toEqual([]);
});
