// Hardening (issue #7), script injection: hostile text in every text field of a program
// (loaded through program-src, the embedded JSON document, the `program` property, the
// program file picker and frame.html's fragment), in the `inputs`, `locale`, `currency`,
// `horizon` and `id` attributes, in typed figures, in a share link's fragment and in saved
// state.
// Nothing may run (no dialog, window.__xss stays undefined), nothing may become markup
// (no handler attributes, images, frames or scripts anywhere, shadow roots included), and
// every text is shown literally where the widget shows that field, in the CSV download and
// in the copied summary.
//
// Host pages are served by page.route under /test/ on the dist/ origin.
const fs = require('node:fs');
const { test, expect } = require('@playwright/test');
const {
  ORIGIN,
  serveHostPage,
  hostDocument,
  catalogue,
  collectErrors,
  expectShowsAmount,
} = require('./support/helpers');
const {
  DEFAULT_TIERS,
  DEFAULT_PROGRAM_ID,
  settledState,
  readClipboard,
  allowClipboard,
  parseCsv,
} = require('./support/sales');
const {
  PAYLOADS,
  PAYLOAD_NAMES,
  INPUT_KEYS,
  hostileProgram,
  inlineJson,
  singleQuotedAttribute,
  watchForInjection,
  injectionReport,
  expectNoInjection,
  prefixOf,
} = require('./support/security');

/** Init script: records every partner-roi:error on window.errorEvents from the start. */
function recordErrorEvents() {
  window.errorEvents = [];
  document.addEventListener('partner-roi:error', (event) => {
    window.errorEvents.push({ id: event.target.id, ...JSON.parse(JSON.stringify(event.detail)) });
  });
}

const errorEvents = (page) => page.evaluate(() => window.errorEvents || []);

/** The reseller program file (it has a call to action). */
async function resellerProgram(request) {
  const response = await request.get('/programs/reseller.json');
  expect(response.status()).toBe(200);
  return response.json();
}

/** Asserts that the cards show the element's result, and that it is the engine's. */
async function expectCardsShowResult(page, selector) {
  const state = await settledState(page, selector);
  const nets = await page.locator(selector).locator('.tier-card .tier-net-value').allTextContents();
  expect(nets).toHaveLength(state.result.tiers.length);
  state.result.tiers.forEach((tier, index) => expectShowsAmount(nets[index], tier.net, `tier ${index} net`));
  return state;
}

/**
 * Asserts that every text field of the hostile `program` is shown literally, as text, where
 * the widget shows that field.
 */
async function expectTextsShownLiterally(page, selector, program, payload) {
  const widget = page.locator(selector);
  const names = program.tiers.map((tier) => tier.name);
  await expect(widget.locator('.program-name')).toHaveText(payload);
  await expect(widget.locator('.program-vendor')).toHaveText(payload);
  await expect(widget.locator('.program-description')).toHaveText(payload);
  await expect(widget.locator('.disclaimer')).toHaveText(payload);
  await expect(widget.locator('.contact-name')).toHaveText(payload);
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(names);
  await expect(widget.locator('.tier-card .tier-description')).toHaveText(names.map(() => payload));
  await expect(widget.locator('.tier-card .tier-benefits li')).toHaveText(
    program.tiers.flatMap((tier) => tier.benefits),
  );
  // The accessible names built from tier names are plain text too.
  for (const name of new Set(names)) {
    await expect(widget.getByRole('article', { name: `${name} tier`, exact: true }).first()).toBeVisible();
  }
  // The call to action: the program's label, then the name of the tier it applies to.
  const cta = await widget.locator('.cta-button').textContent();
  expect(cta.startsWith(`${payload} – `), cta).toBe(true);
  expect(names).toContain(cta.slice(payload.length + 3));
  await expect(widget.locator('.cta-button')).toHaveAttribute('href', /^https:\/\/partners\.example\.com\/apply\?tier=/);
  await expect(widget.locator('.year-table-scroll caption')).toContainText(payload);

  // Every input's label and help, the advanced ones included.
  const more = widget.getByRole('button', { name: 'More assumptions', exact: true });
  if (await more.count()) await more.click();
  const labels = widget.locator('.field-label');
  expect(await labels.count(), 'input labels shown').toBeGreaterThanOrEqual(10);
  for (const text of await labels.allTextContents()) expect(text).toBe(payload);
  for (const text of await widget.locator('.field-help').allTextContents()) {
    expect(text.startsWith(`${payload} Default `), `help text ${JSON.stringify(text)}`).toBe(true);
  }
  // The assumptions list names every input by its label.
  await expect(widget.locator('.assumption-list dt')).toHaveText(INPUT_KEYS.map(() => payload));
}

