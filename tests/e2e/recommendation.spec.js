// Why this tier (issue 14.2): the recommended card says why in one sentence, and the call to
// action follows the recommendation (its label and url name the tier, and so does the
// partner-roi:cta event) until the partner chooses a tier; a chosen tier stays.
const { test, expect } = require('@playwright/test');
const { serveHostPage, hostDocument, collectErrors } = require('./support/helpers');

/** Existing-client counts whose recommended tiers in `program` differ, found through PartnerRoi.project. */
async function twoRecommendations(page, program) {
  return page.evaluate(async (program) => {
    await PartnerRoi.ready;
    const seen = new Map();
    for (const clients of [0, 5, 20, 40, 100, 300, 1000, 2000]) {
      const result = PartnerRoi.project(program, { existing_clients: clients });
      if (result.recommended_tier && !seen.has(result.recommended_tier)) seen.set(result.recommended_tier, clients);
    }
    return [...seen.entries()].map(([tier, clients]) => ({ tier, clients }));
  }, program);
}

test('the call to action follows the recommended tier until the partner chooses one', async ({ page, request }) => {
  const errors = collectErrors(page);
  const program = await (await request.get('/programs/reseller.json')).json();
  const names = Object.fromEntries(program.tiers.map((tier) => [tier.id, tier.name]));
  await page.goto(await serveHostPage(page, 'recommendation', hostDocument({
    body: '<partner-roi id="w" loading="eager" program-src="/programs/reseller.json"></partner-roi>',
  })));
  const widget = page.locator('#w');
  const options = await twoRecommendations(page, program);
  expect(options.length, JSON.stringify(options)).toBeGreaterThanOrEqual(2);
  const [low, high] = [options[0], options[options.length - 1]];

  const cta = widget.locator('.cta-button');
  const expectCtaFor = async (tierId) => {
    await expect(cta).toHaveText(`${program.cta.label} – ${names[tierId]}`);
    await expect(cta).toHaveAttribute('href', new RegExp(`[?&]tier=${tierId}&`));
  };
  const recommendedCard = widget.locator('.tier-card-recommended');
  const expectRecommended = async (tierId) => {
    await expect(recommendedCard.locator('.tier-name')).toHaveText(names[tierId]);
    const result = await page.evaluate(() => document.getElementById('w').result);
    expect(result.recommended_tier).toBe(tierId);
    const qualifying = result.tiers.filter((tier) => tier.qualifies_from_year === 1).length;
    await expect(recommendedCard.locator('.tier-why')).toHaveText(qualifying === 1
      ? 'The only tier you qualify for today.'
      : `Highest net profit of the ${qualifying} tiers you qualify for today.`);
    await expect(widget.locator('.tier-why')).toHaveCount(1);
  };

  await page.evaluate((clients) => { document.getElementById('w').inputs = { existing_clients: clients }; }, low.clients);
  await expectRecommended(low.tier);
  await expectCtaFor(low.tier);

  // The page changes the figures: the recommendation moves, and the call to action with it.
  await page.evaluate((clients) => { document.getElementById('w').inputs = { existing_clients: clients }; }, high.clients);
  await expectRecommended(high.tier);
  await expectCtaFor(high.tier);
  const detail = await page.evaluate(() => new Promise((resolve) => {
    const element = document.getElementById('w');
    element.addEventListener('partner-roi:cta', (event) => {
      event.preventDefault();
      resolve({ tier: event.detail.tier });
    }, { once: true });
    element.shadowRoot.querySelector('.cta-button').click();
  }));
  expect(detail.tier).toBe(high.tier);

  // The partner chooses another tier: the call to action stays with it as figures change.
  const ids = program.tiers.map((tier) => tier.id);
  const chosen = ids.find((id) => id !== low.tier && id !== high.tier) ?? ids.find((id) => id !== low.tier);
  await widget.locator('.tier-card').nth(ids.indexOf(chosen)).locator('.tier-select').click();
  await expectCtaFor(chosen);
  await page.evaluate((clients) => { document.getElementById('w').inputs = { existing_clients: clients }; }, low.clients);
  await expectRecommended(low.tier);
  await expectCtaFor(chosen);
  expect(errors).toEqual([]);
});
