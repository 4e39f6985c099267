// Embedding <partner-roi program="example" debug tools="all"> in host pages: hostile host CSS, several widgets per page,
// program-src loading and failures, the host API (inputs/result/events), theming,
// a doubly loaded bundle and invalid attributes.
//
// Host pages are served by page.route under /test/ on the dist/ origin, so they load
// /partner-roi.js and /programs/*.json from the static server.
const { test, expect } = require('@playwright/test');
const {
  ORIGIN,
  serveHostPage,
  hostDocument,
  collectErrors,
  expectShowsAmount,
} = require('./support/helpers');

const DEFAULT_TIERS = ['Registered', 'Silver', 'Gold', 'Platinum'];

/** A program file as served from dist/programs/. */
async function programFile(request, name) {
  const response = await request.get(`/programs/${name}.json`);
  expect(response.status()).toBe(200);
  return response.json();
}

/** JSON text safe to place inside an inline <script>. */
const inlineJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

/** Records every widget event on window.widgetEvents, before any widget connects. */
const EVENT_RECORDER = `<script>
  window.widgetEvents = [];
  for (const type of ['partner-roi:ready', 'partner-roi:change', 'partner-roi:error']) {
    document.addEventListener(type, (event) => {
      window.widgetEvents.push({
        type,
        id: event.target.id,
        bubbles: event.bubbles,
        composed: event.composed,
        detail: JSON.parse(JSON.stringify(event.detail)),
      });
    });
  }
</script>`;

const eventsOf = (page, type, id) =>
  page.evaluate(
    ([type, id]) => window.widgetEvents.filter((event) => event.type === type && (!id || event.id === id)),
    [type, id],
  );

/** The element's result next to the engine's projection of its program and inputs. */
const resultAndProjection = (page, id) =>
  page.evaluate(async (id) => {
    await PartnerRoi.ready;
    const el = document.getElementById(id);
    return {
      result: el.result,
      inputs: el.inputs,
      expected: PartnerRoi.project(el.program, el.inputs),
    };
  }, id);

/** Asserts that the cards of widget `id` show the element's result, and that it is the engine's. */
async function expectCardsMatchResult(page, id) {
  const { result, expected } = await resultAndProjection(page, id);
  expect(result, `${id}: el.result`).not.toBeNull();
  expect(result, `${id}: el.result equals PartnerRoi.project(el.program, el.inputs)`).toEqual(expected);
  const widget = page.locator(`#${id}`);
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(result.tiers.map((tier) => tier.name));
  const nets = await widget.locator('.tier-card .tier-net-value').allTextContents();
  result.tiers.forEach((tier, index) => expectShowsAmount(nets[index], tier.net, `${id} ${tier.name} net`));
  return result;
}

test.beforeEach(async ({ page }) => {
  // No transitions, so computed colours are final as soon as they are rendered.
  await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
});

