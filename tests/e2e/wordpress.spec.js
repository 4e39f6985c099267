// The WordPress plugin (issue 34) on a real WordPress: Debian's WordPress 6.1, PHP 8.2 and
// MariaDB, started by support/wordpress.js. The site owner uploads the plugin's zip on
// Plugins → Add New → Upload Plugin and activates it; program files go into the Media
// Library (an invalid one is refused with a message); pages with the shortcode and the
// block show the widget with their programs and results, in the page's language, the
// script once in the <head>; the block inserts and previews in the editor; a contributor's
// hostile shortcode and block, and the same markup unfiltered, run no script.
//
// The zip: PARTNER_ROI_WP_ZIP (relative to tests/e2e), else dist/wordpress/partner-roi.zip
// from `cargo xtask dist`. Run alone with `npx playwright test -c wordpress.config.js`.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { test, expect } = require('@playwright/test');
const { startWordPress, restClient } = require('./support/wordpress');
const { catalogue, collectErrors, expectShowsAmount } = require('./support/helpers');

const ZIP = path.resolve(__dirname, process.env.PARTNER_ROI_WP_ZIP || '../../dist/wordpress/partner-roi.zip');
const PROGRAMS = path.resolve(__dirname, '..', '..', 'examples', 'programs');
const SCRIPT_PATH = '/wp-content/plugins/partner-roi/assets/partner-roi.js';
const readProgram = (name) => JSON.parse(fs.readFileSync(path.join(PROGRAMS, `${name}.json`), 'utf8'));

test.describe.configure({ mode: 'serial', timeout: 120_000 });
test.use({ actionTimeout: 20_000 });

/** The site (support/wordpress.js), and what the tests create on it, in order. */
let wp;
const site = {
  ownerState: null, // the owner's logged-in browser state (a file)
  owner: null, // REST client with the owner's application password
  files: null, // a folder of program files to upload
  reseller: null, // the Media Library's reseller program: { id, url }
  referral: null, // the referral program, uploaded through REST
};

test.beforeAll(async () => {
  wp = await startWordPress();
  site.files = fs.mkdtempSync(path.join(os.tmpdir(), 'partner-roi-wp-files-'));
  site.ownerState = path.join(site.files, 'owner-state.json');
});

test.afterAll(async () => {
  if (site.files) fs.rmSync(site.files, { recursive: true, force: true });
  await wp?.stop();
});

async function logIn(page, { user, password }) {
  await page.goto(`${wp.origin}/wp-login.php`);
  await page.locator('#user_login').fill(user);
  await page.locator('#user_pass').fill(password);
  await page.locator('#wp-submit').click();
  await page.waitForURL(/\/wp-admin\/$/);
}

/** A page in a fresh browser context: the owner's (logged in) or a visitor's. */
async function newPage(browser, { owner = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...(owner ? { storageState: site.ownerState } : {}) });
  const page = await context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  return page;
}

/** Records every dialog (an alert is a script that ran), dismissing it. */
function recordDialogs(page) {
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  return dialogs;
}

/** Block markup for `attributes`, escaped as WordPress's serializer does. */
function blockMarkup(name, attributes) {
  const json = JSON.stringify(attributes)
    .replace(/--/g, '\\u002d\\u002d')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\\"/g, '\\u0022');
  return `<!-- wp:${name} ${json} /-->`;
}

const shortcodeBlock = (shortcode) => `<!-- wp:shortcode -->\n${shortcode}\n<!-- /wp:shortcode -->`;

/** Creates a published page (or `type`) as `rest`'s user; resolves to its id and link. */
async function publish(rest, { title, content, type = 'pages', status = 'publish' }) {
  const { status: code, data } = await rest('POST', `/wp/v2/${type}`, { json: { title, content, status } });
  expect(code, JSON.stringify(data)).toBe(201);
  return { id: data.id, link: data.link };
}

/**
 * Asserts that the `index`th widget on the page shows program `programId` with its results
 * (the cards are the element's result, which is the engine's projection) in `language`.
 */
