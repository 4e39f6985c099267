// Applications (issue 30): with a `lead` section the call to action opens an application
// form in the widget. Nothing leaves until the answers check out and the consent box is
// ticked; then the cancelable `partner-roi:lead` fires and the application goes, once, to
// the program's destination only: a webhook (the body of docs/lead.schema.json, no
// cookies), HubSpot's v3 form endpoint, or a mailto: link. Failures keep everything typed;
// offline, the offline file keeps the application and sends it when opened online again.
// Webhooks are a local server (support/receiver.js); HubSpot is a page.route.
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { test, expect } = require('@playwright/test');
const Ajv2020 = require('ajv/dist/2020');
const {
  ORIGIN,
  DIST,
  catalogue,
  serveHostPage,
  hostDocument,
  collectErrors,
  expectNoAxeViolations,
} = require('./support/helpers');
const { settledState, expectInput } = require('./support/sales');
const { startReceiver } = require('./support/receiver');

const SCHEMA = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'lead.schema.json'), 'utf8'));
// "format" is not checked by ajv here: submitted_at is checked with Date.parse instead.
const validateApplication = new Ajv2020({ allErrors: true, validateFormats: false }).compile(SCHEMA);

const CONSENT = 'I agree that Example Cloud may contact me about its partner program.';
const PRIVACY = 'https://example.com/privacy';
const FIELDS = { company: 'required', phone: 'optional', message: 'optional' };
const HUBSPOT = { portal_id: '1234567', form_guid: '0d5e4a6c-1f2b-4c3d-8e9f-0a1b2c3d4e5f' };
const HUBSPOT_URL = `https://api.hsforms.com/submissions/v3/integration/submit/${HUBSPOT.portal_id}/${HUBSPOT.form_guid}`;
const EN = catalogue('en');

/** The keys of every analytics entry (analytics.spec.js): the event and its parameters. */
const ANALYTICS_PARAMS = ['currency', 'event', 'language', 'program_id', 'tier', 'value'];

/**
 * Injected before any page script (so also under a strict CSP): records partner-roi:lead
 * (cancelling it while window.cancelLead), navigations started and CSP violations.
 */
function pageRecorders() {
  window.cancelLead = false;
  window.leadEvents = [];
  document.addEventListener('partner-roi:lead', (event) => {
    if (window.cancelLead) event.preventDefault();
    window.leadEvents.push({
      target: event.target.id,
      bubbles: event.bubbles,
      composed: event.composed,
      cancelable: event.cancelable,
      defaultPrevented: event.defaultPrevented,
      detail: JSON.parse(JSON.stringify(event.detail)),
    });
  });
  window.navigationsStarted = [];
  navigation.addEventListener('navigate', (event) => { window.navigationsStarted.push(event.destination.url); });
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.cspViolations.push({ directive: event.effectiveDirective, blocked: event.blockedURI });
  }, true);
}

/** The reseller program with a `lead` section sending to `destination`. */
async function leadProgram(request, destination, fields = FIELDS) {
  const response = await request.get('/programs/reseller.json');
  expect(response.status()).toBe(200);
  const reseller = await response.json();
  return { ...reseller, lead: { fields, destination, consent_text: CONSENT, privacy_url: PRIVACY } };
}

/**
 * Serves `program` as /test/<name>.json and a host page /test/<name>.html with a widget `#w`
 * loading it (`attributes` added; `policy`: a Content-Security-Policy header, and then a
 * page with no inline script or style), opens it at `fragment` and waits for the cards.
 */
async function openLeadHost(page, name, program, { attributes = '', fragment = '', policy = null } = {}) {
  await page.addInitScript(pageRecorders);
  await page.route(`${ORIGIN}/test/${name}.json`, (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify(program),
  }));
  const element = `<partner-roi id="w" loading="eager" program-src="/test/${name}.json" ${attributes}></partner-roi>`;
  let url;
  if (policy) {
    url = `${ORIGIN}/test/${name}.html`;
    await page.route(url, (route) => route.fulfill({
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': policy },
      body: `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>partner-roi test host</title>
  <script type="module" src="/partner-roi.js"></script>
</head>
<body>
  ${element}
</body>
</html>`,
    }));
  } else {
    url = await serveHostPage(page, name, hostDocument({ body: element }));
  }
  await page.goto(url + fragment);
  const widget = page.locator('#w');
  await expect(widget.locator('.tier-card')).toHaveCount(program.tiers.length);
  return { url, widget };
}

/** The button that opens the form (the call to action while the form is closed). */
const opener = (widget) => widget.locator('div.cta > button.cta-button');
/** The form's box for a `lead` field (`name`, `email`, `company`, …) or `consent`. */
const box = (widget, field) => widget.locator(`form.application-form [id$="-lead-${field}"]`);
const sendButton = (widget) => widget.locator('.application-actions button[type=submit]');

