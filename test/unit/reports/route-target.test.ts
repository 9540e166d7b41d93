/**
 * 承德市2020年采暖季劣质散煤联防联控工作方案 三、3: "煤炭运输过境车辆通行运煤专用通道线路比例达到90%" — the share is
 * over transit trucks, all trucks beside it; and the register's officers on duty.
 */
import { describe, expect, it } from 'vitest';
import { routeShares } from '../../../src-shared/domain/route-target.ts';
import { DutyRoster, dutySpans, officersText } from '../../../src-shared/domain/officers-on-duty.ts';

describe('route target (三、3, 90 % of transit trucks)', () => {
  it.each([
    // [transit via, transit, all via, all] → below target
    [27, 30, 27, 40, false], // exactly 90 % meets it (30 × 0.9 in floats is above 27)
    [26, 30, 40, 40, true],
    [9, 10, 9, 100, false], // local trucks off the routes do not count against the target
    [0, 0, 5, 10, false], // no transit trucks: no share, nothing missed
    [1, 1, 1, 1, false],
    [0, 1, 0, 1, true],
  ])('%i of %i transit trucks (all: %i of %i) → below target %s', (tv, t, av, a, below) => {
    const r = routeShares({ transitViaRouteTrucks: tv, transitTrucks: t, viaRouteTrucks: av, trucks: a });
    expect(r).toEqual({ transit: { part: tv, whole: t }, all: { part: av, whole: a }, transitOffRoute: t - tv, belowTarget: below });
  });
});

describe('officers on duty', () => {
  const H = 3600_000;
  const signIns = [
    { userId: 2, name: '李执法', at: '2026-11-24T00:00:00.000Z' },
    { userId: 3, name: '王执法', at: '2026-11-24T04:00:00.000Z' },
    { userId: 2, name: '李执法', at: '2026-11-24T10:00:00.000Z' },
  ];

  it('a sign-in covers one session lifetime; names once each, in sign-in order; asked in passing order', () => {
    const roster = new DutyRoster(dutySpans(signIns, 8 * H));
    expect(roster.at('2026-11-23T23:59:59.000Z')).toEqual([]);
    expect(roster.at('2026-11-24T00:00:00.000Z')).toEqual(['李执法']);
    expect(roster.at('2026-11-24T05:00:00.000Z')).toEqual(['李执法', '王执法']);
    expect(roster.at('2026-11-24T08:00:00.000Z')).toEqual(['王执法']); // 李执法's first session has ended
    expect(roster.at('2026-11-24T11:00:00.000Z')).toEqual(['王执法', '李执法']);
    expect(roster.at('2026-11-24T12:00:00.000Z')).toEqual(['李执法']);
    expect(roster.at('2026-11-24T18:00:00.000Z')).toEqual([]);
  });

  it("a truck with a case names the case's officers instead", () => {
    expect(officersText('张三、李四', ['李执法'])).toBe('张三、李四');
    expect(officersText(null, ['李执法', '王执法'])).toBe('李执法、王执法');
    expect(officersText('  ', [])).toBe('');
  });
});
