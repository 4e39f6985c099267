// Browser benchmark of the built dist/ in the system Chromium (headless), for issue #6.
//
// For each page (the single offline file over file://, the embed example over http):
//   - navigation -> first results, LOADS times, each in a fresh browser context (empty
//     cache): the `startTime` of the `performance.mark` "partner-roi:first-results" that
//     the widget sets when its results first render (ms since navigation start);
//   - keystroke -> updated results, EDITS times on the last loaded page: the deal value
//     field (in the widget's open shadow root) gets a new value and a bubbling `input`
//     event, alternating between two values so that every edit changes the figures; the
//     time runs from just before dispatch to the MutationObserver callback in which every
//     tier's net profit shows the new figures, and so do the charts and the year-by-year
//     table if they are near the viewport (the widget redraws the parts away from it once
//     the typing pauses, components/deferred.rs);
//   - memory after loading and after the edits: JS heap (`performance.memory`, precise
//     with --enable-precise-memory-info, after a forced GC) and the wasm linear memory
//     (the size of the module's WebAssembly.Memory, found by wrapping WebAssembly's
//     instantiate functions before the page's scripts run; only instances still alive).
// Then one load each of a page with 1 and with 5 widgets: time until every widget has shown
// results, and memory (each widget runs in a wasm instance of its own).
//
// Not a test: run by `cargo xtask bench` (which builds dist/ first); not picked up by
// `playwright test` (the file name does not end in .spec.js).
// Environment (all optional):
//   DIST_DIR      directory to serve (default: <repo>/dist)
//   BENCH_LOADS   page loads per page (default 20)
//   BENCH_EDITS   scripted edits per page (default 200)
//   BENCH_OUT     write the results as JSON to this file
//   PORT          port of the static server (xtask/build-tools/serve.js) (default: any free port)
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { chromium } = require('@playwright/test');
const { CHROMIUM_LAUNCH, startServer } = require('../support/chromium');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DIST = path.resolve(process.env.DIST_DIR || path.join(ROOT, 'dist'));
const LOADS = positiveInt('BENCH_LOADS', 20);
const EDITS = positiveInt('BENCH_EDITS', 200);
const OUT = process.env.BENCH_OUT ? path.resolve(process.env.BENCH_OUT) : null;
const PORT = Number(process.env.PORT || 0);

const MARK = 'partner-roi:first-results';
/// Two deal values inside the range of every shipped program; alternated.
const DEAL_VALUES = ['15000', '21000'];
const TIMEOUT_MS = 30_000;

const LAUNCH = {
  ...CHROMIUM_LAUNCH,
  args: [
    ...CHROMIUM_LAUNCH.args,
    // performance.memory with exact (not bucketed) figures, and gc() for stable ones.
    '--enable-precise-memory-info',
    '--js-flags=--expose-gc',
  ],
};


function positiveInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number >= 1, got "${raw}"`);
  }
  return value;
}

/**
 * Runs in the page before its scripts: remembers (weakly) every WebAssembly.Memory exported
 * by an instance, so that the wasm linear memory of the instances still alive can be
 * measured (wasm-bindgen keeps its `wasm` exports private; the widget starts one instance per
 * element and drops the one that only compiled the module).
 */
function recordWasmMemories() {
  const memories = [];
  Object.defineProperty(window, '__benchWasmMemories', { value: memories });
  const record = (instance) => {
    const exports = instance && instance.exports;
    if (!exports) return;
    for (const value of Object.values(exports)) {
      if (value instanceof WebAssembly.Memory) memories.push(new WeakRef(value));
    }
  };
  const OriginalInstance = WebAssembly.Instance;
  WebAssembly.Instance = new Proxy(OriginalInstance, {
    construct(target, args, newTarget) {
      const instance = Reflect.construct(target, args, newTarget);
      record(instance);
      return instance;
    },
  });
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then((result) => {
        record(result instanceof OriginalInstance ? result : result.instance);
        return result;
      });
    };
  }
}

/**
 * JS heap and wasm memory of the page, in bytes, and the number of wasm instances alive,
 * after a forced garbage collection (in a task of its own, so that weak references clear).
 */
async function memory(page) {
  await page.evaluate(() => typeof gc === 'function' && gc());
  return page.evaluate(() => {
    if (typeof gc === 'function') gc();
    const heap = performance.memory ? performance.memory.usedJSHeapSize : null;
    const alive = (window.__benchWasmMemories || []).map((ref) => ref.deref()).filter(Boolean);
    const wasm = alive.length ? alive.reduce((sum, memory) => sum + memory.buffer.byteLength, 0) : null;
    return { jsHeapUsed: heap, wasmMemory: wasm, wasmInstances: alive.length };
  });
}

/** Milliseconds from navigation start to the first-results mark. */
async function loadOnce(browser, url, keepOpen) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(recordWasmMemories);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  try {
    const response = await page.goto(url);
    if (response && !response.ok() && response.status() !== 0) {
      throw new Error(`HTTP ${response.status()}`);
    }
    await page.waitForFunction(
      (mark) => performance.getEntriesByName(mark).length > 0,
      MARK,
      { timeout: TIMEOUT_MS },
    );
  } catch (error) {
    await context.close();
    throw new Error(`${url}: no "${MARK}" mark: ${error.message}\n${errors.join('\n')}`);
  }
  const timing = await page.evaluate((mark) => {
    const nav = performance.getEntriesByType('navigation')[0];
    const wasm = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('.wasm'));
    return {
      firstResults: performance.getEntriesByName(mark)[0].startTime,
      // The HTML is parsed (inline or module scripts may still run after this).
      domInteractive: nav ? nav.domInteractive : null,
      domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
      // The .wasm file has arrived (http only; inlined in the offline file).
      wasmResponseEnd: wasm ? wasm.responseEnd : null,
    };
  }, MARK);
  if (!keepOpen) {
    await context.close();
    return { ms: timing.firstResults, timing };
  }
  return { ms: timing.firstResults, timing, context, page, errors };
}

/**
 * `count` edits of the deal value field; per edit, the milliseconds until the first
 * tier's net value changed and until every watched part of the results changed.
 * Runs entirely in the page, so no DevTools round trip is timed.
 */
async function editBench(page, count) {
  return page.evaluate(
    async ({ count, values }) => {
      const host = document.querySelector('partner-roi');
      const root = host && host.shadowRoot;
      if (!root) throw new Error('no <partner-roi> with an open shadow root');
      const input = root.querySelector('input[id$="-deal_value"]');
      if (!input) throw new Error('no deal value field (input[id$="-deal_value"])');

      // Make sure the year-by-year table is shown, so that it is updated too.
      if (!root.querySelector('.year-table')) {
        const button = root.querySelector('.tier-card .tier-select');
        if (button) button.click();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // A part counts when it is near the viewport (within the widget's margin of 200 px).
      const near = (selector) => {
        const node = root.querySelector(selector);
        if (!node) return false;
        const box = node.getBoundingClientRect();
        return box.bottom > -200 && box.top < window.innerHeight + 200;
      };
      const hasTable = near('.year-table');
      const hasCharts = near('.charts');
      const text = (selector) =>
        Array.from(root.querySelectorAll(selector), (node) => node.textContent).join('|');
      const chartShape = () =>
        Array.from(
          root.querySelectorAll('.chart-svg polyline, .chart-svg rect, .chart-svg path'),
          (node) => node.getAttribute('points') || node.getAttribute('height') || node.getAttribute('d'),
        ).join('|');
      const parts = {
        nets: () => text('.tier-card .tier-net-value'),
        firstNet: () => {
          const node = root.querySelector('.tier-card .tier-net-value');
          return node ? node.textContent : '';
        },
        charts: () => text('.chart-svg text') + '#' + chartShape(),
        table: () => (hasTable ? text('.year-table') : ''),
      };
      const snapshot = () => ({
        nets: parts.nets(),
        firstNet: parts.firstNet(),
        charts: parts.charts(),
        table: parts.table(),
      });

      let pending = null;
      const observer = new MutationObserver(() => {
        if (!pending) return;
        const now = performance.now();
        const current = pending.current();
        if (pending.firstAt === null && current.firstNet !== pending.before.firstNet) {
          pending.firstAt = now;
        }
        const all =
          current.nets !== pending.before.nets &&
          (!hasCharts || current.charts !== pending.before.charts) &&
          (!hasTable || current.table !== pending.before.table);
        if (all) {
          const done = pending;
          pending = null;
          done.resolve({ first: (done.firstAt ?? now) - done.start, all: now - done.start });
        }
      });
      observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });

      const frame = () =>
        new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      // Start from a value that differs from the first edit's.
      input.value = values[1];
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      await frame();

      const first = [];
      const all = [];
      for (let i = 0; i < count; i++) {
        const before = snapshot();
        const result = new Promise((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`edit ${i + 1}: the results did not change within 5 s`)),
            5000,
          );
          pending = {
            before,
            current: snapshot,
            firstAt: null,
            start: 0,
            resolve: (value) => {
              clearTimeout(timer);
              resolve(value);
            },
          };
        });
        input.value = values[i % 2];
        pending.start = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const times = await result;
        first.push(times.first);
        all.push(times.all);
        await frame(); // let the browser lay out and paint, as between real keystrokes
      }
      observer.disconnect();
      return { first, all, hasTable, hasCharts };
    },
    { count, values: DEAL_VALUES },
  );
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return { n: sorted.length, min: sorted[0], p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1], mean };
}

const ms = (value) => (value === null || value === undefined ? '-' : value.toFixed(2));
const mb = (bytes) => (bytes === null || bytes === undefined ? 'n/a' : (bytes / 1048576).toFixed(2) + ' MiB');

async function benchPage(browser, { name, url }) {
  console.log(`bench: ${name}: ${LOADS} loads of ${url}`);
  const loads = [];
  const timings = [];
  let last = null;
  for (let i = 0; i < LOADS; i++) {
    const keep = i === LOADS - 1;
    const result = await loadOnce(browser, url, keep);
    loads.push(result.ms);
    timings.push(result.timing);
    if (keep) last = result;
  }
  const median = (key) => {
    const values = timings.map((timing) => timing[key]).filter((value) => value !== null);
    return values.length ? stats(values).p50 : null;
  };
  const afterLoad = await memory(last.page);
  console.log(`bench: ${name}: ${EDITS} edits of the deal value`);
  const edits = await editBench(last.page, EDITS);
  const afterEdits = await memory(last.page);
  if (last.errors.length) console.warn(`bench: ${name}: ${last.errors.join('; ')}`);
  await last.context.close();
  return {
    name,
    url,
    firstResults: { ...stats(loads), samples: loads },
    loadBreakdown: {
      domInteractive: median('domInteractive'),
      domContentLoaded: median('domContentLoaded'),
      wasmResponseEnd: median('wasmResponseEnd'),
    },
    edits: { all: stats(edits.all), firstNet: stats(edits.first), yearTableNear: edits.hasTable, chartsNear: edits.hasCharts },
    memory: { afterLoad, afterEdits },
  };
}

/** Runs in the page before its scripts: keeps every long animation frame (over 50 ms). */
function recordLongFrames() {
  const frames = [];
  Object.defineProperty(window, '__benchLongFrames', { value: frames });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      // Every long frame counts: the benched pages run nothing but the widget (and the
      // offline file's frames, of an opaque file:// origin, name no scripts to tell by).
      frames.push({ duration: entry.duration });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
}

/** The long frames recorded since the last call, summarised; the list is emptied. */
async function takeLongFrames(page) {
  const frames = await page.evaluate(() => window.__benchLongFrames.splice(0));
  const longest = frames.reduce((most, frame) => Math.max(most, frame.duration), 0);
  return {
    count: frames.length,
    longestMs: Math.round(longest),
    over50Ms: Math.round(frames.reduce((sum, frame) => sum + frame.duration - 50, 0)),
  };
}

/**
 * The widget's long animation frames (Long Animation Frames API) with the CPU slowed 4×
 * (CDP `Emulation.setCPUThrottlingRate`): while `url` loads and shows its first results,
 * and during `EDITS` edits of the deal value. The target: none over 50 ms.
 */
async function throttledBench(browser, { name, url }) {
  console.log(`bench: ${name}: long animation frames at 4× CPU (a load and ${EDITS} edits)`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(recordLongFrames);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  try {
    await page.goto(url);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARK, { timeout: TIMEOUT_MS });
    // The later slices of the first render, and a quiet moment after them.
    await page.waitForFunction(() => !document.querySelector('partner-roi').shadowRoot.querySelector('.deferred'), null, { timeout: TIMEOUT_MS });
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    const loading = await takeLongFrames(page);
    await editBench(page, EDITS);
    const editing = await takeLongFrames(page);
    return { name, loading, editing };
  } finally {
    await context.close();
  }
}

/**
 * Memory and time to every widget's results on a page with `count` widgets (each runs in a
 * wasm instance of its own): one load of a page made for it on the dist/ origin.
 */
async function widgetsBench(browser, base, count) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(recordWasmMemories);
  const page = await context.newPage();
  const url = `${base}/bench-${count}-widgets.html`;
  const widgets = Array.from({ length: count }, (_, i) => `<partner-roi program="example" id="w${i}" persist="off" loading="eager"></partner-roi>`);
  await page.route(url, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script>window.readyAt = []; document.addEventListener('partner-roi:ready', () => window.readyAt.push(performance.now()));</script>
<script src="/partner-roi.js"></script></head><body>${widgets.join('')}</body></html>`,
  }));
  await page.goto(url);
  await page.waitForFunction((count) => window.readyAt.length === count, count, { timeout: TIMEOUT_MS });
  const allReady = await page.evaluate(() => Math.max(...window.readyAt));
  const used = await memory(page);
  await context.close();
  return { widgets: count, allResultsMs: allReady, ...used };
}

