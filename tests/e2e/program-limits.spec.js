// Limits on a program (issue 14.7): a 10 MB description or a 5,000-character tier name is a
// path-precise error, not a page a million pixels tall; a program file over 256 KB is refused
// before it is read. The widget keeps the program it had.
const { test, expect } = require('@playwright/test');
const { serveHostPage, hostDocument, ORIGIN } = require('./support/helpers');

test('a program with texts beyond their limits is refused with each field named; the widget keeps its program', async ({ page, request }) => {
  const reseller = await (await request.get('/programs/reseller.json')).json();
  await page.goto(await serveHostPage(page, 'limits-property', hostDocument({
    body: '<partner-roi program="example" debug tools="all" id="w" loading="eager"></partner-roi>',
  })));
  const widget = page.locator('#w');
  await expect(widget.locator('.tier-card')).toHaveCount(4);
  const names = await widget.locator('.tier-card .tier-name').allTextContents();
  await page.evaluate((reseller) => {
    const huge = {
      ...reseller,
      description: 'x'.repeat(10_000_000),
      tiers: reseller.tiers.map((tier, index) => (index === 1 ? { ...tier, name: 'y'.repeat(5_000) } : tier)),
    };
    document.getElementById('w').program = huge;
  }, reseller);
  const notices = widget.locator('.notices');
  await expect(notices).toContainText('description: must be at most 2000 characters, got 10000000');
  await expect(notices).toContainText('tiers[1].name: must be at most 60 characters, got 5000');
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(names);
  const height = await widget.evaluate((element) => element.getBoundingClientRect().height);
  expect(height, 'the widget keeps its size').toBeLessThan(10_000);
});

test('a program file over 256 KB is refused with its size', async ({ page }) => {
  const program = JSON.stringify({ version: 1, id: 'big', name: 'Big', currency: 'USD', tiers: [{ id: 'a', name: 'A' }] });
  await page.route(`${ORIGIN}/test/big-program.json`, (route) => route.fulfill({
    contentType: 'application/json',
    body: program + ' '.repeat(300_000),
  }));
  await page.goto(await serveHostPage(page, 'limits-file', hostDocument({
    body: '<partner-roi debug tools="all" id="w" loading="eager" program-src="/test/big-program.json"></partner-roi>',
  })));
  await expect(page.locator('#w')).toContainText('it may be at most 256 KB');
  await expect(page.locator('#w')).toContainText(`the program file is ${Math.ceil((program.length + 300_000) / 1000)} KB`);
});
