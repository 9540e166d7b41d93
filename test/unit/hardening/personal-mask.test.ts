import { describe, expect, it } from 'vitest';
import { maskCaseNumbers, restoreCaseNumbers, unmaskIfSame } from '../../../src-shared/domain/personal-mask.ts';
import { maskIdNumber } from '../../../src-shared/domain/id-number.ts';
import { isOfficerOfCase } from '../../../src-shared/domain/case-officers.ts';

const stored = {
  parties: [{ name: '张三', idNumber: '11010519491231002X', phone: '13800001234' }, { name: '某公司' }],
  witness: { name: '李四', idNumber: '130102199001011234' },
  serviceAddress: { address: '承德', phone: '13911112222' },
};

describe('masking a case record and editing from the masked view', () => {
  it('masks every party, the witness and the service phone', () => {
    const m = maskCaseNumbers(stored);
    expect(m.parties[0]).toMatchObject({ idNumber: '1101**********002X', phone: '138****1234' });
    expect(m.parties[1]).toEqual({ name: '某公司', idNumber: undefined, phone: undefined });
    expect(m.witness?.idNumber).toBe('1301**********1234');
    expect(m.serviceAddress?.phone).toBe('139****2222');
  });
  it('an unchanged mask keeps the stored number; a typed number or a different mask is kept as typed', () => {
    const edited = maskCaseNumbers(stored);
    expect(restoreCaseNumbers(edited, stored)).toEqual({ ...stored, parties: [stored.parties[0], { name: '某公司', idNumber: undefined, phone: undefined }] });
    expect(unmaskIfSame('13800009999', '13800001234', (v) => v)).toBe('13800009999');
    expect(unmaskIfSame('1101**********0000', '11010519491231002X', maskIdNumber)).toBe('1101**********0000');
    expect(unmaskIfSame('1101**********002X', undefined, maskIdNumber)).toBe('1101**********002X');
  });
});

describe('who is an officer of a case', () => {
  const c = { createdBy: 5, decidedBy: 6, officers: [{ credentialNo: '13080020001' }] };
  it.each([
    ['the officer who opened it', { id: 5, credentialNumber: null }, true],
    ['the officer who decided it', { id: 6, credentialNumber: null }, true],
    ['an officer recorded by credential', { id: 7, credentialNumber: ' 13080020001 ' }, true],
    ['another officer', { id: 8, credentialNumber: '13080029999' }, false],
    ['a user without a credential number', { id: 9, credentialNumber: '' }, false],
  ] as const)('%s: %s', (_who, user, expected) => {
    expect(isOfficerOfCase(c, user)).toBe(expected);
  });
});
