// The three-engine smoke suite: the same scenarios in Chromium, Firefox ESR (over WebDriver
// BiDi, puppeteer-core) and WebKitGTK (WebKitWebDriver under xvfb-run, selenium-webdriver),
// all Debian's browsers. Each covers the embed example, the offline file from file://,
// typing a figure, a share link round trip, a strict-CSP page and a contained panic.
// Playwright runs the tests; each engine is driven by its own protocol, through `driver`,
// which only navigates and runs a function in the page.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const { spawn } = require('node:child_process');
const { pathToFileURL } = require('node:url');
const { test, expect } = require('@playwright/test');
const puppeteer = require('puppeteer-core');
const { Builder } = require('selenium-webdriver');
const { startServer } = require('./support/chromium');

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const PANIC_TEST_DIR = path.join(ROOT, 'target', 'panic-test');
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const TIERS = ['Registered', 'Silver', 'Gold', 'Platinum'];
/** The embed example's program (examples/programs/reseller.json). */
const RESELLER_TIERS = ['Registered', 'Silver', 'Gold', 'Premier'];
const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** The CSP page's first script: records each violation as "directive blocked-uri". */
function recordViolations() {
  window.violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
  }, true);
}

/** A free TCP port. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Waits until `url` answers. */
async function reachable(url, timeout = 30_000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** A puppeteer-driven browser as a driver. */
async function puppeteerDriver(options) {
  const browser = await puppeteer.launch({ headless: true, ...options });
  const page = await browser.newPage();
  return {
    goto: (url) => page.goto(url),
    run: (fn, ...args) => page.evaluate(fn, ...args),
    close: () => browser.close(),
  };
}

/** WebKitGTK's MiniBrowser through WebKitWebDriver on a virtual display, as a driver. */
async function webkitDriver() {
  const port = await freePort();
  const server = spawn('xvfb-run', ['-a', '/usr/bin/WebKitWebDriver', `--port=${port}`], {
    detached: true,
    stdio: 'ignore',
    // The C locale is the case the widget must survive: no region, no grouping in Intl.
    env: { ...process.env, LANG: 'C', LC_ALL: 'C' },
  });
  const stop = () => { try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ } };
  await reachable(`http://127.0.0.1:${port}/status`);
  const driver = await new Builder()
    .usingServer(`http://127.0.0.1:${port}`)
    .withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    })
    .build();
  return {
    goto: (url) => driver.get(url),
    run: (fn, ...args) => driver.executeScript(`return (${fn}).apply(null, arguments);`, ...args),
    close: async () => {
      try { await driver.quit(); } finally { stop(); }
    },
  };
}

