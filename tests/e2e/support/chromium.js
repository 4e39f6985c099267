// What every script that drives a browser shares: the system Chromium's launch options
// (never a downloaded browser) and a tiny static file server for dist/.
'use strict';

const fs = require('node:fs');
const http = require('node:http');
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

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves `root` on 127.0.0.1:`port` (0: any free port); GET/HEAD only, nothing outside the root. */
function serveStatic(root, port) {
  const server = http.createServer((request, response) => {
    const send = (status, type, body) => {
      response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(405, 'text/plain', 'only GET and HEAD\n');
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    } catch {
      return send(400, 'text/plain', 'bad path\n');
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.resolve(root, '.' + pathname);
    if (file !== root && !file.startsWith(root + path.sep)) {
      return send(403, 'text/plain', 'forbidden path\n');
    }
    fs.readFile(file, (error, body) => {
      if (error) return send(404, 'text/plain', 'not found\n');
      send(200, TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream', body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

module.exports = { CHROMIUM_LAUNCH, serveStatic };
