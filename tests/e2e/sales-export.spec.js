// Exports and presenting: Print / Save as PDF (print stylesheet: figures in, buttons out),
// Download CSV (every cell the engine's figure), Copy summary (plain text for an email) and
// presenter mode. The print preview screenshot is written to target/e2e-images/.
const fs = require('node:fs');
const path = require('node:path');
const { test, expect } = require('@playwright/test');
const {
  ORIGIN,
  catalogue,
  serveHostPage,
  hostDocument,
  collectErrors,
  expectShowsAmount,
} = require('./support/helpers');
const {
  DEFAULT_TIERS,
  DEFAULT_PROGRAM_ID,
  BUTTON_TEXTS,
  settledState,
  typeInput,
  readClipboard,
  allowClipboard,
  pdfText,
  squeeze,
  parseCsv,
  negatedMoney,
} = require('./support/sales');

const DEAL = 'Yearly license value per client';
const DEMO = '#partner-roi-demo';
// Under target/: tests leave the tree as it was (docs' images come from `cargo xtask screenshots`).
const PREVIEW = path.resolve(__dirname, '..', '..', 'target', 'e2e-images', 'print-preview.png');

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
});

/** Asserts that the cards show the element's result; returns the state and the card nets. */
async function cardsAndResult(page, selector) {
  const state = await settledState(page, selector);
  const widget = page.locator(selector);
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(state.result.tiers.map((tier) => tier.name));
  const nets = await widget.locator('.tier-card .tier-net-value').allTextContents();
  state.result.tiers.forEach((tier, index) => expectShowsAmount(nets[index], tier.net, `${tier.name} net`));
  return { ...state, nets };
}

