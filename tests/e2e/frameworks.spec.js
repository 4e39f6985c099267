// The framework examples (examples/frameworks/), built by `cargo xtask test` against the
// npm package's tarball: React 19 and Vue 3 pass the program and inputs as objects, handle
// partner-roi:change, await `ready`, mount and unmount the element; a page rendered on the
// server with React's renderToString keeps its program (the JSON child) through hydration;
// `PartnerRoiWidget` sets it while hydrating, in Vite's React app and under `next start`.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { test, expect } = require('@playwright/test');
const { collectErrors, catalogue } = require('./support/helpers');
const { startNext, startServer } = require('./support/chromium');

const ROOT = path.resolve(__dirname, '..', '..');
const APPS = { react: 'examples/frameworks/react/dist', vue: 'examples/frameworks/vue/dist' };
/** The other apps' static builds, each with one widget, `#calculator`, of this program. */
const STATIC_APPS = {
  sveltekit: ['examples/frameworks/sveltekit/dist', 'SvelteKit Example Partner Program'],
  astro: ['examples/frameworks/astro/dist', 'Astro Example Partner Program'],
  angular: ['examples/frameworks/angular/dist/browser', 'Angular Example Partner Program'],
};
const TIERS = ['Member', 'Expert'];

const servers = {};

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const dirs = { ...APPS, ...Object.fromEntries(Object.entries(STATIC_APPS).map(([name, [dir]]) => [name, dir])) };
  for (const [name, dir] of Object.entries(dirs)) {
    const root = path.join(ROOT, dir);
    if (!fs.existsSync(path.join(root, 'index.html'))) {
      throw new Error(`${dir} is missing: \`cargo xtask test\` builds the framework examples`);
    }
    servers[name] = await startServer(root);
  }
  const next = path.join(ROOT, 'examples/frameworks/next');
  if (!fs.existsSync(path.join(next, '.next', 'BUILD_ID'))) {
    throw new Error('examples/frameworks/next/.next is missing: `cargo xtask test` builds the framework examples');
  }
  servers.next = await startNext(next);
});

test.afterAll(async () => {
  await Promise.all(Object.values(servers).map((server) => server.close()));
});

for (const name of Object.keys(APPS)) {
  test(`${name}: object properties, the change event, ready, and mount/unmount`, async ({ page }) => {
    const errors = collectErrors(page);
    const wasm = [];
    page.on('request', (request) => { if (request.url().endsWith('.wasm')) wasm.push(new URL(request.url()).pathname); });
    await page.goto(`${servers[name].origin}/index.html`);
    const widget = page.locator('#calculator');
    // The program property (an object) reached the element: its tiers are shown.
    await expect(widget.locator('.tier-card .tier-name')).toHaveText(TIERS);
    expect(await page.evaluate(() => document.getElementById('calculator').inputs.existing_clients)).toBe('120');
    // `ready` (or the first change) told the app the recommendation.
    const recommended = await page.evaluate(() => document.getElementById('calculator').result.recommended_tier);
    await expect(page.locator('#recommended')).toHaveText(`Recommended: ${recommended}`);
    // A change in the widget reaches the app through partner-roi:change: a partner who
    // resells nothing earns more as a Member (referral fees) than as an Expert.
    expect(recommended).toBe('expert');
    await widget.getByRole('textbox', { name: 'Deals you resell' }).fill('0');
    await expect.poll(() => page.evaluate(() => document.getElementById('calculator').result.recommended_tier)).not.toBe(recommended);
    const now = await page.evaluate(() => document.getElementById('calculator').result.recommended_tier);
    await expect(page.locator('#recommended')).toHaveText(`Recommended: ${now}`);
    // Unmount and mount again, a few times: a fresh widget each time, nothing left behind.
    const toggle = page.getByRole('button', { name: /^(Unmount|Mount)$/ });
    for (let round = 0; round < 5; round += 1) {
      await toggle.click();
      await expect(page.locator('partner-roi')).toHaveCount(0);
      await toggle.click();
      await expect(page.locator('#calculator .tier-card .tier-name')).toHaveText(TIERS);
    }
    // The wasm came from the bundler's output, hashed, once.
    expect(wasm).toHaveLength(1);
    expect(wasm[0]).toMatch(/\/assets\/partner-roi_bg-[\w-]+\.wasm$/);
    expect(errors).toEqual([]);
  });
}

