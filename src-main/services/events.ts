/**
 * The one place events leave the services: each shell (the loopback host's event stream, Electron's IPC)
 * subscribes with the caller's session token and receives only the events its roles may see, plus a
 * heartbeat every HEARTBEAT_MS. At each heartbeat the session is checked again (logged out, expired, roles
 * changed), so a stream never outlives the session that opened it.
 */
import { EVENT_ROLES, HEARTBEAT_MS, type AppEvent } from '../../src-shared/contract/events.ts';
import { holdsAny, type Role } from '../../src-shared/contract/roles.ts';
import { realTimers, type Timers } from '../../drivers/device-lifecycle.ts';
import type { Db } from '../../db/open.ts';
import { sessionLimits, userById } from './accounts/accounts.ts';
import type { SessionStore } from './accounts/sessions.ts';

export type StreamMessage = AppEvent | { name: 'heartbeat' };

export interface EventSink {
  send(message: StreamMessage): void;
  /** The session ended: the shell closes the stream. */
  end(): void;
}

interface Subscriber {
  token: string;
  roles: readonly Role[];
  sink: EventSink;
}

export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private heartbeat: unknown;

  constructor(
    private readonly db: Db,
    private readonly sessions: SessionStore,
    private readonly now: () => Date,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Throws ServiceError('unauthorized') for a token with no live session; returns the unsubscribe. */
  subscribe(token: string | undefined, sink: EventSink): () => void {
    const session = this.sessions.peek(token, this.now().getTime(), sessionLimits(this.db));
    const subscriber: Subscriber = { token: session.token, roles: userById(this.db, session.user.id).roles, sink };
    this.subscribers.add(subscriber);
    this.heartbeat ??= this.timers.setInterval(() => this.beat(), HEARTBEAT_MS);
    return () => this.remove(subscriber);
  }

  publish(event: AppEvent): void {
    const allowed = EVENT_ROLES[event.name];
    for (const s of this.subscribers) if (holdsAny(s.roles, allowed)) s.sink.send(event);
  }

  get size(): number {
    return this.subscribers.size;
  }

  close(): void {
    for (const s of [...this.subscribers]) this.remove(s);
  }

  private beat(): void {
    for (const s of [...this.subscribers]) {
      try {
        // A stream is not activity: the server's idle lock still falls on an untouched screen. A locked
        // session keeps its stream (the lock covers the screen); an ended one loses it.
        const session = this.sessions.peek(s.token, this.now().getTime(), sessionLimits(this.db));
        s.roles = userById(this.db, session.user.id).roles;
      } catch {
        this.remove(s);
        s.sink.end();
        continue;
      }
      s.sink.send({ name: 'heartbeat' });
    }
  }

  private remove(s: Subscriber): void {
    this.subscribers.delete(s);
    if (this.subscribers.size === 0 && this.heartbeat !== undefined) {
      this.timers.clearInterval(this.heartbeat);
      this.heartbeat = undefined;
    }
  }
}
