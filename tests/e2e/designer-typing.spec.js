// The designer keeps every keystroke and its preview tells the truth (issue 31, parts 1
// and 2): a field keeps focus and every character while its draft passes from invalid to
// valid, its row never collapses, and the preview computes with the draft's own defaults at
// once, after a reload too.
const { test, expect } = require('@playwright/test');
const { collectErrors } = require('./support/helpers');

const DESIGNER = '/designer.html';

/** The designer's field for a program path (`inputs.deal_value.max`). */
function field(page, programPath) {
  return page.locator(`#field-${programPath.replace(/[^A-Za-z0-9]/g, '-')}`);
}

/** The draft the designer keeps, as a program. */
async function savedDraft(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('partner-roi-designer:draft') ?? 'null'));
}

/** Selects what `locator` holds, then types `text` key by key, checking after each key that
 * the box still has the focus and every character typed so far. */
async function typeKeyByKey(page, locator, text) {
  await locator.focus();
  await page.keyboard.press('ControlOrMeta+A');
  for (let typed = 1; typed <= text.length; typed += 1) {
    await page.keyboard.type(text[typed - 1]);
    await expect(locator).toBeFocused();
    await expect(locator).toHaveValue(text.slice(0, typed));
  }
}

test('typing key by key into an input row and a tier keeps focus and every digit, through validity', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(DESIGNER);
  const row = page.locator('#field-inputs-deal-value');
  await row.locator('summary').click();
  // Highest passes through "2" (below the default: a problem) and "20000" (valid again).
  const typed = { default: '12000', min: '1000', max: '2000000' };
  for (const [key, text] of Object.entries(typed)) {
    const box = field(page, `inputs.deal_value.${key}`);
    await typeKeyByKey(page, box, text);
    await expect(row).toHaveJSProperty('open', true);
  }
  const tier = { annual_fee: '25000', resale_margin_pct: '12.5', min_certified_staff: '3' };
  for (const [key, text] of Object.entries(tier)) {
    await typeKeyByKey(page, field(page, `tiers[1].${key}`), text);
  }
  await expect.poll(async () => (await savedDraft(page))?.inputs?.deal_value).toEqual({ default: 12000, min: 1000, max: 2000000 });
  const saved = await savedDraft(page);
  expect(saved.tiers[1].annual_fee).toBe(25000);
  expect(saved.tiers[1].resale_margin_pct).toBe(12.5);
  expect(saved.tiers[1].min_certified_staff).toBe(3);
  expect(errors).toEqual([]);
});

/** The preview widget's figure for `key`, as a decimal string (`null` until it shows one). */
function previewInput(page, key) {
  return page.locator('.preview partner-roi').evaluate((el, key) => el.inputs?.[key] ?? null, key);
}

/** Sets the default of input `key` to `value` in its (opened) row. */
async function setDefault(page, key, value) {
  const row = page.locator(`#field-inputs-${key.replace(/_/g, '-')}`);
  if (!(await row.evaluate((details) => details.open))) await row.locator('summary').click();
  await field(page, `inputs.${key}.default`).fill(value);
}

test('the preview computes with the draft defaults at once, after a reload and after an import', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(DESIGNER);
  await expect.poll(() => previewInput(page, 'existing_clients')).toBe('40');
  await setDefault(page, 'existing_clients', '77');
  await expect.poll(() => previewInput(page, 'existing_clients')).toBe('77');

  await page.reload();
  await expect.poll(() => previewInput(page, 'existing_clients')).toBe('77');
  await setDefault(page, 'new_clients_per_year', '9');
  await expect.poll(() => previewInput(page, 'new_clients_per_year')).toBe('9');

  const imported = await (await page.request.get('/programs/reseller.json')).text();
  await page.getByLabel('Or paste its JSON:').fill(imported);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const importedDefault = String(JSON.parse(imported).inputs?.existing_clients?.default ?? 40);
  await expect.poll(() => previewInput(page, 'existing_clients')).toBe(importedDefault);
  await setDefault(page, 'existing_clients', '123');
  await expect.poll(() => previewInput(page, 'existing_clients')).toBe('123');
  expect(errors).toEqual([]);
});