test.describe('hostile host page', () => {
  const HOSTILE_CSS = `<style>
    * { all: unset; }
    * { box-sizing: content-box; }
    html { font-size: 16px; }
    body { font-size: 40px; color: rgb(200, 0, 0); }
    div { display: none !important; }
    .tier-card, .tier-name, .tier-net-value, .tier-cards, .partner-roi, .layout, .field-input, .field,
    article, section, ul, li, input, label, form, h2, h3, h4, p span, dl {
      display: none !important;
      visibility: hidden !important;
      font-size: 3px !important;
      color: rgb(0, 255, 0) !important;
    }
    #host-p { font-family: Georgia, serif; font-size: 22px; line-height: 30px; }
  </style>`;

  // Computed styles of the host page's own elements: must not move when widgets load.
  const MEASURE_HOST = `(() => {
    const pick = (el) => {
      const style = getComputedStyle(el);
      const out = {};
      for (const name of ['display', 'font-size', 'font-family', 'line-height', 'color', 'box-sizing',
        'margin-top', 'padding-top', 'font-weight', 'visibility']) out[name] = style.getPropertyValue(name);
      return out;
    };
    return {
      p: pick(document.getElementById('host-p')),
      div: pick(document.getElementById('host-div')),
      body: pick(document.body),
      html: pick(document.documentElement),
      styleSheets: document.styleSheets.length,
      adoptedStyleSheets: document.adoptedStyleSheets.length,
    };
  })()`;

  test('two widgets with different programs render and stay independent under hostile CSS', async ({ page, request }) => {
    const errors = collectErrors(page);
    const reseller = await programFile(request, 'reseller');
    const referral = await programFile(request, 'referral');
    expect(reseller.tiers.map((t) => t.name)).not.toEqual(referral.tiers.map((t) => t.name));

    // No `partner-roi script { display: none }`: `* { all: unset }` would show the JSON
    // text, but once upgraded the element's shadow root (without a slot) keeps its light
    // DOM children out of the rendering; that is checked below.
    const url = await serveHostPage(page, 'hostile', hostDocument({
      head: HOSTILE_CSS,
      body: `
  <p id="host-p">The host's own paragraph.</p>
  <div id="host-div">The host's own div, hidden by the host.</div>
  <script>window.hostBefore = ${MEASURE_HOST};</script>
  <partner-roi debug tools="all" id="by-src" loading="eager" program-src="/programs/reseller.json"></partner-roi>
  <partner-roi program="example" debug tools="all" id="by-script" loading="eager"><script type="application/json">${inlineJson({ program: referral })}</script></partner-roi>
  <p>After the widgets.</p>`,
    }));
    await page.goto(url);

    const bySrc = page.locator('#by-src');
    const byScript = page.locator('#by-script');
    await expect(bySrc.locator('.tier-card .tier-name')).toHaveText(reseller.tiers.map((t) => t.name));
    await expect(byScript.locator('.tier-card .tier-name')).toHaveText(referral.tiers.map((t) => t.name));
    // The host's selectors do not reach into the shadow roots.
    await expect(bySrc.locator('.tier-card').first()).toBeVisible();
    await expect(byScript.locator('.tier-card').first()).toBeVisible();
    await expect(bySrc.locator('.tier-net-value').first()).toBeVisible();
    const inner = await page.evaluate(() => {
      const card = document.getElementById('by-src').shadowRoot.querySelector('.tier-card');
      const style = getComputedStyle(card);
      return { display: style.display, boxSizing: style.boxSizing, visibility: style.visibility };
    });
    expect(inner).toEqual({ display: 'flex', boxSizing: 'border-box', visibility: 'visible' });
    // The configuration document is not rendered as text.
    expect(await page.evaluate(() =>
      document.querySelector('#by-script > script').getClientRects().length)).toBe(0);

    const resellerBefore = await expectCardsMatchResult(page, 'by-src');
    const referralBefore = await expectCardsMatchResult(page, 'by-script');
    expect(resellerBefore.program_id).toBe(reseller.id);
    expect(referralBefore.program_id).toBe(referral.id);
    const referralNets = await byScript.locator('.tier-net-value').allTextContents();
    const referralInputs = await page.evaluate(() => document.getElementById('by-script').inputs);

    // Typing into one widget changes only that widget.
    const resellerNets = await bySrc.locator('.tier-net-value').allTextContents();
    const dealValue = bySrc.getByLabel(reseller.inputs.deal_value.label || 'Yearly license value per client');
    await dealValue.fill('55000');
    await expect(bySrc.locator('.tier-net-value').first()).not.toHaveText(resellerNets[0]);
    const resellerAfter = await expectCardsMatchResult(page, 'by-src');
    expect(resellerAfter.tiers.map((t) => t.net)).not.toEqual(resellerBefore.tiers.map((t) => t.net));
    expect((await resultAndProjection(page, 'by-src')).inputs.deal_value).toBe('55000');

    const referralNow = await resultAndProjection(page, 'by-script');
    expect(referralNow.result).toEqual(referralBefore);
    expect(referralNow.inputs).toEqual(referralInputs);
    await expect(byScript.locator('.tier-net-value')).toHaveText(referralNets);

    // And the other way round.
    await byScript.getByLabel(referral.inputs.deal_value.label).fill('12000');
    await expect(byScript.locator('.tier-net-value').first()).not.toHaveText(referralNets[0]);
    await expectCardsMatchResult(page, 'by-script');
    expect((await resultAndProjection(page, 'by-src')).result).toEqual(resellerAfter);

    // The host page's own elements kept their computed styles, and no stylesheet was
    // added to the document.
    const before = await page.evaluate(() => window.hostBefore);
    const after = await page.evaluate(MEASURE_HOST);
    expect(before.p['font-size']).toBe('22px');
    expect(before.div.display).toBe('none');
    expect(after).toEqual(before);

    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });

  test("the host's inherited styles do not resize or recolour the widget's text", async ({ page }) => {
    // `* { all: unset }` beats the widget's own `:host` rules (the outer scope wins), so
    // the host element inherits the body's 40px red text. The widget's text must still
    // look as it does on a neutral page.
    const errors = collectErrors(page);
    const measure = () => page.evaluate(() => {
      const root = document.getElementById('w').shadowRoot;
      const pick = (selector) => {
        const el = root.querySelector(selector);
        if (!el) return null;
        const style = getComputedStyle(el);
        return { fontSize: style.fontSize, lineHeight: style.lineHeight, color: style.color, fontFamily: style.fontFamily };
      };
      return {
        widget: pick('.partner-roi'),
        title: pick('.program-name'),
        description: pick('.program-description'),
        tierName: pick('.tier-name'),
        net: pick('.tier-net-value'),
        label: pick('.field-label'),
        input: pick('.field-input'),
        benefit: pick('.tier-benefits li'),
      };
    });
    const plain = await serveHostPage(page, 'plain', hostDocument({ body: '<partner-roi program="example" debug tools="all" id="w"></partner-roi>' }));
    await page.goto(plain);
    await expect(page.locator('#w .tier-card')).toHaveCount(4);
    const neutral = await measure();

    const hostile = await serveHostPage(page, 'hostile-text', hostDocument({
      head: HOSTILE_CSS,
      body: '<partner-roi program="example" debug tools="all" id="w"></partner-roi>',
    }));
    await page.goto(hostile);
    await expect(page.locator('#w .tier-card')).toHaveCount(4);
    expect(await measure()).toEqual(neutral);
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });
});

