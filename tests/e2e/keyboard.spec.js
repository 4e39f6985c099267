// Keyboard only (#7 Hardening): on the demo page, after focusing the control just before the
// widget, Tab, Shift+Tab, Enter, Space and typing alone reveal "More assumptions", fill
// every input box with a new valid value, select each tier with its "Show year by year"
// button and reach every button of the widget, each showing a visible focus indicator.
//
// window.print is stubbed (the Print button is pressed) and nothing that downloads is pressed.
const { test, expect } = require('@playwright/test');

const WIDGET = '#partner-roi-demo';
const TIERS = ['Registered', 'Silver', 'Gold', 'Platinum'];
const TOOLBAR = ['Copy link', 'Copy summary', 'Download CSV', 'Print / Save as PDF', 'Presenter mode'];
/** More than enough Tab presses to cross the widget once. */
const MAX_STEPS = 120;

/**
 * What has focus, through open shadow roots: its kind, accessible-ish name, whether it is in
 * the demo widget, and whether a focus indicator is drawn (an outline or a box-shadow). The
 * number boxes draw theirs on the surrounding `.field-box` (:focus-within), which frames the
 * box and its unit, rather than on the bare <input>: that ring counts as theirs.
 */
function describeFocus() {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const root = el.getRootNode();
  const host = root instanceof ShadowRoot ? root.host : null;
  const label = el.id && root.querySelector ? root.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
  const text = (node) => (node ? node.textContent.replace(/\s+/g, ' ').trim() : '');
  const ring = (style) =>
    (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  let indicator = ring(getComputedStyle(el)) ? 'self' : null;
  if (!indicator) {
    const box = el.closest('.field-box');
    if (box && box.matches(':focus-within') && ring(getComputedStyle(box))) indicator = '.field-box';
  }
  const card = el.closest('.tier-card');
  let kind = el.localName;
  if (el.localName === 'input') kind = el.classList.contains('field-input') ? 'number-box' : `input-${el.type}`;
  return {
    kind,
    id: el.id,
    name: el.getAttribute('aria-label') || text(label) || text(el),
    inWidget: Boolean(host && host.id === 'partner-roi-demo'),
    tier: card ? text(card.querySelector('.tier-name')) : null,
    pressed: el.getAttribute('aria-pressed'),
    expanded: el.getAttribute('aria-expanded'),
    invalid: el.getAttribute('aria-invalid'),
    value: 'value' in el ? el.value : null,
    indicator,
    focusVisible: el.matches(':focus-visible'),
  };
}

/**
 * A valid value for the focused number box, different from its current one: a whole number
 * inside the range its help text states ("… from $500 to $250,000.").
 */
function newValueForFocused() {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  const help = el.closest('.field').querySelector('.field-help').textContent;
  const range = / from (.+) to (.+)\.$/.exec(help);
  if (!range) throw new Error(`no range in the help of ${el.id}: ${help}`);
  const number = (text) => Number(text.replace(/[^\d.]/g, ''));
  const [min, max] = [number(range[1]), number(range[2])];
  const current = Number(el.value.replace(/[^\d.]/g, ''));
  for (const fraction of [0.37, 0.61, 0.23, 0.83]) {
    const value = Math.ceil(min + (max - min) * fraction);
    if (value >= min && value <= max && value !== current) return String(value);
  }
  throw new Error(`no new value in [${min}, ${max}] for ${el.id}`);
}

const focused = (page) => page.evaluate(describeFocus);

test('keyboard only: every input filled, each tier selected, every button reached with visible focus', async ({ page }) => {
  await page.addInitScript(() => {
    window.printCalls = 0;
    window.print = () => {
      window.printCalls += 1;
    };
  });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/index.html');
  const widget = page.locator(WIDGET);
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(TIERS);
  const caption = widget.locator('.year-table caption');
  await expect(caption).toHaveText(/: year by year$/);

  // The one non-keyboard step: focus the demo's program picker, just before the widget.
  await page.locator('#program-choice').focus();
  expect((await focused(page)).id).toBe('program-choice');

  /** Presses `key`, returns the new focus and checks that it shows a focus indicator. */
  const press = async (key) => {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (now && now.inWidget) {
      expect(now.indicator, `visible focus on ${now.kind} "${now.name}" (${now.tier || 'widget'})`).not.toBeNull();
      expect(now.focusVisible, `:focus-visible on ${now.kind} "${now.name}"`).toBe(true);
    }
    return now;
  };

  // 1. Tab into the widget up to "More assumptions" and open it with Enter.
  let now = null;
  for (let step = 0; step < MAX_STEPS; step += 1) {
    now = await press('Tab');
    if (now && now.inWidget && now.name === 'More assumptions') break;
  }
  expect(now && now.name, 'Tab reaches "More assumptions"').toBe('More assumptions');
  expect(now.expanded).toBe('false');
  const boxesBefore = await widget.locator('.field-input').count();
  await page.keyboard.press('Enter');
  now = await focused(page);
  expect(now.name, 'focus stays on the toggle').toBe('Fewer assumptions');
  expect(now.expanded).toBe('true');
  const boxes = await widget.locator('.field-input').count();
  expect(boxes, 'more input boxes once expanded').toBeGreaterThan(boxesBefore);

  // 2. Shift+Tab back out of the widget, to the program picker.
  for (let step = 0; step < MAX_STEPS; step += 1) {
    now = await press('Shift+Tab');
    if (!now || !now.inWidget) break;
  }
  expect(now && now.id, 'Shift+Tab leads back to the program picker').toBe('program-choice');

  // 3. Tab through the whole widget once: fill each box, select each tier, press Print.
  const reached = [];
  const filled = new Map();
  const selected = [];
  let entered = false;
  let spaceNext = false;
  for (let step = 0; step < MAX_STEPS; step += 1) {
    now = await press('Tab');
    if (!now || !now.inWidget) {
      if (entered) break;
      continue;
    }
    entered = true;
    reached.push(now);

    if (now.kind === 'number-box') {
      const value = await page.evaluate(newValueForFocused);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(value);
      const after = await focused(page);
      expect(after.value, `typed into "${now.name}"`).toBe(value);
      expect(after.invalid, `"${now.name}" accepts ${value}`).toBeNull();
      filled.set(now.id, { name: now.name, value });
    } else if (now.kind === 'button' && now.tier) {
      const before = await caption.textContent();
      // Alternate Enter and Space: both press a button.
      await page.keyboard.press(spaceNext ? 'Space' : 'Enter');
      spaceNext = !spaceNext;
      await expect(caption).toHaveText(`${now.tier}: year by year`);
      if (now.pressed !== 'true') expect(await caption.textContent()).not.toBe(before);
      const after = await focused(page);
      expect(after.tier, 'focus stays on the tier button').toBe(now.tier);
      expect(after.pressed).toBe('true');
      expect(after.name).toBe('Showing year by year');
      selected.push(now.tier);
    } else if (now.kind === 'button' && now.name === 'Print / Save as PDF') {
      // Enter opens the handout's "Prepared for" box; Enter there prints, and the focus
      // comes back to the button.
      await page.keyboard.press('Enter');
      const box = await focused(page);
      expect(box.name).toBe('Prepared for (optional)');
      expect(box.indicator, 'visible focus on the "Prepared for" box').not.toBeNull();
      await page.keyboard.type('Acme GmbH');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => window.printCalls)).toBe(1);
      expect((await focused(page)).name).toBe('Print / Save as PDF');
    }
  }
  await test.info().attach('tab-order.json', {
    contentType: 'application/json',
    body: JSON.stringify(reached.map(({ kind, name, tier, indicator }) => ({ kind, name, tier, indicator })), null, 2),
  });
  expect(entered, 'Tab enters the widget').toBe(true);
  expect(now === null || !now.inWidget, 'Tab leaves the widget at its end').toBe(true);

  // Every input box was reached and now holds its new value; the results are current again.
  expect(filled.size, 'every visible input box filled').toBe(boxes);
  expect(new Set([...filled.values()].map((field) => field.name)).size).toBe(boxes);
  await expect(widget.locator('.results-stale-note')).toHaveCount(0);
  await expect(widget.locator('[aria-invalid="true"]')).toHaveCount(0);
  const inputs = await page.evaluate((selector) => document.querySelector(selector).inputs, WIDGET);
  for (const [id, { name, value }] of filled) {
    const key = Object.keys(inputs).find((candidate) => id.endsWith(`-${candidate}`));
    expect(key, `input key of "${name}"`).toBeTruthy();
    expect(Number(inputs[key]), `el.inputs.${key} after typing into "${name}"`).toBe(Number(value));
  }

  // Each tier was selected, in order, the last one still showing.
  expect(selected).toEqual(TIERS);
  await expect(caption).toHaveText(`${TIERS[TIERS.length - 1]}: year by year`);

  // Every button (and the program file input) was reached.
  const names = reached.map((control) => control.name);
  for (const name of [...TOOLBAR, 'Fewer assumptions', 'Reset to defaults']) {
    expect(names, `Tab reaches "${name}"`).toContain(name);
  }
  const tierButtons = reached.filter((control) => control.kind === 'button' && control.tier).map((control) => control.tier);
  expect(tierButtons).toEqual(TIERS);
  const fileInputs = await widget.locator('input[type="file"]').count();
  expect(reached.filter((control) => control.kind === 'input-file')).toHaveLength(fileInputs);
  if (fileInputs > 0) {
    expect(names).toContain('Load a program file (JSON)');
  }
  const buttons = await widget.locator('button:visible').count();
  expect(reached.filter((control) => control.kind === 'button'), 'every visible button reached').toHaveLength(buttons);
  // Print was pressed once; nothing else was activated.
  expect(await page.evaluate(() => window.printCalls)).toBe(1);
});
