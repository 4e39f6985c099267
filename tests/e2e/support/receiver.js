// A local webhook for the application specs: an HTTP server on 127.0.0.1 that answers the
// CORS preflight and each POST with a chosen status, and records every request it gets.
'use strict';

const http = require('node:http');

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST',
  'Access-Control-Allow-Headers': 'content-type',
};

class Receiver {
  constructor() {
    /** Every request: `{method, path, headers, text, body}` (`body`: the parsed JSON, or null). */
    this.requests = [];
    /** The status the next POSTs get. */
    this.status = 200;
    /** While set (a promise), POST answers wait for it. */
    this.hold = null;
    this.port = 0;
    this.server = null;
  }

  /** Listens on `port` (0 at first: any free one; later, by default, the same one again). */
  listen(port = this.port) {
    this.server = http.createServer((request, response) => this.answer(request, response));
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.port = this.server.address().port;
        resolve(this);
      });
    });
  }

  /** Stops listening and drops every open connection: the next request is refused. */
  close() {
    const { server } = this;
    this.server = null;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  get origin() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The address applications are posted to. */
  get url() {
    return `${this.origin}/lead`;
  }

  /** The POSTs received so far. */
  posts() {
    return this.requests.filter((request) => request.method === 'POST');
  }

  answer(request, response) {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', async () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = null;
      }
      const path = request.url;
      this.requests.push({ method: request.method, path, headers: request.headers, text, body });
      if (request.method === 'OPTIONS') {
        response.writeHead(204, CORS).end();
        return;
      }
      if (request.method === 'POST' && this.hold) await this.hold;
      const status = request.method === 'POST' ? this.status : 200;
      response.writeHead(status, { ...CORS, 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ ok: status < 300 }));
    });
  }
}

/** A receiver listening on a free port. */
function startReceiver() {
  return new Receiver().listen();
}

module.exports = { Receiver, startReceiver };
