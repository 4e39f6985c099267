// Screenshots of the demo page for the docs: serves dist/ with `cargo xtask
// serve`, opens /index.html in the system Chromium at a desktop and a phone
// width, waits for the tier cards inside the widget's shadow root and writes
// full-page PNGs to docs/screenshot-<width>.png. Then the widget in a visitor's
// dark mode on a cream host page (docs/screenshot-dark-on-light-host.png), and
// the printed handout: Print / Save as PDF on a busy host page, the A4 PDF's
// pages as docs/handout-page-<n>.png (rendered by poppler's pdftoppm).
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
const { execFileSync } = require('node:child_process');
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
    written.push(await darkOnLightHost(browser, base));
    written.push(...(await handoutPages(browser, base)));
    written.push(...(await designerShots(browser, base)));
  } finally {
    if (browser) await browser.close();
    await server.close();
  }
  for (const file of written) {
    console.log(`screenshots: wrote ${file}`);
  }
}

/**
 * The program designer for docs/designer.md (docs/screenshots/designer-*.png): the editor
 * beside the preview, a problem at its field, the profiles table and the publish panel.
 */
async function designerShots(browser, base) {
  const dir = path.join(OUT, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, colorScheme: SCHEME, reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.goto(`${base}/designer.html`);
  await page.locator('.preview partner-roi .tier-card').first().waitFor({ timeout: 30_000 });
  const shots = [];
  const shoot = async (name, locator) => {
    const file = path.join(dir, `designer-${name}.png`);
    await (locator || page).screenshot({ path: file });
    shots.push(file);
  };
  await shoot('overview');
  await page.locator('#field-tiers-1--resale-margin-pct').fill('150');
  await page.locator('#field-tiers-1--resale-margin-pct').scrollIntoViewIfNeeded();
  await shoot('problem', page.locator('.tier').nth(1));
  await page.locator('#field-tiers-1--resale-margin-pct').fill('15');
  await shoot('profiles', page.locator('.profiles'));
  await page.locator('#publish-heading').scrollIntoViewIfNeeded();
  await shoot('publish', page.locator('#publish-heading').locator('..'));
  await context.close();
  return shots;
}

/** Serves `body` at `<base>/docs-<name>.html` in `page` and opens it. */
async function openHostPage(page, base, name, body) {
  const url = `${base}/docs-${name}.html`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
  await page.goto(url);
  await page.locator('partner-roi .tier-card').first().waitFor({ timeout: 30_000 });
}

const hostHead = (style) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
  <title>partner-roi on a host page</title><link rel="icon" href="data:,">
  <style>${style}</style><script src="/partner-roi.js"></script></head>`;

/** A visitor in dark mode on a cream page that sets the widget's background to match. */
async function darkOnLightHost(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await openHostPage(page, base, 'dark-on-light', `${hostHead(`
    body { margin: 0; padding: 2rem; background: #fdf6e3; color: #3b3226; font: 18px Georgia, serif; }
    partner-roi { --partner-roi-background: #fdf6e3; --partner-roi-accent: #9a3412; }`)}
    <body><h1>Partner with Example Cloud</h1><p>This page is cream; the visitor's system is in dark mode.</p>
    <partner-roi loading="eager"></partner-roi></body></html>`);
  const file = path.join(OUT, 'screenshot-dark-on-light-host.png');
  await page.screenshot({ path: file, fullPage: true });
  await context.close();
  return file;
}

/** Print / Save as PDF from a busy host page: the A4 handout's pages as PNGs. */
async function handoutPages(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.addInitScript(() => { window.print = () => {}; });
  await openHostPage(page, base, 'handout', `${hostHead(`
    body { margin: 0; font: 18px Georgia, serif; } nav { background: #222; color: #fff; padding: 1rem; }
    .hero { padding: 6rem 2rem; background: #036; color: #fff; }`)}
    <body><nav>Home · Pricing · Partners</nav><section class="hero"><h1>Grow with Example Cloud</h1></section>
    <main style="padding: 2rem"><partner-roi loading="eager" tools="all"></partner-roi></main></body></html>`);
  const widget = page.locator('partner-roi');
  await widget.getByRole('button', { name: 'Print / Save as PDF' }).click();
  await widget.getByRole('textbox', { name: 'Prepared for (optional)' }).fill('Acme Consulting GmbH');
  await page.keyboard.press('Enter');
  const pdf = path.join(OUT, 'handout-a4.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  await context.close();
  const prefix = path.join(OUT, 'handout-page');
  execFileSync('pdftoppm', ['-r', '80', '-png', pdf, prefix]);
  fs.unlinkSync(pdf);
  return fs.readdirSync(OUT)
    .filter((name) => /^handout-page-\d+\.png$/.test(name))
    .map((name) => path.join(OUT, name));
}

main().catch((error) => {
  console.error(`screenshots: ${error.message}`);
  process.exit(1);
});
