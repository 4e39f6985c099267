const { test, expect } = require('@playwright/test');
const { ORIGIN, serveHostPage, hostDocument, collectErrors } = require('./support/helpers');

for (const dest of [{ mailto: 'partners@example.com' }, { hubspot: { portal_id: '1234567', form_guid: '0d5e4a6c-1f2b-4c3d-8e9f-0a1b2c3d4e5f', properties: { net: 'projected_net' } } }]) {
test('explore ' + Object.keys(dest)[0], async ({ page, request }) => {
  const reseller = await (await request.get('/programs/reseller.json')).json();
  const program = { ...reseller, lead: { destination: dest, consent_text: 'I agree.', privacy_url: 'https://example.com/privacy' } };
  await page.route(`${ORIGIN}/test/lead-program.json`, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(program) }));
  await page.route('https://api.hsforms.com/**', (route) => { const r = route.request(); console.log('ROUTE', r.method(), r.url(), JSON.stringify(r.headers()), r.postData()); route.fulfill({ status: r.method()==='OPTIONS'?204:200, headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'content-type', 'Content-Type': 'application/json' }, body: '{}' }); });
  page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
  page.on('request', (r) => console.log('REQ', r.method(), r.url().slice(0, 200)));
  page.on('requestfailed', (r) => console.log('REQFAILED', r.url().slice(0, 100), r.failure().errorText));
  page.on('framenavigated', (f) => console.log('NAV', f.url().slice(0, 100)));
  await page.addInitScript(() => { window.navs = []; window.leads = []; addEventListener('DOMContentLoaded', () => {}); navigation.addEventListener('navigate', (e) => window.navs.push(e.destination.url)); document.addEventListener('partner-roi:lead', (e) => window.leads.push(e.detail)); });
  const url = await serveHostPage(page, 'lead', hostDocument({ body: '<partner-roi id="w" loading="eager" analytics="datalayer" program-src="/test/lead-program.json"></partner-roi>' }));
  await page.goto(url + '#partner-roi-w=zzz&lead=x');
  const w = page.locator('#w');
  await expect(w.locator('.tier-card')).toHaveCount(4);
  await w.locator('.cta-button').click();
  await w.getByLabel('Name').fill('Ada');
  await w.getByLabel('Work email').fill('ada@example.com');
  await w.getByRole('checkbox').check();
  await w.getByRole('button', { name: 'Send application' }).click();
  await expect(w.locator('.application-done')).toBeVisible();
  console.log(await w.locator('.application-done').textContent());
  console.log(JSON.stringify(await page.evaluate(() => [window.navs, window.leads, window.dataLayer, location.href])));
});
}
