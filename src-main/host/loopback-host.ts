import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../services/dispatch.ts';
import { contentSecurityPolicy } from '../security/csp.ts';
import type { EventHub } from '../services/events.ts';

const MIME: Record<string, string> = {
  // .mjs: the pdf.js worker of the document preview, a module script.
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2', '.ico': 'image/x-icon',
};
/** A 10 MB report scan is about 13.4 MB as base64 (attachments.add). */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

function isLoopback(address: string | undefined): boolean {
  return !!address && (address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.'));
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    ...(res.getHeader('Connection') ? { Connection: 'close' } : {}),
    'Content-Type': type,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Server-sent events (src-shared/contract/events.ts); not a contract method, so it is not POST. */
export const EVENTS_PATH = '/api/events';

/**
 * `GET /api/events` with the same bearer token as every call: a text/event-stream of the events the
 * session's roles may see, one `event:`/`data:` pair each, and a comment line as heartbeat.
 */
function streamEvents(req: http.IncomingMessage, res: http.ServerResponse, events: Pick<EventHub, 'subscribe'>, streams: Set<http.ServerResponse>): void {
  if (req.method !== 'GET') return send(res, 405, 'GET only', 'text/plain');
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  let unsubscribe: () => void;
  try {
    unsubscribe = events.subscribe(token, {
      send: (m) => res.write(m.name === 'heartbeat' ? ': heartbeat\n\n' : `event: ${m.name}\ndata: ${JSON.stringify(m.payload)}\n\n`),
      end: () => res.end(),
    });
  } catch {
    return send(res, 401, JSON.stringify({ ok: false, error: { code: 'unauthorized', key: 'errors.sessionExpired', message: 'session expired' } }), 'application/json');
  }
  streams.add(res);
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // No proxy may hold events back to fill a buffer.
    'X-Accel-Buffering': 'no',
  });
  res.write(': open\n\n');
  res.on('close', () => {
    streams.delete(res);
    unsubscribe();
  });
}

/**
 * Serves the renderer and the contract over HTTP on 127.0.0.1 only: `POST /api/<method>` with a JSON body
 * `{ input, lang }` and `Authorization: Bearer <token>`. It exists for machines where Electron cannot start
 * and for the browser end-to-end tests; it refuses any connection that is not from this machine, and any
 * Host header that is not a loopback name (against DNS rebinding).
 */
export async function startLoopbackHost(options: { port: number; rendererDir: string; dispatch: Dispatch; events: Pick<EventHub, 'subscribe'> }) {
  const root = path.resolve(options.rendererDir);
  const streams = new Set<http.ServerResponse>();
  let closing = false;
  const server = http.createServer(async (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!isLoopback(req.socket.remoteAddress) || !['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
      send(res, 403, 'loopback only', 'text/plain');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Shutting down: no kept-alive connection may carry another request (a reconnecting event stream would hold close() open).
    if (closing) {
      res.setHeader('Connection', 'close');
      if (url.pathname === EVENTS_PATH) return send(res, 503, 'shutting down', 'text/plain');
    }
    if (url.pathname === EVENTS_PATH) return streamEvents(req, res, options.events, streams);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain');
      let envelope: unknown;
      try {
        const body = await readBody(req);
        envelope = body ? JSON.parse(body) : {};
      } catch (err) {
        const tooLarge = (err as Error).message === 'body too large';
        // A body cut short leaves unread bytes on the connection: close it rather than reuse it.
        if (tooLarge) res.setHeader('Connection', 'close');
        return send(res, tooLarge ? 413 : 400, JSON.stringify({ ok: false, error: { code: 'invalid-input', key: 'errors.invalidInput', message: tooLarge ? 'request body over 16 MiB' : 'request body is not JSON' } }), 'application/json');
      }
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const body = (typeof envelope === 'object' && envelope !== null ? envelope : {}) as Record<string, unknown>;
      const result = await options.dispatch(decodeURIComponent(url.pathname.slice(5)), {
        token, lang: body.lang === 'en' ? 'en' : 'zh-CN', input: body.input,
      });
      return send(res, 200, JSON.stringify(result), 'application/json');
    }
    if (req.method !== 'GET') return send(res, 405, 'GET only', 'text/plain');
    // Unknown paths fall back to index.html (single-page app); the resolved path must stay inside root.
    let file = path.resolve(root, '.' + decodeURIComponent(url.pathname));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) return send(res, 404, 'renderer not built: run `npm run build:renderer`', 'text/plain');
      send(res, 200, data, MIME[path.extname(file)] ?? 'application/octet-stream');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () => new Promise<void>((resolve) => {
      // Open event streams would keep close() waiting for ever.
      closing = true;
      for (const res of streams) res.end();
      server.close(() => resolve());
    }),
  };
}
