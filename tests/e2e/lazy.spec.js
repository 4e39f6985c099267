// Lazy by default: a widget starts only when it comes within about a viewport of being seen
// (`loading="lazy"`, the default); until then it shows its skeleton and runs nothing.
// `loading="eager"`, presenter mode, a share link, printing and properties set early all
// keep working.
const { test, expect } = require('@playwright/test');
const { serveHostPage, hostDocument, collectErrors } = require('./support/helpers');

const EXISTING_CLIENTS = 'Existing clients';

/** A page whose widget sits far below the fold, after `spacer` pixels of content. */
function farPage(widget, spacer = 6000) {
  return hostDocument({
    body: `<script>
    window.readyAt = {};
    document.addEventListener('partner-roi:ready', (event) => { window.readyAt[event.target.id] = performance.now(); });
  </script>
  <h1>Partner program</h1>
  <div style="height: ${spacer}px">Long page content</div>
  ${widget}
  <footer>Contact</footer>`,
  });
}

const started = (page, id) => page.evaluate((id) => id in window.readyAt, id);

async function expectWaiting(page, id) {
  const widget = page.locator(`#${id}`);
  await expect(widget.locator('.partner-roi-skeleton')).toHaveCount(1);
  await page.evaluate(() => PartnerRoi.ready);
  // Two frames after the wasm is ready: a lazy widget far away has still not started.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await started(page, id), `#${id} started before it neared the viewport`).toBe(false);
  expect(await page.evaluate((id) => document.getElementById(id).result, id)).toBeNull();
  await expect(widget.locator('.tier-card')).toHaveCount(0);
}

test('a widget far below the fold waits until it nears the viewport, then starts', async ({ page }) => {
  const errors = collectErrors(page);
  const url = await serveHostPage(page, 'lazy-far', farPage('<partner-roi program="example" id="w"></partner-roi>'));
  await page.goto(url);
  await expectWaiting(page, 'w');
  // PartnerRoi.project does not need a started widget.
  const projected = await page.evaluate(() => PartnerRoi.project(null, { deal_value: 20000 }));
  expect(projected.tiers.length).toBe(4);

  // Scrolled to within a viewport of it: it starts on its own.
  await page.evaluate(() => window.scrollTo(0, 6000 - window.innerHeight * 1.5));
  const detail = await page.evaluate(() => document.getElementById('w').ready);
  expect(detail.result.tiers.length).toBe(4);
  await expect(page.locator('#w .tier-card')).toHaveCount(4);
  await expect(page.locator('#w .partner-roi-skeleton')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('properties set while a lazy widget waits are applied when it starts', async ({ page }) => {
  const url = await serveHostPage(page, 'lazy-properties', farPage('<partner-roi program="example" id="w"></partner-roi>'));
  await page.goto(url);
  await page.evaluate(() => { document.getElementById('w').inputs = { existing_clients: 77 }; });
  await expectWaiting(page, 'w');
  await page.locator('#w').scrollIntoViewIfNeeded();
  await expect(page.locator('#w').getByLabel(EXISTING_CLIENTS, { exact: true })).toHaveValue('77');
  expect(await page.evaluate(() => document.getElementById('w').inputs.existing_clients)).toBe('77');
});

for (const [name, widget, hash] of [
  ['loading="eager"', '<partner-roi program="example" id="w" loading="eager"></partner-roi>', ''],
  ['presenter mode', '<partner-roi program="example" id="w" presenter></partner-roi>', ''],
  ['a share link in the page URL', '<partner-roi program="example" id="w"></partner-roi>', '#partner-roi-w=1~example-cloud~~40,15,10,31000,5,8,60,50,2500,1200,35,800,2,5000,3,10'],
]) {
  test(`${name} starts a widget far below the fold at once`, async ({ page }) => {
    const url = await serveHostPage(page, `lazy-at-once-${name.replace(/\W+/g, '-')}`, farPage(widget));
    await page.goto(url + hash);
    await expect.poll(() => started(page, 'w')).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    if (hash) {
      expect(await page.evaluate(() => document.getElementById('w').inputs.deal_value)).toBe('31000');
    }
  });
}

test('a lazy widget starts before the page prints', async ({ page }) => {
  const url = await serveHostPage(page, 'lazy-print', farPage('<partner-roi program="example" id="w"></partner-roi>'));
  await page.goto(url);
  await expectWaiting(page, 'w');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect.poll(() => started(page, 'w')).toBe(true);
  await expect(page.locator('#w .tier-card')).toHaveCount(4);
});

test('switching a waiting widget to loading="eager" starts it', async ({ page }) => {
  const url = await serveHostPage(page, 'lazy-switch', farPage('<partner-roi program="example" id="w"></partner-roi>'));
  await page.goto(url);
  await expectWaiting(page, 'w');
  await page.evaluate(() => document.getElementById('w').setAttribute('loading', 'eager'));
  await expect.poll(() => started(page, 'w')).toBe(true);
});
