import type { ApiError, ApiResult, Envelope, InputOf, MethodName, OutputOf } from '../src-shared/contract/index.ts';
import type { AppEvent, EventName, EventPayloads } from '../src-shared/contract/events.ts';
import { connectHttp, EventStream, type Connect, type StreamMessage, type StreamState } from './event-stream.ts';

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
  stream.setToken(next);
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
  return (await callMethod(method, input)) as OutputOf<M>;
}

/** Any method by name, untyped: the city hub's methods (city-api.ts types them) go through the same door. */
export async function callMethod(method: string, input: unknown): Promise<unknown> {
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
  return result.value;
}

/** The preload's event bridge in Electron: subscribe with the session token, get the unsubscribe back. */
interface EventBridge {
  subscribe(token: string, onMessage: (m: StreamMessage) => void, onEnd: (unauthorized: boolean) => void): () => void;
}

const eventBridge = typeof window === 'undefined' ? undefined : (window as unknown as { checkpointEvents?: EventBridge }).checkpointEvents;
const connect: Connect = eventBridge ? (t, onMessage, onEnd) => eventBridge.subscribe(t, onMessage, onEnd) : connectHttp;

const handlers = new Map<EventName, Set<(payload: never) => void>>();
const stateListeners = new Set<(state: StreamState) => void>();

const stream = new EventStream(
  connect,
  (event: AppEvent) => handlers.get(event.name)?.forEach((h) => (h as (p: typeof event.payload) => void)(event.payload)),
  (state) => stateListeners.forEach((l) => l(state)),
  () => {
    if (token) onUnauthorized();
  },
);

function listened(): void {
  stream.want(stateListeners.size > 0 || [...handlers.values()].some((set) => set.size > 0));
}

/** Receives one kind of pushed event, whichever shell the page runs in; returns the unsubscribe. */
export function subscribe<E extends EventName>(event: E, handler: (payload: EventPayloads[E]) => void): () => void {
  const set = handlers.get(event) ?? new Set();
  handlers.set(event, set);
  set.add(handler as (payload: never) => void);
  listened();
  return () => {
    set.delete(handler as (payload: never) => void);
    listened();
  };
}

/** Whether the event stream is up (events arrive), connecting, or down (the host is gone: show devices lost). */
export function onStreamState(listener: (state: StreamState) => void): () => void {
  stateListeners.add(listener);
  listened();
  listener(stream.state);
  return () => {
    stateListeners.delete(listener);
    listened();
  };
}
