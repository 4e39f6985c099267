// Hardening (issue #7), extreme but valid figures: with a program that keeps every input's
// absolute limits (no `inputs` section), a million clients, a billion-dollar deal value,
// ten years and 0% / 100% for every percent either compute (the cards show the engine's
// figures) or show a plain message, and nothing freezes: one recompute (setting el.inputs
// and reading el.result, both synchronous) stays within a generous frame budget and the
// page answers right afterwards.
//
// Host pages are served by page.route under /test/ on the dist/ origin.
const { test, expect } = require('@playwright/test');
const {
  serveHostPage,
  hostDocument,
  collectErrors,
  expectShowsAmount,
} = require('./support/helpers');
const { PERCENT_LIMITS, AMOUNT_LIMITS } = require('./support/security');

/** A generous bound for one synchronous recompute on a slow machine (not a benchmark). */
const RECOMPUTE_BUDGET_MS = 100;
/** How quickly the page must answer a trivial evaluate after the recomputes. */
const RESPONSIVE_MS = 1000;

const HIGH = (limits) => Object.fromEntries(Object.entries(limits).map(([key, [, max]]) => [key, max]));
const LOW = (limits) => Object.fromEntries(Object.entries(limits).map(([key, [min]]) => [key, min]));
const percentsAt = (value) => Object.fromEntries(Object.keys(PERCENT_LIMITS).map((key) => [key, value]));

const BIG = {
  existing_clients: '1000000',
  new_clients_per_year: '1000000',
  deal_value: '1000000000',
  horizon_years: '10',
};

/** Named combinations of values at the absolute limits (every one valid). */
const COMBINATIONS = {
  'all zero (horizon 1)': { ...LOW(AMOUNT_LIMITS), ...percentsAt('0') },
  'all zero over 10 years': { ...LOW(AMOUNT_LIMITS), ...percentsAt('0'), horizon_years: '10' },
  'all max': { ...HIGH(AMOUNT_LIMITS), ...HIGH(PERCENT_LIMITS) },
  'a million clients, a billion per deal, 10 years, every percent 0': { ...BIG, ...percentsAt('0') },
  'a million clients, a billion per deal, 10 years, every percent 100': { ...BIG, ...percentsAt('100') },
  'maximum growth: adoption and expansion 100%, churn 0%': {
    ...BIG, ...percentsAt('100'), churn_pct: '0', discount_rate_pct: '0',
  },
  'everything churns: churn 100%, expansion -100%': {
    ...BIG, ...percentsAt('100'), churn_pct: '100', expansion_pct: '-100',
  },
  'maximum costs, no revenue': {
    ...LOW(AMOUNT_LIMITS), ...percentsAt('0'),
    acquisition_cost: '1000000000', onboarding_fee: '0', initial_investment: '1000000000',
    certified_staff: '1000000', new_clients_per_year: '1000000', horizon_years: '10', discount_rate_pct: '100',
  },
  'a million clients at a billion, nothing resold, nothing registered': {
    ...BIG, ...percentsAt('100'), resell_pct: '0', registered_pct: '0', churn_pct: '0',
  },
};

/** The reseller program without its `inputs` section: every range is the absolute limit. */
async function unboundedProgram(request) {
  const response = await request.get('/programs/reseller.json');
  expect(response.status()).toBe(200);
  const program = await response.json();
  delete program.inputs;
  return program;
}

/** Attributes and texts of the widget that hold NaN, Infinity or undefined. */
const brokenFigures = (page) => page.evaluate(() => {
  const root = document.getElementById('w').shadowRoot;
  const found = [];
  for (const el of root.querySelectorAll('*')) {
    for (const attribute of el.attributes) {
      if (/NaN|Infinity|undefined/.test(attribute.value)) {
        found.push(`${el.localName}[${attribute.name}="${attribute.value.slice(0, 80)}"]`);
      }
    }
    if (el.children.length === 0 && /NaN|Infinity|undefined/.test(el.textContent)) {
      found.push(`${el.localName}: ${el.textContent.slice(0, 80)}`);
    }
  }
  return found;
});

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
});

