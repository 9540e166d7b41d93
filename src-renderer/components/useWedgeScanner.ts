import { useEffect, useRef, useState } from 'react';
import { defaultWedgeSettings, type WedgeSettings } from '../../src-shared/contract/devices.ts';
import { checkPlate } from '../../src-shared/domain/plate.ts';
import { call } from '../api.ts';

/**
 * Keyboard-wedge barcode scanners "type" the code. A scan is told from typing by its speed: every key of the
 * burst within maxInterKeyMs of the previous one (people type 100+ ms apart), at least minLength characters,
 * ended by the suffix key; a configured prefix must open it. IME composition is never a scan. The technician
 * sets these on the Devices screen (devices.setWedgeSettings) to match how the scanners are programmed.
 */
export type WedgeOptions = WedgeSettings;

export const defaultWedgeOptions: WedgeOptions = defaultWedgeSettings;

/** What the detector runs with: the stored settings, except where the caller overrides them. */
export function wedgeOptions(stored: WedgeOptions, overrides: Partial<WedgeOptions>): WedgeOptions {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as Partial<WedgeOptions>;
  return { ...stored, ...given };
}

/** Pure detector: feed it key presses with their times; it returns the code when a key completes a scan. */
export class WedgeDetector {
  private chars = '';
  private lastAt = -Infinity;

  constructor(readonly options: WedgeOptions = defaultWedgeOptions) {}

  /** True when a key at t would start a new burst (the previous one is over). */
  idleAt(t: number): boolean {
    return t - this.lastAt > this.options.maxInterKeyMs;
  }

  key(key: string, t: number): string | undefined {
    const o = this.options;
    const inBurst = !this.idleAt(t);
    if (key === o.suffix) {
      const burst = inBurst ? this.chars : '';
      this.reset();
      if (!burst.startsWith(o.prefix)) return undefined;
      const code = burst.slice(o.prefix.length);
      return code.length >= o.minLength ? code : undefined;
    }
    // Modifier and navigation keys (Shift for capitals) carry no character and do not break a burst.
    if (key.length !== 1) return undefined;
    this.chars = inBurst ? this.chars + key : key;
    this.lastAt = t;
    return undefined;
  }

  reset(): void {
    this.chars = '';
    this.lastAt = -Infinity;
  }
}

export type ScanRoute =
  | { field: 'plate'; value: string }
  | { field: 'recordNumber'; value: string }
  | { field: 'reportNumber'; value: string };

/** Where a scanned code belongs, by its shape: a plate, one of our record numbers, else a report number. */
export function routeScan(code: string): ScanRoute {
  const text = code.trim();
  if (/^CD-[0-9A-Z-]+$/i.test(text)) return { field: 'recordNumber', value: text.toUpperCase() };
  const plate = checkPlate(text);
  if (plate.ok) return { field: 'plate', value: plate.plate };
  return { field: 'reportNumber', value: text };
}

type Editable = HTMLInputElement | HTMLTextAreaElement;

/** Puts back the value a field had before the scanner typed into it, the way React notices. */
function restoreValue(el: Editable, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

const isEditable = (el: Element | null): el is Editable => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;

/** The stored wedge settings; the defaults until they arrive, or if they cannot be read. */
function useStoredWedgeOptions(): WedgeOptions {
  const [stored, setStored] = useState(defaultWedgeOptions);
  useEffect(() => {
    let current = true;
    call('devices.wedgeSettings', {}).then((s) => current && setStored(s), () => undefined);
    return () => {
      current = false;
    };
  }, []);
  return stored;
}

/**
 * Listens to the whole window: whichever field has focus, a scan is taken out of it and handed to onScan.
 * The suffix key of a scan is swallowed so Enter does not submit the form.
 */
export function useWedgeScanner(onScan: (code: string) => void, overrides: Partial<WedgeOptions> = {}): void {
  const handler = useRef(onScan);
  handler.current = onScan;
  const { maxInterKeyMs, minLength, prefix, suffix } = wedgeOptions(useStoredWedgeOptions(), overrides);
  useEffect(() => {
    const detector = new WedgeDetector({ maxInterKeyMs, minLength, prefix, suffix });
    let before: { el: Editable; value: string } | undefined;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.isComposing || e.keyCode === 229 || e.key === 'Process') {
        detector.reset();
        return;
      }
      const t = e.timeStamp;
      if (e.key.length === 1 && detector.idleAt(t)) {
        const el = document.activeElement;
        before = isEditable(el) ? { el, value: el.value } : undefined;
      }
      const code = detector.key(e.key, t);
      if (code === undefined) return;
      e.preventDefault();
      e.stopPropagation();
      if (before) restoreValue(before.el, before.value);
      handler.current(code);
    };
    const onComposition = () => detector.reset();
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('compositionstart', onComposition, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('compositionstart', onComposition, true);
    };
  }, [maxInterKeyMs, minLength, prefix, suffix]);
}
