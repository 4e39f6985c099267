// Share links: "Copy link" puts the figures and the selected tier in the page URL's
// fragment (`#partner-roi=2~<program>~<tier>~<17 values>`, `#partner-roi-<id>=…` for an
// element with an id); opening the link elsewhere restores them. Tampered links restore
// what they can, say what they could not, and never break the widget.
//
// Host pages are served by page.route under /test/ on the dist/ origin.
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { test, expect } = require('@playwright/test');
const {
  DIST,
  ORIGIN,
  serveHostPage,
  hostDocument,
  collectErrors,
  expectShowsAmount,
} = require('./support/helpers');
const {
  DEFAULT_TIERS,
  DEFAULT_PROGRAM_ID,
  widgetState,
  settledState,
  expectInput,
  typeInput,
  readClipboard,
  allowClipboard,
} = require('./support/sales');

const DEAL = 'Yearly license value per client';
const CLIENTS = 'Existing clients';
const SHARE_PAGE = hostDocument({ body: '<partner-roi program="example"></partner-roi>' });

/** Asserts that the cards of the widget show its result, and that it is the engine's. */
async function expectCardsShowResult(page, selector = 'partner-roi') {
  const state = await settledState(page, selector);
  const widget = page.locator(selector);
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(state.result.tiers.map((tier) => tier.name));
  const nets = await widget.locator('.tier-card .tier-net-value').allTextContents();
  state.result.tiers.forEach((tier, index) => expectShowsAmount(nets[index], tier.net, `${tier.name} net`));
  return state;
}

/** The card of the tier named `name`, and its "Show year by year" button. */
const tierCard = (widget, name) => widget.getByRole('article', { name: `${name} tier`, exact: true });

/** Selects a tier that is not the recommended one; returns that tier of the result. */
async function selectNonRecommendedTier(page, widget, selector = 'partner-roi') {
  const { result } = await settledState(page, selector);
  const candidates = result.tiers.filter((tier) => tier.id !== result.recommended_tier);
  expect(candidates.length, 'tiers other than the recommended one').toBeGreaterThan(0);
  const chosen = candidates[candidates.length - 1];
  const card = tierCard(widget, chosen.name);
  await expect(card).not.toHaveClass(/tier-card-recommended/);
  await expect(card).not.toHaveClass(/tier-card-selected/);
  await card.getByRole('button', { name: 'Show year by year' }).click();
  await expect(card).toHaveClass(/tier-card-selected/);
  await expect(widget.locator('.year-table-scroll caption')).toHaveText(`${chosen.name}: year by year`);
  return chosen;
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
});

