// Figures a prospect believes (issue 14.4): each card separates what the program pays from
// the partner's own services profit, and a program may keep the services out of the headline
// net, ROI, NPV and payback (`services_in_net: false`); `result` says which.
const { test, expect } = require('@playwright/test');
const { serveHostPage, hostDocument, collectErrors, expectShowsAmount } = require('./support/helpers');

/** Each card's net, "from the program" and services amounts, as shown. */
const cardSplits = (widget) => widget.locator('.tier-card').evaluateAll((cards) => cards.map((card) => ({
  label: card.querySelector('.tier-net-label').textContent,
  net: card.querySelector('.tier-net-value').textContent,
  program: card.querySelector('.tier-split-program strong').textContent,
  services: card.querySelector('.tier-split-services strong').textContent,
  servicesText: card.querySelector('.tier-split-services').textContent,
})));

test('by default the services count in the net, and every card shows both parts', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(await serveHostPage(page, 'split-default', hostDocument({
    body: '<partner-roi program="example" id="w" loading="eager"></partner-roi>',
  })));
  const widget = page.locator('#w');
  const { result } = await page.evaluate(async () => document.getElementById('w').ready);
  expect(result.services_in_net).toBe(true);
  const cards = await cardSplits(widget);
  result.tiers.forEach((tier, index) => {
    const card = cards[index];
    // A tier never reached within the horizon: its net only "if you reached it".
    const reached = tier.qualifies_from_year !== null ? '' : ' if you reached it';
    expect(card.label).toBe(`Net profit over 3 years${reached}`);
    expectShowsAmount(card.program, tier.program_earnings, `${tier.name} from the program`);
    expectShowsAmount(card.services, tier.services, `${tier.name} services`);
    expect(card.servicesText).not.toContain('not counted');
    // The parts add up to the earnings: each figure is rounded to the cent on its own
    // (docs/model.md, "Exact decimals and rounding"), so their sum is within a cent.
    const cents = (text) => Math.round(Number(text) * 100);
    expect(Math.abs(cents(tier.program_earnings) + cents(tier.services) - cents(tier.earnings))).toBeLessThanOrEqual(1);
  });
  expect(errors).toEqual([]);
});

test('services_in_net: false keeps the services profit out of the headline figures', async ({ page, request }) => {
  const errors = collectErrors(page);
  const program = await (await request.get('/programs/cloud-services.json')).json();
  const apart = { ...program, services_in_net: false };
  await page.goto(await serveHostPage(page, 'split-apart', hostDocument({
    body: `<partner-roi program="example" id="counted" loading="eager"><script type="application/json">${JSON.stringify({ program })}</script></partner-roi>
      <partner-roi program="example" id="apart" loading="eager"><script type="application/json">${JSON.stringify({ program: apart })}</script></partner-roi>`,
  })));
  const resultOf = (id) => page.evaluate(async (id) => (await document.getElementById(id).ready).result, id);
  const [counted, kept] = [await resultOf('counted'), await resultOf('apart')];
  expect(kept.services_in_net).toBe(false);
  const cards = await cardSplits(page.locator('#apart'));
  const cents = (text) => Math.round(Number(text) * 100);
  kept.tiers.forEach((tier, index) => {
    const before = counted.tiers[index];
    // The program's part is the whole of the earnings; the net loses exactly the services.
    expect(tier.earnings).toBe(before.program_earnings);
    expect(tier.services).toBe(before.services);
    // Each figure is rounded to the cent on its own, so the difference is within a cent.
    expect(Math.abs(cents(tier.net) - (cents(before.net) - cents(before.services)))).toBeLessThanOrEqual(1);
    expect(cents(tier.costs)).toBe(cents(before.costs));
    const card = cards[index];
    const reached = tier.qualifies_from_year !== null ? '' : ' if you reached it';
    expect(card.label).toBe(`Net profit from the program over ${kept.horizon_years} years${reached}`);
    expectShowsAmount(card.net, tier.net, `${tier.name} net`);
    expect(card.servicesText).toContain('(not counted in net profit)');
    expectShowsAmount(card.services, tier.services, `${tier.name} services`);
  });
  // A more modest ROI: the headline is the program's alone.
  const roi = (result) => Number(result.tiers.find((tier) => tier.id === result.recommended_tier)?.roi ?? 0);
  expect(roi(kept)).toBeLessThan(roi(counted));
  expect(errors).toEqual([]);
});
