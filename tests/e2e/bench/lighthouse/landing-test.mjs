// Tests of landing.mjs: `node --test landing-test.mjs` (no npm install needed).

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { BUNDLE_FILES, PAGES, TEMPLATE, WIDGET_LINES, landingPage, writeSite } from './landing.mjs';

const template = readFileSync(TEMPLATE, 'utf8');
const isWidgetLine = (line) => WIDGET_LINES.includes(line.trim());

test('the site has every page and the bundle they load', async () => {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'landing-'));
  const [dist, site] = [path.join(temp, 'dist'), path.join(temp, 'site')];
  await mkdir(path.join(dist, 'programs'), { recursive: true });
  for (const file of BUNDLE_FILES) await writeFile(path.join(dist, file), file);
  await writeSite(dist, site);
  for (const { file, widget } of PAGES) {
    assert.equal((await readFile(path.join(site, file), 'utf8')).includes(WIDGET_LINES[0]), widget, file);
  }
  for (const file of BUNDLE_FILES) assert.equal(await readFile(path.join(site, file), 'utf8'), file);
  await rm(dist, { recursive: true });
  await assert.rejects(writeSite(dist, site), /partner-roi\.js/);
  await rm(temp, { recursive: true });
});

test('each page has the widget once and no marks', () => {
  for (const placement of ['top', 'below']) {
    const page = landingPage(template, placement, true);
    assert.equal(page.split('\n').filter(isWidgetLine).length, 2);
    assert.ok(!page.includes('<!-- partner-roi:') && !page.includes('<!-- /partner-roi:'));
  }
});

test('each twin is its page without the widget\'s two lines', () => {
  for (const placement of ['top', 'below']) {
    const without = landingPage(template, placement, true).split('\n').filter((line) => !isWidgetLine(line));
    const twin = landingPage(template, placement, false);
    assert.deepEqual(twin.split('\n'), without, placement);
    assert.ok(!twin.includes('<partner-roi '));
  }
});

test('the widget is in the first screen or after the FAQ', () => {
  const top = landingPage(template, 'top', true);
  const below = landingPage(template, 'below', true);
  assert.ok(top.indexOf('<partner-roi id') < top.indexOf('id="benefits"'));
  assert.ok(below.indexOf('<partner-roi id') > below.indexOf('id="faq"'));
  const sorted = (text) => text.split('\n').sort();
  assert.deepEqual(sorted(top), sorted(below));
});

test('nothing comes from the network', () => {
  for (const { placement, widget } of PAGES) {
    const page = landingPage(template, placement, widget);
    assert.ok(!page.includes('http://') && !page.includes('https://'));
    assert.equal(page.split('<script').length - 1, Number(widget));
  }
});

test('a template without its marks is an error naming them', () => {
  assert.throws(() => landingPage('<html></html>', 'top', true), /partner-roi:widget-section/);
});
