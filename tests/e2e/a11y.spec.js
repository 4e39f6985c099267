// Accessibility (#7 Hardening): axe-core's WCAG 2.2 A and AA rules report nothing on the
// demo page, the embed example and the offline file, in the light and the dark scheme, in
// the error states (an invalid field with stale results; a program-src that is a 404) and in
// presenter mode. axe analyses the widget's open shadow root like the rest of the page.
//
// Every chart also has a text alternative: an svg with role=img named by its <title>, and a
// (visually hidden) data table with a row per tier.
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { test, expect } = require('@playwright/test');
const AxeBuilder = require('@axe-core/playwright').default;
const { DIST, WCAG_TAGS, serveHostPage, hostDocument } = require('./support/helpers');

const OFFLINE_URL = pathToFileURL(path.join(DIST, 'partner-roi.html')).href;
const DEFAULT_TIERS = ['Registered', 'Silver', 'Gold', 'Platinum'];

/** One violation in a few readable lines: rule, impact, help, and each node's target and summary. */
function describeViolation(violation) {
  const nodes = violation.nodes.map((node) => {
    const target = node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(' | ');
    const summary = (node.failureSummary || '').replace(/\n/g, '\n      ');
    return `    - ${target}\n      ${summary}`;
  });
  return [`${violation.id} [${violation.impact}] ${violation.help} (${violation.helpUrl})`, ...nodes].join('\n');
}

/** Runs axe with the WCAG 2.x A/AA rules and asserts it finds nothing; `what` names the state. */
async function expectNoViolations(page, what) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = violations.map(describeViolation).join('\n\n');
  expect(
    violations.map((violation) => `${violation.id} (${violation.nodes.length})`),
    `axe violations in ${what}:\n\n${summary}\n`,
  ).toEqual([]);
}

/** Waits until the widget `selector` shows its tier cards (and so its charts and year table). */
async function widgetReady(page, selector, tiers) {
  const names = page.locator(`${selector} .tier-card .tier-name`);
  if (tiers) await expect(names).toHaveText(tiers);
  else await expect(names.first()).toBeVisible();
  await expect(page.locator(`${selector} figure.chart svg`).first()).toBeVisible();
}

/** A host page with a main landmark and a heading around one <partner-roi program="example" debug tools="all">. */
const hostPage = (element) =>
  hostDocument({
    head: '<meta name="viewport" content="width=device-width, initial-scale=1">',
    body: `<main>
  <h1>Partner ROI</h1>
  ${element}
</main>`,
  });

for (const colorScheme of ['light', 'dark']) {
  test.describe(`${colorScheme} scheme`, () => {
    test.beforeEach(async ({ page }) => {
      // No transitions: colours and opacities are final as soon as they are rendered.
      await page.emulateMedia({ reducedMotion: 'reduce', colorScheme });
    });

    test('demo page, as loaded and with every input and the assumptions shown', async ({ page }) => {
      await page.goto('/index.html');
      await widgetReady(page, '#partner-roi-demo', DEFAULT_TIERS);
      await expectNoViolations(page, `the demo page (${colorScheme})`);

      const widget = page.locator('#partner-roi-demo');
      await widget.getByRole('button', { name: 'More assumptions' }).click();
      await expect(widget.getByRole('button', { name: 'Fewer assumptions' })).toBeVisible();
      await widget.getByText('Assumptions behind these figures').click();
      await expect(widget.locator('.assumption-list')).toBeVisible();
      await expectNoViolations(page, `the demo page with every input and the assumptions (${colorScheme})`);
    });

    test('embed example', async ({ page }) => {
      await page.goto('/embed-example.html');
      await widgetReady(page, 'partner-roi');
      await expectNoViolations(page, `the embed example (${colorScheme})`);
    });

    test('offline file', async ({ page }) => {
      await page.goto(OFFLINE_URL);
      await widgetReady(page, '#partner-roi-offline', DEFAULT_TIERS);
      await expectNoViolations(page, `the offline file (${colorScheme})`);
    });

    test('error state: an invalid field, its message and stale results', async ({ page }) => {
      await page.goto('/index.html');
      await widgetReady(page, '#partner-roi-demo', DEFAULT_TIERS);
      const widget = page.locator('#partner-roi-demo');
      const field = widget.getByLabel('Yearly license value per client');
      await field.fill('12abc');
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(widget.locator('.field-problem')).toHaveText(/Enter a number/);
      await expect(widget.locator('.results-stale-note')).toBeVisible();
      await expect(widget.locator('.tier-card')).toHaveCount(DEFAULT_TIERS.length);
      await expectNoViolations(page, `an invalid field with stale results (${colorScheme})`);

      await field.fill('999999999999');
      await expect(widget.locator('.field-problem')).toHaveText(/Enter a value from/);
      await expectNoViolations(page, `an out-of-range field with stale results (${colorScheme})`);
    });

    test('error state: a program-src that is a 404', async ({ page }) => {
      const url = await serveHostPage(page, 'a11y-missing', hostPage(
        '<partner-roi debug tools="all" id="missing" program-src="/programs/no-such-program.json"></partner-roi>',
      ));
      await page.goto(url);
      await expect(page.locator('#missing .partner-roi-failed')).toBeVisible();
      await expect(page.locator('#missing .failure-list li').first()).toBeVisible();
      await expectNoViolations(page, `a failed program load (${colorScheme})`);
    });

    test('presenter mode', async ({ page }) => {
      const url = await serveHostPage(page, 'a11y-presenter', hostPage(
        '<partner-roi program="example" debug tools="all" id="presenting" presenter allow-program-file></partner-roi>',
      ));
      await page.goto(url);
      await widgetReady(page, '#presenting', DEFAULT_TIERS);
      await expect(page.locator('#presenting .partner-roi-presenter')).toBeVisible();
      await expect(page.locator('#presenting').getByRole('button', { name: 'Presenter mode' }))
        .toHaveAttribute('aria-pressed', 'true');
      await expectNoViolations(page, `presenter mode (${colorScheme})`);
    });
  });
}

