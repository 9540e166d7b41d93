import { METHOD_NAMES, type ApiResult, type Envelope } from '../../src-shared/contract/index.ts';
import type { Dispatch } from '../services/dispatch.ts';
import { channelOf } from './channel.ts';

/** The parts of Electron's ipcMain and its event that the bridge needs; tests pass their own. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame?: { url: string } | null }, envelope: Envelope) => Promise<ApiResult<unknown>>): void;
}

/**
 * The one loop that exposes the contract over IPC: a channel per method, each refusing calls from any
 * frame that is not the app's own page before the dispatcher sees them.
 */
export function registerContractIpc(ipc: IpcMainLike, dispatch: Dispatch, isTrustedUrl: (url: string) => boolean): void {
  for (const method of METHOD_NAMES) {
    ipc.handle(channelOf(method), async (event, envelope) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedUrl(url)) return { ok: false, error: { code: 'forbidden', key: 'errors.forbidden', message: 'untrusted sender' } };
      return dispatch(method, envelope);
    });
  }
}
