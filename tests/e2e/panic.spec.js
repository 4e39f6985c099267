// Panic containment (#7 Hardening), with the test-only bundle `cargo xtask test` builds into
// target/panic-test (`--features test-panic`, src/embed/test_panic.rs): while a widget has
// the data-partner-roi-test-panic attribute, its next settled change panics inside Yew's
// update loop. That widget shows an apology with "Reload widget" in place, logs the panic
// and fires partner-roi:error; the other widgets, PartnerRoi.project and the host page carry
// on (each widget has a wasm instance of its own); reloading resumes the latest figures.
// The trigger exists only in that bundle: dist/ is checked not to contain it.
const fs = require('node:fs');
const path = require('node:path');
const { test, expect } = require('@playwright/test');
const AxeBuilder = require('@axe-core/playwright').default;
const { startServer } = require('./support/chromium');
const { WCAG_TAGS } = require('./support/helpers');

const ROOT = path.resolve(__dirname, '..', '..');
const PANIC_TEST_DIR = path.join(ROOT, 'target', 'panic-test');
const DIST = path.join(ROOT, 'dist');
const TRIGGER = 'data-partner-roi-test-panic';
const DEAL_VALUE = 'Yearly license value per client';
const APOLOGY = 'Sorry, this calculator stopped working';

let server;
let origin;

// A second static server, on target/panic-test (Playwright's webServer serves dist/).
test.beforeAll(async () => {
  test.setTimeout(120_000);
  if (!fs.existsSync(path.join(PANIC_TEST_DIR, 'partner-roi.js'))) {
    throw new Error('target/panic-test/ is missing: `cargo xtask test` (or `cargo xtask panic-bundle`) builds it');
  }
  server = await startServer(PANIC_TEST_DIR);
  origin = server.origin;
});

test.afterAll(() => server?.close());

const eventsOf = (page, type, id) =>
  page.evaluate(([type, id]) => window.widgetEvents.filter((e) => e.type === type && e.id === id), [type, id]);

/** Waits for a partner-roi:change (or :ready) from `id` whose inputs have `deal_value`. */
const settledOn = (page, id, dealValue) =>
  expect
    .poll(async () => (await eventsOf(page, 'partner-roi:change', id))
      .concat(await eventsOf(page, 'partner-roi:ready', id))
      .some((e) => e.detail.inputs.deal_value === dealValue))
    .toBe(true);

/** The element's result equals the engine's projection of its program and inputs. */
async function expectConsistent(page, id) {
  const { result, expected } = await page.evaluate((id) => {
    const el = document.getElementById(id);
    return { result: el.result, expected: PartnerRoi.project(el.program, el.inputs) };
  }, id);
  expect(result, `${id}: result`).not.toBeNull();
  expect(result, `${id}: result equals PartnerRoi.project`).toEqual(expected);
}

test('the panic trigger is in the test-only bundle and nowhere in dist/', () => {
  const contains = (file) => fs.readFileSync(file).includes(TRIGGER);
  expect(contains(path.join(PANIC_TEST_DIR, 'partner-roi_bg.wasm')), 'the test-only wasm has the trigger').toBe(true);
  for (const file of ['partner-roi.js', 'partner-roi_bg.wasm', 'partner-roi.html']) {
    expect(contains(path.join(DIST, file)), `dist/${file} has no trigger`).toBe(false);
  }
});

