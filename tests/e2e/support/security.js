// Helpers for the hardening specs (xss.spec.js, csp.spec.js, extremes.spec.js): hostile
// texts, a program carrying them in every text field, and checks that nothing from the data
// ever became markup or ran as script.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { expect } = require('@playwright/test');

/**
 * Script-injection payloads. Each sets window.__xss (and the first also opens a dialog)
 * if it ever runs.
 */
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1;alert(1)">',
  '"><script>window.__xss=1</script>',
  '<svg onload=window.__xss=1>',
  'javascript:window.__xss=1',
];

/** Short, file-name-safe labels for the payloads (test titles, route names). */
const PAYLOAD_NAMES = ['img-onerror', 'script-breakout', 'svg-onload', 'javascript-url'];

/**
 * Every partner input in share-code order, with whether it is a percentage and its absolute
 * limits as decimal strings: target/e2e-support/inputs.json, which `cargo xtask dist` writes
 * from crates/engine/src/input_catalogue.rs (xtask/src/inputs_json.rs).
 */
const INPUTS = (() => {
  const file = path.resolve(__dirname, '..', '..', '..', 'target', 'e2e-support', 'inputs.json');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`cargo xtask dist\` first`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
})();

/** Every partner input's name, in share-code order. */
const INPUT_KEYS = INPUTS.map(({ name }) => name);

/** `inputs`' absolute limits: name → [min, max]. */
const limitsOf = (inputs) => Object.fromEntries(inputs.map(({ name, min, max }) => [name, [min, max]]));

/** The percent inputs and their absolute limits. */
const PERCENT_LIMITS = limitsOf(INPUTS.filter(({ percent }) => percent));

/** Absolute limits of every other input. */
const AMOUNT_LIMITS = limitsOf(INPUTS.filter(({ percent }) => !percent));

/** Name of the tier that starts with `=` (for the CSV formula check). */
const formulaName = (payload) => `=${payload}`;

/**
 * `base` (a program JSON) with `payload` in every text field: name, vendor, description,
 * disclaimer, every tier's name, description and benefits, every input's label and help,
 * the call to action's label and the contact's name. Ids, numbers, the cta url and the
 * contact's address, phone and page stay valid. The second
 * tier's name starts with `=` (a spreadsheet formula).
 */
function hostileProgram(base, payload) {
  const program = JSON.parse(JSON.stringify(base));
  program.name = payload;
  program.vendor = payload;
  program.description = payload;
  program.disclaimer = payload;
  program.cta = { label: payload, url: 'https://partners.example.com/apply?tier={tier}' };
  program.contact = { name: payload, email: 'partners@example.com' };
  program.inputs = program.inputs || {};
  for (const key of INPUT_KEYS) {
    program.inputs[key] = { ...(program.inputs[key] || {}), label: payload, help: payload };
    delete program.inputs[key].hidden;
  }
  program.tiers = program.tiers.map((tier, index) => ({
    ...tier,
    name: index === 1 ? formulaName(payload) : payload,
    description: payload,
    benefits: [payload, payload],
  }));
  return program;
}

/** JSON text safe to place inside an inline <script> (as a careful host would). */
const inlineJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

/** `text` escaped for a single-quoted HTML attribute value. */
const singleQuotedAttribute = (text) => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;');

/**
 * Starts watching `page` for signs that a payload ran: dialogs (dismissed and recorded)
 * and requests for the payloads' `x` image. Returns the live record.
 */
function watchForInjection(page) {
  const record = { dialogs: [], requests: [] };
  page.on('dialog', (dialog) => {
    record.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on('request', (request) => {
    const { pathname, search } = new URL(request.url());
    if (/\/x(?:[?#]|$)/.test(pathname) && search !== `?${PROBE_QUERY}`) record.requests.push(request.url());
  });
  return record;
}

/**
 * What the page holds that could only have come from the data: `window.__xss`, event
 * handler attributes, images, frames, scripts inside shadow roots, scripts mentioning
 * `__xss` outside the host's JSON configuration, and `javascript:` urls, searched in the
 * document and every (open) shadow root.
 */
function injectionReport(page) {
  return page.evaluate(() => {
    const report = {
      xss: typeof window.__xss === 'undefined' ? 'undefined' : String(window.__xss),
      handlerAttributes: [],
      images: [],
      frames: [],
      scripts: [],
      javascriptUrls: [],
    };
    const describe = (el) => el.outerHTML.slice(0, 120);
    const walk = (root, inShadow) => {
      for (const el of root.querySelectorAll('*')) {
        for (const attribute of el.attributes) {
          if (/^on/i.test(attribute.name)) report.handlerAttributes.push(describe(el));
          if (/^\s*javascript:/i.test(attribute.value) && /(href|src|action|data)$/i.test(attribute.name)) {
            report.javascriptUrls.push(describe(el));
          }
        }
        const tag = el.localName;
        if (tag === 'img' || tag === 'image') report.images.push(describe(el));
        if (tag === 'iframe' || tag === 'object' || tag === 'embed') report.frames.push(describe(el));
        if (tag === 'script') {
          const json = (el.getAttribute('type') || '').toLowerCase() === 'application/json';
          if (inShadow || (!json && /__xss/.test(el.textContent + (el.getAttribute('src') || '')))) {
            report.scripts.push(describe(el));
          }
        }
        if (el.shadowRoot) walk(el.shadowRoot, true);
      }
    };
    walk(document, false);
    return report;
  });
}

/**
 * Waits until any injected handler would have fired (image errors and svg loads are
 * asynchronous): until a probe image, asked for after any payload's `x` and answered
 * through Playwright (slower than the server's own 404 for `x`), has loaded, and a frame
 * has been drawn. The record leaves the probe's request out.
 */
const PROBE_QUERY = 'settle-probe';
const PROBE_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const probed = new WeakSet();
async function settle(page) {
  if (!probed.has(page)) {
    probed.add(page);
    await page.route(`**/x?${PROBE_QUERY}`, (route) => route.fulfill({ contentType: 'image/gif', body: PROBE_GIF }));
  }
  await page.evaluate((query) => new Promise((resolve, reject) => {
    const probe = new Image();
    probe.addEventListener('load', () => requestAnimationFrame(() => resolve()), { once: true });
    probe.addEventListener('error', () => reject(new Error('the settle probe did not load')), { once: true });
    probe.src = `x?${query}`;
  }), PROBE_QUERY);
}

/** Asserts that nothing from the data ran or became markup. */
async function expectNoInjection(page, record, where = '') {
  await settle(page);
  const report = await injectionReport(page);
  const prefix = where ? `${where}: ` : '';
  expect(record.dialogs, `${prefix}dialogs opened`).toEqual([]);
  expect(record.requests, `${prefix}requests for the payload's image`).toEqual([]);
  expect(report, `${prefix}injected markup or script`).toEqual({
    xss: 'undefined',
    handlerAttributes: [],
    images: [],
    frames: [],
    scripts: [],
    javascriptUrls: [],
  });
}

/** The first `count` characters of `text` (payload prefixes that messages quote). */
const prefixOf = (text, count = 20) => [...text].slice(0, count).join('');

module.exports = {
  PAYLOADS,
  PAYLOAD_NAMES,
  INPUT_KEYS,
  PERCENT_LIMITS,
  AMOUNT_LIMITS,
  formulaName,
  hostileProgram,
  inlineJson,
  singleQuotedAttribute,
  watchForInjection,
  injectionReport,
  expectNoInjection,
  prefixOf,
};
