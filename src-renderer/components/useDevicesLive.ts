import { useEffect, useState } from 'react';
import type { DevicesLive } from '../../src-shared/contract/index.ts';
import { call, onStreamState, subscribe } from '../api.ts';

export interface DevicesLiveView {
  /** The devices as last known; kept while the host is lost so the last weight can be shown greyed. */
  live: DevicesLive | null;
  /** The event stream from the host (loopback or Electron main) is down: every device counts as lost. */
  hostLost: boolean;
}

/**
 * The devices as the host pushes them: one devices.live snapshot each time the event stream comes up, then
 * devices.weight and devices.state events. No polling: a dead host shows as the stream going down.
 */
export function useDevicesLive(): DevicesLiveView {
  const [live, setLive] = useState<DevicesLive | null>(null);
  const [hostLost, setHostLost] = useState(false);
  useEffect(() => {
    let stopped = false;
    // Events pushed while a snapshot is on its way are newer than it: kept here and laid over it on arrival.
    let newer: Partial<DevicesLive> | null = null;
    const apply = (part: Partial<DevicesLive>) => {
      if (newer) newer = { ...newer, ...part };
      setLive((l) => l && { ...l, ...part });
    };
    const snapshot = () => {
      newer = {};
      call('devices.live', {}).then((next) => {
        if (!stopped) setLive({ ...next, ...newer });
        newer = null;
      }, () => (newer = null));
    };
    const offs = [
      subscribe('devices.weight', (scale) => apply({ scale })),
      subscribe('devices.state', (state) => apply(state)),
      onStreamState((state) => {
        setHostLost(state === 'down');
        // The snapshot also opens the devices (they start on first use).
        if (state === 'up') snapshot();
      }),
    ];
    return () => {
      stopped = true;
      offs.forEach((off) => off());
    };
  }, []);
  return { live, hostLost };
}