test('a panicking widget apologises in place; the others, PartnerRoi and the page carry on; reload resumes', async ({ page }) => {
  const consoleErrors = [];
  const pageErrors = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${origin}/index.html`);
  const first = page.locator('#first');
  const second = page.locator('#second');
  await expect(first.locator('.tier-card')).toHaveCount(4);
  await expect(second.locator('.tier-card')).toHaveCount(4);

  // The widget that panics as it starts apologises; the others started regardless.
  const broken = page.locator('#starts-broken');
  await expect(broken.getByRole('alert')).toContainText(APOLOGY);
  await expect(broken.getByRole('button', { name: 'Reload widget' })).toBeVisible();

  await first.getByLabel(DEAL_VALUE).fill('42000');
  await settledOn(page, 'first', '42000');

  // Panic inside the first widget's update loop.
  await page.evaluate((trigger) => document.getElementById('first').setAttribute(trigger, ''), TRIGGER);
  await first.getByLabel(DEAL_VALUE).fill('43000');
  await expect(first.getByRole('alert')).toContainText(APOLOGY);
  await expect(first.locator('.tier-card')).toHaveCount(0);
  const reload = first.getByRole('button', { name: 'Reload widget' });
  await expect(reload).toBeVisible();
  await expect(reload, 'focus moves from the lost field to the reload button').toBeFocused();
  const [error] = await eventsOf(page, 'partner-roi:error', 'first');
  expect(error.detail.path).toBe('panic');
  expect(error.detail.message).toBe('The calculator stopped after an internal error.');
  expect(error.detail.panic).toContain('partner-roi test panic');
  expect(consoleErrors.some((text) => text.includes('partner-roi: this widget stopped')
    && text.includes('partner-roi test panic'))).toBe(true);
  expect(await page.evaluate(() => document.getElementById('first').result)).toBeNull();

  // The second widget, the engine API and the host page keep working.
  const netsBefore = await second.locator('.tier-net-value').allTextContents();
  await second.getByLabel(DEAL_VALUE).fill('55000');
  await settledOn(page, 'second', '55000');
  await expect(second.locator('.tier-net-value').first()).not.toHaveText(netsBefore[0]);
  await expectConsistent(page, 'second');
  await page.locator('#host-button').click();
  await expect(page.locator('#host-count')).toHaveText('1');
  expect(await page.evaluate(() => PartnerRoi.project(null, { deal_value: 55000 }))).toEqual(
    await page.evaluate(() => document.getElementById('second').result),
  );

  // The apology itself is accessible, in both schemes.
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).include('#first').withTags(WCAG_TAGS).analyze();
    expect(violations.map((v) => `${colorScheme}: ${v.id}: ${v.help}`)).toEqual([]);
  }

  // Reload: a new instance resumes from the last settled figures (43000 never settled).
  const readyBefore = (await eventsOf(page, 'partner-roi:ready', 'first')).length;
  await page.evaluate((trigger) => document.getElementById('first').removeAttribute(trigger), TRIGGER);
  await reload.click();
  await expect(first.locator('.tier-card')).toHaveCount(4);
  await expect(first.getByLabel(DEAL_VALUE)).toHaveValue(/^42,?000$/);
  await expect.poll(async () => (await eventsOf(page, 'partner-roi:ready', 'first')).length).toBe(readyBefore + 1);
  await expect(first.locator(':focus')).toHaveCount(1);
  await first.getByLabel(DEAL_VALUE).fill('47000');
  await settledOn(page, 'first', '47000');
  await expectConsistent(page, 'first');

  // Only the traps reach the page as errors, and the refusals of a retired instance (a
  // timer it had set firing later): no Rust code ran in an aborted instance.
  expect(pageErrors.filter((message) => /unreachable/.test(message)).length).toBeGreaterThan(0);
  expect(pageErrors.filter((message) => !/^unreachable$|retired after a panic/.test(message))).toEqual([]);
});

test('a widget that keeps panicking can be reloaded again and again', async ({ page }) => {
  page.on('pageerror', () => {});
  await page.goto(`${origin}/index.html`);
  const broken = page.locator('#starts-broken');
  for (let round = 0; round < 3; round += 1) {
    await expect(broken.getByRole('alert')).toContainText(APOLOGY);
    await broken.getByRole('button', { name: 'Reload widget' }).click();
  }
  await expect(broken.getByRole('alert')).toContainText(APOLOGY);
  const errors = await eventsOf(page, 'partner-roi:error', 'starts-broken');
  expect(errors.length).toBe(4);
  expect(errors.every((e) => e.detail.path === 'panic')).toBe(true);

  await page.evaluate((trigger) => document.getElementById('starts-broken').removeAttribute(trigger), TRIGGER);
  await broken.getByRole('button', { name: 'Reload widget' }).click();
  await expect(broken.locator('.tier-card')).toHaveCount(4);
  await expectConsistent(page, 'starts-broken');
});

test('PartnerRoi.project recovers from a panic, and the widgets never notice', async ({ page }) => {
  const consoleErrors = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  await page.goto(`${origin}/index.html`);
  const first = page.locator('#first');
  await expect(first.locator('.tier-card')).toHaveCount(4);
  const outcome = await page.evaluate((trigger) => {
    const expected = PartnerRoi.project(null, { deal_value: 42000 });
    document.documentElement.setAttribute(trigger, '');
    let thrown = null;
    try {
      PartnerRoi.project(null, { deal_value: 42000 });
    } catch (error) {
      thrown = `${error.name}: ${error.message}`;
    }
    document.documentElement.removeAttribute(trigger);
    return { expected, thrown, again: PartnerRoi.project(null, { deal_value: 42000 }) };
  }, TRIGGER);
  expect(outcome.thrown).toBe('RuntimeError: unreachable');
  expect(outcome.again).toEqual(outcome.expected);
  expect(consoleErrors.some((text) => text.includes('PartnerRoi.project stopped')
    && text.includes('partner-roi test panic'))).toBe(true);

  await first.getByLabel(DEAL_VALUE).fill('42000');
  await settledOn(page, 'first', '42000');
  expect(await page.evaluate(() => document.getElementById('first').result)).toEqual(outcome.expected);
  expect(await eventsOf(page, 'partner-roi:error', 'first')).toEqual([]);
});

test('reloading a widget configured through properties keeps its program and resumes its figures', async ({ page }) => {
  page.on('pageerror', () => {});
  const referral = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'programs', 'referral.json'), 'utf8'));
  const dealLabel = referral.inputs.deal_value.label;
  await page.goto(`${origin}/index.html`);
  await page.evaluate((program) => {
    const el = document.createElement('partner-roi');
    el.id = 'by-property';
    el.setAttribute('persist', 'off');
    el.setAttribute('loading', 'eager');
    el.program = program;
    el.inputs = { deal_value: 12000 };
    document.querySelector('main').append(el);
  }, referral);
  const widget = page.locator('#by-property');
  const tierNames = referral.tiers.map((tier) => tier.name);
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(tierNames);
  await expect(widget.getByLabel(dealLabel)).toHaveValue(/^12,?000$/);
  await widget.getByLabel(dealLabel).fill('15000');
  await settledOn(page, 'by-property', '15000');

  await page.evaluate((trigger) => document.getElementById('by-property').setAttribute(trigger, ''), TRIGGER);
  await widget.getByLabel(dealLabel).fill('16000');
  await expect(widget.getByRole('alert')).toContainText(APOLOGY);
  await page.evaluate((trigger) => document.getElementById('by-property').removeAttribute(trigger), TRIGGER);
  await widget.getByRole('button', { name: 'Reload widget' }).click();

  await expect(widget.locator('.tier-card .tier-name')).toHaveText(tierNames);
  await expect(widget.getByLabel(dealLabel)).toHaveValue(/^15,?000$/);
  expect(await page.evaluate(() => document.getElementById('by-property').program.id)).toBe(referral.id);
  await expectConsistent(page, 'by-property');
});

test('the apology and the reload need nothing a strict CSP with Trusted Types forbids', async ({ page }) => {
  page.on('pageerror', () => {});
  // The page's own inline scripts need 'unsafe-inline' (and its data: favicon img-src); styles stay 'self'.
  const policy = "default-src 'self'; img-src 'self' data:; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'self'; "
    + "require-trusted-types-for 'script'; trusted-types 'none'";
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI}`);
    });
  });
  await page.route(`${origin}/index.html`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
  await page.goto(`${origin}/index.html`);
  const first = page.locator('#first');
  await expect(first.locator('.tier-card')).toHaveCount(4);
  await page.evaluate((trigger) => document.getElementById('first').setAttribute(trigger, ''), TRIGGER);
  await first.getByLabel(DEAL_VALUE).fill('43000');
  await expect(first.getByRole('alert')).toContainText(APOLOGY);
  await page.evaluate((trigger) => document.getElementById('first').removeAttribute(trigger), TRIGGER);
  await first.getByRole('button', { name: 'Reload widget' }).click();
  await expect(first.locator('.tier-card')).toHaveCount(4);
  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
  // Control: the policy is in force (an inline style attribute is refused).
  const refused = await page.evaluate(async () => {
    const probe = document.createElement('div');
    probe.setAttribute('style', 'color: red');
    document.body.append(probe);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return window.cspViolations.length;
  });
  expect(refused).toBeGreaterThan(0);
});
