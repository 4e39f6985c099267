// A throwaway WordPress for tests/e2e/wordpress.spec.js: Debian's WordPress 6.1, PHP 8.2 and
// MariaDB (`apt-get install -y wordpress php-mysql mariadb-server php-cli`), without systemd.
// `startWordPress()` initialises a MariaDB data directory and a site under a fresh /tmp
// folder, starts `mariadbd` and `php -S`, installs the site and resolves to its origin, its
// owner's login and `stop()`, which ends both servers and removes everything it wrote. The
// only file written outside that folder is WordPress's host config,
// /etc/wordpress/config-127.0.0.1.php (Debian's wp-config.php reads it; so the run needs root).
'use strict';

const { execFile, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');
const { freePort } = require('./chromium');

const run = promisify(execFile);

const WORDPRESS = '/usr/share/wordpress';
const CONFIG = '/etc/wordpress/config-127.0.0.1.php';
/** The first line of the config we write: a config without it is someone's own, never touched. */
const CONFIG_MARKER = '<?php // partner-roi e2e: written by tests/e2e/support/wordpress.js, removed after the run';
const PACKAGES = 'apt-get install -y wordpress php-mysql mariadb-server php-cli';
const REQUIRED = [
  ['/usr/bin/php', 'php-cli'],
  ['/usr/sbin/mariadbd', 'mariadb-server'],
  ['/usr/bin/mariadb-install-db', 'mariadb-server'],
  ['/usr/bin/mariadb', 'mariadb-client'],
  [`${WORDPRESS}/wp-settings.php`, 'wordpress'],
];
const START_TIMEOUT_MS = 60_000;

/** Fails with the command that installs what is missing. */
async function checkInstalled() {
  const missing = REQUIRED.filter(([file]) => !fs.existsSync(file)).map(([file, pkg]) => `${file} (${pkg})`);
  if (missing.length === 0) {
    const { stdout } = await run('/usr/bin/php', ['-r', 'echo extension_loaded("mysqli") ? "yes" : "no";']);
    if (stdout !== 'yes') missing.push("PHP's mysqli extension (php-mysql)");
  }
  if (missing.length) throw new Error(`WordPress test: missing ${missing.join(', ')}. Install them with: ${PACKAGES}`);
  if (process.getuid() !== 0) throw new Error(`WordPress test: must run as root, to write ${CONFIG}`);
}

/** The port for WordPress: `PARTNER_ROI_WP_PORT` when set, else a free one. */
function wordPressPort() {
  const port = process.env.PARTNER_ROI_WP_PORT;
  return port ? Promise.resolve(Number(port)) : freePort();
}

/**
 * Starts `command` in a process group of its own, its output in `log`. `stop()` ends the
 * group (TERM, then KILL after 10 s) and resolves once the process has exited.
 */
function startProcess(command, args, log, env = process.env) {
  const out = fs.openSync(log, 'a');
  const child = spawn(command, args, { detached: true, stdio: ['ignore', out, out], env });
  fs.closeSync(out);
  let exitedWith = null;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => {
    exitedWith = signal || `exit code ${code}`;
    resolve();
  }));
  const signal = (name) => {
    try {
      process.kill(-child.pid, name);
    } catch {
      // Gone already.
    }
  };
  const onExit = () => signal('SIGKILL');
  process.once('exit', onExit);
  return {
    exited: () => exitedWith,
    async stop() {
      process.removeListener('exit', onExit);
      if (exitedWith) return;
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resolves once `ready()` does, polling; fails when `process` exits first or after the timeout. */
async function waitFor(what, ready, process_, log) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (await ready().catch(() => false)) return;
    const tail = () => fs.readFileSync(log, 'utf8').slice(-2000);
    if (process_.exited()) throw new Error(`${what} stopped (${process_.exited()}):\n${tail()}`);
    if (Date.now() > deadline) throw new Error(`${what} not ready within ${START_TIMEOUT_MS / 1000} s:\n${tail()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** MariaDB on a socket of its own, with a fresh data directory and database `wordpress`. */
async function startMariaDb(state) {
  const datadir = path.join(state, 'mysql');
  const socket = path.join(state, 'mysqld.sock');
  const log = path.join(state, 'mariadb.log');
  await run('/usr/bin/mariadb-install-db', [
    '--no-defaults', '--user=root', `--datadir=${datadir}`,
    '--auth-root-authentication-method=normal', '--skip-test-db',
  ]);
  const server = startProcess('/usr/sbin/mariadbd', [
    '--no-defaults', '--user=root', `--datadir=${datadir}`, `--socket=${socket}`, '--skip-networking',
    `--pid-file=${path.join(state, 'mysqld.pid')}`, `--log-error=${log}`,
    // A test database: fast writes matter, durability does not.
    '--innodb-flush-log-at-trx-commit=0', '--innodb-doublewrite=0', '--innodb-buffer-pool-size=64M',
  ], log);
  const client = (sql) => run('/usr/bin/mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', sql]);
  try {
    await waitFor('mariadbd', () => client('SELECT 1').then(() => true), server, log);
    const password = `db-${Math.random().toString(36).slice(2)}`;
    await client(`CREATE DATABASE wordpress; CREATE USER 'wordpress'@'localhost' IDENTIFIED BY '${password}';
      GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';`);
    return { server, socket, user: 'wordpress', password };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/**
 * The site's document root: WordPress's files by symbolic link, and a wp-content of its own
 * (themes and translations linked from the package; plugins and uploads empty), so that
 * `php -S` serves plugin files and uploads from it, as Apache's alias would.
 */
function makeSite(state) {
  const root = path.join(state, 'root');
  const content = path.join(root, 'wp-content');
  fs.mkdirSync(content, { recursive: true });
  for (const name of fs.readdirSync(WORDPRESS)) {
    if (name !== 'wp-content') fs.symlinkSync(path.join(WORDPRESS, name), path.join(root, name));
  }
  fs.mkdirSync(path.join(content, 'plugins'));
  fs.mkdirSync(path.join(content, 'uploads'));
  fs.mkdirSync(path.join(content, 'themes'));
  for (const theme of fs.readdirSync(`${WORDPRESS}/wp-content/themes`)) {
    fs.symlinkSync(`${WORDPRESS}/wp-content/themes/${theme}`, path.join(content, 'themes', theme));
  }
  fs.symlinkSync(`${WORDPRESS}/wp-content/languages`, path.join(content, 'languages'));
  return { root, content };
}

/** WordPress's config for this host: the database, this site's wp-content, no network. */
function writeConfig({ origin, content, db, state }) {
  if (fs.existsSync(CONFIG) && !fs.readFileSync(CONFIG, 'utf8').startsWith(CONFIG_MARKER)) {
    throw new Error(`WordPress test: ${CONFIG} exists and is not the test's own; move it away first`);
  }
  const define = (name, value) => `define(${JSON.stringify(name)}, ${JSON.stringify(value)});`;
  const salts = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
    .map((name) => define(name, `${name}-${Math.random().toString(36).slice(2)}`));
  fs.writeFileSync(CONFIG, [
    CONFIG_MARKER,
    define('DB_NAME', 'wordpress'),
    define('DB_USER', db.user),
    define('DB_PASSWORD', db.password),
    define('DB_HOST', `localhost:${db.socket}`),
    define('WP_HOME', origin),
    define('WP_SITEURL', origin),
    define('WP_CONTENT_DIR', content),
    define('WP_CONTENT_URL', `${origin}/wp-content`),
    // Application passwords over plain http.
    define('WP_ENVIRONMENT_TYPE', 'local'),
    // Installs plugins straight into wp-content.
    define('FS_METHOD', 'direct'),
    // No update checks, news or cron calls: the machine may have no internet.
    define('WP_HTTP_BLOCK_EXTERNAL', true),
    define('DISABLE_WP_CRON', true),
    define('AUTOMATIC_UPDATER_DISABLED', true),
    define('WP_DEBUG', true),
    define('WP_DEBUG_DISPLAY', false),
    define('WP_DEBUG_LOG', path.join(state, 'debug.log')),
    ...salts,
    '',
  ].join('\n'));
}

/** Runs install.php as its form would, with the site owner `owner`. */
async function install(origin, owner) {
  const form = new URLSearchParams({
    weblog_title: 'Partner ROI test site',
    user_name: owner.user,
    admin_password: owner.password,
    admin_password2: owner.password,
    pw_weak: 'on',
    admin_email: 'owner@example.com',
    blog_public: '0',
    language: '',
    Submit: 'Install WordPress',
  });
  const response = await fetch(`${origin}/wp-admin/install.php?step=2`, { method: 'POST', body: form });
  const text = await response.text();
  if (!response.ok || !text.includes('Success!')) {
    throw new Error(`WordPress did not install (HTTP ${response.status}):\n${text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 1500)}`);
  }
}

/**
 * Starts MariaDB and `php -S` and installs WordPress. Resolves to
 * `{ origin, owner: {user, password}, content, debugLog, stop() }`.
 */
async function startWordPress() {
  await checkInstalled();
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'partner-roi-wp-'));
  const stops = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step();
    stops.length = 0;
  };
  try {
    stops.push(() => {
      if (!process.env.PARTNER_ROI_WP_KEEP) fs.rmSync(state, { recursive: true, force: true });
    });
    const db = await startMariaDb(state);
    stops.push(() => db.server.stop());
    const port = await wordPressPort();
    const origin = `http://127.0.0.1:${port}`;
    const { root, content } = makeSite(state);
    writeConfig({ origin, content, db, state });
    stops.push(() => {
      if (fs.existsSync(CONFIG) && fs.readFileSync(CONFIG, 'utf8').startsWith(CONFIG_MARKER)) fs.rmSync(CONFIG);
    });
    const log = path.join(state, 'php.log');
    const php = startProcess('/usr/bin/php', [
      '-d', 'upload_max_filesize=16M', '-d', 'post_max_size=16M', '-d', 'memory_limit=256M',
      '-S', `127.0.0.1:${port}`, '-t', root,
    ], log, { ...process.env, PHP_CLI_SERVER_WORKERS: '4' });
    stops.push(() => php.stop());
    await waitFor('php -S', () => fetch(`${origin}/readme.html`).then((response) => response.ok), php, log);
    const owner = { user: 'owner', password: `owner-${Math.random().toString(36).slice(2)}-Pw1!` };
    await install(origin, owner);
    return { origin, owner, content, debugLog: path.join(state, 'debug.log'), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * A REST client of `origin` for `login` (`{user, password}`, an application password):
 * `call(method, route, {query, json, body, headers})` resolves to `{status, data}`.
 */
function restClient(origin, login) {
  const authorization = `Basic ${Buffer.from(`${login.user}:${login.password}`).toString('base64')}`;
  return async (method, route, { query = {}, json, body, headers = {} } = {}) => {
    const url = new URL(`${origin}/`);
    // Plain permalinks: the route goes in the query.
    url.searchParams.set('rest_route', route);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const response = await fetch(url, {
      method,
      headers: { Authorization: authorization, ...(json ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: json ? JSON.stringify(json) : body,
    });
    const text = await response.text();
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
    return { status: response.status, data };
  };
}

module.exports = { startWordPress, restClient };