test('values at the absolute limits compute or say why, without freezing the page', async ({ page, request }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  const program = await unboundedProgram(request);
  const url = await serveHostPage(page, 'extremes', hostDocument({ body: '<partner-roi program="example" id="w"></partner-roi>' }));
  await page.goto(url);
  await page.evaluate(async (program) => {
    await PartnerRoi.ready;
    document.getElementById('w').program = program;
  }, program);
  const widget = page.locator('#w');
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(program.tiers.map((tier) => tier.name));
  // The program's ranges are the absolute limits.
  const help = await widget.getByLabel('Yearly license value per client', { exact: true }).evaluate((input) =>
    input.getRootNode().getElementById(input.getAttribute('aria-describedby').split(' ')[0]).textContent);
  expect(help).toMatch(/1,000,000,000/);

  const outcomes = [];
  for (const [name, inputs] of Object.entries(COMBINATIONS)) {
    await test.step(name, async () => {
      const measured = await page.evaluate(async (inputs) => {
        const el = document.getElementById('w');
        const start = performance.now();
        el.inputs = inputs;
        const result = el.result;
        const elapsed = performance.now() - start;
        let expected = null;
        let error = null;
        try {
          expected = PartnerRoi.project(el.program, el.inputs);
        } catch (thrown) {
          error = String(thrown && thrown.message);
        }
        // The next frame after the change comes (the re-render did not lock the page up).
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const frame = performance.now() - start;
        return { elapsed, frame, inputs: el.inputs, result, expected, error };
      }, inputs);
      outcomes.push({
        name,
        ms: Math.round(measured.elapsed * 10) / 10,
        nextFrameMs: Math.round(measured.frame),
        computed: measured.error === null,
      });

      // Every value was accepted as given (they are all within the limits).
      for (const [key, value] of Object.entries(inputs)) {
        expect(measured.inputs[key], `${name}: el.inputs.${key}`).toBe(value);
      }
      await expect(widget.locator('.notices'), `${name}: no notice for valid values`).toHaveCount(0);
      expect(measured.elapsed, `${name}: one recompute took ${measured.elapsed} ms`).toBeLessThan(RECOMPUTE_BUDGET_MS);
      expect(measured.frame, `${name}: the next frame came after ${measured.frame} ms`).toBeLessThan(RESPONSIVE_MS);

      if (measured.error === null) {
        // Computes: el.result is the engine's, and the cards show it.
        expect(measured.result, `${name}: el.result`).toEqual(measured.expected);
        await expect(widget.locator('.results-error')).toHaveCount(0);
        const names = measured.result.tiers.map((tier) => tier.name);
        await expect(widget.locator('.tier-card .tier-name')).toHaveText(names);
        // The cards are re-rendered for these inputs: wait until they show these nets.
        await expect.poll(async () => {
          const nets = await widget.locator('.tier-card .tier-net-value').allTextContents();
          try {
            measured.result.tiers.forEach((tier, index) => expectShowsAmount(nets[index], tier.net, tier.name));
            return true;
          } catch {
            return nets;
          }
        }, { message: `${name}: the cards show the result's nets` }).toBe(true);
        for (const tier of measured.result.tiers) {
          expect(tier.net, `${name}: ${tier.name} net is a decimal`).toMatch(/^-?\d+\.\d{2}$/);
        }
        // Figure, Start, one column per year, Total.
        // No broken figure anywhere: no NaN or Infinity in the text or in chart geometry.
        expect(await brokenFigures(page), `${name}: NaN / Infinity / undefined in the widget`).toEqual([]);
        await expect(widget.locator('.year-table thead th')).toHaveCount(Number(measured.inputs.horizon_years) + 3);
      } else {
        // Does not compute: a plain message in place of the figures, and no stale result.
        expect(measured.error, `${name}: the engine's message`).toMatch(/\S/);
        const message = widget.locator('.results-error');
        await expect(message, `${name}: a plain message`).toBeVisible();
        await expect(message).toHaveText(/[A-Za-z]/);
        await expect(message).not.toContainText(/panic|unreachable|undefined|NaN|RuntimeError/i);
        expect(measured.result, `${name}: no result for inputs that do not compute`).toBeNull();
        await expect(widget.locator('.tier-card')).toHaveCount(0);
      }

      // The page answers right away.
      const started = Date.now();
      expect(await page.evaluate(() => 1)).toBe(1);
      expect(Date.now() - started, `${name}: page.evaluate round trip`).toBeLessThan(RESPONSIVE_MS);
    });
  }
  test.info().annotations.push({ type: 'recompute times', description: JSON.stringify(outcomes) });
  console.log(`extremes: ${JSON.stringify(outcomes)}`);

  // Back to ordinary figures: computes again.
  await page.evaluate(() => { document.getElementById('w').inputs = { existing_clients: 40, deal_value: 24000 }; });
  await expect(widget.locator('.results-error')).toHaveCount(0);
  await expect(widget.locator('.tier-card')).toHaveCount(program.tiers.length);
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('typing the largest values into the boxes keeps the page responsive', async ({ page, request }) => {
  const errors = collectErrors(page);
  const program = await unboundedProgram(request);
  const url = await serveHostPage(page, 'extremes-typed', hostDocument({ body: '<partner-roi program="example" id="w"></partner-roi>' }));
  await page.goto(url);
  await page.evaluate(async (program) => {
    await PartnerRoi.ready;
    document.getElementById('w').program = program;
  }, program);
  const widget = page.locator('#w');
  await expect(widget.locator('.tier-card')).toHaveCount(program.tiers.length);
  const typed = [
    ['Existing clients', 'existing_clients', '1000000'],
    ['Yearly license value per client', 'deal_value', '1000000000'],
  ];
  for (const [label, key, value] of typed) {
    await widget.getByLabel(label, { exact: true }).fill(value);
    await expect.poll(() => page.evaluate((key) => document.getElementById('w').inputs[key], key)).toBe(value);
  }
  const state = await page.evaluate(() => {
    const el = document.getElementById('w');
    let expected = null;
    try {
      expected = PartnerRoi.project(el.program, el.inputs);
    } catch {
      // shown as a message below
    }
    return { result: el.result, expected };
  });
  if (state.expected) {
    expect(state.result).toEqual(state.expected);
    const nets = await widget.locator('.tier-card .tier-net-value').allTextContents();
    state.expected.tiers.forEach((tier, index) => expectShowsAmount(nets[index], tier.net, tier.name));
  } else {
    await expect(widget.locator('.results-error')).toBeVisible();
  }
  const started = Date.now();
  expect(await page.evaluate(() => 1)).toBe(1);
  expect(Date.now() - started).toBeLessThan(RESPONSIVE_MS);
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});
