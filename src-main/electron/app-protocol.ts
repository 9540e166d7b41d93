import { contentSecurityPolicy } from '../security/csp.ts';
import { readStatic } from '../host/static-files.ts';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://bundle`;

/** Only the app's own pages may call the contract; parsed with URL, never compared by prefix. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'bundle';
  } catch {
    return false;
  }
}

/**
 * Answers `app://bundle/<path>` from the built renderer: GET only, no path outside the folder, a 400 for a
 * path that does not decode (never an exception), the strict CSP on every response.
 */
export function serveAppRequest(rendererDir: string, request: { method: string; url: string }): Response {
  if (request.method !== 'GET') return new Response('GET only', { status: 405 });
  let pathname: string;
  try {
    pathname = new URL(request.url).pathname;
  } catch {
    return new Response('malformed URL', { status: 400 });
  }
  const file = readStatic(rendererDir, pathname);
  if (file.status !== 200) return new Response(file.message, { status: file.status });
  return new Response(new Uint8Array(file.body), { headers: { 'Content-Type': file.type, 'Content-Security-Policy': contentSecurityPolicy } });
}
