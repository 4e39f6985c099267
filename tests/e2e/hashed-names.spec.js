// Cache-friendly for CDNs (issue 33, part 5): dist/hashed/ has the embed bundle with
// content-hashed names. The page names `partner-roi.js` as always; the script finds the
// hashed wasm and language files beside it, with no configuration.
const { test, expect } = require('@playwright/test');
const { serveHostPage, hostDocument, collectErrors, catalogue } = require('./support/helpers');

test('partner-roi.js in dist/hashed/ loads the hashed wasm and language file beside it', async ({ page }) => {
  const errors = collectErrors(page);
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const body = '<partner-roi id="w" lang="de" loading="eager" program="example"></partner-roi>';
  const html = hostDocument({ body, bundle: false }).replace('</head>', '<script src="/hashed/partner-roi.js"></script>\n</head>');
  await page.goto(await serveHostPage(page, 'hashed-names', html));
  const widget = page.locator('#w');
  await expect(widget.locator('.tier-card')).toHaveCount(4);
  await expect(widget.getByRole('button', { name: catalogue('de').more_assumptions })).toBeVisible();
  const bundle = requested.filter((path) => /partner-roi/.test(path) && !path.startsWith('/test/'));
  expect(bundle).toHaveLength(3);
  expect(bundle[0]).toBe('/hashed/partner-roi.js');
  expect(bundle.slice(1).sort()).toEqual([
    expect.stringMatching(/^\/hashed\/partner-roi\.de\.[0-9a-f]{16}\.json$/),
    expect.stringMatching(/^\/hashed\/partner-roi_bg\.[0-9a-f]{16}\.wasm$/),
  ]);
  expect(errors).toEqual([]);
});
