// Hardening (issue #7), strict Content Security Policy: a host page served with
//   Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// (no inline scripts or styles anywhere in it) embeds the widget with program-src and with
// the embedded JSON document. The widget must render, recompute, export and copy without a
// single CSP violation: no inline style attributes, no eval, no inline scripts, no
// stylesheets or requests the policy does not allow. The same again with Trusted Types
// required (no string ever reaches an HTML or script sink), and dist/frame.html served
// under the strict policy.
//
// Violations are recorded twice: by an init script (injected by Playwright, not subject to
// CSP) from the very start of the document, and by the host's own external listener script.
const fs = require('node:fs');
const { test, expect } = require('@playwright/test');
const path = require('node:path');
const { ORIGIN, DIST, catalogue, collectErrors, expectShowsAmount } = require('./support/helpers');
const {
  settledState,
  typeInput,
  readClipboard,
  allowClipboard,
  parseCsv,
} = require('./support/sales');
const { inlineJson } = require('./support/security');

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
/** The same, plus Trusted Types: no string may reach an HTML or script sink. */
const TRUSTED_TYPES_POLICY = `${POLICY}; require-trusted-types-for 'script'; trusted-types 'none'`;

/** Turns a SecurityPolicyViolationEvent into plain data (shared by both recorders). */
const VIOLATION_FIELDS = [
  'violatedDirective', 'effectiveDirective', 'blockedURI', 'sourceFile', 'lineNumber',
  'columnNumber', 'sample', 'disposition', 'originalPolicy',
];

/** The host's external listener script, served from /test/csp-listener.js. */
const LISTENER_JS = `'use strict';
window.hostViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  const entry = {};
  for (const name of ${JSON.stringify(VIOLATION_FIELDS)}) entry[name] = event[name];
  window.hostViolations.push(entry);
}, true);
`;

/** A host page with no inline script or style: only same-origin external scripts. */
const hostPage = (embeddedProgram) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>partner-roi under a strict CSP</title>
  <script src="/test/csp-listener.js"></script>
  <script type="module" src="/partner-roi.js"></script>
</head>
<body>
  <h1>Strict CSP host</h1>
  <partner-roi debug tools="all" id="src" loading="eager" program-src="/programs/reseller.json"></partner-roi>
  <partner-roi program="example" debug tools="all" id="embedded" loading="eager" allow-program-file><script type="application/json">${inlineJson({ program: embeddedProgram })}</script></partner-roi>