function printSummary(result) {
  const rows = [];
  for (const page of result.pages) {
    const f = page.firstResults;
    const e = page.edits.all;
    const n = page.edits.firstNet;
    rows.push([page.name, 'navigation -> first results', f.n, f.p50, f.p95, f.min, f.max]);
    rows.push([page.name, 'keystroke -> all results updated', e.n, e.p50, e.p95, e.min, e.max]);
    rows.push([page.name, 'keystroke -> first tier net updated', n.n, n.p50, n.p95, n.min, n.max]);
  }
  console.log('');
  console.log(`bench: Chromium ${result.chromium}, headless; times in ms`);
  console.log('bench: targets: first results <= 150 median; keystroke -> all results <= 4 median, <= 8 p95');
  console.log(
    'bench: ' + ['page'.padEnd(28), 'measure'.padEnd(36), 'n'.padStart(4), 'p50'.padStart(8),
      'p95'.padStart(8), 'min'.padStart(8), 'max'.padStart(8)].join(' '),
  );
  for (const [page, what, n, p50, p95, min, max] of rows) {
    console.log(
      'bench: ' + [page.padEnd(28), what.padEnd(36), String(n).padStart(4), ms(p50).padStart(8),
        ms(p95).padStart(8), ms(min).padStart(8), ms(max).padStart(8)].join(' '),
    );
  }
  console.log('');
  for (const page of result.pages) {
    const b = page.loadBreakdown;
    console.log(
      `bench: ${page.name.padEnd(28)} load, medians: HTML parsed (domInteractive) ${ms(b.domInteractive)}, ` +
        `DOMContentLoaded ${ms(b.domContentLoaded)}, wasm received ${ms(b.wasmResponseEnd)}, ` +
        `first results ${ms(page.firstResults.p50)}`,
    );
  }
  console.log('');
  for (const page of result.pages) {
    const { afterLoad, afterEdits } = page.memory;
    console.log(
      `bench: ${page.name.padEnd(28)} memory after load: JS heap ${mb(afterLoad.jsHeapUsed)}, ` +
        `wasm ${mb(afterLoad.wasmMemory)} in ${afterLoad.wasmInstances} instance(s); after ${EDITS} edits: ` +
        `JS heap ${mb(afterEdits.jsHeapUsed)}, wasm ${mb(afterEdits.wasmMemory)} in ${afterEdits.wasmInstances}`,
    );
  }
  console.log('');
  for (const run of result.throttled) {
    for (const [when, frames] of [['loading', run.loading], [`${EDITS} edits`, run.editing]]) {
      console.log(
        `bench: ${run.name.padEnd(28)} 4× CPU, ${when}: ${frames.count} long frame(s), ` +
          `the longest ${frames.longestMs} ms (target <= 50), ${frames.over50Ms} ms over 50 in all`,
      );
    }
  }
  console.log('');
  for (const run of result.widgetCounts) {
    console.log(
      `bench: ${`${run.widgets} widget(s) on one page (http)`.padEnd(28)} every widget's results at ` +
        `${ms(run.allResultsMs)} ms; JS heap ${mb(run.jsHeapUsed)}, wasm ${mb(run.wasmMemory)} in ` +
        `${run.wasmInstances} instance(s)`,
    );
  }
}

