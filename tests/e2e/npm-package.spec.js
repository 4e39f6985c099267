// The npm package (dist/npm/): its entries import in Node with no DOM and do nothing there;
// the headless API runs in Node given the wasm's bytes; in a browser the module fetches its
// wasm only for the first element (or where configure says), and a second copy of the
// bundle on the page is harmless; its types compile under `tsc --strict`.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { test, expect } = require('@playwright/test');
const { DIST, ORIGIN, collectErrors, serveHostPage } = require('./support/helpers');

const NPM = path.join(DIST, 'npm');
const BUILT_IN_TIERS = ['Registered', 'Silver', 'Gold', 'Platinum'];

/** Runs an ES module in Node (no DOM) and returns what it printed as JSON. */
function node(source) {
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', source], {
    cwd: NPM,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(output.trim().split('\n').pop());
}

test('every entry imports in Node with no DOM: nothing thrown, nothing fetched, no rejected promise', () => {
  const report = node(`
    const fetched = [];
    const rejected = [];
    globalThis.fetch = (url) => { fetched.push(String(url)); return new Promise(() => {}); };
    process.on('unhandledRejection', (reason) => rejected.push(String(reason)));
    const entries = {};
    for (const entry of ['./index.js', './define.js', './project.js']) {
      const module = await import(entry);
      entries[entry] = Object.keys(module).sort();
    }
    // Report once Node has nothing left to run: every timer, task and promise the imports
    // set off has run by then (an import that keeps Node busy times this out).
    process.once('beforeExit', () => {
      console.log(JSON.stringify({ entries, fetched, rejected, global: typeof globalThis.PartnerRoi }));
    });
  `);
  expect(report.rejected).toEqual([]);
  expect(report.fetched).toEqual([]);
  expect(report.entries).toEqual({
    './index.js': ['PartnerRoi', 'defineElement'],
    './define.js': [],
    './project.js': ['PartnerRoi'],
  });
  expect(report.global).toBe('object');
});

test('PartnerRoi.project runs headless in Node, given the wasm bytes', () => {
  const report = node(`
    import { readFile } from 'node:fs/promises';
    import { PartnerRoi } from './project.js';
    PartnerRoi.configure({ wasm: await readFile('./partner-roi_bg.wasm') });
    await PartnerRoi.ready;
    const result = PartnerRoi.project(null, { existing_clients: 120 });
    const levers = PartnerRoi.levers(null, null, 'gold');
    let problem = '';
    try { PartnerRoi.project({ version: 1 }); } catch (error) { problem = error.message; }
    console.log(JSON.stringify({ tiers: result.tiers.map((tier) => tier.id), recommended: result.recommended_tier, levers: levers.length, problem }));
  `);
  expect(report.tiers).toEqual(['registered', 'silver', 'gold', 'platinum']);
  expect(report.tiers).toContain(report.recommended);
  expect(report.levers).toBeGreaterThan(3);
  expect(report.problem).toContain('tiers: required');
});