async function expectWidget(page, index, { programId, language }) {
  const widget = page.locator('partner-roi').nth(index);
  await expect(widget.locator('.tier-card').first()).toBeVisible();
  const words = catalogue(language);
  await expect(widget.locator('.partner-roi')).toHaveAttribute('lang', language);
  await expect(widget.locator('.results > .section-title')).toHaveText(words.results_title);
  const { id, result, expected } = await widget.evaluate((element) => ({
    id: element.program.id,
    result: element.result,
    expected: PartnerRoi.project(element.program, element.inputs),
  }));
  expect(id).toBe(programId);
  // The same figures (the element's names are in its language, the projection's in the program's).
  const figures = (value) => JSON.parse(JSON.stringify(value, (key, item) => (key === 'name' ? undefined : item)));
  expect(figures(result)).toEqual(figures(expected));
  await expect(widget.locator('.tier-card .tier-name')).toHaveText(result.tiers.map((tier) => tier.name));
  const nets = await widget.locator('.tier-card .tier-net-value').allTextContents();
  result.tiers.forEach((tier, i) => expectShowsAmount(nets[i], tier.net, `${tier.name} net`));
  return widget;
}

/** The page has the bundle once, in its <head>, and its wasm came as application/wasm. */
async function expectScriptOnceInHead(page, wasm) {
  const scripts = await page.evaluate((scriptPath) => [...document.scripts]
    .filter((script) => new URL(script.src || 'about:blank', location.href).pathname === scriptPath)
    .map((script) => ({ inHead: script.parentElement === document.head, async: script.async, defer: script.defer, type: script.type })), SCRIPT_PATH);
  expect(scripts).toEqual([{ inHead: true, async: false, defer: false, type: '' }]);
  expect((await wasm).headers()['content-type']).toBe('application/wasm');
}

test('the site owner uploads the zip on Plugins → Add New → Upload Plugin and activates it', async ({ browser }) => {
  expect(fs.existsSync(ZIP), `${ZIP} is missing: cargo xtask dist writes it (or set PARTNER_ROI_WP_ZIP)`).toBe(true);
  const page = await newPage(browser);
  await logIn(page, wp.owner);
  await page.goto(`${wp.origin}/wp-admin/plugins.php`);
  await page.locator('.wrap').getByRole('link', { name: 'Add New', exact: true }).click();
  await page.locator('.upload-view-toggle').click();
  await page.locator('#pluginzip').setInputFiles(ZIP);
  await page.getByRole('button', { name: 'Install Now' }).click();
  await expect(page.locator('.wrap')).toContainText('Plugin installed successfully.');
  await page.getByRole('link', { name: 'Activate Plugin' }).click();
  await expect(page.locator('#message')).toContainText('Plugin activated.');
  await expect(page.locator('tr[data-slug="partner-roi"]')).toHaveClass(/\bactive\b/);
  await page.context().storageState({ path: site.ownerState });

  // An application password for the REST calls, made with the owner's session.
  const password = await page.evaluate(async () => {
    const nonce = await (await fetch('/wp-admin/admin-ajax.php?action=rest-nonce')).text();
    const response = await fetch('/?rest_route=/wp/v2/users/me/application-passwords', {
      method: 'POST',
      headers: { 'X-WP-Nonce': nonce, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'partner-roi e2e' }),
    });
    return (await response.json()).password;
  });
  site.owner = restClient(wp.origin, { user: wp.owner.user, password });
  // The site speaks German (its pages' <html lang="de-DE">); the owner's admin stays English.
  expect((await site.owner('POST', '/wp/v2/users/me', { json: { locale: 'en_US' } })).status).toBe(200);
  const settings = await site.owner('POST', '/wp/v2/settings', { json: { language: 'de_DE' } });
  expect(settings.data.language).toBe('de_DE');
  await page.context().close();
});