/** Downloads the widget's CSV and returns its text. */
async function downloadCsv(page, selector) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(selector).getByRole('button', { name: 'Download CSV', exact: true }).click(),
  ]);
  return fs.readFileSync(await download.path(), 'utf8');
}

/** The CSV holds the tier names literally; the one starting with `=` is defused with `'`. */
async function expectCsvLiteral(page, selector, program, result) {
  const text = await downloadCsv(page, selector);
  const all = parseCsv(text);
  const words = catalogue('en');
  const rows = all.slice(all.findIndex((row) => row[0] === words.csv_tier_id));
  expect(rows[0].slice(0, 3)).toEqual([words.csv_tier_id, words.csv_tier_name, words.csv_year]);
  const horizon = result.horizon_years;
  // Every tier's rows, then the partner's path's.
  expect(rows).toHaveLength(1 + (program.tiers.length + 1) * (horizon + 1));
  program.tiers.forEach((tier, t) => {
    for (let year = 0; year <= horizon; year += 1) {
      const row = rows[1 + t * (horizon + 1) + year];
      const shown = tier.name.startsWith('=') ? `'${tier.name}` : tier.name;
      expect(row.slice(0, 3), `CSV row of tier ${t}, year ${year}`).toEqual([tier.id, shown, String(year)]);
    }
  });
  // The one formula-like name is the defused one, and no cell starts a formula: the names
  // in the breakdown, and every cell above it (the program's texts, the inputs).
  for (const row of rows) {
    for (const cell of row.slice(0, 2)) expect(cell, 'a text cell never starts a formula').not.toMatch(/^[=+\-@]/);
  }
  for (const row of all.slice(0, all.length - rows.length)) {
    for (const cell of row) expect(cell, 'a cell above the breakdown never starts a formula').not.toMatch(/^[=+\-@]/);
  }
}

/** The copied summary holds every text literally. */
async function expectSummaryLiteral(page, selector, program, payload, result) {
  const widget = page.locator(selector);
  await widget.getByRole('button', { name: 'Copy summary', exact: true }).click();
  await expect(widget.locator('.toolbar-status')).toContainText('Summary copied');
  const summary = await readClipboard(page);
  const lines = summary.split('\n');
  expect(lines[0]).toBe(`${payload} — partner ROI projection over ${result.horizon_years} years`);
  const labelLines = lines.filter((line) => line.startsWith('- '));
  expect(labelLines).toHaveLength(INPUT_KEYS.length);
  for (const line of labelLines) expect(line.startsWith(`- ${payload}: `), line).toBe(true);
  const recommended = program.tiers.find((tier) => tier.id === result.recommended_tier);
  if (recommended) expect(lines).toContain(`Recommended tier: ${recommended.name}`);
  program.tiers.forEach((tier) => {
    expect(lines.some((line) => line.startsWith(`${tier.name}: net profit `)), `summary line of ${tier.name}`).toBe(true);
  });
  expect(lines[lines.length - 1]).toBe(payload);
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
});

