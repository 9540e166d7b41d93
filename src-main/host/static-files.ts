import fs from 'node:fs';
import path from 'node:path';

/** One MIME table for both shells (`app://` in Electron, the loopback host in a browser). */
const MIME: Record<string, string> = {
  // .mjs: the pdf.js worker of the document preview, a module script.
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2', '.ico': 'image/x-icon',
};

export type StaticAnswer =
  | { status: 200; body: Buffer; type: string }
  | { status: 400 | 404; message: string };

/** Percent-decodes a URL path; null for bad encodings (`%FF`, a lone `%`) and NUL, which no file name holds. */
export function decodePath(pathname: string): string | null {
  try {
    const decoded = decodeURIComponent(pathname);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

/**
 * Answers a GET for the built renderer: a path that does not decode is a 400, never an exception; the
 * resolved file must stay inside the folder; unknown paths get index.html (single-page app).
 */
export function readStatic(rendererDir: string, pathname: string): StaticAnswer {
  const decoded = decodePath(pathname);
  if (decoded === null) return { status: 400, message: 'malformed path' };
  const root = path.resolve(rendererDir);
  let file = path.resolve(root, '.' + decoded);
  if (!file.startsWith(root + path.sep) || !isFile(file)) file = path.join(root, 'index.html');
  try {
    return { status: 200, body: fs.readFileSync(file), type: MIME[path.extname(file)] ?? 'application/octet-stream' };
  } catch {
    return { status: 404, message: 'renderer not built: run `npm run build:renderer`' };
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
