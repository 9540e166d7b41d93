import { describe, expect, it } from 'vitest';
import { cardFill } from '../../src-renderer/components/useDriverCard.tsx';

const card = { name: '李建军', idNumber: '130802197506120032' };

describe('the ID card fills the driver (issue 9, item 4)', () => {
  it('fills empty fields at once', () => {
    expect(cardFill({}, card)).toEqual({ fill: { driverName: '李建军', driverIdNumber: '130802197506120032' }, conflicts: [] });
    expect(cardFill({ driverName: '  ', driverIdNumber: undefined }, card).conflicts).toEqual([]);
  });

  it('asks before replacing what was typed, with both values, and fills the rest', () => {
    const { fill, conflicts } = cardFill({ driverName: '郝建国', driverIdNumber: '' }, card);
    expect(fill).toEqual({ driverIdNumber: '130802197506120032' });
    expect(conflicts).toEqual([{ field: 'driverName', typed: '郝建国', card: '李建军' }]);
  });

  it('treats the same ID number typed with a small x as the same, not a conflict', () => {
    const typed = { driverName: '王秀兰', driverIdNumber: '11010519491231002x' };
    expect(cardFill(typed, { name: '王秀兰', idNumber: '11010519491231002X' }).conflicts).toEqual([]);
  });
});
