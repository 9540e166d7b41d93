/** The hub's checks of a batch's own shape, and of whose data it carries, before anything is stored. */
import { describe, expect, it } from 'vitest';
import { checkBatchShape, checkOwnData, entryHash, finalRowStates } from '../../../src-main/hub/batch-checks.ts';
import { HubRefusedError } from '../../../src-main/hub/signed-request.ts';
import { ROW_AUDIT_GENESIS } from '../../../db/row-audit.ts';
import type { SyncBatch, SyncEntry } from '../../../src-shared/contract/hub.ts';

type Draft = Pick<SyncEntry, 'tbl' | 'pk' | 'op' | 'afterJson'> & { redacted?: boolean };

/** A correctly chained feed from seq 1, as an installation's row audit would write it. */
function chain(drafts: Draft[], from = 1, prev = ROW_AUDIT_GENESIS): SyncEntry[] {
  return drafts.map((d, i) => {
    const e: SyncEntry = { seq: from + i, tbl: d.tbl, pk: d.pk, op: d.op, afterJson: d.afterJson, actorId: 1, actorName: 'admin', at: '2026-11-28T08:00:00.000Z', prevHash: prev, hash: '', redacted: d.redacted ?? false };
    e.hash = d.redacted ? 'a'.repeat(63) + String(i % 10) : entryHash(e);
    prev = e.hash;
    return e;
  });
}
const batch = (entries: SyncEntry[]): SyncBatch => ({ protocol: 1, installationId: 'CD01', fromSeq: entries[0]!.seq, toSeq: entries.at(-1)!.seq, entries, sentAt: '2026-11-28T08:00:00.000Z' });
const reg = (pk: string, station = 'CD01'): Draft => ({ tbl: 'registrations', pk, op: 'I', afterJson: JSON.stringify({ id: Number(pk), station_code: station, net_kg: 30_000 }) });
const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof HubRefusedError) return err.refusal;
    throw err;
  }
  return 'accepted';
};

describe('checkBatchShape', () => {
  const good = chain([reg('1'), { tbl: 'users', pk: '1', op: 'U', afterJson: null, redacted: true }, reg('2'), { tbl: 'registrations', pk: '1', op: 'D', afterJson: null }]);

  it('accepts a consecutive, linked batch with recomputable hashes (redacted entries followed by their link alone)', () => {
    expect(refusal(() => checkBatchShape(batch(good)))).toBe('accepted');
  });

  it.each([
    ['fromSeq not the first entry', () => ({ ...batch(good), fromSeq: 2 }), 'malformed'],
    ['toSeq not the last entry', () => ({ ...batch(good), toSeq: 9 }), 'malformed'],
    ['a missing entry', () => batch([good[0]!, good[2]!, good[3]!]), 'gap'],
    ['entries out of order', () => batch([good[0]!, good[2]!, good[1]!, good[3]!]), 'gap'],
    ['a broken link', () => batch(good.map((e, i) => (i === 2 ? { ...e, prevHash: 'b'.repeat(64) } : e))), 'fork'],
    ['a field changed under its hash', () => batch(good.map((e, i) => (i === 2 ? { ...e, afterJson: e.afterJson!.replace('30000', '3000') } : e))), 'bad-hash'],
    ['an actor changed under its hash', () => batch(good.map((e, i) => (i === 0 ? { ...e, actorName: 'mallory' } : e))), 'bad-hash'],
    ['a password hash sent', () => batch(good.map((e, i) => (i === 1 ? { ...e, afterJson: '{"password_hash":"x"}' } : e))), 'malformed'],
    ['a users entry not marked redacted', () => batch(good.map((e, i) => (i === 1 ? { ...e, redacted: false } : e))), 'malformed'],
    ['an ordinary table hidden as redacted', () => batch(chain([{ ...reg('1'), afterJson: null, redacted: true }])), 'malformed'],
    ['an after-image that is not a JSON object', () => batch(chain([{ ...reg('1'), afterJson: '[1,2]' }])), 'malformed'],
  ])('refuses %s', (_name, make, expected) => {
    expect(refusal(() => checkBatchShape(make()))).toBe(expected);
  });
});

describe('checkOwnData', () => {
  it("refuses a registration or station row naming another station; deletes and other tables pass", () => {
    expect(refusal(() => checkOwnData('CD01', chain([reg('1'), { tbl: 'registrations', pk: '1', op: 'D', afterJson: null }, { tbl: 'handovers', pk: '1', op: 'I', afterJson: '{"checkpoint_id":"CD02"}' }])))).toBe('accepted');
    expect(refusal(() => checkOwnData('CD01', chain([reg('1'), reg('2', 'CD02')])))).toBe('not-own-data');
    expect(refusal(() => checkOwnData('CD01', chain([{ tbl: 'station', pk: '1', op: 'B', afterJson: '{"code":"CD03"}' }])))).toBe('not-own-data');
    expect(refusal(() => checkOwnData('CD01', chain([{ tbl: 'registrations', pk: '1', op: 'I', afterJson: '{"id":1}' }])))).toBe('not-own-data');
  });
});

describe('finalRowStates', () => {
  it('the last entry per row wins: updated rows upserted once, deleted rows deleted, redacted rows left out', () => {
    const entries = chain([
      reg('1'), reg('2'), { tbl: 'registrations', pk: '1', op: 'U', afterJson: '{"id":1,"station_code":"CD01","net_kg":1}' },
      { tbl: 'registrations', pk: '2', op: 'D', afterJson: null }, { tbl: 'users', pk: '1', op: 'I', afterJson: null, redacted: true },
      { tbl: 'registrations', pk: '3', op: 'D', afterJson: null }, reg('3'),
    ]);
    const { upserts, deletes } = finalRowStates(entries);
    expect(upserts.map((e) => [e.pk, e.seq])).toEqual([['1', 3], ['3', 7]]);
    expect(deletes.map((e) => [e.pk, e.seq])).toEqual([['2', 4]]);
  });
});
