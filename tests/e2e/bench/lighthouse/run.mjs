// The Lighthouse part of `cargo xtask bench` (issue 12): what the widget costs a vendor's
// landing page in Lighthouse's performance score, measured, not asserted.
//
//   node run.mjs DIST_DIR OUT_DIR
//
// The landing pages of landing.mjs and the bundle of DIST_DIR are written to OUT_DIR/site and
// served gzipped, as a CDN would, by the project's static server
// (xtask/build-tools/serve.js --gzip). Each
// page of figures.mjs's PAIRS and its widget-less twin gets RUNS Lighthouse runs (mobile
// preset, simulated throttling, performance only), each in a fresh headless system Chromium,
// page and twin alternating. The reports go to OUT_DIR as PAGE-ROUND.json; the summary
// (medians, the widget's cost, issue 12's targets) is the only output on stdout, the
// progress goes to stderr. A missed target or a failed run is reported, not an error: the
// exit status is non-zero only when the bench cannot run at all.

import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launch } from 'chrome-launcher';
import serverSupport from '../../support/chromium.js';
import lighthouse from 'lighthouse';
import { PAIRS, RUNS, figuresOf, median, schedule, summary } from './figures.mjs';
import { writeSite } from './landing.mjs';

const CHROMIUM = '/usr/bin/chromium';
/** Chromium's flags for every run (Lighthouse adds its own, e.g. the mobile viewport). */
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

const progress = (line) => console.error(`lighthouse: ${line}`);

async function main(distDir, outDir) {
  if (!distDir || !outDir) throw new Error('usage: node run.mjs DIST_DIR OUT_DIR');
  const siteDir = path.join(outDir, 'site');
  await writeSite(distDir, siteDir);
  const server = await serverSupport.startServer(siteDir, 0, { gzip: true });
  try {
    await runAll(server.origin, outDir);
  } finally {
    await server.close();
  }
}

async function runAll(baseUrl, outDir) {
  const bundle = await fetch(`${baseUrl}/partner-roi.js`, { headers: { 'Accept-Encoding': 'gzip' } });
  if (bundle.headers.get('content-encoding') !== 'gzip') throw new Error(`${baseUrl} does not serve gzip`);
  const files = PAIRS.flatMap(({ page, twin }) => [page, twin]);
  for (const file of files) {
    const response = await fetch(`${baseUrl}/${file}`, { method: 'HEAD' }).catch((error) => {
      throw new Error(`cannot reach ${baseUrl}: ${error.cause?.message ?? error.message}`);
    });
    if (!response.ok) throw new Error(`${baseUrl}/${file}: ${response.status} (\`cargo xtask dist\` makes it)`);
  }
  await mkdir(outDir, { recursive: true });
  // The full version; a report's user agent says only "HeadlessChrome/156.0.0.0".
  const version = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const browser = version.split(' built on ')[0].trim();
  const pages = Object.fromEntries(files.map((file) => [file, { runs: [], failures: [] }]));
  const indices = [];
  let lighthouseVersion = null;
  progress(`${files.length} × ${RUNS} runs, each about 15 s: ${CHROMIUM} ${CHROME_FLAGS.join(' ')}, ` +
    'onlyCategories performance, mobile preset');
  const visits = schedule(PAIRS.length, RUNS);
  for (const [index, { pair, twin, round }] of visits.entries()) {
    const file = twin ? PAIRS[pair].twin : PAIRS[pair].page;
    const reportPath = path.join(outDir, `${file.replace(/\.html$/, '')}-${round + 1}.json`);
    progress(`run ${index + 1}/${visits.length}: ${file} (round ${round + 1})`);
    try {
      const report = await runOnce(`${baseUrl}/${file}`, reportPath);
      lighthouseVersion ??= report.lighthouseVersion;
      if (typeof report.environment?.benchmarkIndex === 'number') indices.push(report.environment.benchmarkIndex);
      pages[file].runs.push(figuresOf(report));
    } catch (error) {
      progress(`${file}, round ${round + 1}: failed: ${error.message}`);
      pages[file].failures.push(error.message);
    }
  }
  console.log(summary({ lighthouseVersion, browser, benchmarkIndex: median(indices), pages }).join('\n'));
}

/** One Lighthouse run of `url` in a fresh Chromium, its JSON report written to `reportPath`. */
async function runOnce(url, reportPath) {
  // A report from an earlier bench must never pass for this run's.
  await rm(reportPath, { force: true });
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      onlyCategories: ['performance'],
      logLevel: 'silent',
    });
    if (!result) throw new Error('Lighthouse returned no result');
    await writeFile(reportPath, result.report);
    return result.lhr;
  } finally {
    chrome.kill();
  }
}

main(...process.argv.slice(2)).catch((error) => {
  console.error(`lighthouse: ${error.message}`);
  process.exit(1);
});
