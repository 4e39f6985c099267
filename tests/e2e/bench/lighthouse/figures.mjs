// The pure part of the Lighthouse bench (run.mjs): the pages, the order of the runs, a
// report's figures, their medians, issue 12's targets and the summary. It imports nothing,
// so that `node --test figures-test.mjs` needs no `npm ci`.

/** Each landing page with the widget and its twin without it, as landing.mjs makes them. */
export const PAIRS = [
  { placement: 'top', page: 'landing-top.html', twin: 'landing-top-twin.html' },
  { placement: 'below', page: 'landing-below.html', twin: 'landing-below-twin.html' },
];
/** Lighthouse runs per page; the figures are their medians. */
export const RUNS = 5;

/** The audit behind each figure but the score. */
const AUDITS = {
  cls: 'cumulative-layout-shift',
  tbtMs: 'total-blocking-time',
  lcpMs: 'largest-contentful-paint',
  ttiMs: 'interactive',
};
const FIGURES = ['score', ...Object.keys(AUDITS)];
/** Scores come with two decimals: 0.99 − 0.98 must count as 0.01, not 0.010000000000000009. */
const EPSILON = 1e-9;

/** The middle value (the mean of the two middle ones for an even count); null without values. */
export function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A report's score, CLS, TBT, LCP and TTI; throws naming the first one missing and why. */
export function figuresOf(report) {
  const error = report.runtimeError;
  if (error) throw new Error(`Lighthouse runtime error ${error.code}: ${error.message ?? '(no message)'}`);
  const score = report.categories?.performance?.score;
  if (typeof score !== 'number') throw new Error('the performance category has no score');
  const figures = { score };
  for (const [figure, id] of Object.entries(AUDITS)) {
    const audit = report.audits?.[id];
    if (typeof audit?.numericValue !== 'number') {
      throw new Error(`audit ${id} has no numericValue: ${audit?.errorMessage ?? '(no error message)'}`);
    }
    figures[figure] = audit.numericValue;
  }
  return figures;
}

/** Each figure's own median over the runs (not the figures of the median run); null without runs. */
export function medians(runs) {
  if (runs.length === 0) return null;
  return Object.fromEntries(FIGURES.map((figure) => [figure, median(runs.map((run) => run[figure]))]));
}

/** Figure by figure, page − twin: the widget's cost. */
export function minus(page, twin) {
  return Object.fromEntries(FIGURES.map((figure) => [figure, page[figure] - twin[figure]]));
}

/**
 * Issue 12's targets for a pair's medians: at the top, CLS ≤ 0.02, TBT ≤ twin + 100 ms and
 * score ≥ 0.97; below the fold, score within 0.01 and TBT within 20 ms of the twin.
 */
export function checks(placement, page, twin) {
  const gap = minus(page, twin);
  if (placement === 'top') {
    return [
      { what: `CLS ${page.cls.toFixed(3)} <= 0.02`, met: page.cls <= 0.02 + EPSILON },
      { what: `TBT ${moreOrLess(gap.tbtMs)} than the twin's, at most +100 ms`, met: gap.tbtMs <= 100 + EPSILON },
      { what: `score ${page.score.toFixed(2)} >= 0.97`, met: page.score >= 0.97 - EPSILON },
    ];
  }
  return [
    { what: `score ${signed(gap.score, 2)} from the twin's, within 0.01`, met: Math.abs(gap.score) <= 0.01 + EPSILON },
    { what: `TBT ${moreOrLess(gap.tbtMs)} than the twin's, within 20 ms`, met: Math.abs(gap.tbtMs) <= 20 + EPSILON },
  ];
}

/**
 * The order of the runs: round by round, each pair's page and twin next to each other, the
 * twin first in every other round, so that a machine getting busier or quieter weighs on both alike.
 */
export function schedule(pairs, rounds) {
  const visits = [];
  for (let round = 0; round < rounds; round++) {
    for (let pair = 0; pair < pairs; pair++) {
      const twinFirst = round % 2 === 1;
      visits.push({ pair, twin: twinFirst, round }, { pair, twin: !twinFirst, round });
    }
  }
  return visits;
}

/**
 * The summary's lines: the medians of each page and its twin, the widget's cost, the single
 * runs and each target met or MISSED. `pages` maps a file to its runs' figures and failures.
 */
export function summary({ lighthouseVersion, browser, benchmarkIndex, pages }) {
  const index = benchmarkIndex === null ? '?' : benchmarkIndex.toFixed(0);
  const lines = [
    `Lighthouse ${lighthouseVersion ?? '?'}, mobile preset (simulated throttling), ${browser} (headless), ` +
      `benchmarkIndex ${index}; median of ${RUNS} runs per page`,
    row('page', 'score', 'CLS', 'TBT', 'LCP', 'TTI'),
  ];
  for (const { placement, page, twin } of PAIRS) {
    const [pageMedians, twinMedians] = [page, twin].map((file) => medians(pages[file].runs));
    for (const [file, m] of [[page, pageMedians], [twin, twinMedians]]) {
      const label = `${file} (${pages[file].runs.length} runs)`;
      lines.push(m ? row(label, m.score.toFixed(2), m.cls.toFixed(3), `${m.tbtMs.toFixed(0)} ms`, seconds(m.lcpMs), seconds(m.ttiMs))
                   : `${label.padEnd(34)} no successful run`);
    }
    const where = placement === 'top' ? 'widget at the top' : 'widget below the fold';
    if (!pageMedians || !twinMedians) {
      lines.push(`${where}: targets not checked (no runs to compare)`);
      continue;
    }
    const gap = minus(pageMedians, twinMedians);
    lines.push(row('  widget\'s cost (page − twin)', signed(gap.score, 2), signed(gap.cls, 3),
      `${signed(gap.tbtMs, 0)} ms`, `${signed(gap.lcpMs / 1000, 2)} s`, `${signed(gap.ttiMs / 1000, 2)} s`));
    for (const file of [page, twin]) {
      const runs = pages[file].runs;
      lines.push(`  ${file} runs: score ${runs.map((run) => run.score.toFixed(2)).join(' ')}; ` +
        `TBT ${runs.map((run) => run.tbtMs.toFixed(0)).join(' ')} ms`);
    }
    for (const check of checks(placement, pageMedians, twinMedians)) {
      lines.push(`${where}: ${check.what}: ${check.met ? 'met' : 'MISSED'}`);
    }
  }
  const failures = Object.values(pages).reduce((sum, page) => sum + page.failures.length, 0);
  if (failures > 0) lines.push(`${failures} Lighthouse run(s) failed (see above); medians are of the others`);
  return lines.map((line) => `bench: ${line}`);
}

const row = (label, ...figures) =>
  [label.padEnd(34), ...figures.map((figure, i) => figure.padStart([5, 7, 8, 8, 8][i]))].join(' ');
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const signed = (value, digits) => `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;
/** "120 ms more" / "5 ms less" / "0 ms more". */
const moreOrLess = (ms) => (ms < 0 ? `${(-ms).toFixed(0)} ms less` : `${ms.toFixed(0)} ms more`);
