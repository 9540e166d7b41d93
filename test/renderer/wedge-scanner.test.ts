import { describe, expect, it } from 'vitest';
import { routeScan, WedgeDetector } from '../../src-renderer/components/useWedgeScanner.ts';

/** Feeds text as key presses gapMs apart from t0, then the suffix; returns what the detector reported. */
function type(d: WedgeDetector, text: string, gapMs: number, t0 = 1000, suffix = 'Enter') {
  let t = t0;
  for (const ch of text) {
    expect(d.key(ch, t)).toBeUndefined();
    t += gapMs;
  }
  return d.key(suffix, t);
}

describe('keyboard-wedge scan detection', () => {
  it('takes a fast burst ended by Enter as a scan and typing as typing', () => {
    const d = new WedgeDetector();
    expect(type(d, 'HB20261128001', 8)).toBe('HB20261128001');
    expect(type(d, 'HB20261128001', 120, 5000)).toBeUndefined();
  });

  it('needs the minimum length, and a pause inside the burst starts it over', () => {
    const d = new WedgeDetector({ maxInterKeyMs: 30, minLength: 6, prefix: '', suffix: 'Enter' });
    expect(type(d, 'AB12', 5)).toBeUndefined();
    // A person types "x", pauses, then the scanner fires: only the scanned burst counts.
    expect(d.key('x', 0)).toBeUndefined();
    expect(type(d, 'REPORT-778', 5, 500)).toBe('REPORT-778');
    // A slow Enter after a fast burst is a person pressing Enter, not the scanner's suffix.
    for (const [i, ch] of [...'ABCDEFG'].entries()) d.key(ch, 9000 + i * 5);
    expect(d.key('Enter', 9000 + 7 * 5 + 200)).toBeUndefined();
  });

  it('ignores modifier keys inside a burst and honours a configured prefix and suffix', () => {
    const d = new WedgeDetector({ maxInterKeyMs: 30, minLength: 4, prefix: '~', suffix: 'Tab' });
    let t = 0;
    for (const key of ['~', 'Shift', 'C', 'D', '-', '9', '9']) d.key(key, (t += 5));
    expect(d.key('Tab', (t += 5))).toBe('CD-99');
    expect(type(d, 'CD-99', 5, 100, 'Tab')).toBeUndefined(); // no prefix: not from the scanner
    expect(type(d, '~CD-99', 5, 200, 'Enter')).toBeUndefined(); // wrong suffix
  });

  it('forgets a burst on reset (IME composition)', () => {
    const d = new WedgeDetector();
    for (const [i, ch] of [...'ABCDEFG'].entries()) d.key(ch, i * 5);
    d.reset();
    expect(d.key('Enter', 40)).toBeUndefined();
  });
});

describe('scan routing by shape', () => {
  it('sends plates to the plate field, record numbers to the ledger and anything else to the report number', () => {
    expect(routeScan('冀A12345')).toEqual({ field: 'plate', value: '冀A12345' });
    expect(routeScan('cd-20261128-0007')).toEqual({ field: 'recordNumber', value: 'CD-20261128-0007' });
    expect(routeScan('ZJ2026-00871')).toEqual({ field: 'reportNumber', value: 'ZJ2026-00871' });
  });
});
