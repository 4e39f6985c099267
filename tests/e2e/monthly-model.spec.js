// The month-by-month model as a prospect reads it (issue 27): a tier never reached within the
// horizon leads with what it takes, not with its net; certifying missing people reads as a
// cost already included; client counts multiply out (one decimal where not whole); the
// cumulative chart draws every month; one sentence states the timing; and with the built-in
// program's defaults (a 3-month ramp) no tier pays back before its first deals.
const { test, expect } = require('@playwright/test');
const { serveHostPage, hostDocument, collectErrors, expectShowsAmount } = require('./support/helpers');

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
});

test('cards, year table, chart and timing note follow the monthly model', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(await serveHostPage(page, 'monthly-model', hostDocument({
    body: '<partner-roi program="example" id="w" loading="eager"></partner-roi>',
  })));
  const widget = page.locator('#w');
  const result = await page.evaluate(async () => (await document.getElementById('w').ready).result);
  const inputs = await page.evaluate(() => document.getElementById('w').inputs);
  expect(Number(inputs.ramp_months)).toBe(3);

  // No tier pays back before the ramp ends: the program fee and the start-up costs come first.
  for (const tier of result.tiers) {
    if (tier.payback_months !== null) expect(Number(tier.payback_months), tier.name).toBeGreaterThanOrEqual(3);
  }

  const cards = widget.locator('.tier-card');
  await expect(cards).toHaveCount(result.tiers.length);
  const unreached = result.tiers.filter((tier) => tier.qualifies_from_year === null);
  expect(unreached.length, 'the built-in program has a tier out of reach at its defaults').toBeGreaterThan(0);
  for (const [index, tier] of result.tiers.entries()) {
    const card = cards.nth(index);
    if (tier.qualifies_from_year === null) {
      // What it would take is the headline; the net only "if you reached it".
      const headline = card.locator('.tier-unreached');
      await expect(headline).toContainText('Not reached with these figures:');
      await expect(headline).toContainText('more license revenue a year');
      expectShowsAmount(await headline.textContent(), tier.revenue_shortfall, `${tier.name} shortfall`);
      await expect(card.locator('.tier-net-label')).toHaveText(`Net profit over ${result.horizon_years} years if you reached it`);
      await expect(card.locator('.badge-missing')).toHaveCount(0);
    } else {
      await expect(card.locator('.tier-unreached')).toHaveCount(0);
      await expect(card.locator('.tier-net-label')).toHaveText(`Net profit over ${result.horizon_years} years`);
    }
    expectShowsAmount(await card.locator('.tier-net-value').textContent(), tier.net, `${tier.name} net`);
    // A certification gap is a cost already counted, never a warning beside "You qualify".
    const gap = Number(tier.staff_gap);
    const included = card.locator('.badge-included');
    if (gap > 0) {
      await expect(included).toHaveText(`Includes certifying ${gap} more ${gap === 1 ? 'person' : 'people'}`);
    } else {
      await expect(included).toHaveCount(0);
    }
    await expect(card).not.toContainText(/Certify \d/);
  }

  await expect(widget.locator('.results-timing')).toHaveText(
    'Clients pay monthly from the month they are won; program and certification fees are paid at the start of each year, rebates and market development funds at its end.',
  );
  // What "Value today (NPV)" means, at the partner's own discount rate.
  await expect(widget.locator('.results-npv-note')).toHaveText(
    "Value today (NPV) is your net profit in today's money: each later year counts for less, at a discount rate of 10% a year.",
  );

  // The year table's client counts: one decimal where not whole, equal to the result's.
  const selected = result.tiers.find((tier) => tier.id === result.recommended_tier);
  const row = widget.locator('.year-table tbody tr', { has: page.locator('th', { hasText: /^New clients$/ }) });
  await expect(row).toHaveCount(1);
  const cells = await row.locator('td').allTextContents();
  const counts = selected.years.map((year) => Number(year.new_clients));
  const shown = cells.slice(1, 1 + counts.length);
  expect(shown.length).toBe(counts.length);
  shown.forEach((text, index) => {
    expect(text, `year ${index + 1}`).toMatch(/^\d{1,3}(,\d{3})*(\.\d)?$/);
    expect(Number(text.replace(/,/g, ''))).toBeCloseTo(counts[index], 1);
  });
  expect(counts.some((count) => !Number.isInteger(count)), 'a year whose client count is not whole').toBe(true);
  expect(shown.some((text) => /\.\d$/.test(text))).toBe(true);

  // The cumulative chart draws every month, day one included.
  const line = widget.locator('.chart-cumulative .chart-line').first();
  const points = (await line.getAttribute('points')).trim().split(/\s+/);
  expect(points.length).toBe(12 * result.horizon_years + 1);
  // Its points mark the year ends only.
  await expect(widget.locator('.chart-cumulative g').first().locator('.chart-point')).toHaveCount(result.horizon_years + 1);
  // The NPV note follows the partner's discount rate.
  await page.evaluate(() => { document.getElementById('w').inputs = { discount_rate_pct: 7.5 }; });
  await expect(widget.locator('.results-npv-note')).toContainText('at a discount rate of 7.5% a year.');
  expect(errors).toEqual([]);
});
