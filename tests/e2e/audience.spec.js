// Audience (issue 14.6): a prospect sees the tools meant for them and none of the page's
// configuration problems; the vendor's web team sees them in the console, in
// partner-roi:error and, with `debug`, in the widget; a broken program shows one friendly
// sentence to a prospect and its problems only with `debug`.
const { test, expect } = require('@playwright/test');
const { serveHostPage, hostDocument } = require('./support/helpers');

const ALL_TOOLS = ['Copy link', 'Copy summary', 'Download CSV', 'Print / Save as PDF', 'Presenter mode'];
const toolbarButtons = (page, selector) => page.locator(selector).locator('.toolbar-buttons button').allTextContents();

/** Records partner-roi:error paths and console warnings. */
function recordReports(page) {
  const warnings = [];
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  return warnings;
}

test('the tools attribute chooses the toolbar: a prospect\'s three by default, all, some or none', async ({ page }) => {
  await page.goto(await serveHostPage(page, 'audience-tools', hostDocument({
    body: `<partner-roi program="example" id="plain" loading="eager"></partner-roi>
      <partner-roi program="example" id="all" loading="eager" tools="all"></partner-roi>
      <partner-roi program="example" id="some" loading="eager" tools="print share"></partner-roi>
      <partner-roi program="example" id="none" loading="eager" tools="none"></partner-roi>`,
  })));
  await expect(page.locator('#none .tier-card').first()).toBeVisible();
  await expect(page.locator('#plain .toolbar-buttons button')).toHaveText(['Copy link', 'Copy summary', 'Print / Save as PDF']);
  await expect(page.locator('#all .toolbar-buttons button')).toHaveText(ALL_TOOLS);
  await expect(page.locator('#some .toolbar-buttons button')).toHaveText(['Copy link', 'Print / Save as PDF']);
  await expect(page.locator('#none .toolbar')).toHaveCount(0);
  // Changed at run time, the toolbar follows.
  await page.evaluate(() => document.getElementById('none').setAttribute('tools', 'csv'));
  await expect(page.locator('#none .toolbar-buttons button')).toHaveText(['Download CSV']);
  expect(await toolbarButtons(page, '#plain')).not.toContain('Presenter mode');
});

test('the page\'s problems reach the console and the event, and the widget only with debug', async ({ page }) => {
  const warnings = recordReports(page);
  await page.goto(await serveHostPage(page, 'audience-debug', hostDocument({
    body: `<script>
      window.errorPaths = [];
      document.addEventListener('partner-roi:error', (event) => window.errorPaths.push(event.detail.path));
    </script>
    <partner-roi program="example" id="prospect" loading="eager" currency="euro" tools="share pdf"></partner-roi>
    <partner-roi program="example" id="vendor" loading="eager" currency="euro" debug></partner-roi>`,
  })));
  await expect(page.locator('#vendor .tier-card').first()).toBeVisible();
  await expect(page.locator('#prospect .tier-card').first()).toBeVisible();
  await expect(page.locator('#prospect .notices')).toHaveCount(0);
  await expect(page.locator('#vendor .notices')).toContainText('currency');
  await expect.poll(() => page.evaluate(() => window.errorPaths.slice().sort())).toEqual(['currency', 'currency', 'tools']);
  expect(warnings.filter((text) => text.startsWith('partner-roi: currency:'))).toHaveLength(2);
  expect(warnings.some((text) => text.includes('"pdf": not a tool'))).toBe(true);
  // Turning debug on shows what the page got wrong.
  await page.evaluate(() => document.getElementById('prospect').setAttribute('debug', ''));
  await expect(page.locator('#prospect .notices')).toContainText('"pdf": not a tool');
});

test('a broken program shows a prospect one friendly sentence, and its problems only with debug', async ({ page }) => {
  await page.goto(await serveHostPage(page, 'audience-failed', hostDocument({
    body: `<partner-roi id="prospect" loading="eager" program-src="/programs/missing.json"></partner-roi>
      <partner-roi id="vendor" loading="eager" debug program-src="/programs/missing.json"></partner-roi>`,
  })));
  for (const id of ['prospect', 'vendor']) {
    await expect(page.locator(`#${id} .partner-roi-failed h2`)).toHaveText('This calculator is not available right now');
    await expect(page.locator(`#${id} .failure-text`)).toHaveText('Please try again later, or contact the partner team of this site.');
  }
  await expect(page.locator('#prospect .failure-list')).toHaveCount(0);
  await expect(page.locator('#vendor .failure-list')).toContainText('HTTP 404');
});

test('a broken program that names a valid contact shows it to the prospect', async ({ page }) => {
  const broken = { version: 1, id: 'broken', contact: { name: 'Partner desk', email: 'partners@example.com', phone: '+1 555 0100' } };
  await page.route('**/programs/broken-with-contact.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(broken) }));
  await page.goto(await serveHostPage(page, 'audience-failed-contact', hostDocument({
    body: `<partner-roi id="fetched" loading="eager" program-src="/programs/broken-with-contact.json"></partner-roi>
      <partner-roi program="example" id="embedded" loading="eager"><script type="application/json">${JSON.stringify({ program: broken })}</script></partner-roi>
      <partner-roi id="none" loading="eager" program-src="/programs/missing.json"></partner-roi>`,
  })));
  for (const id of ['fetched', 'embedded']) {
    const failed = page.locator(`#${id} .partner-roi-failed`);
    await expect(failed.locator('.failure-text')).toBeVisible();
    await expect(failed.locator('.contact-name')).toHaveText('Partner desk');
    await expect(failed.getByRole('link', { name: 'partners@example.com' })).toHaveAttribute('href', 'mailto:partners@example.com');
    await expect(failed.getByRole('link', { name: '+1 555 0100' })).toHaveAttribute('href', 'tel:+15550100');
    await expect(failed.locator('.failure-list')).toHaveCount(0);
  }
  await expect(page.locator('#none .partner-roi-failed .failure-text')).toBeVisible();
  await expect(page.locator('#none .contact')).toHaveCount(0);
});
