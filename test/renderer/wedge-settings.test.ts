/** Keyboard-wedge settings: stored by the technician (validated, audited), read by the kiosk, applied by the detector. */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultWedgeSettings } from '../../src-shared/contract/devices.ts';
import { WedgeDetector, wedgeOptions } from '../../src-renderer/components/useWedgeScanner.ts';
import { createFixture, type Fixture } from '../support/app-fixture.ts';

let f: Fixture;
afterEach(() => f.app.close());

const issueKeys = async (input: unknown) => {
  const r = await f.raw('devices.setWedgeSettings', input, f.adminToken);
  return r.ok ? [] : (r.error.issues ?? []).map((i) => `${i.path}:${i.key}`);
};

/** Types text gapMs apart, then the suffix; what the detector reports. */
function burst(d: WedgeDetector, text: string, gapMs: number, suffix: string, t0 = 1000) {
  let t = t0;
  for (const ch of text) d.key(ch, (t += gapMs));
  return d.key(suffix, t + gapMs);
}

describe('wedge scanner settings', () => {
  it('starts from the defaults, is saved by the technician with an audit row, and the kiosk reads it back', async () => {
    f = await createFixture();
    const kiosk = await f.tokenFor('kiosk');
    expect(await f.call('devices.wedgeSettings', {}, kiosk)).toEqual(defaultWedgeSettings);

    const next = { prefix: '~#', suffix: 'Tab', minLength: 4, maxInterKeyMs: 60 };
    expect(await f.call('devices.setWedgeSettings', next, f.adminToken)).toEqual(next);
    expect(await f.call('devices.wedgeSettings', {}, kiosk)).toEqual(next);
    const audit = f.app.db.prepare("SELECT * FROM audit_log WHERE action = 'devices.setWedgeSettings'").all() as { before_json: string; after_json: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before_json)).toEqual(defaultWedgeSettings);
    expect(JSON.parse(audit[0]!.after_json)).toEqual(next);

    const r = await f.raw('devices.setWedgeSettings', next, kiosk);
    expect(r.ok ? null : r.error.code).toBe('forbidden');
  });

  it('refuses settings the detector could not work with', async () => {
    f = await createFixture();
    expect(await issueKeys({ prefix: '', suffix: 'Escape', minLength: 6, maxInterKeyMs: 30 })).toEqual(['suffix:validation.wedgeSuffixKey']);
    expect(await issueKeys({ prefix: 'A#', suffix: '#', minLength: 6, maxInterKeyMs: 30 })).toEqual(['prefix:validation.wedgePrefixHasSuffix']);
    expect(await issueKeys({ prefix: '前缀', suffix: 'Enter', minLength: 6, maxInterKeyMs: 30 })).toEqual(['prefix:validation.wedgePrintable']);
    expect(await issueKeys({ prefix: '', suffix: 'Enter', minLength: 0, maxInterKeyMs: 500 })).toEqual(['minLength:validation.too_small', 'maxInterKeyMs:validation.too_big']);
    expect(await f.call('devices.wedgeSettings', {}, f.adminToken)).toEqual(defaultWedgeSettings);
    expect(f.app.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'devices.setWedgeSettings'").get()).toEqual({ n: 0 });
  });

  it('the kiosk detector follows the stored settings, and a caller override wins over them', async () => {
    f = await createFixture();
    const stored = await f.call('devices.setWedgeSettings', { prefix: '~', suffix: 'Tab', minLength: 4, maxInterKeyMs: 60 }, f.adminToken);

    const kiosk = new WedgeDetector(wedgeOptions(stored, {}));
    // A slow scanner (50 ms a key) with a prefix and Tab: a scan under these settings, typing under the defaults.
    expect(burst(kiosk, '~冀A123', 50, 'Tab')).toBe('冀A123');
    expect(burst(new WedgeDetector(wedgeOptions(defaultWedgeSettings, {})), '~冀A123', 50, 'Tab')).toBeUndefined();
    expect(burst(kiosk, '冀A123', 50, 'Tab', 5000)).toBeUndefined(); // no prefix
    expect(burst(kiosk, '~AB1', 50, 'Tab', 9000)).toBeUndefined(); // shorter than minLength 4 after the prefix
    expect(burst(kiosk, '~冀A123', 80, 'Tab', 12_000)).toBeUndefined(); // gaps above 60 ms

    expect(wedgeOptions(stored, { suffix: 'Enter', minLength: undefined })).toEqual({ ...stored, suffix: 'Enter' });
  });
});
