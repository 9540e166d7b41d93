import type { ApiError, ApiResult, Envelope, InputOf, MethodName, OutputOf } from '../src-shared/contract/index.ts';

/** The preload bridge in Electron: one function per contract method, nothing else. */
type Bridge = Record<string, (envelope: Envelope) => Promise<ApiResult<unknown>>>;

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** True inside the Electron shell (the preload exposed the contract), false in a browser on the loopback host. */
export const inDesktopApp = typeof window !== 'undefined' && 'checkpoint' in window;

let token: string | undefined;
let lang: 'zh-CN' | 'en' = 'zh-CN';
let onUnauthorized: () => void = () => {};
let onLocked: () => void = () => {};

export function setToken(next: string | undefined): void {
  token = next;
}
export function setApiLang(next: 'zh-CN' | 'en'): void {
  lang = next;
}
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}
/** The server locked the session (idle, or locked elsewhere): the page shows its lock screen. */
export function setLockedHandler(handler: () => void): void {
  onLocked = handler;
}

async function viaHttp(method: string, envelope: Envelope): Promise<ApiResult<unknown>> {
  try {
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(envelope.token ? { Authorization: `Bearer ${envelope.token}` } : {}) },
      body: JSON.stringify({ input: envelope.input, lang: envelope.lang }),
    });
    return (await res.json()) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', key: 'errors.network', message: 'network' } };
  }
}

/** Calls a contract method through Electron's bridge when present, else the loopback host. */
export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const bridge = (window as unknown as { checkpoint?: Bridge }).checkpoint;
  const envelope: Envelope = { token, lang, input };
  const result = bridge?.[method] ? await bridge[method](envelope) : await viaHttp(method, envelope);
  if (!result.ok) {
    // A wrong password (at the lock screen too) is not a lost session.
    const wrongPassword = result.error.key === 'errors.badCredentials';
    if (result.error.code === 'unauthorized' && token && !wrongPassword) onUnauthorized();
    if (result.error.code === 'locked' && token) onLocked();
    throw new ApiCallError(result.error);
  }
  return result.value as OutputOf<M>;
}