test('the plugin as installed: php -l passes on every PHP file, readme.txt matches the plugin header', async () => {
  const plugin = path.join(wp.content, 'plugins', 'partner-roi');
  const files = fs.readdirSync(plugin, { recursive: true }).sort();
  expect(files).toEqual(expect.arrayContaining([
    'assets/partner-roi.js', 'assets/partner-roi_bg.wasm', 'block/block.json', 'block/index.asset.php',
    'block/index.js', 'partner-roi.php', 'readme.txt',
  ]));
  const php = files.filter((file) => file.endsWith('.php'));
  expect(php.length).toBeGreaterThan(3);
  for (const file of php) {
    const output = execFileSync('/usr/bin/php', ['-l', path.join(plugin, file)], { encoding: 'utf8' });
    expect(output, file).toContain('No syntax errors detected');
  }
  const header = fs.readFileSync(path.join(plugin, 'partner-roi.php'), 'utf8');
  const readme = fs.readFileSync(path.join(plugin, 'readme.txt'), 'utf8');
  const version = /^ \* Version:\s+(\S+)$/m.exec(header)[1];
  expect(readme).toMatch(/^=== Partner ROI ===$/m);
  expect(readme).toContain(`Stable tag: ${version}`);
  for (const field of ['Requires at least', 'Requires PHP']) {
    expect(readme, field).toContain(`${field}: ${new RegExp(`${field}:\\s+(\\S+)`).exec(header)[1]}`);
  }
  for (const section of ['Description', 'Installation', 'Frequently Asked Questions', 'Changelog']) {
    expect(readme).toContain(`== ${section} ==`);
  }
  expect(JSON.parse(fs.readFileSync(path.join(plugin, 'block', 'block.json'), 'utf8')).version).toBe(version);
});

test('the Media Library takes program files and refuses one that is not JSON, saying why', async ({ browser }) => {
  const file = (name, text) => {
    const where = path.join(site.files, name);
    fs.writeFileSync(where, text);
    return where;
  };
  const page = await newPage(browser, { owner: true });
  await page.goto(`${wp.origin}/wp-admin/media-new.php`);
  const chooser = page.locator('#plupload-upload-ui input[type="file"]');

  await chooser.setInputFiles(file('reseller-program.json', fs.readFileSync(path.join(PROGRAMS, 'reseller.json'))));
  const uploaded = page.locator('#media-items .media-item').filter({ hasText: 'reseller-program' });
  const edit = uploaded.locator('a.edit-attachment');
  await expect(edit).toBeVisible();
  const id = Number(new URL(await edit.getAttribute('href'), wp.origin).searchParams.get('post'));
  const media = await site.owner('GET', `/wp/v2/media/${id}`);
  expect(media.data.mime_type).toBe('application/json');
  site.reseller = { id, url: media.data.source_url };

  await chooser.setInputFiles(file('not-a-program.json', '{"name": "half a program",'));
  const refused = page.locator('#media-items .media-item').filter({ hasText: 'not-a-program' });
  await expect(refused.locator('.error-div')).toContainText('“not-a-program.json” has failed to upload.');
  await expect(refused.locator('.error-div')).toContainText('This is not a partner program file: it is not valid JSON (Syntax error).');
  await page.context().close();

  // Through REST too: a program is taken, and too large or not an object is refused. (Sent
  // as bytes: a JSON body would be read as the request's parameters.)
  const upload = (name, body) => site.owner('POST', '/wp/v2/media', {
    body,
    headers: { 'Content-Type': 'application/octet-stream', 'Content-Disposition': `attachment; filename="${name}"` },
  });
  const referral = await upload('referral-program.json', fs.readFileSync(path.join(PROGRAMS, 'referral.json')));
  expect(referral.status, JSON.stringify(referral.data)).toBe(201);
  site.referral = { id: referral.data.id, url: referral.data.source_url };
  const large = await upload('large.json', JSON.stringify({ padding: 'x'.repeat(256_000) }));
  expect(large.status).toBeGreaterThanOrEqual(400);
  expect(large.data.message).toBe('This is not a partner program file: it is larger than 256 KB.');
  const list = await upload('list.json', '[1, 2, 3]');
  expect(list.status).toBeGreaterThanOrEqual(400);
  expect(list.data.message).toBe('This is not a partner program file: its JSON is not an object.');
});

