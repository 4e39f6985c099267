// Never the example program by accident (issue 29): a page that sets the program as a
// framework does, during hydration or in its first effects, never shows the built-in example
// first and `el.ready` gives its own program; a page that sets none sees the example labelled,
// once warned; `program="example"` shows it as intended and `program="pending"` waits.
const { test, expect } = require('@playwright/test');
const { serveHostPage, hostDocument, collectErrors, catalogue } = require('./support/helpers');

/** The built-in example program's name (crates/engine/src/default_program.json). */
const EXAMPLE_NAME = 'Example Cloud Partner Program';
const NOTICE = catalogue('en').example_program;

/**
 * From navigation on, watches every shadow root the page attaches: `window.exampleSeen`
 * turns true if the example program's name is ever in one (a mutation observer's callback
 * runs before the browser paints what changed, so no frame escapes it).
 */
const WATCH_FOR_EXAMPLE = `(() => {
  window.exampleSeen = false;
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    new MutationObserver(() => {
      if (root.textContent.includes(${JSON.stringify(EXAMPLE_NAME)})) window.exampleSeen = true;
    }).observe(root, { childList: true, subtree: true, characterData: true });
    return root;
  };
  window.widgetErrors = [];
  document.addEventListener('partner-roi:error', (event) => { window.widgetErrors.push(event.detail); });
})();`;

/** The reseller program, as a page's script would hold it. */
async function reseller(request) {
  return (await request.get('/programs/reseller.json')).json();
}

/** Opens a page whose widget is `<partner-roi id="w" ATTRIBUTES>` and whose `script` runs after it. */
async function openPage(page, name, { attributes = '', script = '' } = {}) {
  await page.addInitScript(WATCH_FOR_EXAMPLE);
  const warnings = [];
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  const url = await serveHostPage(page, name, hostDocument({
    body: `<partner-roi id="w" loading="eager" ${attributes}></partner-roi><script>${script}</script>`,
  }));
  await page.goto(url);
  return { widget: page.locator('#w'), warnings };
}

const waysToSetLate = {
  'during hydration (before load)': (program) => `document.getElementById('w').program = ${program};`,
  'in a first effect (a task after load)': (program) =>
    `addEventListener('load', () => setTimeout(() => { document.getElementById('w').program = ${program}; }, 0));`,
  'after the wasm has loaded': (program) =>
    `PartnerRoi.ready.then(() => setTimeout(() => { document.getElementById('w').program = ${program}; }, 0));`,
};

for (const [when, setProgram] of Object.entries(waysToSetLate)) {
  test(`a program set ${when} is the first one shown, and el.ready gives it`, async ({ page, request }) => {
    const errors = collectErrors(page);
    const program = await reseller(request);
    const { widget, warnings } = await openPage(page, `example-late-${when.length}`, { script: setProgram(JSON.stringify(program)) });
    const ready = await page.evaluate(() => document.getElementById('w').ready);
    expect(ready.result.program_id).toBe(program.id);
    await expect(widget.locator('.tier-card .tier-name')).toHaveText(program.tiers.map((tier) => tier.name));
    await expect(widget.locator('.program-example-notice')).toHaveCount(0);
    expect(await page.evaluate(() => window.exampleSeen), 'a frame showed the example program').toBe(false);
    expect(await page.evaluate(() => window.widgetErrors)).toEqual([]);
    expect(warnings).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('without a program the example shows labelled, after one warning and one partner-roi:error', async ({ page }) => {
  const { widget, warnings } = await openPage(page, 'example-none');
  await expect(widget.locator('.program-example-notice')).toHaveText(NOTICE);
  await expect(widget.locator('.program-name')).toContainText(EXAMPLE_NAME);
  const reported = await page.evaluate(() => window.widgetErrors);
  expect(reported.map((error) => error.path)).toEqual(['program']);
  expect(reported[0].message).toContain('program="example"');
  expect(warnings.filter((text) => text.includes('program="example"'))).toHaveLength(1);
  // The notice goes once the page sets a program of its own.
  await page.evaluate(() => { document.getElementById('w').program = '{"version": 1, "id": "own", "name": "Own", "currency": "EUR", "tiers": [{"id": "t", "name": "Only tier"}]}'; });
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(['Only tier']);
  await expect(widget.locator('.program-example-notice')).toHaveCount(0);
});

test('program="example" shows the example at once, without the notice or a report', async ({ page }) => {
  const { widget, warnings } = await openPage(page, 'example-asked', { attributes: 'program="example"' });
  await expect(widget.locator('.program-name')).toContainText(EXAMPLE_NAME);
  await expect(widget.locator('.program-example-notice')).toHaveCount(0);
  expect(await page.evaluate(() => window.widgetErrors)).toEqual([]);
  expect(warnings).toEqual([]);
});

test('program="pending" waits past the grace period for the property', async ({ page, request }) => {
  const program = await reseller(request);
  // The page sets its program a second after load, well past the grace period.
  const script = `addEventListener('load', () => setTimeout(() => { document.getElementById('w').program = ${JSON.stringify(program)}; }, 1000));`;
  const { widget } = await openPage(page, 'example-pending', { attributes: 'program="pending"', script });
  const ready = await page.evaluate(() => document.getElementById('w').ready);
  expect(ready.result.program_id).toBe(program.id);
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(program.tiers.map((tier) => tier.name));
  expect(await page.evaluate(() => window.exampleSeen), 'a frame showed the example program').toBe(false);
  expect(await page.evaluate(() => window.widgetErrors)).toEqual([]);
});

test('"[object Object]" written by a server is not reported once hydration sets the properties', async ({ page, request }) => {
  // As SvelteKit renders on the server: the objects are text in the attributes; hydration then
  // sets the properties, after the element connected.
  const program = await reseller(request);
  const script = `addEventListener('load', () => setTimeout(() => {
    const el = document.getElementById('w');
    el.program = ${JSON.stringify(program)};
    el.inputs = { existing_clients: 120 };
  }, 0));`;
  const { widget, warnings } = await openPage(page, 'example-object-as-text', { attributes: 'program="[object Object]" inputs="[object Object]"', script });
  await expect(widget.getByLabel('Existing clients', { exact: true })).toHaveValue('120');
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(program.tiers.map((tier) => tier.name));
  expect(await page.evaluate(() => window.exampleSeen)).toBe(false);
  expect(await page.evaluate(() => window.widgetErrors)).toEqual([]);
  expect(warnings).toEqual([]);
});
