// dist/frame.html in a parent page, with the snippet the docs give: the frame posts its
// content height and the parent sizes the iframe to it.
const { test, expect } = require('@playwright/test');
const { serveHostPage, collectErrors, expectShowsAmount } = require('./support/helpers');

const PARENT = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Parent page</title>
  <link rel="icon" href="data:,">
</head>
<body>
  <h1>Our partner program</h1>
  <script>
    window.heights = [];
    addEventListener('message', (e) => {
      const f = document.getElementById('roi');
      if (e.source === f.contentWindow && e.data && e.data.type === 'partner-roi:height') {
        window.heights.push(e.data.height);
        f.style.height = e.data.height + 'px';
      }
    });
  </script>
  <iframe id="roi" src="/frame.html?program-src=/programs/cloud-services.json" style="width:100%;border:0" title="Partner ROI calculator"></iframe>
</body>
</html>`;

test('the frame reports its height and the parent sizes the iframe to it', async ({ page, request }) => {
  const errors = collectErrors(page);
  const programResponse = await request.get('/programs/cloud-services.json');
  expect(programResponse.status()).toBe(200);
  const program = await programResponse.json();

  const url = await serveHostPage(page, 'frame-parent', PARENT);
  await page.goto(url);

  const frame = page.frameLocator('#roi');
  await expect(frame.locator('.tier-card .tier-name')).toHaveText(program.tiers.map((t) => t.name));
  await expect(frame.locator('.program-name')).toHaveText(program.name);

  const iframe = page.locator('#roi');
  const lastHeight = () => page.evaluate(() => window.heights[window.heights.length - 1]);
  const settled = async () => {
    // The iframe follows the last height the frame posted, and shows all of its content.
    await expect.poll(async () => {
      const [last, offset] = await Promise.all([lastHeight(), iframe.evaluate((f) => f.offsetHeight)]);
      return last === offset ? offset : `offsetHeight ${offset}, last posted ${last}`;
    }).toEqual(expect.any(Number));
    return lastHeight();
  };

  await expect.poll(lastHeight).toBeGreaterThan(300);
  const height = await settled();
  expect(height).toBeGreaterThan(300);
  const fit = await iframe.evaluate((f) => ({
    offset: f.offsetHeight,
    client: f.clientHeight,
    content: Math.ceil(f.contentDocument.documentElement.getBoundingClientRect().height),
    scroll: f.contentDocument.documentElement.scrollHeight,
  }));
  expect(fit.content).toBe(height);
  expect(fit.scroll).toBeLessThanOrEqual(fit.client);

  // The frame's widget computes the program's figures.
  const { result, expected } = await iframe.evaluate(async (f) => {
    const win = f.contentWindow;
    await win.PartnerRoi.ready;
    const el = f.contentDocument.getElementById('partner-roi-frame');
    return { result: el.result, expected: win.PartnerRoi.project(el.program, el.inputs) };
  });
  expect(result.program_id).toBe(program.id);
  expect(result).toEqual(expected);
  const nets = await frame.locator('.tier-card .tier-net-value').allTextContents();
  result.tiers.forEach((tier, index) => expectShowsAmount(nets[index], tier.net, `${tier.name} net`));

  // Content that grows inside the frame grows the iframe.
  const toggle = frame.locator('.input-actions button[aria-expanded]');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(lastHeight).toBeGreaterThan(height);
  const taller = await settled();
  expect(taller).toBeGreaterThan(height);

  expect(errors, 'console errors, page errors and failed requests').toEqual([]);
});
