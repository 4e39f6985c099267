// Tests of figures.mjs: `node --test figures-test.mjs` (no npm install needed). Not named
// *.test.mjs, which Playwright (testDir tests/e2e) would take for one of its own.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { PAIRS, RUNS, checks, figuresOf, median, medians, minus, schedule, summary } from './figures.mjs';

/** A report of a real run (landing-top.html), cut down to what the bench reads and a little around it. */
const FIXTURE = readFileSync(new URL('./report-fixture.json', import.meta.url), 'utf8');
const report = (edit = (text) => text) => JSON.parse(edit(FIXTURE));
const figures = (score, tbtMs) => ({ score, cls: 0, tbtMs, lcpMs: 1000, ttiMs: 2000 });

test('reads a report', () => {
  assert.deepEqual(figuresOf(report()), { score: 0.91, cls: 0, tbtMs: 390.5, lcpMs: 1040.8418, ttiMs: 2921.0918 });
});

test('a failed run says why', () => {
  const unscored = (text) => text.replace('"score": 0.91', '"score": null');
  const failed = (text) => unscored(text).replace('"lighthouseVersion"',
    '"runtimeError": {"code": "NO_FCP", "message": "The page did not paint any content."}, "lighthouseVersion"');
  assert.throws(() => figuresOf(report(failed)), /NO_FCP/);
  assert.throws(() => figuresOf(report(unscored)), /performance/);
  assert.throws(() => figuresOf(report((text) => text.replace('"numericValue": 390.5', '"numericValue": null'))),
    /total-blocking-time/);
  assert.throws(() => figuresOf(report((text) => text.replaceAll('"interactive"', '"not-interactive"'))), /interactive/);
});

test('medians', () => {
  assert.equal(median([]), null);
  assert.equal(median([3]), 3);
  assert.equal(median([5, 1, 4, 2, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([10, 9, 100]), 9 + 1, 'sorted as numbers, not as text');
  const m = medians([figures(0.98, 120), figures(0.91, 400), figures(0.97, 150), figures(1, 90), figures(0.95, 130)]);
  // Each figure's own median, not the figures of the median run.
  assert.deepEqual([m.score, m.tbtMs], [0.97, 130]);
  assert.equal(medians([]), null);
});

test('differences are page minus twin', () => {
  const gap = minus(figures(0.93, 214.5), figures(1, 14.5));
  assert.ok(Math.abs(gap.score + 0.07) < 1e-9);
  assert.deepEqual([gap.tbtMs, gap.cls, gap.lcpMs, gap.ttiMs], [200, 0, 0, 0]);
});

test('checks the targets of issue 12', () => {
  const met = (placement, page, twin) => checks(placement, page, twin).map((check) => check.met);
  let twin = figures(1, 10);
  // Top: CLS, TBT over the twin, score.
  assert.deepEqual(met('top', figures(0.97, 110), twin), [true, true, true]);
  assert.deepEqual(met('top', figures(0.96, 110.5), twin), [true, false, false]);
  assert.deepEqual(met('top', { ...figures(0.99, 20), cls: 0.021 }, twin), [false, true, true]);
  // Below the fold: within a point and 20 ms of the twin, either way.
  twin = figures(0.99, 40);
  assert.deepEqual(met('below', figures(0.98, 60), twin), [true, true]);
  assert.deepEqual(met('below', figures(1, 20), twin), [true, true]);
  assert.deepEqual(met('below', figures(0.97, 61), twin), [false, false]);
  assert.deepEqual(checks('below', figures(0.97, 61), twin).map((check) => check.what), [
    'score -0.02 from the twin\'s, within 0.01',
    'TBT 21 ms more than the twin\'s, within 20 ms',
  ]);
});

test('alternates page and twin', () => {
  const order = schedule(2, 2).map(({ pair, twin, round }) => [pair, twin, round]);
  assert.deepEqual(order, [
    [0, false, 0], [0, true, 0], [1, false, 0], [1, true, 0],
    [0, true, 1], [0, false, 1], [1, true, 1], [1, false, 1],
  ]);
  assert.equal(schedule(PAIRS.length, RUNS).length, 20);
});

test('the summary gives medians, costs and verdicts, and says what failed', () => {
  const pages = {
    'landing-top.html': { runs: [figures(0.97, 202), figures(0.91, 382), figures(0.99, 143)], failures: [] },
    'landing-top-twin.html': { runs: [figures(1, 12)], failures: ['NO_FCP'] },
    'landing-below.html': { runs: [figures(1, 0)], failures: [] },
    'landing-below-twin.html': { runs: [], failures: ['timeout'] },
  };
  const lines = summary({ lighthouseVersion: '12.2.3', browser: 'Chromium 156', benchmarkIndex: 1854.4, pages });
  assert.ok(lines.every((line) => line.startsWith('bench: ')));
  assert.match(lines[0], /Lighthouse 12\.2\.3, .*Chromium 156 \(headless\), benchmarkIndex 1854; median of 5 runs/);
  assert.ok(lines.includes('bench: landing-top.html (3 runs)           0.97   0.000   202 ms   1.00 s   2.00 s'));
  assert.ok(lines.includes('bench:   widget\'s cost (page − twin)      -0.03  +0.000  +190 ms  +0.00 s  +0.00 s'));
  assert.ok(lines.includes('bench:   landing-top.html runs: score 0.97 0.91 0.99; TBT 202 382 143 ms'));
  assert.ok(lines.includes('bench: widget at the top: TBT 190 ms more than the twin\'s, at most +100 ms: MISSED'));
  assert.ok(lines.includes('bench: widget at the top: score 0.97 >= 0.97: met'));
  assert.ok(lines.includes('bench: landing-below-twin.html (0 runs)   no successful run'));
  assert.ok(lines.includes('bench: widget below the fold: targets not checked (no runs to compare)'));
  assert.equal(lines.at(-1), 'bench: 2 Lighthouse run(s) failed (see above); medians are of the others');
});