test.describe('program-src', () => {
  test('loads a program file; a 404 and malformed JSON fail clearly and fire partner-roi:error', async ({ page, request }) => {
    const cloud = await programFile(request, 'cloud-services');
    const missing = '/programs/missing-program.json';
    const broken = '/programs/broken-program.json';
    await page.route(`${ORIGIN}${missing}`, (route) =>
      route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
    await page.route(`${ORIGIN}${broken}`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"version": 1, "id": "broken", "tiers": [' }));
    const errors = collectErrors(page, (text) => text.includes('missing-program.json'));

    const url = await serveHostPage(page, 'program-src', hostDocument({
      body: `${EVENT_RECORDER}
  <partner-roi debug tools="all" id="ok" loading="eager" program-src="/programs/cloud-services.json"></partner-roi>
  <partner-roi debug tools="all" id="missing" loading="eager" program-src="${missing}"></partner-roi>
  <partner-roi debug tools="all" id="broken" loading="eager" program-src="${broken}"></partner-roi>`,
    }));
    await page.goto(url);

    const ok = page.locator('#ok');
    await expect(ok.locator('.tier-card .tier-name')).toHaveText(cloud.tiers.map((t) => t.name));
    await expect(ok.locator('.program-name')).toHaveText(cloud.name);
    await expect(ok.locator('.partner-roi-failed')).toHaveCount(0);
    const result = await expectCardsMatchResult(page, 'ok');
    expect(result.program_id).toBe(cloud.id);
    expect(await page.evaluate(() => document.getElementById('ok').program.id)).toBe(cloud.id);

    // 404: said in the widget, with the status, and reported to the host.
    const missingFailure = page.locator('#missing .partner-roi-failed');
    await expect(missingFailure).toBeVisible();
    await expect(missingFailure).toContainText('could not load');
    await expect(missingFailure).toContainText('404');
    await expect(missingFailure).toContainText(missing);
    await expect(page.locator('#missing .tier-card')).toHaveCount(0);
    await expect.poll(() => eventsOf(page, 'partner-roi:error', 'missing').then((e) => e.length)).toBeGreaterThan(0);
    const [missingEvent] = await eventsOf(page, 'partner-roi:error', 'missing');
    expect(missingEvent.bubbles && missingEvent.composed).toBe(true);
    expect(missingEvent.detail.path).toBe('program-src');
    expect(missingEvent.detail.message).toContain('404');
    expect(await page.evaluate(() => document.getElementById('missing').result)).toBeNull();

    // Malformed JSON: said in the widget and reported to the host.
    const brokenFailure = page.locator('#broken .partner-roi-failed');
    await expect(brokenFailure).toBeVisible();
    await expect(brokenFailure).toContainText(/not valid JSON/i);
    await expect(page.locator('#broken .tier-card')).toHaveCount(0);
    await expect.poll(() => eventsOf(page, 'partner-roi:error', 'broken').then((e) => e.length)).toBeGreaterThan(0);
    const [brokenEvent] = await eventsOf(page, 'partner-roi:error', 'broken');
    expect(brokenEvent.detail.message).toMatch(/JSON/);
    expect(typeof brokenEvent.detail.path).toBe('string');

    // The working widget fired no error and became ready once.
    expect(await eventsOf(page, 'partner-roi:error', 'ok')).toEqual([]);
    expect(await eventsOf(page, 'partner-roi:ready', 'ok')).toHaveLength(1);
    expect(await eventsOf(page, 'partner-roi:ready', 'missing')).toEqual([]);
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });

  test('a program file that is not JSON is reported as a program-src problem naming the file', async ({ page }) => {
    // A host page with several widgets must be able to tell which file is broken: the
    // failure says where the program came from, like the 404 message does.
    const broken = '/programs/broken-program.json';
    await page.route(`${ORIGIN}${broken}`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"version": 1, "id": "broken", "tiers": [' }));
    const url = await serveHostPage(page, 'program-src-broken', hostDocument({
      body: `${EVENT_RECORDER}
  <partner-roi debug tools="all" id="broken" program-src="${broken}"></partner-roi>`,
    }));
    await page.goto(url);
    const failure = page.locator('#broken .partner-roi-failed');
    await expect(failure).toContainText(/JSON/);
    await expect(failure).toContainText(broken);
    await expect.poll(() => eventsOf(page, 'partner-roi:error', 'broken').then((e) => e.length)).toBeGreaterThan(0);
    const [event] = await eventsOf(page, 'partner-roi:error', 'broken');
    expect(event.detail.path).toBe('program-src');
    expect(event.detail.message).toContain(broken);
  });
});

test('setting inputs updates result at once and fires partner-roi:change with the engine result', async ({ page }) => {
  const errors = collectErrors(page);
  const url = await serveHostPage(page, 'inputs-property', hostDocument({
    body: `${EVENT_RECORDER}
  <partner-roi program="example" debug tools="all" id="w"></partner-roi>`,
  }));
  await page.goto(url);
  const widget = page.locator('#w');
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
  await expect.poll(() => eventsOf(page, 'partner-roi:ready', 'w').then((e) => e.length)).toBe(1);
  const initial = await expectCardsMatchResult(page, 'w');
  const [ready] = await eventsOf(page, 'partner-roi:ready', 'w');
  expect(ready.bubbles && ready.composed).toBe(true);
  expect(ready.detail.result).toEqual(initial);
  const netsBefore = await widget.locator('.tier-net-value').allTextContents();

  const now = await page.evaluate(() => {
    window.widgetEvents.length = 0;
    const el = document.getElementById('w');
    const before = el.result;
    el.inputs = { deal_value: 42000, existing_clients: '12' };
    // Read synchronously, in the same task as the assignment.
    return {
      before,
      result: el.result,
      inputs: el.inputs,
      expected: PartnerRoi.project(el.program, el.inputs),
      expectedFromGiven: PartnerRoi.project(el.program, { deal_value: 42000, existing_clients: '12' }),
    };
  });
  expect(now.before).toEqual(initial);
  expect(now.inputs.deal_value).toBe('42000');
  expect(now.inputs.existing_clients).toBe('12');
  expect(now.result).toEqual(now.expected);
  expect(now.result).toEqual(now.expectedFromGiven);
  expect(now.result.tiers.map((t) => t.net)).not.toEqual(initial.tiers.map((t) => t.net));

  await expect.poll(() => eventsOf(page, 'partner-roi:change', 'w').then((e) => e.length)).toBeGreaterThan(0);
  const changes = await eventsOf(page, 'partner-roi:change', 'w');
  const last = changes[changes.length - 1];
  expect(last.bubbles && last.composed).toBe(true);
  const after = await resultAndProjection(page, 'w');
  expect(last.detail.result).toEqual(after.result);
  expect(last.detail.result).toEqual(after.expected);
  expect(last.detail.result).toEqual(now.result);
  expect(last.detail.inputs).toEqual(after.inputs);
  expect(await eventsOf(page, 'partner-roi:error', 'w')).toEqual([]);
  expect(await eventsOf(page, 'partner-roi:ready', 'w')).toEqual([]);

  // The cards show the new nets, and the box shows the new deal value.
  await expect(widget.locator('.tier-net-value').first()).not.toHaveText(netsBefore[0]);
  await expectCardsMatchResult(page, 'w');
  await expect(widget.getByLabel('Yearly license value per client')).toHaveValue(/^42,?000$/);
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('program and inputs properties set before the element connects are kept once it does', async ({ page, request }) => {
  const errors = collectErrors(page);
  const referral = await programFile(request, 'referral');
  const reseller = await programFile(request, 'reseller');
  const url = await serveHostPage(page, 'properties-before-connect', hostDocument({
    body: `${EVENT_RECORDER}
  <script type="application/json" id="referral">${inlineJson(referral)}</script>
  <script type="application/json" id="reseller">${inlineJson({ program: reseller })}</script>`,
  }));
  await page.goto(url);
  await page.evaluate(async () => {
    await PartnerRoi.ready;
    const referral = JSON.parse(document.getElementById('referral').textContent);
    // A bare element, and one whose embedded document names another program.
    for (const [id, embedded] of [['bare', null], ['embedded', document.getElementById('reseller').textContent]]) {
      const el = document.createElement('partner-roi');
      el.id = id;
      el.setAttribute('loading', 'eager');
      if (embedded) {
        const config = document.createElement('script');
        config.type = 'application/json';
        config.textContent = embedded;
        el.append(config);
      }
      el.program = referral;
      el.inputs = { deal_value: 42000 };
      document.body.append(el);
    }
  });
  for (const id of ['bare', 'embedded']) {
    const widget = page.locator(`#${id}`);
    await expect(widget.locator('.tier-card .tier-name')).toHaveText(referral.tiers.map((tier) => tier.name));
    await expect(widget.getByLabel(referral.inputs.deal_value.label)).toHaveValue(/^42,?000$/);
    const { result, inputs, expected } = await resultAndProjection(page, id);
    expect(inputs.deal_value).toBe('42000');
    expect(result.program_id).toBe(referral.id);
    expect(result).toEqual(expected);
    expect(await page.evaluate((id) => document.getElementById(id).program.id, id)).toBe(referral.id);
  }
  expect(await eventsOf(page, 'partner-roi:error')).toEqual([]);
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('when partner-roi_bg.wasm cannot load, every widget says so in place and fires partner-roi:error', async ({ page }) => {
  const errors = collectErrors(page, (text) => text.includes('partner-roi_bg.wasm') || text.includes('could not load'));
  await page.route(`${ORIGIN}/partner-roi_bg.wasm`, (route) => route.fulfill({ status: 404, body: 'gone' }));
  const url = await serveHostPage(page, 'wasm-missing', hostDocument({
    body: `${EVENT_RECORDER}
  <partner-roi program="example" debug tools="all" id="a"></partner-roi>
  <partner-roi debug tools="all" id="b" program-src="/programs/reseller.json"></partner-roi>`,
  }));
  await page.goto(url);
  for (const id of ['a', 'b']) {
    const alert = page.locator(`#${id}`).getByRole('alert');
    await expect(alert).toContainText('This calculator could not load');
    await expect(alert).toContainText('404');
  }
  const reported = await eventsOf(page, 'partner-roi:error');
  expect(reported.map((event) => [event.id, event.detail.path])).toEqual([['a', 'wasm'], ['b', 'wasm']]);
  expect(reported[0].detail.message).toContain('404');
  expect(await page.evaluate(() => PartnerRoi.ready.then(() => 'ready', (error) => error.message))).toContain('404');
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('the host page themes the widget through --partner-roi-accent', async ({ page }) => {
  const errors = collectErrors(page);
  const ACCENT = 'rgb(0, 170, 119)';
  // Accent-coloured parts (styles/widget.css): the pressed tier button's background and
  // border, and the recommended card's border.
  const measure = () => page.evaluate(() => {
    const root = document.getElementById('w').shadowRoot;
    const button = root.querySelector('.tier-select[aria-pressed="true"]');
    const recommended = root.querySelector('.tier-card-recommended');
    const style = getComputedStyle(button);
    return {
      buttonBackground: style.backgroundColor,
      buttonBorder: style.borderTopColor,
      recommendedBorder: recommended && getComputedStyle(recommended).borderTopColor,
    };
  });

  const plainUrl = await serveHostPage(page, 'theme-plain', hostDocument({ body: '<partner-roi program="example" debug tools="all" id="w"></partner-roi>' }));
  await page.goto(plainUrl);
  await expect(page.locator('#w .tier-select[aria-pressed="true"]')).toHaveCount(1);
  const plain = await measure();

  const themedUrl = await serveHostPage(page, 'theme-accent', hostDocument({
    head: `<style>partner-roi { --partner-roi-accent: ${ACCENT}; }</style>`,
    body: '<partner-roi program="example" debug tools="all" id="w"></partner-roi>',
  }));
  await page.goto(themedUrl);
  await expect(page.locator('#w .tier-select[aria-pressed="true"]')).toHaveCount(1);
  const themed = await measure();

  expect(plain.buttonBackground).not.toBe(ACCENT);
  expect(themed.buttonBackground).toBe(ACCENT);
  expect(themed.buttonBorder).toBe(ACCENT);
  expect(plain.buttonBorder).not.toBe(ACCENT);
  if (themed.recommendedBorder !== null) {
    expect(themed.recommendedBorder).toBe(ACCENT);
    expect(plain.recommendedBorder).not.toBe(ACCENT);
  }
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('loading partner-roi.js twice is harmless', async ({ page }) => {
  const errors = collectErrors(page);
  const bundles = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/partner-roi.js') bundles.push([response.url(), response.status()]);
  });
  const url = await serveHostPage(page, 'twice', hostDocument({
    head: '<script type="module" src="/partner-roi.js?again"></script>',
    body: '<partner-roi program="example" debug tools="all" id="w"></partner-roi>',
  }));
  await page.goto(url);
  const widget = page.locator('#w');
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(DEFAULT_TIERS);
  await page.evaluate(() => PartnerRoi.ready);
  // Both copies were fetched and ran (the page's load event waits for module scripts).
  await page.waitForLoadState('load');
  expect(bundles.map(([u]) => new URL(u).search).sort()).toEqual(['', '?again']);
  expect(bundles.every(([, status]) => status === 200)).toBe(true);
  expect(await page.evaluate(() => document.querySelectorAll('#w').length)).toBe(1);

  await expectCardsMatchResult(page, 'w');
  const nets = await widget.locator('.tier-net-value').allTextContents();
  await widget.getByLabel('Yearly license value per client').fill('31000');
  await expect(widget.locator('.tier-net-value').first()).not.toHaveText(nets[0]);
  await expectCardsMatchResult(page, 'w');

  // A widget created afterwards works too.
  await page.evaluate(() => {
    const el = document.createElement('partner-roi');
    el.id = 'later';
    el.setAttribute('loading', 'eager');
    el.setAttribute('program-src', '/programs/referral.json');
    document.body.append(el);
  });
  await expect(page.locator('#later .tier-card')).toHaveCount(4);
  await expectCardsMatchResult(page, 'later');
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test.describe('invalid inputs attribute', () => {
  const expectStillComputes = async (page, id) => {
    await expect(page.locator(`#${id} .tier-card .tier-name`)).toHaveText(DEFAULT_TIERS);
    const result = await expectCardsMatchResult(page, id);
    const { inputs } = await resultAndProjection(page, id);
    const defaults = await page.evaluate(() => PartnerRoi.project(null, null));
    expect(result).toEqual(defaults);
    return inputs;
  };

  test('a value that is not a number is listed and reported with its path', async ({ page }) => {
    const errors = collectErrors(page);
    const url = await serveHostPage(page, 'inputs-abc', hostDocument({
      body: `${EVENT_RECORDER}
  <partner-roi program="example" debug tools="all" id="abc" inputs='{"deal_value": "abc"}'></partner-roi>`,
    }));
    await page.goto(url);
    const notices = page.locator('#abc .notices');
    await expect(notices).toBeVisible();
    await expect(notices).toContainText('deal_value');
    await expectStillComputes(page, 'abc');
    const events = await eventsOf(page, 'partner-roi:error', 'abc');
    expect(events.map((e) => e.detail.path)).toEqual(['inputs.deal_value']);
    expect(events[0].detail.message).toContain('inputs.deal_value');
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });

  test('an attribute that is not JSON is listed and reported when set in the markup', async ({ page }) => {
    const errors = collectErrors(page);
    const url = await serveHostPage(page, 'inputs-not-json', hostDocument({
      body: `${EVENT_RECORDER}
  <partner-roi program="example" debug tools="all" id="bad" inputs="deal_value = lots"></partner-roi>`,
    }));
    await page.goto(url);
    await expectStillComputes(page, 'bad');
    const notices = page.locator('#bad .notices');
    await expect(notices).toBeVisible();
    await expect(notices).toContainText('inputs');
    const events = await eventsOf(page, 'partner-roi:error', 'bad');
    expect(events.map((e) => e.detail.path)).toEqual(['inputs']);
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });

  test('an attribute that is not JSON is listed and reported when changed by page script', async ({ page }) => {
    const errors = collectErrors(page);
    const url = await serveHostPage(page, 'inputs-not-json-later', hostDocument({
      body: `${EVENT_RECORDER}
  <partner-roi program="example" debug tools="all" id="later"></partner-roi>`,
    }));
    await page.goto(url);
    await expectStillComputes(page, 'later');
    await expect(page.locator('#later .notices')).toHaveCount(0);

    await page.evaluate(() => document.getElementById('later').setAttribute('inputs', '{not json'));
    const notices = page.locator('#later .notices');
    await expect(notices).toBeVisible();
    await expect(notices).toContainText('inputs');
    const events = await eventsOf(page, 'partner-roi:error', 'later');
    expect(events.map((e) => e.detail.path)).toEqual(['inputs']);
    await expectStillComputes(page, 'later');
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });
});
