// What every script that drives a browser shares: the system Chromium's launch options
// (never a downloaded browser), `startServer`, which runs the project's one static file
// server (xtask/build-tools/serve.js) on a directory, and `startNext`, which runs a built
// Next.js app's own server.
'use strict';

const { spawn } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');

/** Launch options for Debian's Chromium, quiet on a machine with no internet. */
const CHROMIUM_LAUNCH = Object.freeze({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

const REPO = path.resolve(__dirname, '..', '..', '..');
/** The static file server (installed by `cargo xtask dist`, which every test run starts with). */
const SERVE_SCRIPT = path.join(REPO, 'xtask', 'build-tools', 'serve.js');
/** The first line the server prints once it listens. */
const LISTENING = /^serving .* at (http:\/\/127\.0\.0\.1:\d+)\//m;
/** Long enough for a built Next.js app to start on a loaded machine. */
const START_TIMEOUT_MS = 120_000;

/**
 * Serves `root` on `port` (0: any free port), gzipping as a CDN would when `gzip` is set,
 * and resolves, once it answers, to `{ origin, close() }`; `close()` stops it (and resolves
 * when it has). The server stops too when this process exits.
 */
function startServer(root, port = 0, { gzip = false } = {}) {
  const args = [SERVE_SCRIPT, '--root', path.resolve(root), '--port', String(port), ...(gzip ? ['--gzip'] : [])];
  return startListening(`serve.js --root ${root}`, process.execPath, args, REPO, LISTENING);
}

/** A port no one listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** `next start` of the built Next.js app in `dir` on a free port, as `startServer` resolves. */
async function startNext(dir) {
  const next = path.join(dir, 'node_modules', 'next', 'dist', 'bin', 'next');
  const args = [next, 'start', '--port', String(await freePort()), '--hostname', '127.0.0.1'];
  return startListening(`next start in ${dir}`, process.execPath, args, dir, /(http:\/\/(?:127\.0\.0\.1|localhost):\d+)/);
}

/**
 * Runs `command args` in `cwd` in a process group of its own and resolves, once the origin
 * `listening` finds in its output answers, to `{ origin, close() }`.
 */
function startListening(what, command, args, cwd, listening) {
  const child = spawn(
    command,
    args,
    // Its own process group, so that close() stops the server and any child of its alike.
    { cwd, detached: true, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } },
  );
  let exited = false;
  const exit = new Promise((resolve) => child.once('exit', (code, signal) => {
    exited = true;
    resolve(signal || `exit code ${code}`);
  }));
  const stop = () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Gone already.
    }
  };
  process.once('exit', stop);
  const close = () => {
    stop();
    process.removeListener('exit', stop);
    return exit.then(() => undefined);
  };

  return new Promise((resolve, reject) => {
    let output = '';
    let origin = null;
    const fail = (error) => {
      clearTimeout(timer);
      close();
      reject(error);
    };
    const timer = setTimeout(
      () => fail(new Error(`\`${what}\` did not start within ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    );
    child.once('error', (error) => fail(new Error(`cannot run \`${what}\`: ${error.message}`)));
    exit.then((how) => {
      if (!origin) fail(new Error(`\`${what}\` stopped (${how}) before serving:\n${output}`));
    });
    // Keep reading: a full pipe would stall the server.
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text) => {
      if (origin) return;
      output += text;
      const found = listening.exec(output);
      if (!found) return;
      origin = found[1];
      // It listens before it prints: one request proves it answers.
      fetch(`${origin}/`, { method: 'HEAD' }).then(
        () => {
          clearTimeout(timer);
          resolve({ origin, close });
        },
        (error) => fail(new Error(`${origin} does not answer: ${error.message}`)),
      );
    });
  });
}

module.exports = { CHROMIUM_LAUNCH, freePort, startNext, startServer };
