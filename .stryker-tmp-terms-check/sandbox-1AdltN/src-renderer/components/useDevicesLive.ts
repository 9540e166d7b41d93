// @ts-nocheck
import { useEffect, useState } from 'react';
import type { DevicesLive } from '../../src-main/contract/index.ts';
import { call } from '../api.ts';

/** Polls devices.live every intervalMs while mounted; one request in flight at a time, so a slow link never piles up calls. */
export function useDevicesLive(intervalMs: number): DevicesLive | null {
  const [live, setLive] = useState<DevicesLive | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const poll = async () => {
      const next = await call('devices.live', {}).catch(() => null);
      if (stopped) return;
      if (next) setLive(next);
      timer = window.setTimeout(() => void poll(), intervalMs);
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [intervalMs]);
  return live;
}
