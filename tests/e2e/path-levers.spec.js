// The partner's real path (issue 13): the "Your path" strip, the path's line in the
// cumulative chart and its year-by-year table, the "What moves your profit" panel and
// PartnerRoi.levers, with axe finding nothing in the light and the dark scheme; share links
// made before the ramp existed still restore.
const { test, expect } = require('@playwright/test');
const { expectNoAxeViolations, serveHostPage, hostDocument, collectErrors, expectShowsAmount } = require('./support/helpers');

/** 40 new clients a year: Example Cloud's partner climbs from Registered to higher tiers. */
const CLIMBING = '{"new_clients_per_year": 40}';

const page_ = (element) =>
  hostDocument({
    head: '<meta name="viewport" content="width=device-width, initial-scale=1">',
    body: `<main><h1>Partner ROI</h1>${element}</main>`,
  });

/** The distinct tiers of a path in order, e.g. [registered, silver, gold]. */
const steps = (path) => path.filter((tier, index) => index === 0 || path[index - 1] !== tier);

for (const colorScheme of ['light', 'dark']) {
  test(`the path strip, the path's line and table, and the levers panel (${colorScheme})`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.emulateMedia({ reducedMotion: 'reduce', colorScheme });
    await page.goto(await serveHostPage(page, `path-${colorScheme}`, page_(
      `<partner-roi program="example" id="w" loading="eager" inputs='${CLIMBING}'></partner-roi>`)));
    const widget = page.locator('#w');
    const strip = widget.locator('.path-strip');
    await expect(strip.getByRole('heading', { name: 'Your path' })).toBeVisible();

    const result = await page.evaluate(() => document.querySelector('#w').result);
    const journey = result.journey;
    const names = Object.fromEntries(result.tiers.map((tier) => [tier.id, tier.name]));
    const expectedSteps = steps(journey.path);
    expect(expectedSteps.length, 'the path moves between tiers').toBeGreaterThan(1);
    await expect(strip.locator('.path-tier')).toHaveText(expectedSteps.map((id) => names[id]));
    await expect(strip.locator('.path-when').first()).toHaveText('now');
    expectShowsAmount(await strip.locator('.path-net').textContent(), journey.net, 'the path net');

    // A tier reached later shows what the path is worth, not an unqualified "+… more profit".
    const later = result.tiers.find((tier) => tier.qualifies_from_year > 1 && journey.path.includes(tier.id));
    if (later) {
      const card = widget.locator('.tier-card', { has: page.locator('.tier-name', { hasText: later.name }) });
      await expect(card.locator('.tier-path-note')).toContainText('Your path reaches it in year');
      await expect(card.locator('.tier-upgrade')).toHaveCount(0);
    }

    // The cumulative chart draws the path; its table has a row for it.
    await expect(widget.locator('.chart-cumulative .chart-line-path')).toHaveCount(1);
    await expect(widget.locator('.chart-cumulative table th[scope="row"]', { hasText: 'Your path' })).toHaveCount(1);

    // The year-by-year table of the path, with each year's tier.
    await widget.getByRole('button', { name: 'Your path', exact: true }).click();
    const table = widget.locator('table.year-table');
    await expect(table.locator('caption')).toHaveText('Your path: year by year');
    await expect(table.locator('tr.row-tier td:not(:empty)')).toHaveText(journey.path.map((id) => names[id]));
    await expectNoAxeViolations(page, `the path strip and table (${colorScheme})`);

    // The levers panel is closed until asked for, then shows six figures.
    const toggle = widget.getByRole('button', { name: 'What moves your profit' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(widget.locator('.levers-chart')).toHaveCount(0);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(widget.locator('.levers-chart svg .chart-lever-label')).toHaveCount(6);
    await expect(widget.locator('.levers-chart table tbody tr')).toHaveCount(6);
    await expectNoAxeViolations(page, `the levers panel (${colorScheme})`);
    expect(errors).toEqual([]);
  });
}

test('PartnerRoi.levers gives every lever of a tier, the widest spread first', async ({ page }) => {
  await page.goto(await serveHostPage(page, 'levers-api', page_('<p>No widget.</p>')));
  const levers = await page.evaluate(async () => {
    await PartnerRoi.ready;
    return PartnerRoi.levers(null, { new_clients_per_year: 40, deal_value: 10000 }, 'gold');
  });
  expect(levers.length).toBeGreaterThanOrEqual(6);
  const inputs = levers.map((lever) => lever.input);
  expect(inputs).not.toContain('horizon_years');
  expect(inputs).not.toContain('discount_rate_pct');
  const deal = levers.find((lever) => lever.input === 'deal_value');
  expect([deal.low_value, deal.high_value]).toEqual(['9000', '11000']);
  for (const lever of levers) expect(lever.low_net).toMatch(/^-?\d+\.\d\d$/);
  const spreads = levers.map((lever) => Math.abs(Number(lever.high_net) - Number(lever.low_net)));
  expect(spreads).toEqual([...spreads].sort((a, b) => b - a));
  const unknown = await page.evaluate(() => {
    try {
      PartnerRoi.levers(null, null, 'diamond');
      return 'no error';
    } catch (error) {
      return error.message;
    }
  });
  expect(unknown).toContain('diamond');
});

test('a share link made before the ramp (format 1, 16 values) still restores its figures', async ({ page }) => {
  const url = await serveHostPage(page, 'old-link', page_('<partner-roi program="example" id="w"></partner-roi>'));
  await page.goto(`${url}#partner-roi-w=1~example-cloud~gold~40,15,10,31000,5,8,60,50,2500,1200,35,800,2,5000,3,10`);
  const widget = page.locator('#w');
  await expect(widget.locator('.tier-card').first()).toBeVisible();
  const inputs = await page.evaluate(() => document.querySelector('#w').inputs);
  expect(inputs.deal_value).toBe('31000');
  expect(inputs.existing_clients).toBe('40');
  expect(inputs.ramp_months).toBe('0');
  await expect(widget.locator('.tier-card-selected .tier-name')).toHaveText('Gold');
  await expect(widget.locator('.notices')).toHaveCount(0);
});