test('a copied link restores the typed inputs and the selected tier in a fresh browser', async ({ page, context, browser }) => {
  const errors = collectErrors(page);
  await allowClipboard(context, ORIGIN);
  const url = await serveHostPage(page, 'share', SHARE_PAGE);
  await page.goto(url);
  const widget = page.locator('partner-roi');
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
  const initial = await settledState(page);

  await typeInput(page, widget, 'partner-roi', DEAL, 'deal_value', '43210');
  await typeInput(page, widget, 'partner-roi', CLIENTS, 'existing_clients', '123');
  const chosen = await selectNonRecommendedTier(page, widget);
  const shared = await expectCardsShowResult(page);
  expect(shared.inputs).not.toEqual(initial.inputs);
  expect(shared.inputs.deal_value).toBe('43210');
  expect(shared.inputs.existing_clients).toBe('123');

  await widget.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(widget.locator('.toolbar-status')).toContainText('Link copied');
  const link = await readClipboard(page);
  const match = /^(.*)#partner-roi=(.*)$/.exec(link);
  expect(match, `clipboard holds a share link: ${link}`).not.toBeNull();
  expect(match[1]).toBe(url);
  const code = match[2];
  const sections = code.split('~');
  expect(sections.slice(0, 3)).toEqual(['2', DEFAULT_PROGRAM_ID, chosen.id]);
  expect(sections).toHaveLength(4);
  expect(sections[3].split(',')).toHaveLength(17);
  expect(sections[3].split(',')).toEqual(expect.arrayContaining(['43210', '123']));
  expect(code, 'URL-safe characters only').toMatch(/^[A-Za-z0-9\-_.~,]+$/);
  // The address bar shows the link too.
  expect(page.url()).toBe(link);

  // A new browser context: no saved state, no clipboard, nothing shared with the first.
  const other = await browser.newContext();
  try {
    const fresh = await other.newPage();
    const freshErrors = collectErrors(fresh);
    await fresh.emulateMedia({ reducedMotion: 'reduce' });
    await serveHostPage(fresh, 'share', SHARE_PAGE);
    expect(await fresh.goto(link).then((response) => response.status())).toBe(200);
    const freshWidget = fresh.locator('partner-roi');
    await expect(freshWidget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
    const restored = await expectCardsShowResult(fresh);
    expect(restored.inputs, 'every input restored from the link').toEqual(shared.inputs);
    expect(restored.result).toEqual(shared.result);
    await expect(freshWidget.getByLabel(DEAL, { exact: true })).toHaveValue(/^43,?210$/);
    await expect(freshWidget.getByLabel(CLIENTS, { exact: true })).toHaveValue('123');
    await expect(freshWidget.locator('.year-table-scroll caption')).toHaveText(`${chosen.name}: year by year`);
    await expect(tierCard(freshWidget, chosen.name)).toHaveClass(/tier-card-selected/);
    await expect(tierCard(freshWidget, chosen.name).locator('.tier-select')).toHaveAttribute('aria-pressed', 'true');
    await expect(freshWidget.locator('.notices')).toHaveCount(0);
    expect(freshErrors, 'console errors, page errors and failed requests (fresh page)').toEqual([]);
  } finally {
    await other.close();
  }
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('with element ids, each widget has its own link parameter and only that widget restores', async ({ page, context, browser }) => {
  const errors = collectErrors(page);
  await allowClipboard(context, ORIGIN);
  const body = hostDocument({ body: '<partner-roi program="example" id="first" loading="eager"></partner-roi>\n<partner-roi program="example" id="second" loading="eager"></partner-roi>' });
  const url = await serveHostPage(page, 'share-ids', body);
  await page.goto(url);
  const first = page.locator('#first');
  const second = page.locator('#second');
  await expect(first.locator('.tier-card')).toHaveCount(4);
  await expect(second.locator('.tier-card')).toHaveCount(4);
  const secondBefore = await settledState(page, '#second');

  await typeInput(page, first, '#first', DEAL, 'deal_value', '54321');
  const firstShared = await settledState(page, '#first');
  await first.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(first.locator('.toolbar-status')).toContainText('Link copied');
  const link = await readClipboard(page);
  expect(link).toMatch(new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}#partner-roi-first=2~${DEFAULT_PROGRAM_ID}~`));
  expect(link).not.toContain('partner-roi-second=');

  const other = await browser.newContext();
  try {
    const fresh = await other.newPage();
    await serveHostPage(fresh, 'share-ids', body);
    await fresh.goto(link);
    await expect(fresh.locator('#first .tier-card')).toHaveCount(4);
    await expect(fresh.locator('#second .tier-card')).toHaveCount(4);
    expect((await settledState(fresh, '#first')).inputs).toEqual(firstShared.inputs);
    expect((await settledState(fresh, '#second')).inputs).toEqual(secondBefore.inputs);
  } finally {
    await other.close();
  }
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('links of two widgets live side by side with the page\'s own fragment parameters', async ({ page, context, browser }) => {
  const errors = collectErrors(page);
  await allowClipboard(context, ORIGIN);
  const body = hostDocument({ body: '<partner-roi program="example" id="first" loading="eager"></partner-roi>\n<partner-roi program="example" id="second" loading="eager"></partner-roi>' });
  const url = await serveHostPage(page, 'share-both', body);
  await page.goto(`${url}#section=pricing`);
  const first = page.locator('#first');
  const second = page.locator('#second');
  await expect(first.locator('.tier-card')).toHaveCount(4);
  await expect(second.locator('.tier-card')).toHaveCount(4);
  await expect(first.locator('.notices')).toHaveCount(0);

  await typeInput(page, first, '#first', DEAL, 'deal_value', '11111');
  await first.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(first.locator('.toolbar-status')).toContainText('Link copied');
  await typeInput(page, second, '#second', DEAL, 'deal_value', '22222');
  await second.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(second.locator('.toolbar-status')).toContainText('Link copied');
  const link = await readClipboard(page);
  const fragment = new URL(link).hash.slice(1).split('&');
  expect(fragment[0]).toBe('section=pricing');
  expect(fragment.filter((part) => part.startsWith('partner-roi-first='))).toHaveLength(1);
  expect(fragment.filter((part) => part.startsWith('partner-roi-second='))).toHaveLength(1);
  expect(fragment).toHaveLength(3);

  const other = await browser.newContext();
  try {
    const fresh = await other.newPage();
    await serveHostPage(fresh, 'share-both', body);
    await fresh.goto(link);
    await expect(fresh.locator('#first .tier-card')).toHaveCount(4);
    await expect(fresh.locator('#second .tier-card')).toHaveCount(4);
    expect((await settledState(fresh, '#first')).inputs.deal_value).toBe('11111');
    expect((await settledState(fresh, '#second')).inputs.deal_value).toBe('22222');
  } finally {
    await other.close();
  }
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('when the clipboard refuses, the link is still in the address bar and the status says so', async ({ page }) => {
  const errors = collectErrors(page);
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  const url = await serveHostPage(page, 'share-denied', SHARE_PAGE);
  await page.goto(url);
  const widget = page.locator('partner-roi');
  await expect(widget.locator('.tier-card')).toHaveCount(4);
  await typeInput(page, widget, 'partner-roi', DEAL, 'deal_value', '43210');
  await widget.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(widget.locator('.toolbar-status')).toHaveText('The link is in the address bar: copy it from there.');
  expect(page.url()).toMatch(new RegExp(`#partner-roi=2~${DEFAULT_PROGRAM_ID}~[^&]*\\b43210\\b`));
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('the offline file (file://) makes links that restore its figures', async ({ page, browser }) => {
  const fileUrl = pathToFileURL(path.join(DIST, 'partner-roi.html')).href;
  const selector = '#partner-roi-offline';
  const errors = collectErrors(page);
  await page.goto(fileUrl);
  const widget = page.locator(selector);
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
  await typeInput(page, widget, selector, DEAL, 'deal_value', '43210');
  await typeInput(page, widget, selector, CLIENTS, 'existing_clients', '123');
  const chosen = await selectNonRecommendedTier(page, widget, selector);
  const shared = await settledState(page, selector);
  await widget.getByRole('button', { name: 'Copy link', exact: true }).click();
  // Copied, or left in the address bar: either way the address bar holds the link.
  await expect(widget.locator('.toolbar-status')).toHaveText(/Link copied|address bar/);
  const link = page.url();
  expect(link.startsWith(`${fileUrl}#partner-roi-partner-roi-offline=2~${DEFAULT_PROGRAM_ID}~${chosen.id}~`)).toBe(true);

  const other = await browser.newContext();
  try {
    const fresh = await other.newPage();
    await fresh.goto(link);
    const freshWidget = fresh.locator(selector);
    await expect(freshWidget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
    const restored = await settledState(fresh, selector);
    expect(restored.inputs).toEqual(shared.inputs);
    await expect(freshWidget.locator('.year-table-scroll caption')).toHaveText(`${chosen.name}: year by year`);
  } finally {
    await other.close();
  }
  expect(errors, 'console errors and page errors').toEqual([]);
});

test.describe('tampered links', () => {
  /** A genuine code: default program, deal value 43210, 123 existing clients, tier "gold". */
  let genuine;

  test.beforeAll(async ({ browser }) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const url = await serveHostPage(page, 'share-genuine', SHARE_PAGE);
      await page.goto(url);
      const widget = page.locator('partner-roi');
      await expect(widget.locator('.tier-card')).toHaveCount(4);
      await typeInput(page, widget, 'partner-roi', DEAL, 'deal_value', '43210');
      await typeInput(page, widget, 'partner-roi', CLIENTS, 'existing_clients', '123');
      await tierCard(widget, 'Gold').locator('.tier-select').click();
      await expect(widget.locator('.year-table-scroll caption')).toHaveText('Gold: year by year');
      // The saved state is the same share code as the link would carry.
      const key = `partner-roi:${DEFAULT_PROGRAM_ID}:`;
      await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), key)).toMatch(/~gold~.*43210/);
      genuine = await page.evaluate((key) => localStorage.getItem(key), key);
    } finally {
      await context.close();
    }
    const values = genuine.split('~')[3].split(',');
    expect(values).toHaveLength(17);
    expect(values.filter((value) => value === '123')).toHaveLength(1);
    expect(values.filter((value) => value === '43210')).toHaveLength(1);
  });

  /** Replaces the value `from` (one of the 17) by `to`. */
  const withValue = (code, from, to) => {
    const [version, program, tier, values] = code.split('~');
    return [version, program, tier, values.split(',').map((value) => (value === from ? to : value)).join(',')].join('~');
  };

  const CASES = [
    {
      name: 'a truncated code',
      fragment: () => genuine.split(',').slice(0, 4).join(','),
      notice: /cut short: only 4 of 17 values/,
    },
    {
      name: 'random bytes',
      fragment: () => '%FF%00garbage',
      notice: /not in a form this calculator understands/,
      defaults: true,
    },
    {
      name: "another program's id",
      fragment: () => genuine.replace(`~${DEFAULT_PROGRAM_ID}~`, '~example-reseller~'),
      notice: /another program \("example-reseller"\)/,
      defaults: true,
    },
    {
      name: 'a value out of range',
      fragment: () => withValue(genuine, '123', '40000000'),
      notice: /"Existing clients" must be between/,
      restored: { deal_value: '43210' },
      tier: 'Gold',
    },
    {
      name: 'a tier that does not exist',
      fragment: () => genuine.replace('~gold~', '~diamond~'),
      notice: /tier "diamond" does not exist/,
      restored: { deal_value: '43210', existing_clients: '123' },
    },
    {
      name: 'markup in the tier id',
      fragment: () => genuine.replace('~gold~', `~${encodeURIComponent('<img src=x onerror=alert(1)>')}~`),
      notice: /the tier "<img src=x onerror=alert…" does not exist/,
      restored: { deal_value: '43210', existing_clients: '123' },
    },
  ];

  for (const tampered of CASES) {
    test(`${tampered.name}: a notice about the link, and the widget still works`, async ({ page }) => {
      const errors = collectErrors(page);
      page.on('dialog', (dialog) => {
        errors.push(`dialog: ${dialog.message()}`);
        dialog.dismiss();
      });
      const url = await serveHostPage(page, 'share-tampered', SHARE_PAGE);
      await page.goto(`${url}#partner-roi=${tampered.fragment()}`);
      const widget = page.locator('partner-roi');
      await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
      const notices = widget.locator('.notices');
      await expect(notices).toBeVisible();
      await expect(notices).toContainText('The shared link could not be fully restored');
      await expect(notices).toContainText(tampered.notice);

      await expect(widget.locator('img')).toHaveCount(0);
      const state = await expectCardsShowResult(page);
      if (tampered.defaults) {
        const defaults = await page.evaluate(() => PartnerRoi.project(null, null));
        expect(state.result, 'nothing restored: the default figures').toEqual(defaults);
        expect(state.inputs.deal_value).not.toBe('43210');
      }
      for (const [key, value] of Object.entries(tampered.restored || {})) {
        expect(state.inputs[key], `${key} restored from the link`).toBe(value);
      }
      if (tampered.restored && !('existing_clients' in tampered.restored)) {
        expect(state.inputs.existing_clients, 'the out-of-range value was not applied').not.toBe('40000000');
      }
      if (tampered.tier) {
        await expect(widget.locator('.year-table-scroll caption')).toHaveText(`${tampered.tier}: year by year`);
      }

      // Typing still recomputes.
      const nets = await widget.locator('.tier-net-value').allTextContents();
      await typeInput(page, widget, 'partner-roi', DEAL, 'deal_value', '31000');
      await expect(widget.locator('.tier-net-value').first()).not.toHaveText(nets[0]);
      const after = await expectCardsShowResult(page);
      expect(after.result.tiers.map((tier) => tier.net)).not.toEqual(state.result.tiers.map((tier) => tier.net));
      expect(errors, 'console errors, page errors and failed requests').toEqual([]);
    });
  }
});

test('a link opened in a tab already showing the page applies its figures without a reload', async ({ page, browser }) => {
  const errors = collectErrors(page);
  // The link, copied by someone else (no storage shared with this page): figures and a tier.
  const senderContext = await browser.newContext();
  await allowClipboard(senderContext, ORIGIN);
  const sender = await senderContext.newPage();
  const url = await serveHostPage(sender, 'share-same-tab', SHARE_PAGE);
  await sender.goto(url);
  const senderWidget = sender.locator('partner-roi');
  await typeInput(sender, senderWidget, 'partner-roi', DEAL, 'deal_value', '43210');
  const chosen = await selectNonRecommendedTier(sender, senderWidget);
  await senderWidget.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(senderWidget.locator('.toolbar-status')).toContainText('Link copied');
  const link = sender.url();
  expect(link).toContain('#partner-roi=');
  await senderContext.close();

  await serveHostPage(page, 'share-same-tab', SHARE_PAGE);
  await page.goto(url);
  const widget = page.locator('partner-roi');
  await typeInput(page, widget, 'partner-roi', DEAL, 'deal_value', '31000');
  await expect(tierCard(widget, chosen.name)).not.toHaveClass(/tier-card-selected/);
  await page.evaluate(() => { window.sameDocument = true; });
  // Pasting the link into this tab's address bar changes only the fragment.
  await page.evaluate((link) => { window.location.href = link; }, link);
  await expectInput(page, 'partner-roi', 'deal_value', '43210');
  expect(await page.evaluate(() => window.sameDocument), 'no reload').toBe(true);
  await expect(tierCard(widget, chosen.name)).toHaveClass(/tier-card-selected/);
  await expectCardsShowResult(page);

  // A fragment change that leaves this widget's link as it was changes nothing.
  await typeInput(page, widget, 'partner-roi', DEAL, 'deal_value', '32000');
  await page.evaluate(() => new Promise((resolve) => {
    window.addEventListener('hashchange', () => setTimeout(resolve, 0), { once: true });
    window.location.hash += '&elsewhere=1';
  }));
  expect(await page.evaluate(() => document.querySelector('partner-roi').inputs.deal_value)).toBe('32000');
  await expect(widget.getByLabel(DEAL, { exact: true })).toHaveValue(/^32,?000$/);
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('an untouched page has no link notice and no fragment until "Copy link"', async ({ page }) => {
  const errors = collectErrors(page);
  const url = await serveHostPage(page, 'share-plain', SHARE_PAGE);
  await page.goto(url);
  await expect(page.locator('partner-roi .tier-card')).toHaveCount(4);
  await settledState(page);
  await expect(page.locator('partner-roi .notices')).toHaveCount(0);
  expect(page.url()).toBe(url);
  expect((await widgetState(page)).result).toEqual(await page.evaluate(() => PartnerRoi.project(null, null)));
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('a link copied in the demo after choosing another example program restores that program and its figures', async ({ page, context, browser }) => {
  // README, "For sales": open the demo, type the prospect's figures, pick the tier, press
  // Copy link: "the link restores exactly those figures and that tier".
  const errors = collectErrors(page);
  await allowClipboard(context, ORIGIN);
  await page.goto('/index.html');
  const widget = page.locator('#partner-roi-demo');
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
  await page.getByLabel('Example program').selectOption('programs/reseller.json');
  await expect.poll(() => widgetState(page, '#partner-roi-demo').then((state) => state.program && state.program.id))
    .toBe('example-reseller');
  await typeInput(page, widget, '#partner-roi-demo', DEAL, 'deal_value', '43210');
  const shared = await settledState(page, '#partner-roi-demo');
  await widget.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(widget.locator('.toolbar-status')).toContainText('Link copied');
  const link = await readClipboard(page);
  expect(link).toContain('#partner-roi-partner-roi-demo=2~example-reseller~');

  const other = await browser.newContext();
  try {
    const fresh = await other.newPage();
    await fresh.goto(link);
    const freshWidget = fresh.locator('#partner-roi-demo');
    await expect(freshWidget.locator('.tier-card')).toHaveCount(shared.result.tiers.length);
    await expect.poll(() => widgetState(fresh, '#partner-roi-demo').then((state) => state.program && state.program.id),
      { message: 'the program the link was made with' }).toBe('example-reseller');
    expect((await settledState(fresh, '#partner-roi-demo')).inputs).toEqual(shared.inputs);
    await expect(freshWidget.locator('.notices')).toHaveCount(0);
  } finally {
    await other.close();
  }
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});
