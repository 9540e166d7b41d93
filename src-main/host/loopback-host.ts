import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../services/dispatch.ts';
import { contentSecurityPolicy } from '../security/csp.ts';
import { readStatic } from './static-files.ts';
import { HTTP_STATUS, TooLarge, apiMethodName, envelopeError, readBody, refuseForeignCall } from './request-guard.ts';
import type { EventHub } from '../services/events.ts';
import { formatSse } from '../../src-shared/contract/event-wire.ts';

/** A 10 MB report scan is about 13.4 MB as base64 (attachments.add). */
const MAX_BODY_BYTES = 16 * 1024 * 1024;


function isLoopback(address: string | undefined): boolean {
  return !!address && (address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.'));
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, {
    ...(res.getHeader('Connection') ? { Connection: 'close' } : {}),
    'Content-Type': type,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/** Every API answer is the JSON envelope, with the HTTP status its code stands for. */
function sendEnvelope(res: http.ServerResponse, result: { ok: true; value: unknown } | { ok: false; error: { code: keyof typeof HTTP_STATUS } }, status?: number): void {
  send(res, status ?? (result.ok ? 200 : HTTP_STATUS[result.error.code]), JSON.stringify(result), 'application/json');
}


/** Server-sent events (src-shared/contract/events.ts); not a contract method, so it is not POST. */
export const EVENTS_PATH = '/api/events';

/**
 * `GET /api/events` with the same bearer token as every call: a text/event-stream of the events the
 * session's roles may see, one `event:`/`data:` pair each, and a comment line as heartbeat.
 */
function streamEvents(req: http.IncomingMessage, res: http.ServerResponse, events: Pick<EventHub, 'subscribe'>, streams: Set<http.ServerResponse>): void {
  if (req.method !== 'GET') return sendEnvelope(res, envelopeError('invalid-input', 'account.errors.getOnly'), 405);
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  let unsubscribe: () => void;
  try {
    unsubscribe = events.subscribe(token, {
      send: (m) => res.write(formatSse(m)),
      end: () => res.end(),
    });
  } catch {
    return sendEnvelope(res, envelopeError('unauthorized', 'errors.sessionExpired'));
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

async function answerApi(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, port: number, dispatch: Dispatch) {
  if (req.method !== 'POST') return sendEnvelope(res, envelopeError('invalid-input', 'account.errors.postOnly'), 405);
  const refused = refuseForeignCall(req, port);
  if (refused) return sendEnvelope(res, refused);
  const name = apiMethodName(pathname);
  if (name === null) return sendEnvelope(res, envelopeError('invalid-input', 'account.errors.badRequest'));
  let envelope: unknown;
  try {
    const body = await readBody(req, MAX_BODY_BYTES);
    envelope = body ? JSON.parse(body) : {};
  } catch (err) {
    // A body cut short leaves unread bytes on the connection: close it rather than reuse it.
    if (err instanceof TooLarge) {
      res.setHeader('Connection', 'close');
      return sendEnvelope(res, envelopeError('too-large', 'account.errors.tooLarge'));
    }
    return sendEnvelope(res, envelopeError('invalid-input', 'account.errors.notJson'));
  }
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const body = (typeof envelope === 'object' && envelope !== null ? envelope : {}) as Record<string, unknown>;
  sendEnvelope(res, await dispatch(name, { token, lang: body.lang === 'en' ? 'en' : 'zh-CN', input: body.input }));
}

/**
 * Serves the renderer and the contract over HTTP on 127.0.0.1 only: `POST /api/<method>` with a JSON body
 * `{ input, lang }` and `Authorization: Bearer <token>`. It exists for machines where Electron cannot start
 * and for the browser end-to-end tests; it refuses any connection that is not from this machine, any
 * Host header that is not a loopback name (against DNS rebinding) and any API call from another page.
 */
export async function startLoopbackHost(options: { port: number; rendererDir: string; dispatch: Dispatch; events: Pick<EventHub, 'subscribe'> }) {
  let port = options.port;
  const streams = new Set<http.ServerResponse>();
  let closing = false;
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!isLoopback(req.socket.remoteAddress) || !['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
      return sendEnvelope(res, envelopeError('forbidden', 'account.errors.loopbackOnly'));
    }
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    } catch {
      return sendEnvelope(res, envelopeError('invalid-input', 'account.errors.badRequest'));
    }
    // Shutting down: no kept-alive connection may carry another request (a reconnecting event stream would hold close() open).
    if (closing) {
      res.setHeader('Connection', 'close');
      if (pathname === EVENTS_PATH) return send(res, 503, 'shutting down', 'text/plain');
    }
    if (pathname === EVENTS_PATH) return streamEvents(req, res, options.events, streams);
    if (pathname.startsWith('/api/')) return answerApi(req, res, pathname, port, options.dispatch);
    if (req.method !== 'GET') return sendEnvelope(res, envelopeError('invalid-input', 'account.errors.getOnly'), 405);
    const file = readStatic(options.rendererDir, pathname);
    if (file.status === 200) return send(res, 200, file.body, file.type);
    sendEnvelope(res, envelopeError(file.status === 400 ? 'invalid-input' : 'not-found', file.status === 400 ? 'account.errors.badRequest' : 'account.errors.notBuilt'));
  };
  const server = http.createServer((req, res) => {
    req.on('error', () => res.destroy());
    // The top-level guard: whatever a request does, the process stays up and the request gets an answer.
    handle(req, res).catch((err: unknown) => {
      console.error('[host] request failed', req.method, req.url, err);
      sendEnvelope(res, envelopeError('internal', 'errors.internal'));
    });
  });
  // Malformed request lines and headers never reach the handler: answer them here, in the same envelope.
  server.on('clientError', (_err, socket) => {
    if (!socket.writable) return void socket.destroy();
    const body = JSON.stringify(envelopeError('invalid-input', 'account.errors.badRequest'));
    socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () => new Promise<void>((resolve) => {
      // Open event streams would keep close() waiting for ever.
      closing = true;
      for (const res of streams) res.end();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
