import type { EventHub, StreamMessage } from '../services/events.ts';
import { EVENTS_CHANNEL, EVENTS_END_CHANNEL, EVENTS_SUBSCRIBE_CHANNEL, EVENTS_UNSUBSCRIBE_CHANNEL } from './channel.ts';

/** The parts of a web contents the event bridge needs; tests pass their own. */
export interface EventTarget {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface IpcEventsLike {
  on(channel: string, listener: (event: { sender: EventTarget; senderFrame?: { url: string } | null }, ...args: unknown[]) => void): void;
}

/**
 * Pushes the hub's events to the page over IPC (`webContents.send`), per subscription the page opens with
 * its session token, so roles apply exactly as on the loopback host's event stream. One stream per page.
 */
export function registerEventIpc(ipc: IpcEventsLike, hub: Pick<EventHub, 'subscribe'>, isTrustedUrl: (url: string) => boolean): void {
  const open = new Map<EventTarget, () => void>();
  const watched = new WeakSet<EventTarget>();
  const close = (target: EventTarget) => {
    open.get(target)?.();
    open.delete(target);
  };
  ipc.on(EVENTS_SUBSCRIBE_CHANNEL, (event, token) => {
    const target = event.sender;
    close(target);
    const send = (channel: string, ...args: unknown[]) => {
      if (!target.isDestroyed()) target.send(channel, ...args);
    };
    if (!isTrustedUrl(event.senderFrame?.url ?? '')) return send(EVENTS_END_CHANNEL, true);
    try {
      open.set(target, hub.subscribe(typeof token === 'string' ? token : undefined, {
        send: (m: StreamMessage) => send(EVENTS_CHANNEL, m),
        end: () => {
          open.delete(target);
          send(EVENTS_END_CHANNEL, true);
        },
      }));
    } catch {
      return send(EVENTS_END_CHANNEL, true);
    }
    // The first message says the stream is up, as the host's opening comment does.
    send(EVENTS_CHANNEL, { name: 'heartbeat' } satisfies StreamMessage);
    if (!watched.has(target)) target.once('destroyed', () => close(target));
    watched.add(target);
  });
  ipc.on(EVENTS_UNSUBSCRIBE_CHANNEL, (event) => close(event.sender));
}
