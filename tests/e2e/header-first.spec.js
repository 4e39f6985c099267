// The program's own header in the first frame (issue 33, part 3): where the program is in
// the page (its embedded document) or its `program-src` file has come, the skeleton shows
// the vendor, the name and the description as text before the wasm arrives. It is text
// (`textContent`), never HTML; a text over the program limits shows nothing; and the wasm's
// validation still decides: an invalid program replaces the header with its message.
const { test, expect } = require('@playwright/test');
const { serveHostPage, hostDocument, collectErrors } = require('./support/helpers');

/** Holds the wasm until the returned function is called. */
async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route('**/partner-roi_bg.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** A page with one eager widget holding `program` as its embedded document. */
function embedding(program, attributes = '') {
  const document = JSON.stringify({ program }).replaceAll('<', '\\u003c');
  return hostDocument({
    body: `<partner-roi id="w" loading="eager" ${attributes}><script type="application/json">${document}</script></partner-roi>`,
  });
}

async function reseller(page) {
  return (await page.request.get('/programs/reseller.json')).json();
}

test('an embedded program\'s header is in the skeleton, as text, until the widget draws', async ({ page }) => {
  const errors = collectErrors(page);
  const program = await reseller(page);
  program.vendor = 'Northwind <b>Traders</b>';
  program.name = 'Partner <img src=x onerror="window.hacked=1"> program';
  const release = await holdWasm(page);
  await page.goto(await serveHostPage(page, 'header-embedded', embedding(program)));
  const skeleton = page.locator('#w .partner-roi-skeleton');
  await expect(skeleton.locator('.skeleton-vendor')).toHaveText(program.vendor);
  await expect(skeleton.locator('.skeleton-name')).toHaveText(program.name);
  await expect(skeleton.locator('.skeleton-description')).toHaveText(program.description);
  await expect(skeleton.locator('img, b')).toHaveCount(0);
  await expect(skeleton.locator('.skeleton-title')).toHaveCount(0);
  release();
  await expect(page.locator('#w .program-name')).toHaveText(program.name);
  await expect(page.locator('#w .partner-roi-skeleton')).toHaveCount(0);
  expect(await page.evaluate(() => window.hacked)).toBeUndefined();
  expect(errors).toEqual([]);
});

test('the header follows the widget\'s language where the program has a translation', async ({ page }) => {
  const program = await reseller(page);
  program.translations = { ...program.translations, de: { ...(program.translations?.de ?? {}), name: 'Partnerprogramm auf Deutsch' } };
  const release = await holdWasm(page);
  await page.goto(await serveHostPage(page, 'header-german', embedding(program, 'lang="de"')));
  await expect(page.locator('#w .skeleton-name')).toHaveText('Partnerprogramm auf Deutsch');
  release();
  await expect(page.locator('#w .program-name')).toHaveText('Partnerprogramm auf Deutsch');
});

test('a program-src file that comes before the wasm puts its header in the skeleton', async ({ page }) => {
  const errors = collectErrors(page);
  const program = await reseller(page);
  const release = await holdWasm(page);
  const body = '<partner-roi id="w" loading="eager" program-src="/programs/reseller.json"></partner-roi>';
  await page.goto(await serveHostPage(page, 'header-src', hostDocument({ body })));
  await expect(page.locator('#w .skeleton-name')).toHaveText(program.name);
  release();
  await expect(page.locator('#w .program-name')).toHaveText(program.name);
  expect(errors).toEqual([]);
});

test('an invalid program shows its header first, then the usual message', async ({ page }) => {
  const program = await reseller(page);
  program.tiers[0].resale_margin_pct = 'lots';
  const release = await holdWasm(page);
  await page.goto(await serveHostPage(page, 'header-invalid', embedding(program, 'debug')));
  await expect(page.locator('#w .skeleton-name')).toHaveText(program.name);
  release();
  const failure = page.locator('#w .partner-roi-failed');
  await expect(failure).toBeVisible();
  await expect(failure).toContainText('resale_margin_pct');
  await expect(page.locator('#w .partner-roi-skeleton')).toHaveCount(0);
});

test('a header text over the program limits, or none, leaves the skeleton grey', async ({ page }) => {
  const program = await reseller(page);
  program.name = 'N'.repeat(121);
  const release = await holdWasm(page);
  await page.goto(await serveHostPage(page, 'header-too-long', embedding(program)));
  await expect(page.locator('#w .skeleton-title')).toHaveCount(1);
  await expect(page.locator('#w .skeleton-header')).toHaveCount(0);
  release();
  await expect(page.locator('#w .partner-roi-failed')).toBeVisible();
  // Without a program of the page's own the skeleton stays grey too.
  const releaseAgain = await holdWasm(page);
  await page.goto(await serveHostPage(page, 'header-none', hostDocument({ body: '<partner-roi id="w" loading="eager" program="example"></partner-roi>' })));
  await expect(page.locator('#w .skeleton-title')).toHaveCount(1);
  await expect(page.locator('#w .skeleton-header')).toHaveCount(0);
  releaseAgain();
  await expect(page.locator('#w .tier-card')).not.toHaveCount(0);
});
