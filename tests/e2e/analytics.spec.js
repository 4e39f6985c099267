// Opt-in analytics (issue 30, part 5): with `analytics="datalayer"` the widget pushes its
// events to window.dataLayer, with `analytics="gtag"` it calls gtag('event', …), and without
// the attribute it reports nothing. No event carries a name, an email or a typed figure.
const { test, expect } = require('@playwright/test');
const { serveHostPage, hostDocument, collectErrors } = require('./support/helpers');

/** The parameters every event carries, and nothing more. */
const PARAMS = ['currency', 'language', 'program_id', 'tier', 'value'];

/** Stubs print and a gtag that records its calls; cancels the call to action so the page stays. */
const PAGE_SCRIPT = `<script>
  window.print = () => {};
  window.gtagCalls = [];
  window.gtag = (...args) => { window.gtagCalls.push(args); };
  document.addEventListener('partner-roi:cta', (event) => event.preventDefault());
</script>`;

async function openWidget(page, name, analytics) {
  const attribute = analytics ? `analytics="${analytics}"` : '';
  const url = await serveHostPage(page, name, hostDocument({
    head: PAGE_SCRIPT,
    body: `<div style="height: 150vh">Above the widget</div>
    <partner-roi id="w" loading="eager" tools="all" program-src="/programs/reseller.json" ${attribute}></partner-roi>`,
  }));
  await page.goto(url);
  const widget = page.locator('#w');
  await expect(widget.locator('.tier-card').first()).toBeAttached();
  return widget;
}

/** Does everything the widget reports: scroll to it, type, choose a tier, share, print, apply. */
async function useTheWidget(page, widget) {
  await widget.scrollIntoViewIfNeeded();
  await widget.getByLabel('Existing clients', { exact: true }).fill('77');
  await widget.getByLabel('Existing clients', { exact: true }).fill('78');
  await widget.locator('.tier-card:not(.tier-card-selected) .tier-select').first().click();
  await widget.getByRole('button', { name: 'Copy link' }).click();
  await widget.getByRole('button', { name: 'Print / Save as PDF' }).click();
  await page.keyboard.press('Enter');
  await widget.locator('a.cta-button').click();
}

const EVENTS = [
  'partner_roi_view',
  'partner_roi_start',
  'partner_roi_tier_select',
  'partner_roi_share',
  'partner_roi_print',
  'partner_roi_cta',
];

test('analytics="datalayer" pushes each event once it happens, with no personal data', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = collectErrors(page);
  const widget = await openWidget(page, 'analytics-datalayer', 'datalayer');
  // Below the fold: not viewed yet.
  expect(await page.evaluate(() => (window.dataLayer ?? []).length)).toBe(0);
  await useTheWidget(page, widget);
  await expect.poll(() => page.evaluate(() => window.dataLayer.map((entry) => entry.event))).toEqual(EVENTS);
  const entries = await page.evaluate(() => window.dataLayer);
  const { result } = await page.evaluate(() => ({ result: document.getElementById('w').result }));
  for (const entry of entries) {
    expect(Object.keys(entry).sort(), entry.event).toEqual(['event', ...PARAMS].sort());
    expect(entry.program_id).toBe(result.program_id);
    expect(entry.language).toBe('en');
    expect(entry.value % 1000, entry.event).toBe(0);
  }
  const last = entries.at(-1);
  const chosen = result.tiers.find((tier) => tier.id === last.tier);
  expect(last.tier).not.toBe(entries[0].tier);
  expect(Math.abs(last.value - Number(chosen.net))).toBeLessThanOrEqual(500);
  expect(errors).toEqual([]);
});

test('analytics="gtag" calls gtag("event", name, params)', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const widget = await openWidget(page, 'analytics-gtag', 'gtag');
  await useTheWidget(page, widget);
  await expect.poll(() => page.evaluate(() => window.gtagCalls.map(([, name]) => name))).toEqual(EVENTS);
  const calls = await page.evaluate(() => window.gtagCalls);
  for (const [command, , params] of calls) {
    expect(command).toBe('event');
    expect(Object.keys(params).sort()).toEqual(PARAMS);
  }
  expect(await page.evaluate(() => window.dataLayer)).toBeUndefined();
});

test('without the attribute nothing is pushed or called', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const widget = await openWidget(page, 'analytics-none', null);
  // Each action is handled, and would have been reported, before its click returns.
  await useTheWidget(page, widget);
  expect(await page.evaluate(() => window.dataLayer)).toBeUndefined();
  expect(await page.evaluate(() => window.gtagCalls)).toEqual([]);
});
