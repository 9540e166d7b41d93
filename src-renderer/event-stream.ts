/**
 * The renderer's end of the pushed events (src-shared/contract/events.ts): one stream per page, shared by
 * every subscriber, over Electron's preload bridge or the loopback host's server-sent events. A stream that
 * ends, fails or stays silent past STREAM_DEAD_AFTER_MS is "down" and reopened with backoff.
 */
import { STREAM_DEAD_AFTER_MS, type AppEvent } from '../src-shared/contract/events.ts';
import { parseSse, type StreamMessage } from '../src-shared/contract/event-wire.ts';

export type { StreamMessage };
export type StreamState = 'connecting' | 'up' | 'down';

/** Opens one stream; returns how to close it. `onEnd(unauthorized)` is called once if it ends by itself. */
export type Connect = (token: string, onMessage: (m: StreamMessage) => void, onEnd: (unauthorized: boolean) => void) => () => void;


/** The loopback host: a fetch with the bearer header (EventSource cannot send one; the token stays out of URLs). */
export const connectHttp: Connect = (token, onMessage, onEnd) => {
  const abort = new AbortController();
  let ended = false;
  const end = (unauthorized: boolean) => {
    if (ended) return;
    ended = true;
    onEnd(unauthorized);
  };
  void (async () => {
    try {
      const res = await fetch('/api/events', { headers: { Authorization: `Bearer ${token}` }, signal: abort.signal });
      if (!res.ok || !res.body) return end(res.status === 401);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let rest = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return end(false);
        const parsed = parseSse(rest + value);
        rest = parsed.rest;
        parsed.messages.forEach(onMessage);
      }
    } catch {
      end(false);
    }
  })();
  return () => {
    ended = true;
    abort.abort();
  };
};

const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 4000;

/** Keeps one stream open while anyone listens; tells listeners when it is up or down. */
export class EventStream {
  private close: (() => void) | undefined;
  private retryTimer: number | undefined;
  private deadTimer: number | undefined;
  private retryMs = RETRY_FIRST_MS;
  private token: string | undefined;
  private wanted = false;
  state: StreamState = 'connecting';

  constructor(
    private readonly connect: Connect,
    private readonly onMessage: (event: AppEvent) => void,
    private readonly onState: (state: StreamState) => void,
    private readonly onUnauthorized: () => void,
  ) {}

  setToken(token: string | undefined): void {
    if (token === this.token) return;
    this.token = token;
    if (this.wanted) this.restart();
  }

  want(wanted: boolean): void {
    if (wanted === this.wanted) return;
    this.wanted = wanted;
    if (wanted) this.restart();
    else this.shut();
  }

  private restart(): void {
    this.shut();
    this.setState('connecting');
    this.open();
  }

  private open(): void {
    this.retryTimer = undefined;
    if (!this.wanted || !this.token) return;
    this.close = this.connect(
      this.token,
      (m) => {
        this.retryMs = RETRY_FIRST_MS;
        this.setState('up');
        this.armDeadTimer();
        if (m.name !== 'heartbeat') this.onMessage(m);
      },
      (unauthorized) => this.lost(unauthorized),
    );
    this.armDeadTimer();
  }

  // A hung host sends nothing and ends nothing: silence alone must bring the stream down.
  private armDeadTimer(): void {
    window.clearTimeout(this.deadTimer);
    this.deadTimer = window.setTimeout(() => this.lost(false), STREAM_DEAD_AFTER_MS);
  }

  private lost(unauthorized: boolean): void {
    this.shut();
    this.setState('down');
    if (unauthorized) return this.onUnauthorized();
    if (!this.wanted) return;
    this.retryTimer = window.setTimeout(() => this.open(), this.retryMs);
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
  }

  private shut(): void {
    this.close?.();
    this.close = undefined;
    window.clearTimeout(this.deadTimer);
    window.clearTimeout(this.retryTimer);
  }

  private setState(state: StreamState): void {
    if (state === this.state) return;
    this.state = state;
    this.onState(state);
  }
}
