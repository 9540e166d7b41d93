/**
 * One strict policy for the Electron protocol handler and the loopback host alike: only the app's own
 * scripts and styles (antd injects style elements, hence 'unsafe-inline' for styles only), no plugins, no framing.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // The document preview draws PDFs with pdf.js, whose worker is one of the app's own files; no blob: workers.
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