test.describe('print / save as PDF', () => {
  for (const format of ['A4', 'Letter']) {
    test(`the ${format} PDF of the demo shows every tier and its net, and no buttons`, async ({ page }) => {
      const errors = collectErrors(page);
      await page.goto('/index.html');
      const widget = page.locator(DEMO);
      await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
      await typeInput(page, widget, DEMO, DEAL, 'deal_value', '43210');
      await page.emulateMedia({ media: 'print', reducedMotion: 'reduce', colorScheme: 'light' });
      const { result, nets } = await cardsAndResult(page, DEMO);

      const pdf = await page.pdf({ format, printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const { numPages, pages, text } = await pdfText(pdf);
      expect(numPages).toBeGreaterThan(0);
      const flat = squeeze(text);
      expect(flat.length, 'the PDF has text').toBeGreaterThan(200);
      result.tiers.forEach((tier, index) => {
        expect(flat, `${format}: tier name ${tier.name}`).toContain(squeeze(tier.name));
        expect(flat, `${format}: ${tier.name} net as on its card (${nets[index]})`).toContain(squeeze(nets[index]));
      });
      // No card is split across pages: its name, net and last benefit share a page.
      const cards = await widget.locator('.tier-card').evaluateAll((cards) => cards.map((card) => ({
        name: card.querySelector('.tier-name').textContent,
        net: card.querySelector('.tier-net-value').textContent,
        last: [...card.querySelectorAll('.tier-benefits li, .tier-description')].map((el) => el.textContent).pop() || '',
      })));
      const pageTexts = pages.map(squeeze);
      for (const card of cards) {
        const onOnePage = pageTexts.some((page) => {
          const start = page.indexOf(squeeze(card.name));
          if (start < 0) return false;
          const net = page.indexOf(squeeze(card.net), start);
          return net > start && page.indexOf(squeeze(card.last).slice(0, 30), net) > net;
        });
        expect(onOnePage, `${format}: the ${card.name} card is on one page`).toBe(true);
      }
      // The figures the partner typed are in the handout.
      expect(flat).toMatch(/43,?210/);
      for (const label of BUTTON_TEXTS) {
        expect(flat, `${format}: the PDF must not contain the button text "${label}"`).not.toContain(squeeze(label));
      }
      expect(errors, 'console errors, page errors and failed requests').toEqual([]);
    });
  }

  test('print media hides every button and writes a print preview under target/', async ({ page }) => {
    const errors = collectErrors(page);
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto('/index.html');
    const widget = page.locator(DEMO);
    await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
    await cardsAndResult(page, DEMO);

    // On screen the toolbar and the tier buttons are there ...
    await expect(widget.getByRole('button', { name: 'Copy link' })).toBeVisible();
    await expect(widget.locator('.tier-select').first()).toBeVisible();
    await page.emulateMedia({ media: 'print', reducedMotion: 'reduce', colorScheme: 'light' });
    // ... in print, no button, slider, toolbar or file picker is.
    const visible = await page.evaluate((id) => {
      const root = document.getElementById(id).shadowRoot;
      const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      return [...root.querySelectorAll('button, input[type="range"], input[type="file"], .toolbar, .program-file')]
        .filter(shown)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent.trim().slice(0, 40)}`);
    }, DEMO.slice(1));
    expect(visible, 'controls visible in print').toEqual([]);
    await expect(widget.locator('.tier-card')).toHaveCount(4);
    await expect(widget.locator('.tier-card').first()).toBeVisible();
    await expect(widget.locator('.year-table-scroll caption')).toBeVisible();

    fs.mkdirSync(path.dirname(PREVIEW), { recursive: true });
    await page.screenshot({ path: PREVIEW, fullPage: true });
    const png = fs.readFileSync(PREVIEW);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16), 'screenshot width').toBe(1000);
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });
});

test.describe('download CSV', () => {
  /** Downloads the widget's CSV; returns its file name and parsed rows. */
  async function downloadCsv(page, widget) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      widget.getByRole('button', { name: 'Download CSV', exact: true }).click(),
    ]);
    const file = await download.path();
    const text = fs.readFileSync(file, 'utf8');
    return { name: download.suggestedFilename(), text, rows: parseCsv(text) };
  }

  /** The catalogue key of each year figure's CSV heading (crates/host/src/export_csv.rs). */
  const HEADING_KEYS = {
    new_clients: 'new_clients',
    active_clients: 'active_clients',
    licence_revenue: 'licence_revenue',
    referral_revenue: 'referral_revenue',
    resale: 'stream_resale',
    referral: 'stream_referral',
    rebate: 'stream_rebate',
    mdf: 'stream_mdf',
    services: 'stream_services',
    earnings: 'earnings',
    program_fee: 'program_fee',
    certification: 'certification',
    acquisition: 'client_acquisition',
    costs: 'costs',
    net: 'net_profit',
    cumulative_net: 'cumulative_net',
  };

  /**
   * Asserts that `rows` say what they are of, hold `inputs` and exactly `result`'s per-year
   * figures, headed in the language of `words` (a catalogue).
   */
  /**
   * A year figure of `result` as the CSV writes it: client counts to one decimal where not
   * whole (`7.50` → `7.5`, `8.00` → `8`), every other figure as it is.
   */
  function csvFigure(column, figure) {
    if (column !== 'new_clients' && column !== 'active_clients') return figure;
    const [whole, places = ''] = figure.split('.');
    // Half-even to one place, on the digits (the result has two).
    let tenths = BigInt(whole + places.padEnd(2, '0').slice(0, 1));
    const rest = Number(places.padEnd(2, '0')[1]);
    if (rest > 5 || (rest === 5 && tenths % 2n === 1n)) tenths += 1n;
    const text = `${tenths / 10n}.${tenths % 10n}`;
    return text.endsWith('.0') ? text.slice(0, -2) : text;
  }

  function expectCsvMatchesResult(rows, result, inputs, program, words = catalogue('en')) {
    expect(rows[0]).toEqual([words.csv_title]);
    const field = (name) => rows.find((row) => row[0] === name)?.[1];
    expect(field(words.csv_program)).toBe(program.name);
    expect(field(words.csv_program_id)).toBe(program.id);
    expect(field(words.csv_currency)).toBe(program.currency);
    expect(field(words.csv_horizon_years)).toBe(String(result.horizon_years));
    expect(field(words.csv_services_in_net)).toBe(String(result.services_in_net));
    expect(rows.findIndex((row) => row[0] === words.csv_input), 'the inputs block').toBeGreaterThan(0);
    for (const [name, value] of Object.entries(inputs)) {
      // A percent's label carries its unit; its value is as typed.
      const unit = name.endsWith('_pct') ? ' (%)' : '';
      const label = `${program.inputs?.[name]?.label ?? words[`input_${name}`]}${unit}`;
      expect(field(label), `input ${name} (${label})`).toBe(value);
    }

    const at = rows.findIndex((row) => row[0] === words.csv_tier_id);
    expect(rows[at - 1][0].startsWith(words.csv_note.split('{sums}')[0]), 'the note over the breakdown').toBe(true);
    const header = rows[at];
    expect(header.slice(0, 3)).toEqual([words.csv_tier_id, words.csv_tier_name, words.csv_year]);
    const keyOf = Object.fromEntries(Object.entries(HEADING_KEYS).map(([key, message]) => [words[message], key]));
    const columns = header.slice(3).map((heading) => keyOf[heading] ?? `unknown heading ${heading}`);
    const yearKeys = Object.keys(result.tiers[0].years[0]).filter((key) => key !== 'year');
    // Every year figure of the result is a column, and every column is one.
    expect([...columns].sort()).toEqual([...yearKeys].sort());
    const horizon = result.horizon_years;
    const breakdown = rows.slice(at);
    // Then the same rows for the partner's path ("Your path: <that year's tier>").
    expect(breakdown.length, 'header + (year 0 + one row per year) per tier and for the path').toBe(1 + (result.tiers.length + 1) * (horizon + 1));
    breakdown.forEach((row, index) => expect(row.length, `row ${index} has every column`).toBe(header.length));
    const cell = (row, column) => row[3 + columns.indexOf(column)];

    result.tiers.forEach((tier, t) => {
      const start = 1 + t * (horizon + 1);
      const zero = breakdown[start];
      expect(zero.slice(0, 3), `${tier.name}: year 0 row`).toEqual([tier.id, tier.name, '0']);
      expect(cell(zero, 'costs'), `${tier.name} year 0 costs`).toBe(tier.initial_costs);
      expect(cell(zero, 'net'), `${tier.name} year 0 net`).toBe(negatedMoney(tier.initial_costs));
      expect(cell(zero, 'cumulative_net'), `${tier.name} year 0 cumulative_net`).toBe(negatedMoney(tier.initial_costs));
      expect(tier.years).toHaveLength(horizon);
      tier.years.forEach((year, y) => {
        const row = breakdown[start + 1 + y];
        expect(row.slice(0, 3), `${tier.name} year ${year.year}`).toEqual([tier.id, tier.name, String(year.year)]);
        for (const column of yearKeys) {
          expect(cell(row, column), `${tier.name} year ${year.year} ${column}`).toBe(csvFigure(column, year[column]));
        }
      });
      // The last year's cumulative net is the tier's net, and the net column sums to it, up
      // to half a cent of rounding per row (year 0's initial costs counted once).
      expect(cell(breakdown[start + horizon], 'cumulative_net'), `${tier.name} cumulative net = net`).toBe(tier.net);
      const cents = (amount) => Number(BigInt(amount.replace('.', '')));
      const rowsOfTier = breakdown.slice(start, start + horizon + 1);
      const sum = rowsOfTier.reduce((total, row) => total + cents(cell(row, 'net')), 0);
      expect(Math.abs(sum - cents(tier.net)), `${tier.name}: the net column adds up`).toBeLessThanOrEqual(rowsOfTier.length / 2);
    });
  }

  test('the CSV holds every tier and year exactly as el.result', async ({ page }) => {
    const errors = collectErrors(page);
    const url = await serveHostPage(page, 'csv', hostDocument({ body: '<partner-roi program="example" debug tools="all"></partner-roi>' }));
    await page.goto(url);
    const widget = page.locator('partner-roi');
    await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
    await typeInput(page, widget, 'partner-roi', DEAL, 'deal_value', '43210.55');
    await typeInput(page, widget, 'partner-roi', 'Existing clients', 'existing_clients', '77');
    const { result } = await cardsAndResult(page, 'partner-roi');

    const before = new Date().toISOString().slice(0, 10);
    const { name, text, rows } = await downloadCsv(page, widget);
    const after = new Date().toISOString().slice(0, 10);
    expect(name).toMatch(/^example-cloud-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([`${DEFAULT_PROGRAM_ID}-${before}.csv`, `${DEFAULT_PROGRAM_ID}-${after}.csv`]).toContain(name);
    await expect(widget.locator('.toolbar-status')).toHaveText(`Downloaded ${name}.`);
    expect(text.endsWith('\r\n'), 'lines end with CRLF').toBe(true);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(result.tiers.every((tier) => tier.years.every((year) => /^-?\d+\.\d{2}$/.test(year.net)))).toBe(true);
    const inputs = await page.evaluate(() => document.querySelector('partner-roi').inputs);
    const program = await page.evaluate(() => document.querySelector('partner-roi').program);
    expectCsvMatchesResult(rows, result, inputs, program);
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });

  test("tier names are quoted as needed and never read as formulas; the file is named after the program", async ({ page, request }) => {
    const errors = collectErrors(page);
    const cloud = await (await request.get('/programs/cloud-services.json')).json();
    const names = ['Gold, "plus"', '=HYPERLINK("http://x")', '+1 tier', '@silver'];
    const program = { ...cloud, tiers: cloud.tiers.map((tier, index) => ({ ...tier, name: names[index] ?? tier.name })) };
    const url = await serveHostPage(page, 'csv-names', hostDocument({ body: '<partner-roi program="example" debug tools="all" id="w"></partner-roi>' }));
    await page.goto(url);
    await expect(page.locator('#w .tier-card')).toHaveCount(4);
    await page.evaluate((program) => { document.getElementById('w').program = program; }, program);
    await expect(page.locator('#w .tier-card .tier-name').first()).toHaveText(names[0]);
    const { result } = await cardsAndResult(page, '#w');
    expect(result.program_id).toBe(cloud.id);

    const { name, rows } = await downloadCsv(page, page.locator('#w'));
    expect(name).toMatch(new RegExp(`^${cloud.id}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const horizon = result.horizon_years;
    const at = rows.findIndex((row) => row[0] === catalogue('en').csv_tier_id);
    const shownNames = result.tiers.map((_, t) => rows[at + 1 + t * (horizon + 1)][1]);
    expect(shownNames[0]).toBe('Gold, "plus"');
    for (const cell of shownNames) {
      expect(cell, 'a text cell never starts a formula').not.toMatch(/^[=+\-@]/);
    }
    expect(shownNames[1]).toBe(`'${names[1]}`);
    expect(shownNames[2]).toBe(`'${names[2]}`);
    expect(shownNames[3]).toBe(`'${names[3]}`);
    // Apart from the defused names, the figures are the result's.
    const defused = rows.map((row, index) => (index <= at ? row : [row[0], row[1].replace(/^'/, ''), ...row.slice(2)]));
    const inputs = await page.evaluate(() => document.getElementById('w').inputs);
    expectCsvMatchesResult(defused, result, inputs, program);
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });
});

test('Copy summary puts the recommended tier and every tier\'s net profit on the clipboard', async ({ page, context }) => {
  const errors = collectErrors(page);
  await allowClipboard(context, ORIGIN);
  const url = await serveHostPage(page, 'summary', hostDocument({ body: '<partner-roi program="example" debug tools="all"></partner-roi>' }));
  await page.goto(url);
  const widget = page.locator('partner-roi');
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
  await typeInput(page, widget, 'partner-roi', DEAL, 'deal_value', '43210');
  const { result, nets, program } = await cardsAndResult(page, 'partner-roi');
  const recommended = result.tiers.find((tier) => tier.id === result.recommended_tier);
  expect(recommended, 'the result recommends a tier').toBeTruthy();

  await widget.getByRole('button', { name: 'Copy summary', exact: true }).click();
  await expect(widget.locator('.toolbar-status')).toContainText('Summary copied');
  const summary = await readClipboard(page);
  expect(summary).toContain(program.name);
  expect(summary).toContain(`Recommended tier: ${recommended.name}`);
  expect(summary).toMatch(/43,?210/);
  result.tiers.forEach((tier, index) => {
    expect(summary).toContain(tier.name);
    // The same whole amount the card shows.
    expect(summary, `${tier.name} line`).toContain(`${tier.name}: net profit ${nets[index]}`);
  });
  // One more line for the partner's path when it moves between tiers.
  const pathMoves = new Set(result.journey.path).size > 1;
  expect(summary.match(/net profit/g)).toHaveLength(result.tiers.length + (pathMoves ? 1 : 0));
  expect(summary.includes('Your path: '), 'the path line').toBe(pathMoves);
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test.describe('presenter mode', () => {
  const presenterState = (widget) => ({
    pressed: widget.getByRole('button', { name: 'Presenter mode', exact: true }),
    more: widget.getByRole('button', { name: 'More assumptions' }),
    root: widget.locator('.partner-roi').first(),
  });

  test('the presenter attribute starts it; the toolbar button toggles it', async ({ page }) => {
    const errors = collectErrors(page);
    const url = await serveHostPage(page, 'presenter', hostDocument({
      body: '<partner-roi program="example" debug tools="all" id="on" presenter></partner-roi>\n<partner-roi program="example" debug tools="all" id="off" loading="eager"></partner-roi>',
    }));
    await page.goto(url);
    const on = page.locator('#on');
    const off = page.locator('#off');
    await expect(on.locator('.tier-card')).toHaveCount(4);
    await expect(off.locator('.tier-card')).toHaveCount(4);
    const zoomOf = (id) => page.evaluate((id) =>
      getComputedStyle(document.getElementById(id).shadowRoot.querySelector('.partner-roi')).zoom, id);

    const p = presenterState(on);
    await expect(p.pressed).toHaveAttribute('aria-pressed', 'true');
    await expect(p.root).toHaveClass(/\bpartner-roi-presenter\b/);
    await expect(p.more).toHaveCount(0);
    await expect(on.locator('.tier-benefits').first()).toBeHidden();
    expect(Number(await zoomOf('on'))).toBeGreaterThan(1);

    const n = presenterState(off);
    await expect(n.pressed).toHaveAttribute('aria-pressed', 'false');
    await expect(n.root).not.toHaveClass(/\bpartner-roi-presenter\b/);
    await expect(n.more).toBeVisible();
    expect(Number(await zoomOf('off'))).toBe(1);

    // Toggle off ...
    await p.pressed.click();
    await expect(p.pressed).toHaveAttribute('aria-pressed', 'false');
    await expect(p.root).not.toHaveClass(/\bpartner-roi-presenter\b/);
    await expect(p.more).toBeVisible();
    expect(Number(await zoomOf('on'))).toBe(1);
    // ... and on again.
    await p.pressed.click();
    await expect(p.pressed).toHaveAttribute('aria-pressed', 'true');
    await expect(p.root).toHaveClass(/\bpartner-roi-presenter\b/);
    await expect(p.more).toHaveCount(0);

    // The other widget switches on its own.
    await n.pressed.click();
    await expect(n.pressed).toHaveAttribute('aria-pressed', 'true');
    await expect(n.root).toHaveClass(/\bpartner-roi-presenter\b/);
    await expect(n.more).toHaveCount(0);

    // Figures still compute in presenter mode.
    const nets = await on.locator('.tier-net-value').allTextContents();
    await typeInput(page, on, '#on', DEAL, 'deal_value', '31000');
    await expect(on.locator('.tier-net-value').first()).not.toHaveText(nets[0]);
    await cardsAndResult(page, '#on');
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });

  test('adding and removing the presenter attribute at run time switches presenter mode', async ({ page }) => {
    // docs/embedding.md: "Changing an attribute at run time re-renders the widget", and
    // `presenter` is one of the element's observed attributes.
    const errors = collectErrors(page);
    const url = await serveHostPage(page, 'presenter-later', hostDocument({ body: '<partner-roi program="example" debug tools="all" id="w"></partner-roi>' }));
    await page.goto(url);
    const widget = page.locator('#w');
    await expect(widget.locator('.tier-card')).toHaveCount(4);
    const p = presenterState(widget);
    await expect(p.pressed).toHaveAttribute('aria-pressed', 'false');

    await page.evaluate(() => document.getElementById('w').setAttribute('presenter', ''));
    await expect(p.pressed).toHaveAttribute('aria-pressed', 'true');
    await expect(p.root).toHaveClass(/\bpartner-roi-presenter\b/);
    await expect(p.more).toHaveCount(0);

    await page.evaluate(() => document.getElementById('w').removeAttribute('presenter'));
    await expect(p.pressed).toHaveAttribute('aria-pressed', 'false');
    await expect(p.root).not.toHaveClass(/\bpartner-roi-presenter\b/);
    await expect(p.more).toBeVisible();
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });
});
