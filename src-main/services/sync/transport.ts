/**
 * Posts one signed request to the hub over HTTP or HTTPS (with the hub's CA when it is self-signed) and
 * reads its JSON answer. Anything but a well-formed answer is a SyncTransportError naming the problem.
 */
import http from 'node:http';
import https from 'node:https';

export class SyncTransportError extends Error {
  constructor(readonly key: string, readonly params: Record<string, string | number>) {
    super(key);
  }
}

export interface HubAnswer {
  status: number;
  body: { ok: true; value: unknown } | { ok: false; error: { code: string; key: string; message: string } };
}

export function postToHub(hubUrl: string, path: string, payload: unknown, options: { caPem?: string; timeoutMs?: number } = {}): Promise<HubAnswer> {
  const url = new URL(path, hubUrl);
  const text = JSON.stringify(payload);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) },
      timeout: options.timeoutMs ?? 120_000,
      ...(url.protocol === 'https:' && options.caPem ? { ca: options.caPem } : {}),
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (err) => reject(new SyncTransportError('hub.errors.unreachable', { url: hubUrl, reason: err.message })));
      res.on('end', () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as HubAnswer['body'];
          if (typeof body !== 'object' || body === null || typeof body.ok !== 'boolean') throw new Error('shape');
          resolve({ status: res.statusCode ?? 0, body });
        } catch {
          reject(new SyncTransportError('hub.errors.badAnswer', { status: res.statusCode ?? 0 }));
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err) => reject(new SyncTransportError('hub.errors.unreachable', { url: hubUrl, reason: err.message })));
    req.end(text);
  });
}
