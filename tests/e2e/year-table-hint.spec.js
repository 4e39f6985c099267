// The year-by-year table shows that it scrolls (issue 14.1): on a phone, where it is wider
// than its box, a hint says to scroll sideways; on a desktop, where it fits, there is none.
const { test, expect } = require('@playwright/test');
const { serveHostPage, hostDocument } = require('./support/helpers');

for (const [width, height, horizon, overflows] of [[375, 812, 5, true], [1280, 900, 3, false]]) {
  test(`at ${width} px the table ${overflows ? 'says it scrolls' : 'fits and says nothing'}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto(await serveHostPage(page, `year-table-hint-${width}`, hostDocument({
      head: '<meta name="viewport" content="width=device-width, initial-scale=1">',
      body: `<partner-roi program="example" id="w" loading="eager" inputs='{"horizon_years": ${horizon}}'></partner-roi>`,
    })));
    const box = page.locator('#w .year-table-scroll');
    await expect(box.locator('table.year-table')).toHaveCount(1);
    // Laid out (it is skipped while off-screen: content-visibility), then measured.
    await box.scrollIntoViewIfNeeded();
    await expect.poll(() => box.evaluate((node) => node.scrollWidth > node.clientWidth), {
      message: 'the table is wider than its box',
    }).toBe(overflows);
    const hint = box.locator('.year-table-hint');
    if (overflows) {
      await expect(hint).toBeVisible();
      await expect(hint).toHaveText('Scroll sideways for every year →');
    } else {
      await expect(hint).toBeHidden();
    }
  });
}
