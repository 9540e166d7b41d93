// Sandboxed preload: exposes exactly one function per contract method, never ipcRenderer itself, and
// passes only the envelope (the IPC event object never reaches the page).
import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, EVENTS_CHANNEL, EVENTS_END_CHANNEL, EVENTS_SUBSCRIBE_CHANNEL, EVENTS_UNSUBSCRIBE_CHANNEL, METHODS_ARG } from './channel.ts';

const methods = (process.argv.find((a) => a.startsWith(METHODS_ARG)) ?? METHODS_ARG).slice(METHODS_ARG.length).split(',').filter(Boolean);
const bridge = Object.fromEntries(methods.map((method) => [method, (envelope: unknown) => ipcRenderer.invoke(channelOf(method), envelope)]));
contextBridge.exposeInMainWorld('checkpoint', Object.freeze(bridge));

// Pushed events: one subscription per page, opened with the session token; the page gets messages and the end, never the IPC event.
let unsubscribe: (() => void) | undefined;
contextBridge.exposeInMainWorld('checkpointEvents', Object.freeze({
  subscribe(token: string, onMessage: (m: unknown) => void, onEnd: (unauthorized: boolean) => void): () => void {
    unsubscribe?.();
    const message = (_event: unknown, m: unknown) => onMessage(m);
    const end = (_event: unknown, unauthorized: boolean) => {
      detach();
      onEnd(unauthorized === true);
    };
    const detach = () => {
      ipcRenderer.off(EVENTS_CHANNEL, message);
      ipcRenderer.off(EVENTS_END_CHANNEL, end);
    };
    ipcRenderer.on(EVENTS_CHANNEL, message);
    ipcRenderer.on(EVENTS_END_CHANNEL, end);
    ipcRenderer.send(EVENTS_SUBSCRIBE_CHANNEL, token);
    unsubscribe = () => {
      detach();
      unsubscribe = undefined;
      ipcRenderer.send(EVENTS_UNSUBSCRIBE_CHANNEL);
    };
    return unsubscribe;
  },
}));
