// A theme that cannot hide text (issue 14.5): `theme="light|dark|auto"` fixes the colour
// scheme or follows the visitor's, and text follows what it stands on, so a page's own
// background or surface colour never takes text below WCAG AA (axe finds nothing).
const { test, expect } = require('@playwright/test');
const { serveHostPage, hostDocument, collectErrors, expectNoAxeViolations } = require('./support/helpers');

const hostPage = (name, style, attributes = '') => hostDocument({
  head: `<style>
    body { margin: 0; padding: 1rem; background: ${name.startsWith('dark') ? '#14121f' : '#fdf6e3'}; }
    partner-roi { ${style} }
  </style>`,
  body: `<main><h1 style="color: ${name.startsWith('dark') ? '#fff' : '#222'}">Partner program</h1>
    <partner-roi program="example" id="w" loading="eager" tools="all" ${attributes}></partner-roi></main>`,
});

/** Relative luminance of a computed CSS colour, read back through a 1×1 canvas. */
const luminanceOf = (locator, selector, property) => locator.evaluate((host, [selector, property]) => {
  const element = host.shadowRoot.querySelector(selector);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const context = canvas.getContext('2d');
  context.fillStyle = getComputedStyle(element)[property];
  context.fillRect(0, 0, 1, 1);
  const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
  const channel = (value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}, [selector, property]);

const contrast = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

const CASES = [
  { name: 'light-background-dark-scheme', scheme: 'dark', style: '--partner-roi-background: #fdf6e3;' },
  { name: 'dark-background-light-scheme', scheme: 'light', style: '--partner-roi-background: #1b1830;' },
  { name: 'dark-surface-light-scheme', scheme: 'light', style: '--partner-roi-surface: #102030;' },
  { name: 'light-surface-dark-scheme', scheme: 'dark', style: '--partner-roi-surface: #fffaf0; --partner-roi-background: #f0ead8;' },
];

for (const { name, scheme, style } of CASES) {
  test(`${name}: every text stays readable (axe, and the title against its background)`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: scheme });
    await page.goto(await serveHostPage(page, `theme-${name}`, hostPage(name, style)));
    const widget = page.locator('#w');
    await expect(widget.locator('.tier-card').first()).toBeVisible();
    await widget.locator('.year-table').scrollIntoViewIfNeeded();
    await expect(widget.locator('.year-table')).toBeVisible();
    const title = await luminanceOf(widget, '.program-name', 'color');
    const background = await luminanceOf(widget, '.partner-roi', 'backgroundColor');
    expect(contrast(title, background), 'title on the widget background').toBeGreaterThanOrEqual(4.5);
    const cardText = await luminanceOf(widget, '.tier-net-label', 'color');
    const card = await luminanceOf(widget, '.tier-card', 'backgroundColor');
    expect(contrast(cardText, card), 'card text on the card').toBeGreaterThanOrEqual(4.5);
    await expectNoAxeViolations(page, name);
    expect(errors).toEqual([]);
  });
}

for (const [theme, system, dark] of [['dark', 'light', true], ['light', 'dark', false], ['auto', 'dark', true], ['auto', 'light', false]]) {
  test(`theme="${theme}" with a ${system} system draws the widget ${dark ? 'dark' : 'light'}`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: system });
    await page.goto(await serveHostPage(page, `theme-${theme}-${system}`, hostDocument({
      body: `<partner-roi program="example" id="w" loading="eager" theme="${theme}"></partner-roi>`,
    })));
    const widget = page.locator('#w');
    await expect(widget.locator('.tier-card').first()).toBeVisible();
    const surface = await luminanceOf(widget, '.tier-card', 'backgroundColor');
    const text = await luminanceOf(widget, '.tier-net-label', 'color');
    if (dark) {
      expect(surface).toBeLessThan(0.1);
    } else {
      expect(surface).toBeGreaterThan(0.8);
    }
    expect(contrast(surface, text)).toBeGreaterThanOrEqual(4.5);
    await expectNoAxeViolations(page, `theme=${theme}, ${system} system`);
  });
}

test('a theme that is not one is the page\'s problem: console and partner-roi:error, the system decides', async ({ page }) => {
  const warnings = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  await page.addInitScript(() => {
    window.themeErrors = [];
    document.addEventListener('partner-roi:error', (event) => window.themeErrors.push(event.detail), true);
  });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(await serveHostPage(page, 'theme-wrong', hostDocument({
    body: '<partner-roi program="example" id="w" loading="eager" theme="midnight"></partner-roi>',
  })));
  const widget = page.locator('#w');
  await expect(widget.locator('.tier-card').first()).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.themeErrors.map((detail) => detail.path))).toContain('theme');
  expect(warnings.some((text) => text.includes('"midnight" is not a theme'))).toBe(true);
  expect(await luminanceOf(widget, '.tier-card', 'backgroundColor')).toBeLessThan(0.1);
  await expect(widget.locator('.notices')).toHaveCount(0);
});

test('text follows what it stands on even against the scheme: theme="dark" on a cream background', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(await serveHostPage(page, 'theme-dark-cream', hostPage('light', '--partner-roi-background: #fdf6e3;', 'theme="dark"')));
  const widget = page.locator('#w');
  await expect(widget.locator('.tier-card').first()).toBeVisible();
  const background = await luminanceOf(widget, '.partner-roi', 'backgroundColor');
  expect(background, 'the page\'s cream').toBeGreaterThan(0.8);
  for (const selector of ['.program-name', '.program-description', '.results > .section-title']) {
    expect(contrast(await luminanceOf(widget, selector, 'color'), background), selector).toBeGreaterThanOrEqual(4.5);
  }
  // The cards are the dark scheme's, with light text.
  const card = await luminanceOf(widget, '.tier-card', 'backgroundColor');
  expect(card).toBeLessThan(0.1);
  expect(contrast(await luminanceOf(widget, '.tier-net-label', 'color'), card)).toBeGreaterThanOrEqual(4.5);
});
