// Screenshots of the demo page for the docs: serves dist/ with `cargo xtask
// serve`, opens /index.html in the system Chromium at a desktop and a phone
// width, waits for the tier cards inside the widget's shadow root and writes
// full-page PNGs to docs/screenshot-<width>.png.
//
// Run through `cargo xtask screenshots`, which builds dist/ first.
// Environment (all optional):
//   PORT            port to serve on (default: any free port)
//   DIST_DIR        directory to serve (default: <repo>/dist)
//   OUT_DIR         where to write the PNGs (default: <repo>/docs)
//   COLOR_SCHEME    "light" (default) or "dark"; dark adds a "-dark" suffix
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('@playwright/test');
const { CHROMIUM_LAUNCH, startServer } = require('./support/chromium');

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.resolve(process.env.DIST_DIR || path.join(ROOT, 'dist'));
const OUT = path.resolve(process.env.OUT_DIR || path.join(ROOT, 'docs'));
const SCHEME = process.env.COLOR_SCHEME === 'dark' ? 'dark' : 'light';
const PORT = Number(process.env.PORT || 0);

const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 375, height: 812 },
];

const LAUNCH = CHROMIUM_LAUNCH;

async function main() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html not found: run \`cargo xtask dist\` first`);
  }
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startServer(DIST, PORT);
  const base = server.origin;
  let browser;
  const written = [];
  try {
    browser = await chromium.launch(LAUNCH);
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({
        viewport,
        deviceScaleFactor: 1,
        colorScheme: SCHEME,
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !/favicon/.test(message.location().url)) {
          errors.push(`console: ${message.text()}`);
        }
      });
      const response = await page.goto(`${base}/index.html`);
      if (!response || response.status() !== 200) {
        throw new Error(`GET /index.html: HTTP ${response && response.status()}`);
      }
      // CSS locators pierce open shadow roots.
      try {
        await page.locator('#partner-roi-demo .tier-card').first().waitFor({ timeout: 30_000 });
      } catch (error) {
        throw new Error(`no .tier-card appeared in #partner-roi-demo\n${errors.join('\n')}\n${error.message}`);
      }
      await page.evaluate(() => document.fonts && document.fonts.ready);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      if (overflow > 0) {
        console.warn(`warning: at ${viewport.width}px the page overflows horizontally by ${overflow}px`);
      }
      for (const error of errors) console.warn(`warning: ${error}`);
      const suffix = SCHEME === 'dark' ? '-dark' : '';
      const file = path.join(OUT, `screenshot-${viewport.width}${suffix}.png`);
      await page.screenshot({ path: file, fullPage: true });
      written.push(file);
      await context.close();
    }
  } finally {
    if (browser) await browser.close();
    await server.close();
  }
  for (const file of written) {
    console.log(`screenshots: wrote ${file}`);
  }
}

main().catch((error) => {
  console.error(`screenshots: ${error.message}`);
  process.exit(1);
});
