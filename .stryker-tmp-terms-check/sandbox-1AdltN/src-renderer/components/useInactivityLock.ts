// @ts-nocheck
import { useEffect, useRef } from 'react';

/** Calls `onIdle` after `minutes` without a key press, click or pointer move; null disables it. */
export function useInactivityLock(minutes: number | null, onIdle: () => void): void {
  const idle = useRef(onIdle);
  idle.current = onIdle;
  useEffect(() => {
    if (minutes === null) return;
    let timer = window.setTimeout(() => idle.current(), minutes * 60_000);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => idle.current(), minutes * 60_000);
    };
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, reset);
    };
  }, [minutes]);
}