test('every chart has a text alternative: a named svg image and a data table with a row per tier', async ({ page }) => {
  await page.goto('/index.html');
  await widgetReady(page, '#partner-roi-demo', DEFAULT_TIERS);
  const charts = await page.evaluate(() => {
    const root = document.getElementById('partner-roi-demo').shadowRoot;
    const text = (node) => (node ? node.textContent.replace(/\s+/g, ' ').trim() : null);
    return [...root.querySelectorAll('figure.chart')].map((figure) => {
      const svg = figure.querySelector('svg');
      const ids = (svg && svg.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
      const labels = ids.map((id) => root.getElementById(id));
      const table = figure.querySelector('table');
      const hidden = table && table.closest('.visually-hidden');
      const style = hidden && getComputedStyle(hidden);
      return {
        caption: text(figure.querySelector('figcaption')),
        svgs: figure.querySelectorAll('svg').length,
        role: svg && svg.getAttribute('role'),
        labelledBy: labels.map((label) => label && { tag: label.localName, text: text(label), inSvg: svg.contains(label) }),
        firstLabel: labels[0] ? labels[0].localName : null,
        tableCaption: table && text(table.querySelector('caption')),
        tableHidden: Boolean(style && style.position === 'absolute' && style.width === '1px' && style.overflow === 'hidden'),
        rowHeadings: table ? [...table.querySelectorAll('tbody th[scope="row"]')].map(text) : [],
      };
    });
  });

  expect(charts.length, 'charts in the widget').toBeGreaterThanOrEqual(2);
  for (const chart of charts) {
    const what = `chart "${chart.caption}"`;
    expect(chart.svgs, `${what}: one svg`).toBe(1);
    expect(chart.role, `${what}: svg role`).toBe('img');
    expect(chart.labelledBy.length, `${what}: aria-labelledby`).toBeGreaterThan(0);
    for (const label of chart.labelledBy) {
      expect(label, `${what}: every aria-labelledby id exists`).not.toBeNull();
      expect(label.text, `${what}: labelled by non-empty text`).not.toBe('');
      expect(label.inSvg, `${what}: label inside the svg`).toBe(true);
    }
    expect(chart.firstLabel, `${what}: named first by its <title>`).toBe('title');
    expect(chart.tableHidden, `${what}: data table, visually hidden`).toBe(true);
    expect(chart.tableCaption, `${what}: table caption`).toBeTruthy();
    // A row per tier (the cumulative chart may add conservative and optimistic rows).
    for (const tier of DEFAULT_TIERS) {
      expect(chart.rowHeadings, `${what}: a row for ${tier}`).toContain(tier);
    }
  }

  // The accessible name as the browser computes it.
  const svgs = page.locator('#partner-roi-demo figure.chart svg');
  for (let index = 0; index < charts.length; index += 1) {
    await expect(svgs.nth(index)).toHaveAttribute('role', 'img');
    await expect(svgs.nth(index)).toHaveAccessibleName(/\S/);
  }
});
