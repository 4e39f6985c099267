// Shared helpers for the embedding specs: same-origin host pages served by page.route,
// error collection, and reading the widget's figures.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { expect } = require('@playwright/test');
const AxeBuilder = require('@axe-core/playwright').default;

const ORIGIN = 'http://127.0.0.1:8123';
const DIST = path.resolve(__dirname, '..', '..', '..', 'dist');
/** axe-core's WCAG 2.x A and AA rule tags, up to 2.2 (#7 Hardening). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const CATALOGUES = path.resolve(__dirname, '..', '..', '..', 'crates', 'i18n', 'catalogues');

/** A language's catalogue (crates/i18n/catalogues/<language>.txt), plain messages only: key → text. */
function catalogue(language) {
  const messages = {};
  for (const line of fs.readFileSync(path.join(CATALOGUES, `${language}.txt`), 'utf8').split('\n')) {
    // `key = text`, and a plural form as `key.one = text`.
    const match = /^([a-z0-9_]+(?:\.[a-z]+)?) = (.*)$/.exec(line.trim());
    if (match) messages[match[1]] = match[2];
  }
  return messages;
}

const isFavicon = (url) => new URL(url, 'http://x/').pathname === '/favicon.ico';

/**
 * Serves `body` as the HTML page /test/<name>.html (same origin as dist/, so it can load
 * /partner-roi.js and /programs/*.json) and returns its absolute URL.
 */
async function serveHostPage(page, name, body) {
  const url = `${ORIGIN}/test/${name}.html`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
  return url;
}

/** A minimal host document around `body`, loading the embed bundle. */
function hostDocument({ head = '', body = '', bundle = true } = {}) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>partner-roi test host</title>
  <link rel="icon" href="data:,">
  ${head}
  ${bundle ? '<script src="/partner-roi.js"></script>' : ''}
</head>
<body>
${body}
</body>
</html>`;
}

/**
 * Records console errors, page errors and failed (>= 400) responses. `allow(text)` may
 * excuse an expected entry (e.g. the deliberate 404 of a program-src test).
 */
function collectErrors(page, allow = () => false) {
  const errors = [];
  const add = (text) => {
    if (!allow(text)) errors.push(text);
  };
  page.on('console', (message) => {
    if (message.type() !== 'error' || isFavicon(message.location().url)) return;
    add(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !isFavicon(response.url())) {
      add(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  page.on('pageerror', (error) => add(`page error: ${error.message}`));
  return errors;
}

/** Fails, listing each rule and its elements, when axe finds a WCAG 2.x A or AA violation. */
async function expectNoAxeViolations(page, what) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');
  expect(violations.map((v) => v.id), `axe violations in ${what}:\n${summary}`).toEqual([]);
}

/** The digits of a formatted amount, with its sign: "-$1,234" -> -1234. */
function amountOf(text) {
  const digits = text.replace(/[^\d]/g, '');
  if (!digits) throw new Error(`no amount in ${JSON.stringify(text)}`);
  const negative = /[-\u2212(]/.test(text);
  return BigInt(digits) * (negative ? -1n : 1n);
}

/**
 * Whole units a card may show for a result's decimal string ("123768.49" -> [123768n]).
 * The card rounds the exact figure half-even; the result is rounded to cents first, so a
 * result ending in exactly ".50" may have come from either neighbour.
 */
function wholeCandidates(decimal) {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (!match) throw new Error(`not a decimal string: ${JSON.stringify(decimal)}`);
  const sign = match[1] ? -1n : 1n;
  const whole = BigInt(match[2]);
  const fraction = (match[3] || '').padEnd(2, '0');
  const cents = Number(fraction.slice(0, 2));
  if (cents === 50 && /^0*$/.test(fraction.slice(2))) {
    return [whole * sign, (whole + 1n) * sign];
  }
  return [(cents > 50 ? whole + 1n : whole) * sign];
}

/** Asserts that the card text `shown` displays the result figure `decimal`. */
function expectShowsAmount(shown, decimal, what = 'amount') {
  const value = amountOf(shown);
  const candidates = wholeCandidates(decimal);
  expect(
    candidates.includes(value),
    `${what}: card shows ${JSON.stringify(shown)} (${value}), result is ${decimal}`,
  ).toBe(true);
}

module.exports = {
  catalogue,
  expectNoAxeViolations,
  ORIGIN,
  DIST,
  WCAG_TAGS,
  serveHostPage,
  hostDocument,
  collectErrors,
  amountOf,
  wholeCandidates,
  expectShowsAmount,
};