/** Runs an ES module in Node from a project that has the package installed (a link to dist/npm). */
function nodeWithPackage(source) {
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'partner-roi-node-'));
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(NPM, path.join(dir, 'node_modules', 'partner-roi'), 'dir');
  fs.writeFileSync(path.join(dir, 'use.mjs'), source);
  const output = execFileSync(process.execPath, ['use.mjs'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(output.trim().split('\n').pop());
}

test('under Node the package reads its own wasm: PartnerRoi.project works with no configure', () => {
  const report = nodeWithPackage(`
    import { PartnerRoi } from 'partner-roi/project';
    import { PartnerRoi as fromIndex } from 'partner-roi';
    await PartnerRoi.ready;
    const result = PartnerRoi.project(null, { existing_clients: 120 });
    console.log(JSON.stringify({ tiers: result.tiers.map((tier) => tier.id), same: fromIndex === PartnerRoi, global: typeof globalThis.PartnerRoi }));
  `);
  expect(report.tiers).toEqual(['registered', 'silver', 'gold', 'platinum']);
  expect(report.same).toBe(true);
  expect(report.global).toBe('object');
});

test('a wasm that cannot be loaded under Node names the fix', () => {
  // The browser entry by its file, outside the package's conditions: it would fetch a file URL.
  const report = node(`
    import { PartnerRoi } from './project.js';
    let message = '';
    try { await PartnerRoi.ready; } catch (error) { message = error.message; }
    console.log(JSON.stringify({ message }));
  `);
  expect(report.message).toContain('PartnerRoi.configure({ wasm })');
  expect(report.message).toContain('node');
});

// The page maps the package's files as a bundler would resolve its `exports`.
const IMPORT_MAP = `<script type="importmap">{"imports": {"partner-roi": "/npm/index.js", "partner-roi/": "/npm/"}}</script>`;

function modulePage(script, body = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>npm package</title>
<link rel="icon" href="data:,">${IMPORT_MAP}<script type="module">${script}</script></head><body>${body}</body></html>`;
}

test('in a browser the module fetches its wasm for the first element only, from beside itself', async ({ page }) => {
  const errors = collectErrors(page);
  const wasm = [];
  page.on('request', (request) => { if (request.url().endsWith('.wasm')) wasm.push(new URL(request.url()).pathname); });
  await page.goto(await serveHostPage(page, 'npm-lazy', modulePage(`
    import { PartnerRoi } from 'partner-roi';
    window.imported = PartnerRoi === globalThis.PartnerRoi;
  `)));
  await expect.poll(() => page.evaluate(() => window.imported)).toBe(true);
  expect(await page.evaluate(() => customElements.get('partner-roi') !== undefined)).toBe(true);
  expect(wasm, 'nothing fetched before an element connects').toEqual([]);
  await page.evaluate(() => {
    const widget = document.createElement('partner-roi');
    widget.id = 'w';
    widget.setAttribute('loading', 'eager');
    document.body.append(widget);
  });
  await expect(page.locator('#w .tier-card .tier-name')).toHaveText(BUILT_IN_TIERS);
  expect(wasm).toEqual(['/npm/partner-roi_bg.wasm']);
  expect(errors).toEqual([]);
});

test('configure({wasm}) fetches the wasm from where the page says', async ({ page }) => {
  const errors = collectErrors(page);
  const wasm = [];
  page.on('request', (request) => { if (request.url().endsWith('.wasm')) wasm.push(new URL(request.url()).pathname); });
  await page.route(`${ORIGIN}/cdn/roi.wasm`, (route) => route.fulfill({
    contentType: 'application/wasm',
    body: fs.readFileSync(path.join(NPM, 'partner-roi_bg.wasm')),
  }));
  await page.goto(await serveHostPage(page, 'npm-configured', modulePage(`
    import { PartnerRoi } from 'partner-roi/project.js';
    import 'partner-roi/define.js';
    PartnerRoi.configure({ wasm: '/cdn/roi.wasm' });
    await PartnerRoi.ready;
    window.result = PartnerRoi.project(null, null);
    let late = '';
    try { PartnerRoi.configure({ wasm: '/other.wasm' }); } catch (error) { late = error.message; }
    window.late = late;
  `, '<partner-roi program="example" id="w" loading="eager"></partner-roi>')));
  await expect(page.locator('#w .tier-card .tier-name')).toHaveText(BUILT_IN_TIERS);
  expect(await page.evaluate(() => window.result.tiers.length)).toBe(4);
  expect(await page.evaluate(() => window.late)).toContain('already loading');
  expect(wasm).toEqual(['/cdn/roi.wasm']);
  expect(errors).toEqual([]);
});

test('the classic script and the module on one page: one definition, no error', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(await serveHostPage(page, 'npm-twice', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>twice</title><link rel="icon" href="data:,">${IMPORT_MAP}<script src="/partner-roi.js"></script>
<script type="module">import 'partner-roi'; window.second = true;</script></head>
<body><partner-roi program="example" id="w" loading="eager"></partner-roi></body></html>`));
  await expect.poll(() => page.evaluate(() => window.second)).toBe(true);
  await expect(page.locator('#w .tier-card .tier-name')).toHaveText(BUILT_IN_TIERS);
  expect(errors).toEqual([]);
});

