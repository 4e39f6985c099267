// The program's call to action: a link whose URL template gets the selected tier's figures
// ({tier}, {net}, {roi}, {program}, percent-encoded); clicking it fires the cancelable
// `partner-roi:cta` event with {inputs, result, tier}, then navigates unless the host
// cancelled (in a new tab for a Ctrl/Cmd/Shift-click or a middle click). Only https:, http: and mailto: URLs are accepted in a program.
const { test, expect } = require('@playwright/test');
const {
  ORIGIN,
  serveHostPage,
  hostDocument,
  collectErrors,
} = require('./support/helpers');
const { settledState, typeInput, rfc3986 } = require('./support/sales');

/** The call to action's text: the program's label, then the name of the tier it applies to. */
const labelled = (label) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} – \\S`);

const PARTNERS = 'https://partners.example.com';

/** Records partner-roi:cta (through the exposed `reportCta`) and cancels it while window.cancelCta. */
const CTA_LISTENER = `<script>
  window.cancelCta = false;
  document.addEventListener('partner-roi:cta', (event) => {
    window.reportCta({
      target: event.target.id,
      bubbles: event.bubbles,
      composed: event.composed,
      cancelable: event.cancelable,
      detail: JSON.parse(JSON.stringify(event.detail)),
    });
    if (window.cancelCta) event.preventDefault();
  });
</script>`;

/** Records partner-roi:error on window.errorEvents. */
const ERROR_RECORDER = `<script>
  window.errorEvents = [];
  document.addEventListener('partner-roi:error', (event) => {
    window.errorEvents.push({ id: event.target.id, detail: JSON.parse(JSON.stringify(event.detail)) });
  });
</script>`;

/** The program's URL template filled in as the widget must fill it. */
function fillTemplate(template, programId, tier) {
  const values = {
    '{tier}': tier.id,
    '{net}': tier.net,
    '{roi}': tier.roi === null || tier.roi === undefined ? '' : tier.roi,
    '{program}': programId,
  };
  return Object.entries(values).reduce((url, [placeholder, value]) => url.split(placeholder).join(rfc3986(value)), template);
}

/** The tier whose year table is shown (the selected one), from the result. */
async function selectedTier(page, selector) {
  const name = await page.locator(`${selector} .tier-card-selected .tier-name`).textContent();
  const { result } = await settledState(page, selector);
  const tier = result.tiers.find((candidate) => candidate.name === name);
  expect(tier, `selected tier ${name} in the result`).toBeTruthy();
  return tier;
}

/**
 * A host page with CTA_LISTENER and a widget `#w` on the reseller program, loaded; the
 * partner-roi:cta reports collect in `reports`.
 */
async function openCtaHost(page, name) {
  const errors = collectErrors(page);
  const reports = [];
  await page.exposeFunction('reportCta', (report) => { reports.push(report); });
  const url = await serveHostPage(page, name, hostDocument({
    body: `${CTA_LISTENER}
  <partner-roi debug tools="all" id="w" program-src="/programs/reseller.json"></partner-roi>`,
  }));
  await page.goto(url);
  const widget = page.locator('#w');
  await expect(widget.locator('.tier-card')).toHaveCount(4);
  return { errors, reports, url, widget };
}

async function resellerProgram(request) {
  const response = await request.get('/programs/reseller.json');
  expect(response.status()).toBe(200);
  return response.json();
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  // The partner site, offline.
  await page.context().route(`${PARTNERS}/**`, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><title>Partner application</title><h1 id="applied">Apply</h1>',
  }));
});

