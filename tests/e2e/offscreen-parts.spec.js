// Parts of the results away from the viewport are not redrawn on every keystroke (issue 12,
// no redundant work): the charts and the year-by-year table, below the first screen, keep
// their figures while the partner types and catch up once the typing pauses; near the
// viewport they follow every keystroke; a printout always has the current figures.
const { test, expect } = require('@playwright/test');
const { serveHostPage, hostDocument, collectErrors } = require('./support/helpers');

const DEAL_VALUE = 'Yearly license value per client';

/** Mutations under each part during one input event and the frame after it. */
async function mutationsOfOneEdit(page, value) {
  return page.evaluate(async (value) => {
    const root = document.getElementById('w').shadowRoot;
    const parts = {
      cards: root.querySelector('.tier-cards'),
      charts: root.querySelector('.charts'),
      table: root.querySelector('.year-table'),
    };
    const counts = Object.fromEntries(Object.keys(parts).map((name) => [name, 0]));
    const observers = Object.entries(parts).map(([name, node]) => {
      const observer = new MutationObserver((records) => { counts[name] += records.length; });
      observer.observe(node, { subtree: true, childList: true, characterData: true, attributes: true });
      return observer;
    });
    const input = root.querySelector('input[id$="-deal_value"]');
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    for (const observer of observers) observer.disconnect();
    return counts;
  }, value);
}

const textOf = (page, selector) => page.locator('#w').locator(selector).evaluate((node) => node.textContent);

test('charts and the year table below the fold catch up after typing; near the viewport they follow it', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(await serveHostPage(page, 'offscreen-parts', hostDocument({
    body: '<partner-roi program="example" id="w" loading="eager"></partner-roi>',
  })));
  const widget = page.locator('#w');
  await expect(widget.locator('.deferred')).toHaveCount(0);
  await expect(widget.locator('.year-table')).toHaveCount(1);
  const chartsTop = await widget.locator('.charts').evaluate((node) => node.getBoundingClientRect().top);
  expect(chartsTop, 'the charts start below the first screen and its margin').toBeGreaterThan(900 + 200);

  const chartsBefore = await textOf(page, '.charts');
  const tableBefore = await textOf(page, '.year-table');
  const away = await mutationsOfOneEdit(page, '31000');
  expect(away.cards, 'the tier cards follow the keystroke').toBeGreaterThan(0);
  expect(away.charts, 'the charts wait').toBe(0);
  expect(away.table, 'the year table waits').toBe(0);
  // Once the typing pauses, they show the new figures.
  await expect.poll(() => textOf(page, '.charts')).not.toBe(chartsBefore);
  await expect.poll(() => textOf(page, '.year-table')).not.toBe(tableBefore);
  await expect(widget.getByLabel(DEAL_VALUE, { exact: true })).toHaveValue(/^31,?000$/);

  // Near the viewport, a keystroke redraws them at once.
  await widget.locator('.charts').scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const near = await mutationsOfOneEdit(page, '17000');
  expect(near.charts, 'the charts follow the keystroke').toBeGreaterThan(0);

  // Away again, a change made just before printing is in the printout.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const printed = await page.evaluate(async () => {
    const root = document.getElementById('w').shadowRoot;
    const table = () => root.querySelector('.year-table').textContent;
    const before = table();
    const input = root.querySelector('input[id$="-deal_value"]');
    input.value = '26000';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const typed = table();
    window.dispatchEvent(new Event('beforeprint'));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return { before, typed, printed: table() };
  });
  expect(printed.typed, 'away from the viewport the table waits').toBe(printed.before);
  expect(printed.printed, 'before printing it is brought up to date').not.toBe(printed.before);
  expect(errors).toEqual([]);
});