async function main() {
  for (const file of ['partner-roi.html', 'embed-example.html', 'partner-roi.js', 'partner-roi_bg.wasm']) {
    if (!fs.existsSync(path.join(DIST, file))) {
      throw new Error(`${DIST}/${file} not found: run \`cargo xtask dist\` first`);
    }
  }
  if (!fs.existsSync(LAUNCH.executablePath)) {
    throw new Error(`${LAUNCH.executablePath} not found: run \`cargo xtask tools\``);
  }
  const server = await startServer(DIST, PORT);
  const base = server.origin;
  let browser;
  let result;
  try {
    browser = await chromium.launch(LAUNCH);
    result = { chromium: browser.version(), loads: LOADS, edits: EDITS, pages: [] };
    const pages = [
      { name: 'partner-roi.html (file://)', url: pathToFileURL(path.join(DIST, 'partner-roi.html')).href },
      { name: 'embed-example.html (http)', url: `${base}/embed-example.html` },
    ];
    for (const page of pages) {
      result.pages.push(await benchPage(browser, page));
    }
    result.throttled = [];
    for (const page of pages) result.throttled.push(await throttledBench(browser, page));
    result.widgetCounts = [];
    for (const count of [1, 5]) result.widgetCounts.push(await widgetsBench(browser, base, count));
  } finally {
    if (browser) await browser.close();
    await server.close();
  }
  printSummary(result);
  if (OUT) {
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, JSON.stringify(result, null, 2) + '\n');
    console.log(`bench: wrote ${OUT}`);
  }
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exit(1);
});
