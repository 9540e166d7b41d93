import type http from 'node:http';
import type { ApiError, ErrorCode } from '../../src-shared/contract/define.ts';
import { translate } from '../../src-shared/contract/i18n/index.ts';
import { decodePath } from './static-files.ts';

/** The HTTP status for each envelope code, so logs and proxies read a refusal right. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  'invalid-input': 400, unauthorized: 401, forbidden: 403, 'not-found': 404, conflict: 409, 'too-large': 413, locked: 423, internal: 500,
};

/** A refusal made before the body is read, so in the default language (Chinese). */
export function envelopeError(code: ErrorCode, key: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, key, message: translate('zh-CN', key) } };
}

/** The method named by `/api/<method>`, or null when the name does not decode. */
export function apiMethodName(pathname: string): string | null {
  return decodePath(pathname.slice('/api/'.length));
}

/**
 * Only the app's own page may call the API. A browser marks every cross-site POST with its `Origin`, and a
 * page cannot send `application/json` to another origin without a CORS preflight, which this host never
 * grants; together they stop a web page from driving the host (login guessing, first-run set-up).
 * Returns the refusal, or null when the request may go on to the dispatcher.
 */
export function refuseForeignCall(req: http.IncomingMessage, ownPort: number): { ok: false; error: ApiError } | null {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return envelopeError('invalid-input', 'account.errors.jsonOnly');
  const origin = req.headers.origin;
  if (origin !== undefined && !ownOrigins(ownPort).includes(origin)) {
    return envelopeError('forbidden', 'account.errors.foreignOrigin');
  }
  return null;
}

function ownOrigins(port: number): string[] {
  return ['127.0.0.1', 'localhost', '[::1]'].map((h) => `http://${h}:${port}`);
}

/** A request body over the host's limit: answered 413 and the connection closed, never buffered whole. */
export class TooLarge extends Error {}

/** The request body as text, refused (TooLarge) as soon as it passes `limitBytes`. */
export async function readBody(req: http.IncomingMessage, limitBytes: number): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