const ENGINES = {
  chromium: () => puppeteerDriver({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] }),
  firefox: () => puppeteerDriver({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr' }),
  webkit: webkitDriver,
};

/** Polls `fn` in the page until it returns something truthy; returns that. */
async function until(driver, what, fn, ...args) {
  const end = Date.now() + 20_000;
  let last;
  for (;;) {
    last = await driver.run(fn, ...args);
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** The tier names of widget `selector` once it shows them all; else what the page shows. */
async function tierNames(driver, selector) {
  try {
    return await until(driver, `the tier cards of ${selector}`, (selector) => {
      const names = [...(document.querySelector(selector)?.shadowRoot?.querySelectorAll('.tier-card .tier-name') ?? [])]
        .map((node) => node.textContent.trim());
      return names.length >= 4 ? names : null;
    }, selector);
  } catch (error) {
    const shown = await driver.run((selector) => ({
      url: location.href,
      readyState: document.readyState,
      defined: Boolean(customElements.get('partner-roi')),
      widget: document.querySelector(selector)?.shadowRoot?.textContent?.slice(0, 300) ?? null,
    }), selector).catch((reason) => `unreadable: ${reason}`);
    throw new Error(`${error.message}; the page: ${JSON.stringify(shown)}`);
  }
}

/** Types `text` into the widget's box labelled `label`, as keystrokes would leave it. */
function typeInto(driver, selector, label, text) {
  return driver.run((selector, label, text) => {
    const root = document.querySelector(selector).shadowRoot;
    const labelNode = [...root.querySelectorAll('label')].find((node) => node.textContent.trim() === label);
    const box = root.getElementById(labelNode.htmlFor);
    box.focus();
    box.value = text;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
    return true;
  }, selector, label, text);
}

let dist;
let panic;
let cspDir;
let csp;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // A strict-CSP host page (the policy in a meta element, which every engine obeys for
  // scripts, styles and wasm), next to the bundle.
  cspDir = fs.mkdtempSync(path.join(os.tmpdir(), 'partner-roi-csp-'));
  for (const file of ['partner-roi.js', 'partner-roi_bg.wasm']) fs.copyFileSync(path.join(DIST, file), path.join(cspDir, file));
  // The page's first script records every violation from then on, loading included: the
  // drivers have no common init script (WebKitWebDriver speaks classic WebDriver only), and
  // an inline one is what the policy forbids. No `data:` icon either: under default-src
  // 'self' it is a violation of the page's own, which this recorder sees.
  fs.writeFileSync(path.join(cspDir, 'violations.js'), `(${recordViolations})();\n`);
  fs.writeFileSync(path.join(cspDir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}"><script src="violations.js"></script><title>strict CSP</title>
<script src="partner-roi.js"></script></head><body><partner-roi program="example" id="w" loading="eager"></partner-roi></body></html>`);
  [dist, panic, csp] = await Promise.all([startServer(DIST), startServer(PANIC_TEST_DIR), startServer(cspDir)]);
});

test.afterAll(async () => {
  await Promise.all([dist?.close(), panic?.close(), csp?.close()]);
});

for (const [engine, launch] of Object.entries(ENGINES)) {
  test.describe(`${engine}`, () => {
    test.describe.configure({ mode: 'serial' });
    let driver;
    test.beforeAll(async () => {
      test.setTimeout(120_000);
      driver = await launch();
    });
    test.afterAll(async () => driver?.close());

    test('the embed example renders, and a typed figure recomputes', async () => {
      await driver.goto(`${dist.origin}/embed-example.html`);
      const selector = 'partner-roi';
      expect(await tierNames(driver, selector)).toEqual(RESELLER_TIERS);
      const net = () => driver.run(() => document.querySelector('partner-roi').shadowRoot.querySelector('.tier-card .tier-net-value')?.textContent);
      const before = await net();
      await typeInto(driver, selector, 'Existing clients', '120');
      await until(driver, 'the typed figure', () => document.querySelector('partner-roi').inputs?.existing_clients === '120');
      await until(driver, 'a new net', (before) => {
        const now = document.querySelector('partner-roi').shadowRoot.querySelector('.tier-card .tier-net-value')?.textContent;
        return now && now !== before;
      }, before);
    });

    test('a share link restores the figures in a fresh page', async () => {
      await driver.goto(`${dist.origin}/embed-example.html`);
      expect(await tierNames(driver, 'partner-roi')).toEqual(RESELLER_TIERS);
      await typeInto(driver, 'partner-roi', 'Existing clients', '77');
      await until(driver, 'the typed figure', () => document.querySelector('partner-roi').inputs?.existing_clients === '77');
      // The copied link, caught on its way to the clipboard.
      const link = await driver.run(async () => {
        let copied = null;
        navigator.clipboard.writeText = async (text) => { copied = text; };
        const root = document.querySelector('partner-roi').shadowRoot;
        const button = [...root.querySelectorAll('button')].find((node) => node.textContent.trim() === 'Copy link');
        button.click();
        for (let i = 0; i < 100 && copied === null; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
        return copied;
      });
      expect(link).toContain('#partner-roi=');
      await driver.goto('about:blank');
      await driver.goto(link);
      await tierNames(driver, 'partner-roi');
      await until(driver, 'the restored figure', () => document.querySelector('partner-roi').inputs?.existing_clients === '77');
    });

    test('the offline file works from file://, its figures in a real locale', async () => {
      const file = pathToFileURL(path.join(DIST, 'partner-roi.html')).href;
      // From a blank page: WebKitGTK has been seen, after a suite of other pages, to leave a
      // file:// page opened straight from a web page without its script.
      await driver.goto('about:blank');
      await driver.goto(file);
      expect(await tierNames(driver, '#partner-roi-offline')).toEqual(TIERS);
      // The built-in program sets no locale: even where the browser reports `C` (WebKitGTK
      // here), the figures are "$" and grouped thousands, not "$ 180033".
      const net = await driver.run(() => document.querySelector('#partner-roi-offline').shadowRoot.querySelector('.tier-card .tier-net-value')?.textContent);
      expect(net).toMatch(/^\$\d{1,3}(,\d{3})+$/);
    });

    test('under a strict CSP it renders with no violation', async () => {
      await driver.goto(`${csp.origin}/index.html`);
      expect(await tierNames(driver, '#w')).toEqual(TIERS);
      // Undefined (not []) if the recorder did not run before the widget.
      expect(await driver.run(() => window.violations)).toEqual([]);
    });

    test('a panicking widget apologises in place and the others carry on', async () => {
      await driver.goto(`${panic.origin}/index.html`);
      expect(await tierNames(driver, '#first')).toEqual(TIERS);
      const apology = await until(driver, 'the apology', () => document.querySelector('#starts-broken')?.shadowRoot?.querySelector('[role="alert"]')?.textContent);
      expect(apology).toContain('Sorry, this calculator stopped working');
      expect(await tierNames(driver, '#second')).toEqual(TIERS);
    });
  });
}
