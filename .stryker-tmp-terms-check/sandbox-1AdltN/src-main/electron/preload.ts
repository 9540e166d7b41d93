// @ts-nocheck
// Sandboxed preload: exposes exactly one function per contract method, never ipcRenderer itself, and
// passes only the envelope (the IPC event object never reaches the page).
import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, METHODS_ARG } from './channel.ts';

const methods = (process.argv.find((a) => a.startsWith(METHODS_ARG)) ?? METHODS_ARG).slice(METHODS_ARG.length).split(',').filter(Boolean);
const bridge = Object.fromEntries(methods.map((method) => [method, (envelope: unknown) => ipcRenderer.invoke(channelOf(method), envelope)]));
contextBridge.exposeInMainWorld('checkpoint', Object.freeze(bridge));