</body>
</html>`;

/** Serves the host page with the policy header, and its listener script. */
async function serveCspHost(page, embeddedProgram, policy = POLICY) {
  const url = `${ORIGIN}/test/csp.html`;
  await page.route(url, (route) => route.fulfill({
    status: 200,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': policy,
    },
    body: hostPage(embeddedProgram),
  }));
  await page.route(`${ORIGIN}/test/csp-listener.js`, (route) => route.fulfill({
    status: 200,
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
    body: LISTENER_JS,
  }));
  return url;
}

/** Every violation seen by the init-script recorder and by the host's listener. */
const violations = (page) => page.evaluate(() => ({
  init: window.__cspViolations || [],
  host: window.hostViolations || null,
}));

/** A readable line per violation, for the failure message. */
const describeViolations = (list) => list.map((v) =>
  `${v.effectiveDirective} (${v.violatedDirective}) blocked ${v.blockedURI || '(inline)'} at ${v.sourceFile}:${v.lineNumber}:${v.columnNumber} sample=${JSON.stringify(v.sample)}`);

async function expectNoViolations(page, when, { hostListener = true } = {}) {
  const seen = await violations(page);
  expect(describeViolations(seen.init), `CSP violations ${when} (init recorder)`).toEqual([]);
  if (!hostListener) return;
  expect(seen.host, 'the host\'s listener script ran').not.toBeNull();
  expect(describeViolations(seen.host), `CSP violations ${when} (host listener)`).toEqual([]);
}

async function programFile(request, name) {
  const response = await request.get(`/programs/${name}.json`);
  expect(response.status()).toBe(200);
  return response.json();
}

async function expectCardsShowResult(page, selector) {
  const state = await settledState(page, selector);
  const widget = page.locator(selector);
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(state.result.tiers.map((tier) => tier.name));
  const nets = await widget.locator('.tier-card .tier-net-value').allTextContents();
  state.result.tiers.forEach((tier, index) => expectShowsAmount(nets[index], tier.net, `${tier.name} net`));
  return { ...state, nets };
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  await page.addInitScript((fields) => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      const entry = {};
      for (const name of fields) entry[name] = event[name];
      window.__cspViolations.push(entry);
    }, true);
  }, VIOLATION_FIELDS);
});

const POLICIES = [
  ['a strict CSP', POLICY],
  ['a strict CSP with Trusted Types', TRUSTED_TYPES_POLICY],
];

for (const [title, policy] of POLICIES) {
  test(`under ${title} the widget renders, recomputes, exports and copies with zero violations`, async ({ page, context, request }) => {
    const errors = collectErrors(page);
    await allowClipboard(context, ORIGIN);
    const reseller = await programFile(request, 'reseller');
    const referral = await programFile(request, 'referral');
    const url = await serveCspHost(page, referral, policy);
    const response = await page.goto(url);
    expect(response.headers()['content-security-policy']).toBe(policy);

    const src = page.locator('#src');
    const embedded = page.locator('#embedded');
    await expect(src.locator('.tier-card .tier-name')).toHaveText(reseller.tiers.map((tier) => tier.name));
    await expect(embedded.locator('.tier-card .tier-name')).toHaveText(referral.tiers.map((tier) => tier.name));
    const before = await expectCardsShowResult(page, '#src');
    await expectCardsShowResult(page, '#embedded');

    // The widget's stylesheet applies (it is adopted, not inline): cards are laid out.
    const layout = await page.evaluate(() => {
      const card = document.getElementById('src').shadowRoot.querySelector('.tier-card');
      const style = getComputedStyle(card);
      return { display: style.display, boxSizing: style.boxSizing };
    });
    expect(layout).toEqual({ display: 'flex', boxSizing: 'border-box' });
    await expectNoViolations(page, 'after the first render');

    // Typing recomputes.
    await typeInput(page, src, '#src', 'Yearly license value per client', 'deal_value', '55000');
    const typed = await expectCardsShowResult(page, '#src');
    expect(typed.result.tiers.map((tier) => tier.net)).not.toEqual(before.result.tiers.map((tier) => tier.net));
    await typeInput(page, embedded, '#embedded', referral.inputs.deal_value.label, 'deal_value', '12000');
    await expectCardsShowResult(page, '#embedded');
    // An invalid entry shows its message (and the stale state), then recovers.
    await src.getByLabel('Existing clients', { exact: true }).fill('lots');
    await expect(src.locator('.field-problem')).toHaveText(/^Enter a number/);
    await src.getByLabel('Existing clients', { exact: true }).fill('55');
    await expect(src.locator('.field-problem')).toHaveCount(0);
    // The slider moves the figures too.
    await src.locator('.field-slider').first().evaluate((slider) => {
      slider.value = slider.max;
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expectCardsShowResult(page, '#src');
    await expectNoViolations(page, 'after typing');

    // Another tier's year-by-year table, the advanced inputs, presenter mode.
    const { result } = await settledState(page, '#src');
    const other = result.tiers.find((tier) => tier.id !== result.recommended_tier);
    const card = src.getByRole('article', { name: `${other.name} tier`, exact: true });
    await card.getByRole('button', { name: 'Show year by year' }).click();
    await expect(src.locator('.year-table-scroll caption')).toHaveText(`${other.name}: year by year`);
    await src.getByRole('button', { name: 'More assumptions', exact: true }).click();
    await expect(src.getByRole('button', { name: 'Fewer assumptions', exact: true })).toBeVisible();
    await src.getByRole('button', { name: 'Presenter mode', exact: true }).click();
    await src.getByRole('button', { name: 'Presenter mode', exact: true }).click();
    await expectNoViolations(page, 'after choosing a tier, showing every input and presenting');

    // Download CSV.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      src.getByRole('button', { name: 'Download CSV', exact: true }).click(),
    ]);
    const rows = parseCsv(fs.readFileSync(await download.path(), 'utf8'));
    const words = catalogue('en');
    const header = rows.findIndex((row) => row[0] === words.csv_tier_id);
    expect(rows[header].slice(0, 3)).toEqual([words.csv_tier_id, words.csv_tier_name, words.csv_year]);
    expect(rows.length - header).toBeGreaterThan(reseller.tiers.length);
    await expect(src.locator('.toolbar-status')).toHaveText(`Downloaded ${download.suggestedFilename()}.`);

    // Copy summary and Copy link.
    await src.getByRole('button', { name: 'Copy summary', exact: true }).click();
    await expect(src.locator('.toolbar-status')).toContainText('Summary copied');
    const summary = await readClipboard(page);
    expect(summary).toContain(reseller.name);
    await src.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect(src.locator('.toolbar-status')).toContainText('Link copied');
    expect(await readClipboard(page)).toContain('#partner-roi-src=2~example-reseller~');

    // Load a program file into the other widget.
    const cloud = await programFile(request, 'cloud-services');
    await embedded.getByLabel('Load a program file (JSON)').setInputFiles({
      name: 'cloud-services.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(cloud)),
    });
    await expect(embedded.locator('.program-name')).toHaveText(cloud.name);
    await expectCardsShowResult(page, '#embedded');

    // Reset.
    await src.getByRole('button', { name: 'Reset to defaults', exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.getElementById('src').inputs.deal_value))
      .toBe(String(reseller.inputs.deal_value.default));
    await expectCardsShowResult(page, '#src');

    await expectNoViolations(page, 'after exporting, copying and resetting');
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);

    // Control: the policy is enforced and the recorders work — an inline style attribute
    // set by page script is reported.
    await page.evaluate(() => {
      const probe = document.createElement('p');
      probe.setAttribute('style', 'color: red');
      document.body.append(probe);
    });
    const expected = ['style-src-attr'];
    if (policy === TRUSTED_TYPES_POLICY) {
      // ... and so is a string assigned to an HTML sink.
      const threw = await page.evaluate(() => {
        try {
          document.createElement('div').innerHTML = '<b>x</b>';
          return false;
        } catch {
          return true;
        }
      });
      expect(threw, 'innerHTML with a string throws under Trusted Types').toBe(true);
      expected.push('require-trusted-types-for');
    }
    await expect.poll(async () => (await violations(page)).init.map((v) => v.effectiveDirective))
      .toEqual(expected);
    expect((await violations(page)).host.map((v) => v.effectiveDirective)).toEqual(expected);
  });
}

test('under a strict CSP an invalid program and a failed program-src are reported without violations', async ({ page }) => {
  const errors = collectErrors(page, (text) => text.includes('missing-program.json'));
  const url = `${ORIGIN}/test/csp-errors.html`;
  await page.route(url, (route) => route.fulfill({
    status: 200,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': POLICY },
    body: `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>partner-roi under a strict CSP: errors</title>
  <script src="/test/csp-listener.js"></script>
  <script type="module" src="/partner-roi.js"></script>