test.describe('hostile program texts', () => {
  const SOURCES = ['program-src', 'embedded JSON', 'program property', 'program file picker', 'frame.html fragment'];
  for (const source of SOURCES) {
    PAYLOADS.forEach((payload, index) => {
      const name = PAYLOAD_NAMES[index];
      test(`${source}: ${name} in every text field is shown as text and never runs`, async ({ page, context, request }) => {
        const record = watchForInjection(page);
        const errors = collectErrors(page);
        await allowClipboard(context, ORIGIN);
        await page.addInitScript(recordErrorEvents);
        const program = hostileProgram(await resellerProgram(request), payload);
        let selector = '#w';
        let body = '<partner-roi program="example" debug tools="all" id="w"></partner-roi>';
        if (source === 'program-src') {
          const programUrl = `${ORIGIN}/test/xss-${name}.json`;
          await page.route(programUrl, (route) => route.fulfill({
            contentType: 'application/json; charset=utf-8',
            body: JSON.stringify(program),
          }));
          body = `<partner-roi debug tools="all" id="w" program-src="/test/xss-${name}.json"></partner-roi>`;
        } else if (source === 'embedded JSON') {
          body = `<partner-roi program="example" debug tools="all" id="w"><script type="application/json">${inlineJson({ program })}</script></partner-roi>`;
        } else if (source === 'program file picker') {
          body = '<partner-roi program="example" debug tools="all" id="w" allow-program-file></partner-roi>';
        }
        if (source === 'frame.html fragment') {
          // The iframe variant takes a program from its fragment (docs/embedding.md).
          selector = '#partner-roi-frame';
          await page.goto(`/frame.html#tools=all&program=${encodeURIComponent(JSON.stringify(program))}`);
        } else {
          await page.goto(await serveHostPage(page, `xss-${source.replace(/\W+/g, '-')}-${name}`, hostDocument({ body })));
        }
        const widget = page.locator(selector);
        if (source === 'program property') {
          await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
          await page.evaluate((program) => { document.getElementById('w').program = program; }, program);
        } else if (source === 'program file picker') {
          await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
          await widget.getByLabel('Load a program file (JSON)').setInputFiles({
            name: 'hostile-program.json',
            mimeType: 'application/json',
            buffer: Buffer.from(JSON.stringify(program)),
          });
        }
        await expect(widget.locator('.program-name')).toHaveText(payload);
        const { result } = await expectCardsShowResult(page, selector);
        expect(await page.evaluate((selector) => document.querySelector(selector).program.name, selector)).toBe(payload);
        expect(await errorEvents(page), 'partner-roi:error events').toEqual([]);
        await expectNoInjection(page, record, 'after rendering');

        await expectTextsShownLiterally(page, selector, program, payload);
        await expectNoInjection(page, record, 'with every input shown');

        await expectCsvLiteral(page, selector, program, result);
        await expectSummaryLiteral(page, selector, program, payload, result);
        await expectNoInjection(page, record, 'after the exports');
        expect(errors, 'console errors, page errors and failed requests').toEqual([]);
      });
    });
  }

  test('a javascript: call-to-action url is a program error, and the current program is kept', async ({ page, request }) => {
    const record = watchForInjection(page);
    const errors = collectErrors(page);
    await page.addInitScript(recordErrorEvents);
    const reseller = await resellerProgram(request);
    const program = { ...reseller, cta: { label: 'Apply', url: PAYLOADS[3] } };
    const url = await serveHostPage(page, 'xss-cta', hostDocument({ body: '<partner-roi program="example" debug tools="all" id="w"></partner-roi>' }));
    await page.goto(url);
    await expect(page.locator('#w .tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
    await page.evaluate((program) => { document.getElementById('w').program = program; }, program);
    await expect.poll(() => errorEvents(page).then((events) => events.map((event) => event.path)))
      .toContain('cta.url');
    expect(await page.evaluate(() => document.getElementById('w').program.id)).toBe(DEFAULT_PROGRAM_ID);
    await expect(page.locator('#w .tier-card .tier-name')).toHaveText(DEFAULT_TIERS);

    // Disguised scripts and other schemes are refused too, and hostile ids are not ids.
    const refused = await page.evaluate((reseller) => {
      const problems = {};
      const urls = [
        'JavaScript:window.__xss=1', ' javascript:window.__xss=1', 'java\nscript:window.__xss=1',
        'data:text/html,<script>window.__xss=1</script>', 'vbscript:msgbox(1)', '//evil.example.com/apply',
        'https:javascript:window.__xss=1', 'https://ok.example.com/"><img src=x onerror=window.__xss=1>',
      ];
      const variants = urls.map((url) => [`cta.url ${JSON.stringify(url)}`, { ...reseller, cta: { label: 'Apply', url } }]);
      variants.push(['program id', { ...reseller, id: '<img src=x onerror=window.__xss=1>' }]);
      variants.push(['tier id', { ...reseller, tiers: reseller.tiers.map((tier, index) => (index ? tier : { ...tier, id: '"><script>window.__xss=1</script>' })) }]);
      for (const [what, variant] of variants) {
        try {
          PartnerRoi.project(variant, null);
          problems[what] = 'accepted';
        } catch (error) {
          problems[what] = error.message.split(':')[0];
        }
      }
      return problems;
    }, reseller);
    for (const [what, path] of Object.entries(refused)) {
      expect(path, `${what} is refused`).toBe(what.startsWith('cta.url') ? 'cta.url' : what === 'program id' ? 'id' : 'tiers[0].id');
    }
    await expectNoInjection(page, record);
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });
});

test('control: the detectors catch a real injection', async ({ page }) => {
  // Guards the checks above: markup really parsed from a payload is seen by every detector.
  const record = watchForInjection(page);
  const url = await serveHostPage(page, 'xss-control', hostDocument({ body: '<partner-roi program="example" debug tools="all" id="w"></partner-roi>' }));
  await page.goto(url);
  await expect(page.locator('#w .tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
  await page.evaluate((payload) => {
    const holder = document.createElement('div');
    document.getElementById('w').shadowRoot.append(holder);
    holder.innerHTML = payload;
  }, PAYLOADS[0]);
  await expect.poll(() => record.dialogs).toEqual(['alert: 1']);
  const report = await injectionReport(page);
  expect(report.xss).toBe('1');
  expect(report.handlerAttributes).toHaveLength(1);
  expect(report.images).toHaveLength(1);
  expect(record.requests.length).toBeGreaterThan(0);
});

test.describe('hostile figures', () => {
  test('the inputs attribute: hostile values and names are rejected and quoted as text', async ({ page }) => {
    const record = watchForInjection(page);
    const errors = collectErrors(page);
    await page.addInitScript(recordErrorEvents);
    const keys = ['deal_value', 'existing_clients', 'churn_pct', 'adoption_pct'];
    const inputs = Object.fromEntries(keys.map((key, index) => [key, PAYLOADS[index]]));
    inputs[PAYLOADS[0]] = 1;
    const url = await serveHostPage(page, 'xss-inputs', hostDocument({
      body: `<partner-roi program="example" debug tools="all" id="w" inputs='${singleQuotedAttribute(JSON.stringify(inputs))}'></partner-roi>`,
    }));
    await page.goto(url);
    const widget = page.locator('#w');
    await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
    const state = await expectCardsShowResult(page, '#w');
    // Nothing hostile was used: the defaults stand.
    const defaults = await page.evaluate(() => PartnerRoi.project(null, null));
    expect(state.result).toEqual(defaults);

    const events = await errorEvents(page);
    const paths = events.map((event) => event.path);
    for (const key of keys) expect(paths, `an error for inputs.${key}`).toContain(`inputs.${key}`);
    expect(events.length, 'one error per hostile entry').toBe(keys.length + 1);
    const notices = widget.locator('.notices li');
    await expect(notices).toHaveCount(keys.length + 1);
    const texts = await notices.allTextContents();
    keys.forEach((key, index) => {
      const notice = texts.find((text) => text.includes(`inputs.${key}`));
      expect(notice, `notice for ${key}`).toBeTruthy();
      expect(notice, `${key}: rejected as not a number`).toMatch(/number/i);
      expect(notice, `${key}: quotes the value as text`).toContain(prefixOf(PAYLOADS[index]));
    });
    expect(texts.some((text) => text.includes(prefixOf(PAYLOADS[0])) && !keys.some((key) => text.includes(`inputs.${key}`))),
      'the hostile input name is quoted as text').toBe(true);
    await expectNoInjection(page, record, 'the attribute');

    // The same through the `inputs` property.
    await page.evaluate(() => { window.errorEvents.length = 0; });
    await page.evaluate((value) => { document.getElementById('w').inputs = { deal_value: value, existing_clients: 77 }; }, PAYLOADS[1]);
    await expect.poll(() => errorEvents(page).then((events) => events.map((event) => event.path))).toEqual(['inputs.deal_value']);
    expect((await errorEvents(page))[0].message).toContain(prefixOf(PAYLOADS[1]));
    await expect(widget.locator('.notices li').filter({ hasText: prefixOf(PAYLOADS[1]) }).first()).toBeVisible();
    const after = await expectCardsShowResult(page, '#w');
    expect(after.inputs.deal_value, 'the hostile value is not used').toBe(state.inputs.deal_value);
    await expectNoInjection(page, record, 'the property');
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });

  test('typed hostile text is "not a number", shown only in the box', async ({ page }) => {
    const record = watchForInjection(page);
    const errors = collectErrors(page);
    const url = await serveHostPage(page, 'xss-typed', hostDocument({ body: '<partner-roi program="example" debug tools="all" id="w"></partner-roi>' }));
    await page.goto(url);
    const widget = page.locator('#w');
    await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
    const before = await expectCardsShowResult(page, '#w');
    const field = widget.getByLabel('Yearly license value per client', { exact: true });
    for (const payload of PAYLOADS) {
      await field.fill(payload);
      await expect(field).toHaveValue(payload);
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(widget.locator('.field-invalid .field-problem')).toHaveText(/^Enter a number/);
      await expectNoInjection(page, record, `typed ${payload}`);
    }
    // The last valid figures still stand.
    expect((await expectCardsShowResult(page, '#w')).inputs).toEqual(before.inputs);
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });

  test('hostile locale, currency and horizon attributes are ignored and quoted as text', async ({ page }) => {
    const record = watchForInjection(page);
    const errors = collectErrors(page);
    await page.addInitScript(recordErrorEvents);
    const [locale, currency, horizon] = PAYLOADS;
    const attribute = singleQuotedAttribute;
    const url = await serveHostPage(page, 'xss-attributes', hostDocument({
      body: `<partner-roi program="example" debug tools="all" id="w" locale='${attribute(locale)}' currency='${attribute(currency)}' horizon='${attribute(horizon)}'></partner-roi>`,
    }));
    await page.goto(url);
    const widget = page.locator('#w');
    await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
    const state = await expectCardsShowResult(page, '#w');
    expect(state.result).toEqual(await page.evaluate(() => PartnerRoi.project(null, null)));
    expect((await errorEvents(page)).map((event) => event.path).sort()).toEqual(['currency', 'horizon', 'locale']);
    const texts = await widget.locator('.notices li').allTextContents();
    expect(texts).toHaveLength(3);
    for (const [name, value] of [['locale', locale], ['currency', currency], ['horizon', horizon]]) {
      const notice = texts.find((text) => text.startsWith(`${name}:`));
      expect(notice, `notice for ${name}`).toBeTruthy();
      expect(notice, `${name}: quotes the value as text`).toContain(prefixOf(value));
    }
    await expectNoInjection(page, record);
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });

  for (const id of [PAYLOADS[0], 'rechner-größe']) {
    test(`an element id ${JSON.stringify(id)}: renders, never runs, and its copied link restores the figures`, async ({ page, context, browser }) => {
      const record = watchForInjection(page);
      const errors = collectErrors(page);
      await allowClipboard(context, ORIGIN);
      const body = hostDocument({ body: `<partner-roi program="example" debug tools="all" id='${singleQuotedAttribute(id)}'></partner-roi>` });
      const url = await serveHostPage(page, 'xss-element-id', body);
      await page.goto(url);
      const selector = 'partner-roi';
      const widget = page.locator(selector);
      await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
      await widget.getByLabel('Yearly license value per client', { exact: true }).fill('43210');
      await expect.poll(() => page.evaluate(() => document.querySelector('partner-roi').inputs.deal_value)).toBe('43210');
      const shared = await expectCardsShowResult(page, selector);
      await expectNoInjection(page, record, 'after typing');
      // Saved under the element's id, as given.
      await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), `partner-roi:${DEFAULT_PROGRAM_ID}:${id}`))
        .toMatch(/^2~example-cloud~[a-z]*~(?:[^,]*,){3}43210,/);

      await widget.getByRole('button', { name: 'Copy link', exact: true }).click();
      await expect(widget.locator('.toolbar-status')).toContainText('Link copied');
      const link = await readClipboard(page);
      expect(link.startsWith(`${url}#`), link).toBe(true);
      await expectNoInjection(page, record, 'after copying the link');

      // Opened in a fresh browser (no saved state), the link restores the figures.
      const other = await browser.newContext();
      try {
        const fresh = await other.newPage();
        const freshRecord = watchForInjection(fresh);
        const freshErrors = collectErrors(fresh);
        await serveHostPage(fresh, 'xss-element-id', body);
        await fresh.goto(link);
        await expect(fresh.locator('partner-roi .tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
        const restored = await expectCardsShowResult(fresh, selector);
        expect(restored.inputs, 'the copied link restores the figures').toEqual(shared.inputs);
        await expectNoInjection(fresh, freshRecord, 'the opened link');
        expect(freshErrors, 'console errors, page errors and failed requests (fresh page)').toEqual([]);
      } finally {
        await other.close();
      }
      expect(errors, 'console errors, page errors and failed requests').toEqual([]);
    });
  }

  /** A share code for Example Cloud with `payload` as the tier and at three value positions. */
  const hostileCode = (payload, encode) => {
    const values = ['40', '15', '17', '12000', '5', '8', '60', '50', '2500', '1200', '35', '800', '2', '5000', '3', '10'];
    for (const index of [0, 3, 15]) values[index] = encode(payload);
    return `1~${DEFAULT_PROGRAM_ID}~${encode(payload)}~${values.join(',')}`;
  };

  /** The widget restored what it could, said what it could not, quoting the text literally. */
  async function expectPartlyRestored(page, payload, noticePrefix) {
    const widget = page.locator('#w');
    await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
    const state = await expectCardsShowResult(page, '#w');
    expect(state.inputs.new_clients_per_year, 'the valid value was restored').toBe('17');
    expect(state.inputs.deal_value, 'the hostile deal value was not').toBe('12000');
    const notices = widget.locator('.notices li');
    const texts = await notices.allTextContents();
    expect(texts.length, 'notices: tier and three values').toBe(4);
    for (const text of texts) expect(text, "notice wording").toContain(noticePrefix);
    expect(texts.filter((text) => /tier/.test(text) && text.includes(prefixOf(payload))), 'the tier, quoted').toHaveLength(1);
    expect(texts.filter((text) => /not a number/.test(text) && text.includes(prefixOf(payload))),
      'the three values, quoted').toHaveLength(3);
    // No tier is selected by the hostile id: the recommended one is shown.
    await expect(widget.locator('.year-table-scroll caption'))
      .toHaveText(`${state.result.tiers.find((tier) => tier.id === state.result.recommended_tier).name}: year by year`);
  }

  PAYLOADS.forEach((payload, index) => {
    test(`a share link with ${PAYLOAD_NAMES[index]} as tier id and values restores the rest and quotes it`, async ({ page }) => {
      const record = watchForInjection(page);
      const errors = collectErrors(page);
      const url = await serveHostPage(page, 'xss-link', hostDocument({ body: '<partner-roi program="example" debug tools="all" id="w"></partner-roi>' }));
      await page.goto(`${url}#partner-roi-w=${hostileCode(payload, encodeURIComponent)}`);
      await expectPartlyRestored(page, payload, 'The shared link could not be fully restored: ');
      await expectNoInjection(page, record);
      expect(errors, 'console errors, page errors and failed requests').toEqual([]);
    });

    test(`saved state with ${PAYLOAD_NAMES[index]} as tier id and values restores the rest and quotes it`, async ({ page }) => {
      const record = watchForInjection(page);
      const errors = collectErrors(page);
      await page.addInitScript(([key, value]) => {
        try {
          if (location.pathname.startsWith('/test/')) localStorage.setItem(key, value);
        } catch {
          // about:blank has no storage.
        }
      }, [`partner-roi:${DEFAULT_PROGRAM_ID}:w`, hostileCode(payload, (text) => text)]);
      const url = await serveHostPage(page, 'xss-saved', hostDocument({ body: '<partner-roi program="example" debug tools="all" id="w"></partner-roi>' }));
      await page.goto(url);
      await expectPartlyRestored(page, payload, 'Some saved figures were not restored: ');
      await expectNoInjection(page, record);
      expect(errors, 'console errors, page errors and failed requests').toEqual([]);
    });
  });
});