test('a page with two shortcodes: each widget with its program and results, in the page’s language, one script in the head', async ({ browser }) => {
  const { link } = await publish(site.owner, {
    title: 'Partner program (shortcodes)',
    content: [
      shortcodeBlock(`[partner_roi program="${site.reseller.id}" inputs='{"existing_clients": 60}' tools="all" loading="eager"]`),
      shortcodeBlock(`[partner_roi program="${site.referral.url}" lang="es" theme="dark" loading="eager" analytics="datalayer"]`),
    ].join('\n\n'),
  });
  const page = await newPage(browser);
  const errors = collectErrors(page);
  const wasm = page.waitForResponse((response) => response.url().endsWith('/partner-roi_bg.wasm'));
  await page.goto(link);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de-DE');
  await expectScriptOnceInHead(page, wasm);

  const first = await expectWidget(page, 0, { programId: 'example-reseller', language: 'de' });
  await expect(first).toHaveAttribute('program-src', site.reseller.url);
  await expect(first).toHaveAttribute('tools', 'all');
  expect(await first.evaluate((element) => element.inputs.existing_clients)).toBe('60');
  await expect(first.getByRole('button', { name: catalogue('de').download_csv })).toBeVisible();

  const second = await expectWidget(page, 1, { programId: 'example-referral', language: 'es' });
  await expect(second).toHaveAttribute('theme', 'dark');
  await expect(second).toHaveAttribute('analytics', 'datalayer');
  // Visitors get no notes and no debug view.
  await expect(page.locator('.partner-roi-notice')).toHaveCount(0);
  await expect(page.locator('partner-roi[debug]')).toHaveCount(0);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('a page with the block and a pasted program shows it, in the block’s language', async ({ browser }) => {
  const program = readProgram('cloud-services');
  const { link } = await publish(site.owner, {
    title: 'Partner program (block)',
    content: blockMarkup('partner-roi/calculator', { programJson: JSON.stringify(program, null, 2), lang: 'fr', loading: 'eager' }),
  });
  const page = await newPage(browser);
  const errors = collectErrors(page);
  const wasm = page.waitForResponse((response) => response.url().endsWith('/partner-roi_bg.wasm'));
  await page.goto(link);
  await expectScriptOnceInHead(page, wasm);
  const widget = await expectWidget(page, 0, { programId: program.id, language: 'fr' });
  await expect(widget.locator('xpath=..')).toHaveClass(/wp-block-partner-roi-calculator/);
  // The program is the element's embedded document, written as inert JSON.
  const document = await widget.evaluate((element) => element.querySelector(':scope > script[type="application/json"]').textContent);
  expect(JSON.parse(document)).toEqual({ program });
  expect(document).not.toMatch(/[<>&']/);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('the block inserts in the editor, previews the widget, takes a Media Library file and publishes', async ({ browser }) => {
  const page = await newPage(browser, { owner: true });
  // The welcome guide's pictures and the block directory's search come from wordpress.org,
  // which this site may not reach (WP_HTTP_BLOCK_EXTERNAL, and maybe no internet).
  const errors = collectErrors(page, (text) => text.includes('https://s.w.org/') || text.includes('/wp/v2/block-directory/search'));
  await page.goto(`${wp.origin}/wp-admin/post-new.php?post_type=page`);
  await page.waitForFunction(() => window.wp?.data?.select('core/edit-post') && window.wp.blocks.getBlockType('partner-roi/calculator'));
  await page.evaluate(() => {
    const { select, dispatch } = window.wp.data;
    if (select('core/edit-post').isFeatureActive('welcomeGuide')) dispatch('core/edit-post').toggleFeature('welcomeGuide');
  });
  await page.getByRole('textbox', { name: 'Add title' }).fill('Partner program (editor)');
  await page.getByRole('button', { name: 'Toggle block inserter' }).click();
  await page.getByRole('searchbox', { name: 'Search for blocks and patterns' }).fill('Partner ROI');
  await page.getByRole('option', { name: 'Partner ROI calculator' }).click();

  // The preview is the widget itself, in the site's language; with no program yet, the example.
  const preview = page.locator('.editor-styles-wrapper partner-roi');
  await expect(preview.locator('.tier-card').first()).toBeVisible();
  await expect(preview.locator('.partner-roi')).toHaveAttribute('lang', 'de');

  // The block's settings, in the sidebar (which the inserter closed).
  await page.evaluate(() => {
    window.wp.data.dispatch('core/edit-post').setIsInserterOpened(false);
    window.wp.data.dispatch('core/edit-post').openGeneralSidebar('edit-post/block');
  });
  const sidebar = page.locator('.block-editor-block-inspector');
  await sidebar.getByRole('button', { name: 'Choose a program file' }).click();
  const modal = page.locator('.media-modal');
  await modal.getByRole('tab', { name: 'Media Library' }).click();
  await modal.locator(`li.attachment[data-id="${site.reseller.id}"]`).click();
  await modal.getByRole('button', { name: 'Select', exact: true }).click();
  await expect(sidebar).toContainText('File: reseller-program');
  await expect(preview).toHaveAttribute('program-src', site.reseller.url);
  await expectWidget(page, 0, { programId: 'example-reseller', language: 'de' });

  await sidebar.getByLabel('Language').selectOption('fr');
  await expectWidget(page, 0, { programId: 'example-reseller', language: 'fr' });

  await page.locator('.editor-post-publish-panel__toggle').click();
  await page.locator('.editor-post-publish-panel .editor-post-publish-button').click();
  await expect(page.locator('.post-publish-panel__postpublish')).toBeVisible();
  const link = await page.evaluate(() => window.wp.data.select('core/editor').getPermalink());
  expect(errors).toEqual([]);
  await page.context().close();

  const visitor = await newPage(browser);
  await visitor.goto(link);
  const widget = await expectWidget(visitor, 0, { programId: 'example-reseller', language: 'fr' });
  await expect(widget).toHaveAttribute('program-src', site.reseller.url);
  await visitor.context().close();
});

/** Attribute values that try to break out of an attribute, or to run script. */
const HOSTILE = {
  lang: '"><script>window.pwned = 2; alert(2)</script>',
  theme: '" onmouseover="alert(3)',
  loading: "eager' autofocus onfocus='alert(4)",
  tools: 'share<img src=x id=pwned-img onerror=alert(5)>',
  analytics: 'gtag&quot; onclick=&quot;alert(6)',
  inputs: '{"existing_clients": "</script><script>window.pwned = 9; alert(9)</script>"}',
};

/**
 * Shortcodes and blocks whose every attribute is hostile. WordPress itself reads shortcodes
 * with markup in their attributes loosely (wptexturize curls their quotes), so the blocks,
 * whose attributes reach the plugin as written, carry the same values too.
 */
function hostileContent() {
  const program = readProgram('referral');
  delete program.translations;
  program.name = '</script><script>window.pwned = 7; alert(7)</script><img src=x onerror="alert(8)">';
  const { lang, theme, loading, tools, analytics, inputs } = HOSTILE;
  return [
    shortcodeBlock('[partner_roi program="javascript:alert(1)"]'),
    // Quotes only: no markup, so WordPress reads this shortcode as written.
    shortcodeBlock(`[partner_roi program="example" theme='${theme}' loading="${loading}" analytics="${analytics}"]`),
    shortcodeBlock(`[partner_roi program="example" lang='${lang}' tools="${tools}" inputs='${inputs}']`),
    blockMarkup('partner-roi/calculator', { programJson: JSON.stringify(program), loading: 'eager', className: 'hostile-name' }),
    blockMarkup('partner-roi/calculator', { program: 'example', ...HOSTILE, className: 'hostile-attributes' }),
  ].join('\n\n');
}

/** Waits for the widget's first tier card, scrolled to (a lazy widget starts near the viewport). */
async function expectShown(widget) {
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.locator('.tier-card').first()).toBeVisible();
}

/** No script of the content ran, no element has an event handler, no widget attribute holds the payload. */
async function expectInert(page, dialogs) {
  expect(dialogs).toEqual([]);
  const found = await page.evaluate(() => ({
    pwned: window.pwned,
    handlers: [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes]
      .filter((attribute) => attribute.name.startsWith('on'))
      .map((attribute) => `${element.localName} ${attribute.name}`)),
    scripts: [...document.scripts].filter((script) => script.type !== 'application/json' && /pwned|alert\(/.test(script.textContent)).length,
    widgets: [...document.querySelectorAll('partner-roi')].map((element) => element.getAttributeNames()),
    sources: [...document.querySelectorAll('partner-roi[program-src]')].map((element) => element.getAttribute('program-src')),
  }));
  expect(found.pwned).toBeUndefined();
  expect(found.handlers).toEqual([]);
  expect(found.scripts).toBe(0);
  expect(found.sources).toEqual([]);
  // The hostile lang, theme, tools and analytics were dropped; inputs is inert JSON.
  for (const names of found.widgets) {
    expect(names.filter((name) => !['program', 'loading', 'inputs', 'debug'].includes(name))).toEqual([]);
  }
}

test('a contributor’s hostile shortcodes and blocks, published by the owner, run no script', async ({ browser }) => {
  const created = await site.owner('POST', '/wp/v2/users', {
    json: { username: 'contributor', email: 'contributor@example.com', password: `c-${Date.now()}-Pw1!`, roles: ['contributor'] },
  });
  expect(created.status, JSON.stringify(created.data)).toBe(201);
  const key = await site.owner('POST', `/wp/v2/users/${created.data.id}/application-passwords`, { json: { name: 'e2e' } });
  const contributor = restClient(wp.origin, { user: 'contributor', password: key.data.password });
  // A contributor may not publish (nor write pages): the post waits for review, then the owner publishes it.
  const { id } = await publish(contributor, { title: 'Hostile contributor', content: hostileContent(), type: 'posts', status: 'pending' });
  const published = await site.owner('POST', `/wp/v2/posts/${id}`, { json: { status: 'publish' } });
  expect(published.data.status).toBe('publish');

  const page = await newPage(browser);
  const dialogs = recordDialogs(page);
  await page.goto(published.data.link);
  await expectShown(page.locator('.hostile-attributes partner-roi'));
  await expectInert(page, dialogs);
  await expect(page.locator('.partner-roi-notice')).toHaveCount(0);
  await page.context().close();
});

test('the same hostile markup unfiltered (written by the owner) is inert too, and editors see what was ignored', async ({ browser }) => {
  const { link } = await publish(site.owner, { title: 'Hostile, unfiltered', content: hostileContent() });
  for (const owner of [false, true]) {
    const page = await newPage(browser, { owner });
    const dialogs = recordDialogs(page);
    await page.goto(link);
    // The quotes-only shortcode and both blocks show their widgets.
    const quoted = page.locator('partner-roi[program="example"]:not(.wp-block-partner-roi-calculator partner-roi)').first();
    await expectShown(quoted);
    await expectShown(page.locator('.hostile-attributes partner-roi'));
    await expect(page.locator('.hostile-attributes partner-roi')).toHaveAttribute('inputs', HOSTILE.inputs.replace('": ', '":'));
    // The pasted program's hostile name is shown as text.
    const named = page.locator('.hostile-name partner-roi');
    await expectShown(named);
    await expect(named.locator('.program-header')).toContainText('</script><script>window.pwned = 7');
    await expect(page.locator('#pwned-img')).toHaveCount(0);
    await expectInert(page, dialogs);
    const notes = page.locator('.partner-roi-notice');
    if (owner) {
      await expect(notes.first()).toContainText('program="javascript:alert(1)" is not the ID of a JSON file in the Media Library, an http(s) URL or a path.');
      const blockNote = page.locator('.hostile-attributes .partner-roi-notice');
      for (const name of ['lang', 'theme', 'loading', 'tools', 'analytics']) {
        // As text (esc_html leaves an entity such as &quot; as it is, so it shows as ").
        await expect(blockNote).toContainText(`${name}="${HOSTILE[name].replaceAll('&quot;', '"').slice(0, 20)}`);
      }
    } else {
      await expect(notes).toHaveCount(0);
    }
    await page.context().close();
  }
});