/** Opens the form with a click and waits for its heading to take focus. */
async function openForm(widget) {
  await opener(widget).click();
  await expect(widget.locator('h4.application-title')).toBeFocused();
}

/** Types each answer (field → text) and ticks the box unless `consent` is false. */
async function fillForm(widget, answers, { consent = true } = {}) {
  for (const [field, text] of Object.entries(answers)) await box(widget, field).fill(text);
  if (consent) await box(widget, 'consent').check();
}

/** Presses Tab until `target` has the focus. */
async function tabTo(page, target, limit = 80) {
  for (let presses = 0; presses <= limit; presses += 1) {
    if (await target.evaluate((el) => el.getRootNode().activeElement === el)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target} not reached in ${limit} presses of Tab`);
}

let sentinels = 0;
/**
 * A request the page starts after everything it may have sent, with the page's cookies:
 * once it has arrived, so has anything sent before it. Returns what `receiver` recorded.
 */
async function pageRequestAfter(page, receiver) {
  sentinels += 1;
  const sentinel = `/sentinel-${sentinels}`;
  await page.evaluate((url) => fetch(url, { mode: 'no-cors', credentials: 'include', cache: 'no-store' }), receiver.origin + sentinel);
  await expect.poll(() => receiver.requests.some((request) => request.path === sentinel)).toBe(true);
  return receiver.requests.find((request) => request.path === sentinel);
}

const leadEvents = (page) => page.evaluate(() => window.leadEvents);
const dataLayer = (page) => page.evaluate(() => window.dataLayer ?? []);

/** `text` with its {placeholders} filled in. */
const fill = (text, values) => Object.entries(values).reduce((out, [key, value]) => out.split(`{${key}}`).join(value), text);

/**
 * Asserts that `application` is the documented body: schema-valid, with `contact`, the
 * tier's figures from `state.result`, `state.inputs`, the page's address and a share link.
 */
function expectApplication(application, { program, state, tier, contact, pageUrl, language = 'en', sentBetween }) {
  const valid = validateApplication(application);
  expect(valid, `schema errors: ${JSON.stringify(validateApplication.errors, null, 1)}`).toBe(true);
  const selected = state.result.tiers.find((candidate) => candidate.id === tier);
  expect(selected, `tier ${tier} in the result`).toBeTruthy();
  expect(application).toEqual({
    version: 1,
    program: program.id,
    submitted_at: expect.any(String),
    language,
    contact,
    consent: { given: true, text: CONSENT, privacy_url: PRIVACY },
    tier,
    tier_name: selected.name,
    currency: program.currency,
    figures: { net: selected.net, roi: selected.roi, payback_months: selected.payback_months, npv: selected.npv },
    inputs: state.inputs,
    share_url: expect.any(String),
    page_url: pageUrl,
    rep: null,
  });
  expect(application.submitted_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  const submitted = Date.parse(application.submitted_at);
  expect(submitted).toBeGreaterThanOrEqual(sentBetween[0] - 1000);
  expect(submitted).toBeLessThanOrEqual(sentBetween[1] + 1000);
  expect(application.share_url.startsWith(`${pageUrl}#`), application.share_url).toBe(true);
  expect(application.share_url).toContain('partner-roi-w=');
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
});