</head>
<body>
  <partner-roi debug tools="all" id="missing" program-src="/programs/missing-program.json"></partner-roi>
  <partner-roi program="example" debug tools="all" id="bad"><script type="application/json">{"program": {"version": 1}}</script></partner-roi>
</body>
</html>`,
  }));
  await page.route(`${ORIGIN}/test/csp-listener.js`, (route) => route.fulfill({
    status: 200,
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
    body: LISTENER_JS,
  }));
  await page.goto(url);
  // Both widgets say what is wrong (rendered UI, so the stylesheet and script run).
  await expect(page.locator('#missing')).toContainText('missing-program.json');
  await expect(page.locator('#bad')).toContainText(/name|id|tiers/);
  await expectNoViolations(page, 'with failing programs');
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('dist/frame.html served under the strict CSP applies its settings with zero violations', async ({ page, request }) => {
  // A vendor that serves the iframe variant from its own origin may well send this policy.
  const errors = collectErrors(page);
  const reseller = await programFile(request, 'reseller');
  const frameHtml = fs.readFileSync(path.join(DIST, 'frame.html'), 'utf8');
  await page.route((url) => url.origin === ORIGIN && url.pathname === '/frame.html', (route) => route.fulfill({
    status: 200,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': POLICY },
    body: frameHtml,
  }));
  const response = await page.goto(`/frame.html?program-src=${encodeURIComponent('/programs/reseller.json')}&inputs=${encodeURIComponent('{"deal_value":30000}')}`);
  expect(response.headers()['content-security-policy']).toBe(POLICY);
  const widget = page.locator('#partner-roi-frame');
  await expect(widget.locator('.tier-card').first()).toBeVisible();
  await expectNoViolations(page, 'in frame.html', { hostListener: false });
  // The query string's settings were applied (by the frame's own script).
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(reseller.tiers.map((tier) => tier.name));
  await expect.poll(() => page.evaluate(() => document.getElementById('partner-roi-frame').inputs.deal_value)).toBe('30000');
  await expectCardsShowResult(page, '#partner-roi-frame');
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});