test('the link fills the placeholders with the selected tier, URL-encoded, and follows the selection', async ({ page, request }) => {
  const errors = collectErrors(page);
  const reseller = await resellerProgram(request);
  expect(reseller.cta.url).toContain('{tier}');
  const url = await serveHostPage(page, 'cta-href', hostDocument({
    body: '<partner-roi debug tools="all" id="w" program-src="/programs/reseller.json"></partner-roi>',
  }));
  await page.goto(url);
  const widget = page.locator('#w');
  await expect(widget.locator('.tier-card')).toHaveCount(reseller.tiers.length);
  const link = widget.locator('a.cta-button');
  await expect(link).toHaveText(labelled(reseller.cta.label));

  const { result } = await settledState(page, '#w');
  const first = await selectedTier(page, '#w');
  expect(first.id, 'the recommended tier is selected first').toBe(result.recommended_tier);
  await expect(link).toHaveAttribute('href', fillTemplate(reseller.cta.url, reseller.id, first));

  // New figures (with cents) and another tier: the link follows.
  await typeInput(page, widget, '#w', 'Yearly license value per client', 'deal_value', '31234.57');
  const other = result.tiers.find((tier) => tier.id !== first.id);
  await widget.getByRole('article', { name: `${other.name} tier`, exact: true }).locator('.tier-select').click();
  const now = await selectedTier(page, '#w');
  expect(now.id).toBe(other.id);
  const expected = fillTemplate(reseller.cta.url, reseller.id, now);
  await expect(link).toHaveAttribute('href', expected);
  const href = new URL(await link.getAttribute('href'));
  expect(href.searchParams.get('tier')).toBe(now.id);
  expect(href.searchParams.get('net')).toBe(now.net);
  expect(href.searchParams.get('program')).toBe(reseller.id);
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('every placeholder is percent-encoded; unknown ones stay; mailto: works', async ({ page, request }) => {
  const errors = collectErrors(page);
  const reseller = await resellerProgram(request);
  const url = await serveHostPage(page, 'cta-placeholders', hostDocument({
    body: '<partner-roi debug tools="all" id="w" program-src="/programs/reseller.json"></partner-roi>',
  }));
  await page.goto(url);
  const widget = page.locator('#w');
  await expect(widget.locator('.tier-card')).toHaveCount(reseller.tiers.length);

  const template = `${PARTNERS}/go/{program}/{tier}?n={net}&r={roi}&keep={other}&again={tier}`;
  await page.evaluate(([program, template]) => {
    document.getElementById('w').program = { ...program, cta: { label: 'Talk to us', url: template } };
  }, [reseller, template]);
  const link = widget.locator('a.cta-button');
  await expect(link).toHaveText(labelled('Talk to us'));
  const tier = await selectedTier(page, '#w');
  expect(tier.roi, 'the tier has an ROI').not.toBeNull();
  await expect(link).toHaveAttribute('href', fillTemplate(template, reseller.id, tier));
  const href = await link.getAttribute('href');
  expect(href).toContain('keep={other}');
  expect(href).not.toMatch(/\{(tier|net|roi|program)\}/);

  const mail = 'mailto:partners@example.com?subject=Partner%20{tier}&body=Net%20{net}';
  await page.evaluate(([program, mail]) => {
    document.getElementById('w').program = { ...program, cta: { label: 'Email us', url: mail } };
  }, [reseller, mail]);
  await expect(link).toHaveText(labelled('Email us'));
  await expect(link).toHaveAttribute('href', fillTemplate(mail, reseller.id, await selectedTier(page, '#w')));
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('a host that cancels partner-roi:cta gets the figures and the page stays', async ({ page }) => {
  const partnerRequests = [];
  page.on('request', (req) => { if (req.url().startsWith(PARTNERS)) partnerRequests.push(req.url()); });
  const { errors, reports, url, widget } = await openCtaHost(page, 'cta-cancel');
  await typeInput(page, widget, '#w', 'Existing clients', 'existing_clients', '64');
  const state = await settledState(page, '#w');
  const tier = await selectedTier(page, '#w');
  await page.evaluate(() => {
    window.cancelCta = true;
    window.samePage = 'yes';
    // The Navigation API's `navigate` fires at once when a navigation starts (the widget's
    // location.assign or the link's own default), within the click's task.
    window.navigationsStarted = [];
    navigation.addEventListener('navigate', (event) => { window.navigationsStarted.push(event.destination.url); });
  });

  await widget.locator('a.cta-button').click();
  await expect.poll(() => reports.length).toBe(1);
  const [report] = reports;
  expect(report.target).toBe('w');
  expect(report.bubbles && report.composed && report.cancelable).toBe(true);
  expect(report.detail.tier).toBe(tier.id);
  expect(report.detail.inputs).toEqual(state.inputs);
  expect(report.detail.result).toEqual(state.result);

  // The report came from within the click's task, which is over by this next evaluation:
  // any navigation the click started has announced itself.
  expect(await page.evaluate(() => window.navigationsStarted), 'navigations started').toEqual([]);
  expect(page.url()).toBe(url);
  expect(await page.evaluate(() => window.samePage)).toBe('yes');
  expect(partnerRequests).toEqual([]);
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('without cancelling, the click fires partner-roi:cta and then goes to the link', async ({ page }) => {
  const { errors, reports, widget } = await openCtaHost(page, 'cta-go');
  const state = await settledState(page, '#w');
  const link = widget.locator('a.cta-button');
  const href = await link.getAttribute('href');
  expect(href.startsWith(`${PARTNERS}/`)).toBe(true);
  const tier = await selectedTier(page, '#w');

  await link.click();
  await page.waitForURL(href);
  expect(page.url()).toBe(href);
  await expect(page.locator('#applied')).toHaveText('Apply');
  expect(reports).toHaveLength(1);
  expect(reports[0].detail.tier).toBe(tier.id);
  expect(reports[0].detail.inputs).toEqual(state.inputs);
  expect(reports[0].detail.result).toEqual(state.result);
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('Ctrl/Cmd-click and middle click open the link in a new tab after partner-roi:cta; cancelling stops them', async ({ page, context }) => {
  const { errors, reports, url, widget } = await openCtaHost(page, 'cta-new-tab');
  const state = await settledState(page, '#w');
  const link = widget.locator('a.cta-button');
  const href = await link.getAttribute('href');
  await page.evaluate(() => { window.samePage = 'yes'; });

  for (const [how, click] of [
    ['Ctrl/Cmd-click', () => link.click({ modifiers: ['ControlOrMeta'] })],
    ['middle click', () => link.click({ button: 'middle' })],
  ]) {
    const before = reports.length;
    const [tab] = await Promise.all([context.waitForEvent('page'), click()]);
    await tab.waitForLoadState();
    expect(tab.url(), how).toBe(href);
    await expect(tab.locator('#applied')).toHaveText('Apply');
    expect(await tab.evaluate(() => window.opener), `${how}: no opener`).toBeNull();
    await tab.close();
    expect(reports.length, `${how}: one partner-roi:cta`).toBe(before + 1);
    expect(reports[reports.length - 1].detail.result).toEqual(state.result);
    expect(page.url(), `${how}: this tab stays`).toBe(url);
  }

  // A host that cancels the event keeps the partner on the page: no new tab either. Then
  // the page opens a tab of its own, a marker: a tab the cancelled click opened would have
  // been asked for first, so it is listed before the marker's.
  await page.evaluate(() => { window.cancelCta = true; });
  const opened = [];
  context.on('page', (tab) => { opened.push(tab); });
  await link.click({ modifiers: ['ControlOrMeta'] });
  await expect.poll(() => reports.length).toBe(3);
  const marker = `${url}#marker-after-the-cancelled-click`;
  await page.evaluate((marker) => {
    const markerLink = Object.assign(document.createElement('a'), { id: 'marker', href: marker, target: '_blank', rel: 'noopener', textContent: 'marker' });
    document.body.append(markerLink);
  }, marker);
  await page.locator('#marker').click();
  await expect.poll(() => opened.map((tab) => tab.url())).toContain(marker);
  expect(opened.map((tab) => tab.url()), 'tabs opened after the cancelled click').toEqual([marker]);
  await opened[0].close();
  expect(await page.evaluate(() => window.samePage)).toBe('yes');
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test.describe('a cta url that is not https:, http: or mailto:', () => {
  const BAD_URLS = ['javascript:alert(1)', 'JavaScript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>'];

  for (const bad of BAD_URLS) {
    test(`${JSON.stringify(bad)} in program-src fails the program and fires partner-roi:error`, async ({ page, request }) => {
      const dialogs = [];
      page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
      const errors = collectErrors(page);
      const reseller = await resellerProgram(request);
      const evil = '/programs/evil-cta.json';
      await page.route(`${ORIGIN}${evil}`, (route) => route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ...reseller, cta: { label: 'Click me', url: bad } }),
      }));
      const url = await serveHostPage(page, 'cta-evil', hostDocument({
        body: `${ERROR_RECORDER}
  <partner-roi debug tools="all" id="w" program-src="${evil}"></partner-roi>`,
      }));
      await page.goto(url);
      const failure = page.locator('#w .partner-roi-failed');
      await expect(failure).toBeVisible();
      await expect(failure).toContainText('only https:, http: and mailto:');
      await expect(failure).toContainText('cta.url');
      await expect(page.locator('#w a.cta-button')).toHaveCount(0);
      await expect(page.locator('#w .tier-card')).toHaveCount(0);
      await expect.poll(() => page.evaluate(() => window.errorEvents.length)).toBeGreaterThan(0);
      const events = await page.evaluate(() => window.errorEvents);
      expect(events.map((event) => event.detail.path)).toContain('cta.url');
      expect(events.find((event) => event.detail.path === 'cta.url').detail.message).toContain('only https:, http: and mailto:');
      expect(await page.evaluate(() => document.getElementById('w').result)).toBeNull();
      expect(dialogs).toEqual([]);
      expect(errors, 'console errors, page errors and failed requests').toEqual([]);
    });
  }

  test('an inline program (embedded document) with a javascript: cta fails the same way', async ({ page, request }) => {
    const errors = collectErrors(page);
    const reseller = await resellerProgram(request);
    const program = { ...reseller, cta: { label: 'Click me', url: 'javascript:alert(1)' } };
    const url = await serveHostPage(page, 'cta-evil-inline', hostDocument({
      body: `${ERROR_RECORDER}
  <partner-roi program="example" debug tools="all" id="w"><script type="application/json">${JSON.stringify({ program }).replace(/</g, '\\u003c')}</script></partner-roi>`,
    }));
    await page.goto(url);
    const failure = page.locator('#w .partner-roi-failed');
    await expect(failure).toContainText('only https:, http: and mailto:');
    await expect(page.locator('#w a.cta-button')).toHaveCount(0);
    // The path is within the embedded document: program.cta.url.
    await expect.poll(() => page.evaluate(() => window.errorEvents.map((event) => event.detail.path))).toContain('program.cta.url');
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });

  test('setting such a program as the program property keeps the current program and reports it', async ({ page, request }) => {
    const errors = collectErrors(page);
    const reseller = await resellerProgram(request);
    const url = await serveHostPage(page, 'cta-evil-property', hostDocument({
      body: `${ERROR_RECORDER}
  <partner-roi debug tools="all" id="w" program-src="/programs/reseller.json"></partner-roi>`,
    }));
    await page.goto(url);
    const widget = page.locator('#w');
    await expect(widget.locator('a.cta-button')).toHaveText(labelled(reseller.cta.label));
    const href = await widget.locator('a.cta-button').getAttribute('href');
    await page.evaluate((program) => {
      document.getElementById('w').program = { ...program, cta: { label: 'Click me', url: 'javascript:alert(1)' } };
    }, reseller);
    await expect(widget.locator('.notices')).toContainText('only https:, http: and mailto:');
    await expect.poll(() => page.evaluate(() => window.errorEvents.map((event) => event.detail.path))).toContain('cta.url');
    await expect(widget.locator('a.cta-button')).toHaveAttribute('href', href);
    await expect(widget.locator('a[href^="javascript:" i]')).toHaveCount(0);
    expect((await settledState(page, '#w')).program.cta.url).toBe(reseller.cta.url);
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });
});
