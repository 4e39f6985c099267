// The answer first on a phone (issue 14.1): at 390×844 a compact bar gives the recommended
// tier, its net and ROI in the first screen and stays in view while the partner edits; "See
// all tiers" lands on the results with the recommended card first; the sales tools fold into
// one menu. On a desktop there is no bar and the tools show as buttons.
const { test, expect } = require('@playwright/test');
const { serveHostPage, hostDocument, collectErrors, expectNoAxeViolations, expectShowsAmount } = require('./support/helpers');

const PHONE = { width: 390, height: 844 };

const hostPage = (attributes = '') => hostDocument({
  head: '<meta name="viewport" content="width=device-width, initial-scale=1">',
  body: `<main><h1>Become a partner</h1><p>Our program pays.</p>
    <partner-roi program="example" id="w" loading="eager" ${attributes}></partner-roi></main>`,
});

/** The element's top and bottom in the viewport. */
const edges = (locator) => locator.evaluate((node) => {
  const box = node.getBoundingClientRect();
  return { top: box.top, bottom: box.bottom };
});

for (const colorScheme of ['light', 'dark']) {
  test(`on a phone the answer is in the first screen and stays in view (${colorScheme})`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.setViewportSize(PHONE);
    await page.emulateMedia({ reducedMotion: 'reduce', colorScheme });
    await page.goto(await serveHostPage(page, `phone-${colorScheme}`, hostPage()));
    const widget = page.locator('#w');
    const bar = widget.locator('.answer-bar');
    await expect(bar).toBeVisible();
    const result = await page.evaluate(async () => (await document.getElementById('w').ready).result);
    const recommended = result.tiers.find((tier) => tier.id === result.recommended_tier);
    await expect(bar.locator('.answer-bar-label')).toHaveText('Recommended');
    await expect(bar.locator('.answer-bar-tier')).toHaveText(recommended.name);
    expectShowsAmount(await bar.locator('.answer-bar-amount').textContent(), recommended.net, 'bar net');
    await expect(bar.locator('.answer-bar-roi')).toContainText('ROI ');
    expect((await edges(bar)).bottom, 'the bar is in the first screen').toBeLessThanOrEqual(PHONE.height);

    // Editing an input far down the form: the bar is stuck to the top of the viewport.
    const years = widget.getByRole('textbox', { name: 'Years to project' });
    await years.scrollIntoViewIfNeeded();
    await years.fill('5');
    await expect(bar.locator('.answer-bar-net')).toContainText('net profit over 5 years');
    await expect.poll(async () => (await edges(bar)).top, { message: 'the bar sticks to the top' }).toBeLessThanOrEqual(1);
    expect((await edges(years)).top, 'the field is below the bar').toBeGreaterThan((await edges(bar)).bottom);
    await expectNoAxeViolations(page, `the phone view with the bar (${colorScheme})`);

    // "See all tiers": the results' heading, below the bar, has the focus; the recommended
    // card comes first.
    await bar.getByRole('button', { name: 'See all tiers' }).click();
    const heading = widget.getByRole('heading', { name: 'What each tier earns you' });
    await expect(heading).toBeFocused();
    await expect.poll(async () => (await edges(heading)).top).toBeGreaterThanOrEqual((await edges(bar)).bottom);
    expect((await edges(heading)).bottom).toBeLessThanOrEqual(PHONE.height);
    const cardTops = await widget.locator('.tier-card').evaluateAll((cards) => cards.map((card) => ({
      recommended: card.classList.contains('tier-card-recommended'),
      top: card.getBoundingClientRect().top,
    })));
    const first = cardTops.reduce((a, b) => (b.top < a.top ? b : a));
    expect(first.recommended, JSON.stringify(cardTops)).toBe(true);
    expect(errors).toEqual([]);
  });
}

test('the bar follows the tier the partner chooses, and the sales tools fold into one menu', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto(await serveHostPage(page, 'phone-menu', hostPage('tools="all"')));
  const widget = page.locator('#w');
  await expect(widget.locator('.answer-bar')).toBeVisible();
  const result = await page.evaluate(async () => (await document.getElementById('w').ready).result);
  const other = result.tiers.find((tier) => tier.id !== result.recommended_tier);
  await widget.locator('.tier-card').filter({ has: page.locator('.tier-name', { hasText: new RegExp(`^${other.name}$`) }) }).getByRole('button', { name: 'Show year by year' }).click();
  await expect(widget.locator('.answer-bar-label')).toHaveText('Your choice');
  await expect(widget.locator('.answer-bar-tier')).toHaveText(other.name);

  const menu = widget.getByRole('button', { name: 'Share and export' });
  const copyLink = widget.getByRole('button', { name: 'Copy link' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(copyLink).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  for (const name of ['Copy link', 'Copy summary', 'Download CSV', 'Print / Save as PDF', 'Presenter mode']) {
    await expect(widget.getByRole('button', { name })).toBeVisible();
  }
  await expectNoAxeViolations(page, 'the open menu');
  await copyLink.focus();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  await expect(copyLink).toBeHidden();

  // Choosing an action closes the menu and says what happened.
  await menu.click();
  await widget.getByRole('button', { name: 'Copy summary' }).click();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(widget.locator('.toolbar-status')).not.toBeEmpty();
});

test('on a desktop there is no bar, and the tools are buttons', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(await serveHostPage(page, 'desktop-tools', hostPage('tools="all"')));
  const widget = page.locator('#w');
  await expect(widget.locator('.tier-card').first()).toBeVisible();
  await expect(widget.locator('.answer-bar')).toBeHidden();
  await expect(widget.getByRole('button', { name: 'Share and export' })).toBeHidden();
  await expect(widget.getByRole('button', { name: 'Copy link' })).toBeVisible();
  // Program order on a desktop: the first card is the program's first tier.
  const result = await page.evaluate(() => document.getElementById('w').result);
  await expect(widget.locator('.tier-card .tier-name').first()).toHaveText(result.tiers[0].name);
});
