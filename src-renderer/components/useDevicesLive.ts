import { useEffect, useState } from 'react';
import type { DevicesLive } from '../../src-shared/contract/index.ts';
import { call } from '../api.ts';

/** No answer from the host for this long (refused, failing or hanging) shows it lost: well inside 3 s. */
export const HOST_LOST_AFTER_MS = 1500;

export interface DevicesLiveView {
  /** The last answer; kept while the host is lost so the last weight can be shown greyed. */
  live: DevicesLive | null;
  /** The host (loopback or Electron main) has not answered for HOST_LOST_AFTER_MS. */
  hostLost: boolean;
}

/**
 * Polls devices.live every intervalMs while mounted; one request in flight at a time, so a slow link never
 * piles up calls. A watchdog marks the host lost when no poll has succeeded lately, whether the requests fail
 * at once (host killed) or never return (host hung).
 */
export function useDevicesLive(intervalMs: number): DevicesLiveView {
  const [live, setLive] = useState<DevicesLive | null>(null);
  const [hostLost, setHostLost] = useState(false);
  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    let lastOkAt = Date.now();
    const watchdog = window.setInterval(() => setHostLost(Date.now() - lastOkAt > HOST_LOST_AFTER_MS), 250);
    const poll = async () => {
      const next = await call('devices.live', {}).catch(() => null);
      if (stopped) return;
      if (next) {
        lastOkAt = Date.now();
        setHostLost(false);
        setLive(next);
      }
      timer = window.setTimeout(() => void poll(), intervalMs);
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      window.clearInterval(watchdog);
    };
  }, [intervalMs]);
  return { live, hostLost };
}