test('react: a server-rendered page keeps its program through hydration (the JSON child)', async ({ page, request }) => {
  const errors = collectErrors(page);
  const html = await (await request.get(`${servers.react.origin}/ssr.html`)).text();
  // The server's HTML already holds the element and its configuration.
  expect(html).toContain('<partner-roi id="ssr-calculator" loading="eager"><script type="application/json">');
  expect(html).toContain('"name":"React Example Partner Program"');
  page.on('console', (message) => {
    if (/hydrat/i.test(message.text())) errors.push(`console: ${message.text()}`);
  });
  await page.goto(`${servers.react.origin}/ssr.html`);
  const widget = page.locator('#ssr-calculator');
  await expect(widget.locator('.program-name')).toHaveText('React Example Partner Program');
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(TIERS);
  expect(await page.evaluate(() => document.getElementById('ssr-calculator').inputs.existing_clients)).toBe('80');
  expect(errors).toEqual([]);
});

/**
 * Fails the test on errors and hydration warnings, and from navigation on watches every
 * shadow root for the built-in example's name: `window.exampleSeen` turns true if any frame
 * could have shown it (a mutation observer's callback runs before the browser paints).
 */
async function watchForTheExample(page) {
  const errors = collectErrors(page);
  page.on('console', (message) => {
    if (/hydrat/i.test(message.text())) errors.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    window.exampleSeen = false;
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      new MutationObserver(() => {
        if (root.textContent.includes('Example Cloud Partner Program')) window.exampleSeen = true;
      }).observe(root, { childList: true, subtree: true, characterData: true });
      return root;
    };
  });
  return errors;
}

test('react: PartnerRoiWidget sets its properties while hydrating; no frame shows the example program', async ({ page }) => {
  const errors = await watchForTheExample(page);
  await page.goto(`${servers.react.origin}/ssr.html`);
  const widget = page.locator('#ssr-component');
  await expect(widget.locator('.program-name')).toHaveText('React Example Partner Program');
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(TIERS);
  // onPartnerRoiReady, a prop, heard the first results.
  const ready = await page.evaluate(() => document.getElementById('ssr-component').ready);
  await expect(page.locator('#component-recommended')).toHaveText(`Recommended: ${ready.result.recommended_tier}`);
  expect(ready.result.program_id).toBe('react-example');
  expect(ready.inputs.existing_clients).toBe('90');
  expect(await page.evaluate(() => window.exampleSeen), 'a frame showed the example program').toBe(false);
  expect(errors).toEqual([]);
});

test('next: a server component and a client component pass the program as a prop; no frame shows the example', async ({ page }) => {
  const errors = await watchForTheExample(page);
  await page.goto(`${servers.next.origin}/`);
  for (const [id, clients] of [['server-widget', '120'], ['client-widget', '60']]) {
    const widget = page.locator(`#${id}`);
    await expect(widget.locator('.program-name')).toHaveText('Next Example Partner Program');
    await expect(widget.locator('.tier-card .tier-name')).toHaveText(TIERS);
    const ready = await page.evaluate((id) => document.getElementById(id).ready, id);
    expect(ready.result.program_id, id).toBe('next-example');
    expect(ready.inputs.existing_clients, id).toBe(clients);
  }
  const ready = await page.evaluate(() => document.getElementById('client-widget').ready);
  await expect(page.locator('#client-recommended')).toHaveText(`Recommended: ${ready.result.recommended_tier}`);
  // A typed figure reaches the client component's onPartnerRoiChange.
  const widget = page.locator('#client-widget');
  await widget.getByLabel('Existing clients', { exact: true }).fill('400');
  await expect.poll(() => page.evaluate(() => document.getElementById('client-widget').result.recommended_tier)).toBeTruthy();
  const after = await page.evaluate(() => document.getElementById('client-widget').result.recommended_tier);
  await expect(page.locator('#client-recommended')).toHaveText(`Recommended: ${after}`);
  expect(await page.evaluate(() => window.exampleSeen), 'a frame showed the example program').toBe(false);
  expect(errors).toEqual([]);
});