test.describe('to a webhook', () => {
  let receiver;
  test.beforeEach(async ({ context }) => {
    receiver = await startReceiver();
    // The host page is fulfilled by page.route, so it has no address of its own: Chromium's
    // Local Network Access asks before such a page may reach 127.0.0.1.
    await context.grantPermissions(['local-network-access']);
  });
  test.afterEach(async () => { await receiver.close(); });

  test('sent by keyboard alone: one POST of the documented body, no cookies, generate_lead without personal data', async ({ page, context, request }) => {
    const errors = collectErrors(page);
    // The receiver's host has a cookie: a request with credentials would carry it.
    await context.addCookies([{ name: 'session', value: 'secret-session', domain: '127.0.0.1', path: '/' }]);
    const program = await leadProgram(request, { webhook: receiver.url });
    // No saved figures: only the share link can bring them back at the end.
    const { url, widget } = await openLeadHost(page, 'lead-keyboard', program, { attributes: 'analytics="datalayer" persist="off"' });

    // New figures, another tier and the form, all from the keyboard.
    await tabTo(page, widget.locator('[id$="-deal_value"]'));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('31234.57');
    await expectInput(page, '#w', 'deal_value', '31234.57');
    const gold = program.tiers.find((tier) => tier.id === 'gold');
    await tabTo(page, widget.getByRole('article', { name: `${gold.name} tier`, exact: true }).locator('.tier-select'));
    await page.keyboard.press('Enter');
    await expect(widget.locator('.tier-card-selected .tier-name')).toHaveText(gold.name);
    await expect(opener(widget)).toHaveText(`${program.cta.label} – ${gold.name}`);
    await tabTo(page, opener(widget));
    await page.keyboard.press('Enter');
    await expect(widget.locator('h4.application-title')).toHaveText(`Apply for ${gold.name}`);
    await expect(widget.locator('h4.application-title')).toBeFocused();
    await expect(widget.locator('.application-what li')).toContainText([`The tier you apply for: ${gold.name}`, 'The figures you entered, and a link to them']);

    // Name, email, company, phone (left empty), message (only spaces), the box, the link, Send.
    for (const [field, text] of [['name', '  Ada Lovelace  '], ['email', ' ada@example.com '], ['company', 'Analytical Engines Ltd'], ['phone', ''], ['message', '   ']]) {
      await page.keyboard.press('Tab');
      await expect(box(widget, field)).toBeFocused();
      if (text) await page.keyboard.type(text);
    }
    await page.keyboard.press('Tab');
    await expect(box(widget, 'consent')).toBeFocused();
    await page.keyboard.press('Space');
    await expect(box(widget, 'consent')).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(widget.locator('a.application-privacy')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(sendButton(widget)).toBeFocused();

    // The receiver holds its answer: the application is on its way while Send is pressed again.
    let release;
    receiver.hold = new Promise((resolve) => { release = resolve; });
    const state = await settledState(page, '#w');
    const startedAt = Date.now();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(sendButton(widget)).toHaveText('Sending…');
    await expect(sendButton(widget)).toBeDisabled();
    // A submit the disabled button cannot stop: the widget itself sends nothing more.
    await widget.locator('form.application-form').evaluate((form) => form.requestSubmit());
    await expect.poll(() => receiver.posts().length).toBe(1);
    release();
    await expect(widget.locator('p.application-done')).toHaveText(`Thank you. Your application for ${gold.name} was sent.`);
    await expect(widget.locator('p.application-done')).toHaveAttribute('role', 'status');
    const sentinel = await pageRequestAfter(page, receiver);
    const endedAt = Date.now();
    expect(receiver.posts(), 'POSTs received').toHaveLength(1);

    const [post] = receiver.posts();
    expect(post.path).toBe('/lead');
    expect(post.headers['content-type']).toBe('application/json');
    expect(sentinel.headers.cookie, 'a request with credentials carries the cookie').toBe('session=secret-session');
    expect(post.headers.cookie, 'the application carries no cookie').toBeUndefined();
    expectApplication(post.body, {
      program,
      state,
      tier: 'gold',
      contact: { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Engines Ltd' },
      pageUrl: url,
      sentBetween: [startedAt, endedAt],
    });
    expect(state.inputs.deal_value).toBe('31234.57');

    // One partner-roi:lead, with exactly the body the webhook got.
    const events = await leadEvents(page);
    expect(events).toHaveLength(1);
    expect(events[0].detail).toEqual({ application: post.body, destination: 'webhook' });

    // Analytics: the form's opening, then generate_lead, with nothing typed in them.
    await expect.poll(async () => (await dataLayer(page)).map((entry) => entry.event)).toContain('generate_lead');
    const entries = await dataLayer(page);
    expect(entries.map((entry) => entry.event).filter((event) => ['partner_roi_cta', 'generate_lead'].includes(event))).toEqual(['partner_roi_cta', 'generate_lead']);
    const lead = entries.find((entry) => entry.event === 'generate_lead');
    expect(Object.keys(lead).sort()).toEqual(ANALYTICS_PARAMS);
    expect(lead).toMatchObject({ program_id: program.id, tier: 'gold', language: 'en', currency: program.currency });
    expect(lead.value % 1000).toBe(0);
    expect(Math.abs(lead.value - Number(post.body.figures.net))).toBeLessThanOrEqual(500);
    const reported = JSON.stringify(entries);
    for (const typed of ['Ada', 'Lovelace', 'ada@example.com', 'Analytical', '31234']) expect(reported).not.toContain(typed);

    // The share_url sent reopens those figures and that tier.
    await page.goto('about:blank');
    await page.goto(post.body.share_url);
    await expect(widget.locator('.tier-card-selected .tier-name')).toHaveText(gold.name);
    expect((await settledState(page, '#w')).inputs).toEqual(state.inputs);
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });

  test('refused answers send nothing: each problem at its field, aria-invalid, focus on the first', async ({ page, request }) => {
    const errors = collectErrors(page);
    const program = await leadProgram(request, { webhook: receiver.url });
    const { widget } = await openLeadHost(page, 'lead-refused', program);
    await openForm(widget);
    const send = sendButton(widget);
    const problems = widget.locator('p.application-problems');
    const problemOf = (field) => widget.locator(`.field:has([id$="-lead-${field}"]) p.field-problem`);
    const consentProblem = widget.locator('.application-consent p.field-problem');

    // Nothing typed, no consent.
    await send.click();
    await expect(problems).toHaveText('Please check the fields marked below.');
    await expect(problems).toHaveAttribute('role', 'alert');
    for (const field of ['name', 'email', 'company']) {
      await expect(problemOf(field)).toHaveText('Please fill this in.');
      await expect(box(widget, field)).toHaveAttribute('aria-invalid', 'true');
    }
    await expect(consentProblem).toHaveText('Tick the box to agree, or the application cannot be sent.');
    await expect(box(widget, 'consent')).toHaveAttribute('aria-invalid', 'true');
    await expect(widget.locator('p.field-problem')).toHaveCount(4);
    await expect(box(widget, 'name')).toBeFocused();

    // A name, an email without a dot in its domain, a company of spaces, still no consent.
    await fillForm(widget, { name: 'Ada Lovelace', email: 'ada@example', company: '   ' }, { consent: false });
    await send.click();
    await expect(problemOf('email')).toHaveText('Enter an email address, like name@company.com.');
    await expect(box(widget, 'email')).toHaveAccessibleDescription('Enter an email address, like name@company.com.');
    await expect(problemOf('company')).toHaveText('Please fill this in.');
    await expect(consentProblem).toHaveCount(1);
    await expect(widget.locator('p.field-problem')).toHaveCount(3);
    await expect(box(widget, 'name')).not.toHaveAttribute('aria-invalid');
    await expect(box(widget, 'email')).toBeFocused();
    // An optional field left empty is no problem.
    await expect(box(widget, 'phone')).not.toHaveAttribute('aria-invalid');

    // Everything right but the box.
    await fillForm(widget, { email: 'ada@example.com', company: 'Analytical Engines Ltd' }, { consent: false });
    await send.click();
    await expect(widget.locator('p.field-problem')).toHaveCount(1);
    await expect(consentProblem).toHaveText('Tick the box to agree, or the application cannot be sent.');
    await expect(box(widget, 'consent')).toBeFocused();

    await pageRequestAfter(page, receiver);
    expect(receiver.requests.filter((r) => !r.path.startsWith('/sentinel')), 'requests to the webhook').toEqual([]);
    expect(await leadEvents(page), 'partner-roi:lead events').toEqual([]);

    // Control: ticked, it goes.
    await box(widget, 'consent').check();
    await send.click();
    await expect(widget.locator('p.application-done')).toHaveText(/was sent\.$/);
    expect(receiver.posts()).toHaveLength(1);
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });

  test('a 500 and then a refused connection keep everything typed; "Try again" sends once', async ({ page, request }) => {
    const errors = collectErrors(page, (text) => text.startsWith(`HTTP 500: ${receiver.url}`)
      || (text.includes('Failed to load resource') && /status of 500|ERR_CONNECTION_REFUSED/.test(text)));
    const warnings = [];
    page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
    const program = await leadProgram(request, { webhook: receiver.url });
    const { widget } = await openLeadHost(page, 'lead-failures', program);
    await openForm(widget);
    const answers = {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      company: 'Analytical Engines Ltd',
      phone: '+44 20 7946 0000',
      message: 'We resell in the UK.\nSecond line.',
    };
    await fillForm(widget, answers);
    const failed = widget.locator('p.application-failed');
    const expectAllKept = async (when) => {
      for (const [field, text] of Object.entries(answers)) await expect(box(widget, field), `${field} ${when}`).toHaveValue(text);
      await expect(box(widget, 'consent'), `the box ${when}`).toBeChecked();
      await expect(sendButton(widget)).toHaveText('Try again');
      await expect(sendButton(widget)).toBeEnabled();
    };

    receiver.status = 500;
    await sendButton(widget).click();
    await expect(failed).toHaveText('It could not be sent: the server answered with error 500. Everything you typed is kept: try again.');
    await expect(failed).toHaveAttribute('role', 'alert');
    await expectAllKept('after a 500');
    expect(receiver.posts()).toHaveLength(1);
    const first = receiver.posts()[0].body;

    await receiver.close();
    await sendButton(widget).click();
    await expect(failed).toHaveText('It could not be sent: the server could not be reached. Everything you typed is kept: check your connection and try again.');
    await expectAllKept('after a refused connection');
    await expect.poll(() => warnings.filter((text) => text.includes('connect-src') && text.includes(receiver.origin))).toHaveLength(1);

    // Back up on the same address: a double click on "Try again" sends once.
    await receiver.listen();
    receiver.status = 200;
    await sendButton(widget).dblclick();
    await expect(widget.locator('p.application-done')).toHaveText(`Thank you. Your application for ${first.tier_name} was sent.`);
    await pageRequestAfter(page, receiver);
    // The 500's POST, then exactly one more.
    expect(receiver.posts(), 'POSTs received').toHaveLength(2);
    const last = receiver.posts()[1].body;
    expect(last.contact).toEqual(answers);
    expect({ ...last, submitted_at: null }).toEqual({ ...first, submitted_at: null });
    expect((await leadEvents(page)).length, 'one partner-roi:lead per try').toBe(3);
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });

  test('offline at an event, the offline file keeps the application and sends it once when opened online again', async ({ page, context, request }) => {
    const program = await leadProgram(request, { webhook: receiver.url });
    // The offline file with this program embedded, under target/ (the tree stays clean).
    const offline = fs.readFileSync(path.join(DIST, 'partner-roi.html'), 'utf8');
    const element = '<partner-roi id="partner-roi-offline" program="example" allow-program-file tools="all"></partner-roi>';
    expect(offline).toContain(element);
    const embedded = JSON.stringify({ program }).replace(/</g, '\\u003c');
    const file = path.resolve(DIST, '..', 'target', 'e2e-offline', 'lead.html');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, offline.replace(element, `<partner-roi id="partner-roi-offline" tools="all"><script type="application/json">${embedded}</script></partner-roi>`));
    const fileUrl = pathToFileURL(file).href;

    await context.setOffline(true);
    await page.goto(fileUrl);
    const widget = page.locator('#partner-roi-offline');
    await expect(widget.locator('.tier-card')).toHaveCount(program.tiers.length);
    await openForm(widget);
    await fillForm(widget, { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Engines Ltd' });
    await sendButton(widget).click();
    await expect(widget.locator('.application-done')).toHaveText(EN.lead_kept);
    const waiting = widget.locator('.application-waiting');
    await expect(waiting.getByRole('status')).toHaveText(EN['lead_waiting.one'].replace('{count}', '1'));
    expect(receiver.posts(), 'nothing reached the receiver').toEqual([]);
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('partner-roi:outbox/')));
    expect(stored).toEqual([`partner-roi:outbox/${program.id}:partner-roi-offline`]);

    // Online again, the file is opened: the application goes, once, and is forgotten.
    await context.setOffline(false);
    await page.reload();
    await expect(widget.locator('.tier-card')).toHaveCount(program.tiers.length);
    await expect.poll(() => receiver.posts().length).toBe(1);
    const [post] = receiver.posts();
    expect(post.headers['content-type']).toBe('application/json');
    expect(validateApplication(post.body), JSON.stringify(validateApplication.errors)).toBe(true);
    expect(post.body.contact).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Engines Ltd' });
    expect(post.body.program).toBe(program.id);
    await expect(waiting).toHaveCount(0);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('partner-roi:outbox/')))).toEqual([]);
    await page.reload();
    await expect(widget.locator('.tier-card')).toHaveCount(program.tiers.length);
    await pageRequestAfter(page, receiver);
    expect(receiver.posts()).toHaveLength(1);
  });

  test('a page that cancels partner-roi:lead gets the application and nothing is sent', async ({ page, request }) => {
    const errors = collectErrors(page);
    const program = await leadProgram(request, { webhook: receiver.url });
    const { url, widget } = await openLeadHost(page, 'lead-cancelled', program, { attributes: 'analytics="datalayer"' });
    await page.evaluate(() => { window.cancelLead = true; });
    await openForm(widget);
    await fillForm(widget, { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Engines Ltd', message: ' Call me. ' });
    const state = await settledState(page, '#w');
    const startedAt = Date.now();
    await sendButton(widget).click();
    const tierName = state.result.tiers.find((tier) => tier.id === state.result.recommended_tier).name;
    await expect(widget.locator('p.application-done')).toHaveText(`Thank you. Your application for ${tierName} was passed on.`);
    await pageRequestAfter(page, receiver);
    expect(receiver.requests.filter((r) => !r.path.startsWith('/sentinel')), 'requests to the webhook').toEqual([]);

    const events = await leadEvents(page);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({ target: 'w', bubbles: true, composed: true, cancelable: true, defaultPrevented: true });
    expect(event.detail.destination).toBe('webhook');
    expect(Object.keys(event.detail).sort()).toEqual(['application', 'destination']);
    expectApplication(event.detail.application, {
      program,
      state,
      tier: state.result.recommended_tier,
      contact: { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Engines Ltd', message: 'Call me.' },
      pageUrl: url,
      sentBetween: [startedAt, Date.now()],
    });
    // The page sent it, not the widget: no generate_lead.
    const reported = (await dataLayer(page)).map((entry) => entry.event);
    expect(reported).toContain('partner_roi_cta');
    expect(reported).not.toContain('generate_lead');
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });

  test('a share link, inputs and attributes naming another destination do not redirect the application', async ({ page, request }) => {
    const foreign = await startReceiver();
    try {
      const errors = collectErrors(page);
      const warnings = [];
      page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
      const program = await leadProgram(request, { webhook: receiver.url });
      const foreignLead = JSON.stringify({ destination: { webhook: foreign.url }, consent_text: 'x', privacy_url: PRIVACY });
      // A real share link (deal_value 31000, Gold) with the other destination beside it.
      const code = `2~${program.id}~gold~40,10,6,31000,7,8,70,60,15000,5000,30,3000,3,15000,3,10,0`;
      const fragment = `#partner-roi-w=${code}&lead=${encodeURIComponent(foreignLead)}&webhook=${encodeURIComponent(foreign.url)}&destination=${encodeURIComponent(foreign.url)}`;
      const inputs = JSON.stringify({ existing_clients: 41, webhook: foreign.url, destination: { webhook: foreign.url } }).replace(/"/g, '&quot;');
      const { widget } = await openLeadHost(page, 'lead-foreign', program, {
        fragment,
        attributes: `inputs="${inputs}" webhook="${foreign.url}" destination="${foreign.url}" lead-destination="${foreign.url}"`,
      });
      // The link was applied.
      await expectInput(page, '#w', 'deal_value', '31000');
      await expect(widget.locator('.tier-card-selected .tier-name')).toHaveText(program.tiers.find((tier) => tier.id === 'gold').name);
      // And the inputs property, with the other destination again.
      await page.evaluate((url) => {
        document.getElementById('w').inputs = { deal_value: '32000', webhook: url, destination: { webhook: url }, lead: { destination: { webhook: url } } };
      }, foreign.url);

      await openForm(widget);
      await fillForm(widget, { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Engines Ltd' });
      await sendButton(widget).click();
      await expect(widget.locator('p.application-done')).toHaveText(/was sent\.$/);
      await pageRequestAfter(page, receiver);
      await pageRequestAfter(page, foreign);
      expect(receiver.posts(), 'POSTs to the program\'s webhook').toHaveLength(1);
      expect(foreign.requests.filter((r) => !r.path.startsWith('/sentinel')), 'requests to the other destination').toEqual([]);
      // The figures did follow the link and the property; their extra keys were reported and ignored.
      expect(receiver.posts()[0].body.tier).toBe('gold');
      expect(receiver.posts()[0].body.inputs.deal_value).toBe('32000');
      for (const key of ['webhook', 'destination', 'lead']) {
        expect(warnings.some((text) => text.startsWith(`partner-roi: inputs.${key}: unknown field`)), `inputs.${key} reported`).toBe(true);
      }
      expect((await leadEvents(page))[0].detail.destination).toBe('webhook');
      expect(errors, 'console errors, page errors and failed requests').toEqual([]);
    } finally {
      await foreign.close();
    }
  });

  test('in German, the form, its problems and its answers come from the German catalogue', async ({ page, request }) => {
    const errors = collectErrors(page, (text) => text.startsWith(`HTTP 500: ${receiver.url}`)
      || (text.includes('Failed to load resource') && text.includes('status of 500')));
    const de = catalogue('de');
    const program = await leadProgram(request, { webhook: receiver.url });
    const { widget } = await openLeadHost(page, 'lead-german', program, { attributes: 'lang="de"' });
    const tier = await widget.locator('.tier-card-selected .tier-name').textContent();
    await openForm(widget);
    await expect(widget.locator('h4.application-title')).toHaveText(fill(de.lead_title, { tier }));
    const labels = widget.locator('.application-field label.field-label');
    await expect(labels).toHaveText([
      de.lead_name,
      de.lead_email_label,
      de.lead_company,
      `${de.lead_phone}${de.lead_optional}`,
      `${de.lead_message}${de.lead_optional}`,
    ]);
    await expect(widget.locator('.application-optional')).toHaveText([de.lead_optional, de.lead_optional]);
    await expect(widget.locator('.application-what-title')).toHaveText(de.lead_what_is_sent);
    await expect(widget.locator('.application-what li')).toContainText([de.lead_sent_contact, fill(de.lead_sent_tier, { tier }), de.lead_sent_inputs]);
    await expect(widget.locator('a.application-privacy')).toHaveText(de.lead_privacy);
    await expect(widget.locator('a.application-privacy')).toHaveAttribute('href', PRIVACY);
    await expect(widget.locator('a.application-privacy')).toHaveAttribute('target', '_blank');
    await expect(widget.locator('.application-consent label')).toHaveText(CONSENT);
    await expect(sendButton(widget)).toHaveText(de.lead_send);
    await expect(widget.locator('.application-actions button.button-secondary')).toHaveText(de.lead_close);
    for (const key of ['lead_title', 'lead_send', 'lead_close', 'lead_required', 'lead_email', 'lead_consent_needed', 'lead_problems', 'lead_sent', 'lead_failed_status', 'lead_try_again']) {
      expect(de[key], `de.${key} is German`).not.toBe(EN[key]);
    }

    await fillForm(widget, { email: 'ada@' }, { consent: false });
    await sendButton(widget).click();
    await expect(widget.locator('p.application-problems')).toHaveText(de.lead_problems);
    await expect(widget.locator('p.field-problem')).toHaveText([de.lead_required, de.lead_email, de.lead_required, de.lead_consent_needed]);

    receiver.status = 500;
    await fillForm(widget, { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Engines GmbH' });
    await sendButton(widget).click();
    await expect(widget.locator('p.application-failed')).toHaveText(fill(de.lead_failed_status, { status: '500' }));
    await expect(sendButton(widget)).toHaveText(de.lead_try_again);
    receiver.status = 200;
    await sendButton(widget).click();
    await expect(widget.locator('p.application-done')).toHaveText(fill(de.lead_sent, { tier }));
    const bodies = receiver.posts().map((post) => post.body);
    expect(bodies).toHaveLength(2);
    expect(bodies[1].language).toBe('de');
    expect(bodies[1].tier_name).toBe(tier);
    expect(validateApplication(bodies[1]), JSON.stringify(validateApplication.errors)).toBe(true);
    expect(errors, 'console errors, page errors and failed requests').toEqual([]);
  });

  test.describe('under a strict Content-Security-Policy', () => {
    const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

    test('whose connect-src allows the webhook, the application is sent without violations', async ({ page, request }) => {
      const errors = collectErrors(page);
      const program = await leadProgram(request, { webhook: receiver.url });
      const policy = `${POLICY}; connect-src 'self' ${receiver.origin}`;
      const { widget } = await openLeadHost(page, 'lead-csp-allowed', program, { policy });
      await openForm(widget);
      await fillForm(widget, { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Engines Ltd' });
      await sendButton(widget).click();
      await expect(widget.locator('p.application-done')).toHaveText(/was sent\.$/);
      expect(receiver.posts()).toHaveLength(1);
      expect(validateApplication(receiver.posts()[0].body), JSON.stringify(validateApplication.errors)).toBe(true);
      expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
      expect(errors, 'console errors, page errors and failed requests').toEqual([]);
    });

    test('whose connect-src does not, the partner is told it could not be sent and nothing arrives', async ({ page, request }) => {
      const errors = collectErrors(page, (text) => text.includes('Content Security Policy') && text.includes(`${receiver.origin}/lead`));
      const warnings = [];
      page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
      const program = await leadProgram(request, { webhook: receiver.url });
      const { widget } = await openLeadHost(page, 'lead-csp-blocked', program, { policy: `${POLICY}; connect-src 'self'` });
      await openForm(widget);
      await fillForm(widget, { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Engines Ltd' });
      await sendButton(widget).click();
      await expect(widget.locator('p.application-failed')).toHaveText(EN.lead_failed_unreachable);
      await expect(box(widget, 'name')).toHaveValue('Ada Lovelace');
      await expect(box(widget, 'consent')).toBeChecked();
      // The request failed before leaving the browser: nothing can still arrive.
      expect(receiver.requests, 'requests to the webhook').toEqual([]);
      const violations = await page.evaluate(() => window.cspViolations);
      expect(violations.map((v) => v.directive)).toEqual(['connect-src']);
      expect(violations[0].blocked.startsWith(receiver.origin), violations[0].blocked).toBe(true);
      await expect.poll(() => warnings.filter((text) => text.includes('connect-src') && text.includes(receiver.origin))).toHaveLength(1);
      expect(errors, 'console errors, page errors and failed requests').toEqual([]);
    });
  });
});

test('to HubSpot: the v3 form submission, with the program\'s property names', async ({ page, request }) => {
  const errors = collectErrors(page);
  const received = [];
  await page.route('https://api.hsforms.com/**', (route) => {
    const asked = route.request();
    received.push({ method: asked.method(), url: asked.url(), headers: asked.headers(), body: asked.postData() });
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'content-type' };
    if (asked.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    return route.fulfill({ status: 200, headers: { ...cors, 'Content-Type': 'application/json' }, body: '{"inlineMessage":"Thanks"}' });
  });
  const program = await leadProgram(request, { hubspot: { ...HUBSPOT, properties: { net: 'projected_net' } } });
  const { url, widget } = await openLeadHost(page, 'lead-hubspot', program);
  await openForm(widget);
  await fillForm(widget, { name: ' Ada Lovelace ', email: 'ada@example.com', company: 'Analytical Engines Ltd' });
  const { result } = await settledState(page, '#w');
  const tier = result.tiers.find((candidate) => candidate.id === result.recommended_tier);
  const startedAt = Date.now();
  await sendButton(widget).click();
  await expect(widget.locator('p.application-done')).toHaveText(`Thank you. Your application for ${tier.name} was sent.`);
  const endedAt = Date.now();

  const posts = received.filter((r) => r.method === 'POST');
  expect(posts).toHaveLength(1);
  const [post] = posts;
  expect(post.url).toBe(HUBSPOT_URL);
  expect(post.headers['content-type']).toBe('application/json');
  const body = JSON.parse(post.body);
  expect(Object.keys(body).sort()).toEqual(['context', 'fields', 'legalConsentOptions', 'submittedAt']);
  expect(body.submittedAt).toMatch(/^\d+$/);
  expect(Number(body.submittedAt)).toBeGreaterThanOrEqual(startedAt - 1000);
  expect(Number(body.submittedAt)).toBeLessThanOrEqual(endedAt + 1000);
  expect(body.context).toEqual({ pageUri: url, pageName: 'partner-roi test host' });
  expect(body.legalConsentOptions).toEqual({ consent: { consentToProcess: true, text: CONSENT, communications: [] } });
  for (const field of body.fields) expect(Object.keys(field).sort()).toEqual(['name', 'objectTypeId', 'value']);
  expect(body.fields.every((field) => field.objectTypeId === '0-1')).toBe(true);
  const names = body.fields.map((field) => field.name);
  expect(new Set(names).size, 'each property once').toBe(names.length);
  const [event] = await leadEvents(page);
  expect(event.detail.destination).toBe('hubspot');
  // Renamed net; defaults for the rest; phone and message were left empty, so not sent.
  expect(Object.fromEntries(body.fields.map((field) => [field.name, field.value]))).toEqual({
    firstname: 'Ada Lovelace',
    email: 'ada@example.com',
    company: 'Analytical Engines Ltd',
    partner_roi_tier: tier.id,
    projected_net: tier.net,
    partner_roi_roi: tier.roi,
    partner_roi_payback_months: tier.payback_months,
    partner_roi_npv: tier.npv,
    partner_roi_share_url: event.detail.application.share_url,
  });
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

test('to a mailto: address: the mail program is opened with the application', async ({ page, request }) => {
  const errors = collectErrors(page);
  // No cta either: the button says "Apply for <tier>".
  const { cta, ...program } = await leadProgram(request, { mailto: 'partners@example.com' }, {});
  expect(cta).toBeTruthy();
  const { url, widget } = await openLeadHost(page, 'lead-mailto', program, { attributes: 'analytics="datalayer"' });
  const { result } = await settledState(page, '#w');
  const recommended = result.tiers.find((tier) => tier.id === result.recommended_tier);
  await expect(opener(widget)).toHaveText(`Apply for ${recommended.name}`);
  await openForm(widget);
  await expect(widget.locator('.application-field')).toHaveCount(2);
  await fillForm(widget, { name: 'Ada Lovelace', email: 'ada@example.com' });
  await sendButton(widget).click();
  await expect(widget.locator('p.application-done')).toHaveText(EN.lead_mail_opened);

  const [event] = await leadEvents(page);
  expect(event.detail.destination).toBe('mailto');
  const { application } = event.detail;
  expect(validateApplication(application), JSON.stringify(validateApplication.errors)).toBe(true);
  // The widget navigated to the mailto: URL (headless Chromium has no mail program: the page stays).
  const started = await page.evaluate(() => window.navigationsStarted);
  expect(started).toHaveLength(1);
  const mail = started[0];
  expect(mail.startsWith('mailto:partners@example.com?subject=')).toBe(true);
  const query = new URLSearchParams(mail.slice(mail.indexOf('?') + 1));
  expect(query.get('subject')).toBe(fill(EN.lead_mail_subject, { tier: application.tier_name, program: program.name }));
  const text = query.get('body');
  for (const line of ['Name: Ada Lovelace', 'Work email: ada@example.com', `Link to the figures: ${application.share_url}`, `Consent given: ${CONSENT}`]) {
    expect(text).toContain(line);
  }
  expect(page.url()).toBe(url);
  await expect(widget.locator('.tier-card')).toHaveCount(program.tiers.length);
  await expect.poll(async () => (await dataLayer(page)).map((entry) => entry.event)).toContain('generate_lead');
  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});

for (const theme of ['light', 'dark']) {
  test(`theme="${theme}": axe finds nothing on the open form with its problems shown`, async ({ page, request }) => {
    const program = await leadProgram(request, { mailto: 'partners@example.com' }, {
      company: 'required', phone: 'optional', country: 'optional', partner_type: 'optional', message: 'optional',
    });
    const { widget } = await openLeadHost(page, `lead-axe-${theme}`, program, { attributes: `theme="${theme}"` });
    await openForm(widget);
    await expect(widget.locator('.application-field label')).toHaveText(['Name', 'Work email', 'Company', 'Phoneoptional', 'Countryoptional', 'Type of partneroptional', 'Messageoptional']);
    await box(widget, 'email').fill('not an email');
    await sendButton(widget).click();
    await expect(widget.locator('p.field-problem')).toHaveCount(4);
    await expectNoAxeViolations(page, `the application form with problems, theme=${theme}`);

    // Close: the form goes and the focus is back on the button that opened it.
    await widget.locator('.application-actions button.button-secondary').click();
    await expect(widget.locator('section.application')).toHaveCount(0);
    await expect(opener(widget)).toBeFocused();
  });
}
