// The widget costs its host page no layout shift: from navigation until its results are
// drawn, the layout-shift entries of a page with content before and after the widget sum to
// at most 0.02 (Core Web Vitals' CLS), at desktop and phone widths, for a widget at the top
// of the page and one under a hero. The CPU runs 6× slower, as on a phone: the page's first
// frame must already hold the skeleton, not merely win the race on a fast machine.
const { test, expect } = require('@playwright/test');
const { serveHostPage, hostDocument } = require('./support/helpers');

const MAX_SHIFT = 0.02;
/** Chromium's CPU throttling (DevTools' "6× slowdown"). */
const CPU_SLOWDOWN = 6;

/** Sums every layout shift not caused by input, from the start of the page. */
const SHIFT_RECORDER = `<script>
  window.layoutShift = { total: 0, entries: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.layoutShift.total += entry.value;
      window.layoutShift.entries.push({
        value: entry.value,
        at: Math.round(entry.startTime),
        sources: entry.sources.map((source) => source.node ? (source.node.id || source.node.nodeName) : '?'),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
</script>`;

const STYLE = `<style>
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; }
  .hero { padding: 48px 24px; background: #eef; }
  .hero h1 { margin: 0 0 12px; font-size: 40px; }
  footer { padding: 24px; background: #223; color: #fff; }
</style>`;

const PAGES = {
  'widget at the top': `<partner-roi program="example" id="w"></partner-roi>
  <section id="after"><h2>Why partner with us</h2><p>Three reasons, each a paragraph long enough to matter.</p></section>
  <footer id="footer">Contact us</footer>`,
  'widget under a hero': `<section class="hero" id="hero"><h1>Grow with our partner program</h1>
    <p>See what each tier earns you, in your own figures.</p></section>
  <partner-roi program="example" id="w"></partner-roi>
  <section id="after"><h2>Frequently asked questions</h2><p>Who can join? Any consultancy or reseller.</p></section>
  <footer id="footer">Contact us</footer>`,
};

for (const [width, height] of [[1280, 900], [375, 812]]) {
  for (const [name, body] of Object.entries(PAGES)) {
    test(`${name} at ${width} px shifts the page by at most ${MAX_SHIFT}`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      const devtools = await page.context().newCDPSession(page);
      await devtools.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      const url = await serveHostPage(page, `shift-${width}-${name.replace(/\W+/g, '-')}`, hostDocument({
        head: `${SHIFT_RECORDER}${STYLE}`,
        body,
      }));
      await page.goto(url);
      await page.evaluate(() => document.getElementById('w').ready);
      await expect(page.locator('#w .tier-card').first()).toBeVisible();
      // Two frames after the results, so that their own layout is measured too.
      const shift = await page.evaluate(() => new Promise((resolve) => {
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.layoutShift)));
      }));
      expect(shift.total, JSON.stringify(shift.entries)).toBeLessThanOrEqual(MAX_SHIFT);
    });
  }
}