/** Records every partner-roi:error and console warning from navigation on. */
async function recordReports(page) {
  const warnings = [];
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  await page.addInitScript(() => {
    window.widgetErrors = [];
    document.addEventListener('partner-roi:error', (event) => window.widgetErrors.push(event.detail));
  });
  return warnings;
}

for (const [name, [, programName]] of Object.entries(STATIC_APPS)) {
  test(`${name}: the documented pattern shows the program and its prefill, reporting nothing`, async ({ page }) => {
    const errors = await watchForTheExample(page);
    const warnings = await recordReports(page);
    await page.goto(`${servers[name].origin}/`);
    const widget = page.locator('#calculator');
    await expect(widget.locator('.program-name')).toHaveText(programName);
    await expect(widget.locator('.tier-card .tier-name')).toHaveText(TIERS);
    expect(await page.evaluate(() => document.getElementById('calculator').inputs.existing_clients)).toBe('120');
    expect(await page.evaluate(() => window.exampleSeen), 'a frame showed the example program').toBe(false);
    expect(await page.evaluate(() => window.widgetErrors)).toEqual([]);
    expect(warnings).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('sveltekit: the server writes "[object Object]", hydration sets the properties, and nothing is reported', async ({ page, request }) => {
  const html = await (await request.get(`${servers.sveltekit.origin}/`)).text();
  expect(html).toContain('program="[object Object]"');
  const warnings = await recordReports(page);
  await page.goto(`${servers.sveltekit.origin}/`);
  // The app's modules (which define the element) may run after `load`.
  await page.waitForFunction(() => customElements.get('partner-roi') !== undefined);
  const ready = await page.evaluate(() => document.getElementById('calculator').ready);
  await expect(page.locator('#recommended')).toHaveText(`Recommended: ${ready.result.recommended_tier}`);
  expect(ready.result.program_id).toBe('sveltekit-example');
  expect(await page.evaluate(() => window.widgetErrors)).toEqual([]);
  expect(warnings.filter((text) => text.includes('[object Object]'))).toEqual([]);
});

test('angular: the properties bound in the template and the change event heard on the element', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`${servers.angular.origin}/`);
  const widget = page.locator('#calculator');
  await widget.getByLabel('Existing clients', { exact: true }).fill('400');
  await expect.poll(() => page.evaluate(() => document.getElementById('calculator').inputs.existing_clients)).toBe('400');
  const recommended = await page.evaluate(() => document.getElementById('calculator').result.recommended_tier);
  await expect(page.locator('#recommended')).toHaveText(`Recommended: ${recommended}`);
  expect(errors).toEqual([]);
});

test('sveltekit: svelte-check types <partner-roi>, refusing a value the attribute does not take', () => {
  const app = path.join(ROOT, 'examples/frameworks/sveltekit');
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'partner-roi-svelte-'));
  fs.cpSync(app, dir, { recursive: true, filter: (source) => !/[\\/](node_modules|dist|\.svelte-kit)$/.test(source) });
  fs.symlinkSync(path.join(app, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const page = path.join(dir, 'src', 'routes', '+page.svelte');
  fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace('loading="eager"', 'loading="bogus"'));
  const check = () => {
    try {
      execFileSync('npm', ['run', 'check'], { cwd: dir, encoding: 'utf8' });
      return '';
    } catch (error) {
      return `${error.stdout}${error.stderr}`;
    }
  };
  expect(check()).toContain('"bogus"');
});

// The package's languages travel as modules of their own (languages/<tag>.js, one literal
// import() each): every bundler made a chunk of the one a German widget needs.
for (const name of [...Object.keys(APPS), ...Object.keys(STATIC_APPS)]) {
  test(`${name}: a widget switched to German imports the German module the bundler made`, async ({ page }) => {
    const errors = collectErrors(page);
    const warnings = [];
    page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
    await page.goto(`${servers[name].origin}/`);
    const widget = page.locator('#calculator');
    await expect(widget.locator('.tier-card .tier-name')).toHaveText(TIERS);
    await page.evaluate(() => document.getElementById('calculator').setAttribute('lang', 'de'));
    await expect(widget.getByRole('button', { name: catalogue('de').more_assumptions })).toBeVisible();
    expect(warnings.filter((text) => text.includes('partner-roi.de.json'))).toEqual([]);
    expect(errors).toEqual([]);
  });
}
