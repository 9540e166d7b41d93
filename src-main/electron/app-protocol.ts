import fs from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy } from '../security/csp.ts';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://bundle`;

const MIME: Record<string, string> = {
  // .mjs: the pdf.js worker of the document preview, a module script.
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2',
};

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
 * Answers `app://bundle/<path>` from the built renderer: GET only, no path outside the folder, the strict
 * CSP on every response. Unknown paths get index.html (single-page app).
 */
export function serveAppRequest(rendererDir: string, request: { method: string; url: string }): Response {
  if (request.method !== 'GET') return new Response('GET only', { status: 405 });
  const root = path.resolve(rendererDir);
  const { pathname } = new URL(request.url);
  let file = path.resolve(root, '.' + decodeURIComponent(pathname));
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  return new Response(fs.readFileSync(file), {
    headers: { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': contentSecurityPolicy },
  });
}