test('the package is complete: entries, types, manifests and a version taken from Cargo.toml', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(NPM, 'package.json'), 'utf8'));
  const cargo = fs.readFileSync(path.join(__dirname, '..', '..', 'Cargo.toml'), 'utf8');
  expect(manifest.version).toBe(cargo.match(/^version = "([^"]+)"/m)[1]);
  expect(manifest.type).toBe('module');
  expect(manifest.customElements).toBe('custom-elements.json');
  expect(manifest.license).toBe(cargo.match(/^license = "([^"]+)"/m)[1]);
  expect(fs.readFileSync(path.join(NPM, 'LICENSE'), 'utf8')).toContain('MIT License');
  for (const field of ['repository', 'homepage', 'bugs', 'engines']) expect(manifest[field], field).toBeTruthy();
  for (const file of manifest.files) expect(fs.existsSync(path.join(NPM, file)), `files: ${file}`).toBe(true);
  for (const [entry, target] of Object.entries(manifest.exports)) {
    if (typeof target !== 'string') expect(Object.keys(target)[0], `${entry}: types first`).toBe('types');
    const files = typeof target === 'string' ? [target] : Object.values(target);
    for (const file of files) expect(fs.existsSync(path.join(NPM, file)), `${entry}: ${file}`).toBe(true);
  }
  const elements = JSON.parse(fs.readFileSync(path.join(NPM, 'custom-elements.json'), 'utf8'));
  expect(elements.modules[0].declarations[0].tagName).toBe('partner-roi');
});

test('the types compile under tsc --strict, and catch a wrong event detail and an unknown input', () => {
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'partner-roi-types-'));
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(NPM, path.join(dir, 'node_modules', 'partner-roi'), 'dir');
  const config = { compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], skipLibCheck: false }, files: ['use.ts'] };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(config));
  fs.writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}');
  const good = `
import { PartnerRoi, type PartnerRoiProgram } from 'partner-roi';
const widget = document.querySelector('partner-roi');
const program: PartnerRoiProgram = { version: 1, id: 'p', name: 'P', currency: 'EUR', tiers: [{ id: 't', name: 'T', resale_margin_pct: 10 }] };
if (widget) {
  widget.program = program;
  widget.inputs = { existing_clients: 12, deal_value: '1000.50' };
  widget.addEventListener('partner-roi:change', (event) => {
    const net: string = event.detail.result.tiers[0].net;
    const id: string | null = event.detail.result.recommended_tier;
    console.log(net, id, event.detail.inputs.existing_clients);
  });
  widget.addEventListener('partner-roi:error', (event) => console.log(event.detail.path));
}
// The events bubble and are composed: the document and the window hear them, typed.
document.addEventListener('partner-roi:change', (event) => console.log(event.detail.result.tiers[0].net.length));
window.addEventListener('partner-roi:cta', (event) => console.log(event.detail.tier.length));
// A program read from a JSON file has a version of type number.
const read: { version: number; id: string; name: string; currency: string; tiers: { id: string; name: string }[] } = JSON.parse('{}');
const fromFile: PartnerRoiProgram = read;
console.log(fromFile.id);
await PartnerRoi.ready;
const levers = PartnerRoi.levers(program, null, 't');
console.log(levers[0].input, globalThis.PartnerRoi.project(null).tiers.length);
`;
  const tsc = path.join(__dirname, 'node_modules', '.bin', 'tsc');
  const run = (source) => {
    fs.writeFileSync(path.join(dir, 'use.ts'), source);
    try {
      execFileSync(tsc, ['-p', dir], { encoding: 'utf8' });
      return '';
    } catch (error) {
      return `${error.stdout}${error.stderr}`;
    }
  };
  expect(run(good)).toBe('');
  expect(run(`${good}\nconst bad: number = document.querySelector('partner-roi')!.result!.tiers[0].net;\n`)).toContain('TS2322');
  expect(run(`${good}\ndocument.querySelector('partner-roi')!.inputs = { existing_clientz: 1 };\n`)).toContain('existing_clientz');
  expect(run(`${good}\ndocument.addEventListener('partner-roi:error', (event) => { const tier: string = event.detail.tier; });\n`)).toContain("'tier'");
  // partner-roi/project sets no global, and its types declare none.
  expect(run(`import { PartnerRoi } from 'partner-roi/project';\nawait PartnerRoi.ready;\nconsole.log(globalThis.PartnerRoi.ready);\n`)).toContain('globalThis');
});
