#!/usr/bin/env node
// The project's static file server: `cargo xtask serve` and `demo`, Playwright's webServer,
// the browser scripts of tests/e2e and the Lighthouse bench run it.
//
//   node xtask/build-tools/serve.js [--root DIR] [--port N] [--gzip]
//
// Serves DIR (default dist/) on 127.0.0.1:N (default $PORT, else 8000; 0: any free port)
// with serve-static: GET and HEAD only, no dotfiles, `application/wasm` for streaming
// compilation, `Cache-Control: no-cache` so that a rebuilt dist/ is what the next load gets.
// With --gzip, `compression` gzips text, JSON, SVG and wasm when the request accepts it, as
// a CDN would. The first line it prints names the URL: tests/e2e/support/chromium.js reads it.
'use strict';

const compression = require('compression');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const serveStatic = require('serve-static');
const { parseArgs } = require('node:util');

const COMPRESSIBLE = /^(text\/|application\/(json|wasm)|image\/svg\+xml)/;

const { values } = parseArgs({
  options: { root: { type: 'string' }, port: { type: 'string' }, gzip: { type: 'boolean' } },
});
const shown = values.root ?? 'dist';
const root = path.resolve(shown);
const port = Number(values.port ?? process.env.PORT ?? 8000);
if (!fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
  fail(`${shown} is not a directory${values.root ? '' : ': run `cargo xtask dist` first'}`);
}
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port ${values.port}: not a port`);

const files = serveStatic(root, {
  cacheControl: false,
  setHeaders: (res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
  },
});
const gzip = values.gzip
  ? compression({ threshold: 0, filter: (_, res) => COMPRESSIBLE.test(res.getHeader('Content-Type') ?? '') })
  : (_req, _res, next) => next();

const server = http.createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'only GET and HEAD');
  gzip(req, res, () => files(req, res, () => plain(res, 404, 'not found')));
});
server.on('error', (e) => fail(`cannot listen on 127.0.0.1:${port}: ${e.message}`));
server.listen(port, '127.0.0.1', () => {
  const { port: bound } = server.address();
  const suffix = values.gzip ? ', gzip when accepted' : '';
  console.log(`serving ${shown}/ at http://127.0.0.1:${bound}/ (Ctrl-C to stop)${suffix}`);
});

function plain(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}

function fail(message) {
  console.error(`serve: ${message}`);
  process.exit(1);
}
