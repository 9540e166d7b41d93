/**
 * The city hub's HTTP(S) server: installations' signed pushes and head requests (HUB_PATHS), the city
 * views' `POST /api/<method>` through the handler map it is given, and the built renderer. Without TLS it
 * listens on the loopback address only and refuses to start on any other; with TLS it serves the network.
 * Whatever a request holds, it gets a JSON answer with a proper status and the process stays up.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { HUB_PATHS, type HubRefusal } from '../../src-shared/contract/hub.ts';
import type { ApiResult, Envelope } from '../../src-shared/contract/define.ts';
import { translate, type Lang } from '../../src-shared/contract/i18n/index.ts';
import type { HubSql } from '../hub/hub-db.ts';
import { hubHead, hubPush } from '../hub/push.ts';
import { hubMailFetch, hubMailSend } from '../hub/mail.ts';
import { HubRefusedError } from '../hub/signed-request.ts';
import { contentSecurityPolicy } from '../security/csp.ts';
import { HTTP_STATUS, TooLarge, apiMethodName, readBody } from './request-guard.ts';
import { readStatic } from './static-files.ts';

/** The hub's dispatcher for people (the city's screens): the same envelope as the checkpoint's `/api/<method>`. */
export type HubApiDispatch = (name: string, envelope: Envelope) => Promise<ApiResult<unknown>>;

export interface HubHostOptions {
  sql: HubSql;
  clock: () => Date;
  port: number;
  /** 127.0.0.1 unless TLS is configured. */
  host?: string;
  tls?: { cert: string | Buffer; key: string | Buffer };
  api?: HubApiDispatch;
  staticDir?: string;
  maxBodyBytes?: number;
}

export interface HubHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The Signed envelope allows 64 MB of body text; a little more for the envelope around it. */
const DEFAULT_MAX_BODY = 65 * 1024 * 1024;

export const REFUSAL_STATUS: Record<HubRefusal, number> = {
  malformed: 400, 'bad-signature': 401, 'unknown-installation': 403, revoked: 403, 'not-own-data': 403, gap: 409, fork: 409, 'bad-hash': 422, 'too-large': 413,
};

export class HubHostError extends Error {}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1', '[::1]'];
const isLoopbackAddress = (a: string | undefined) => !!a && (a.startsWith('127.') || a === '::1' || a.startsWith('::ffff:127.'));



function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'Content-Type': 'application/json', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', 'Content-Security-Policy': contentSecurityPolicy });
  res.end(JSON.stringify(value));
}

function refusal(res: http.ServerResponse, refused: HubRefusal, params: Record<string, unknown> = {}): void {
  const printable = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const key = `hub.refused.${refused}`;
  sendJson(res, REFUSAL_STATUS[refused], { ok: false, error: { code: refused, key, message: translate('zh-CN', key, printable), detail: printable } });
}

function plainError(res: http.ServerResponse, status: number, key: string, lang: Lang = 'zh-CN'): void {
  const code = status === 404 ? 'not-found' : status === 413 ? 'too-large' : status >= 500 ? 'internal' : 'invalid-input';
  sendJson(res, status, { ok: false, error: { code, key, message: translate(lang, key) } });
}

/** A push or head request: the body is the Signed envelope; every refusal is named. */
async function answerInstallation(req: http.IncomingMessage, res: http.ServerResponse, o: HubHostOptions, work: (raw: unknown) => Promise<unknown>): Promise<void> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readBody(req, o.maxBodyBytes ?? DEFAULT_MAX_BODY));
  } catch (err) {
    if (err instanceof TooLarge) res.setHeader('Connection', 'close');
    return refusal(res, err instanceof TooLarge ? 'too-large' : 'malformed');
  }
  try {
    sendJson(res, 200, { ok: true, value: await work(raw) });
  } catch (err) {
    if (err instanceof HubRefusedError) return refusal(res, err.refusal, err.detail);
    throw err;
  }
}

async function answerApi(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, o: HubHostOptions, scheme: string): Promise<void> {
  const name = apiMethodName(pathname);
  if (name === null || !o.api) return plainError(res, 404, 'errors.unknownMethod');
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return plainError(res, 400, 'hub.errors.jsonOnly');
  // A page from another origin may not drive the hub (the browser always sends Origin on a cross-site POST).
  if (req.headers.origin !== undefined && req.headers.origin !== `${scheme}://${req.headers.host ?? ''}`) return plainError(res, 403, 'account.errors.foreignOrigin');
  let envelope: { input?: unknown; lang?: unknown };
  try {
    const parsed: unknown = JSON.parse((await readBody(req, o.maxBodyBytes ?? DEFAULT_MAX_BODY)) || '{}');
    envelope = typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch (err) {
    return plainError(res, err instanceof TooLarge ? 413 : 400, err instanceof TooLarge ? 'hub.errors.tooLarge' : 'hub.errors.notJson');
  }
  const lang: Lang = envelope.lang === 'en' ? 'en' : 'zh-CN';
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const answer = await o.api(name, { token, lang, input: envelope.input ?? {} });
  sendJson(res, answer.ok ? 200 : HTTP_STATUS[answer.error.code], answer);
}

/** Without TLS the hub may listen on a loopback address only (HubHostError, with the Chinese message). */
export function refuseOpenWithoutTls(host: string, tls: unknown): void {
  if (!tls && !LOOPBACK_NAMES.includes(host)) throw new HubHostError(translate('zh-CN', 'hub.errors.notLoopback'));
}

/** Starts the hub; refuses to listen beyond loopback without TLS. */
export async function createHubHost(o: HubHostOptions): Promise<HubHost> {
  const host = o.host ?? '127.0.0.1';
  refuseOpenWithoutTls(host, o.tls);
  const scheme = o.tls ? 'https' : 'http';
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!o.tls && !isLoopbackAddress(req.socket.remoteAddress)) return plainError(res, 403, 'hub.errors.notLoopback');
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://hub').pathname;
    } catch {
      return plainError(res, 400, 'account.errors.badRequest');
    }
    const isInstallationPath = (Object.values(HUB_PATHS) as string[]).includes(pathname);
    if ((isInstallationPath || pathname.startsWith('/api/')) && req.method !== 'POST') return plainError(res, 405, 'hub.errors.postOnly');
    if (pathname === HUB_PATHS.push) return answerInstallation(req, res, o, (raw) => hubPush(o.sql, o.clock, raw));
    if (pathname === HUB_PATHS.head) return answerInstallation(req, res, o, (raw) => hubHead(o.sql, raw));
    if (pathname === HUB_PATHS.mailSend) return answerInstallation(req, res, o, (raw) => hubMailSend(o.sql, o.clock, raw));
    if (pathname === HUB_PATHS.mailFetch) return answerInstallation(req, res, o, (raw) => hubMailFetch(o.sql, raw));
    if (pathname.startsWith('/api/')) return answerApi(req, res, pathname, o, scheme);
    if (req.method !== 'GET' || !o.staticDir || pathname.startsWith('/hub/')) return plainError(res, 404, 'hub.errors.notFound');
    const file = readStatic(o.staticDir, pathname);
    if (file.status !== 200) return plainError(res, file.status, file.status === 400 ? 'account.errors.badRequest' : 'account.errors.notBuilt');
    res.writeHead(200, { 'Content-Type': file.type, 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
    res.end(file.body);
  };
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    req.on('error', () => res.destroy());
    handle(req, res).catch((err: unknown) => {
      console.error('[hub] request failed', req.method, req.url, err);
      plainError(res, 500, 'hub.errors.internal');
    });
  };
  const server = o.tls ? https.createServer({ cert: o.tls.cert, key: o.tls.key }, listener) : http.createServer(listener);
  server.on('clientError', (_err, socket) => {
    if (!socket.writable) return void socket.destroy();
    const body = JSON.stringify({ ok: false, error: { code: 'invalid-input', key: 'account.errors.badRequest', message: translate('zh-CN', 'account.errors.badRequest') } });
    socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return {
    url: `${scheme}://${shownHost}:${port}/`,
    port,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
