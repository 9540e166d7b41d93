import { describe, expect, it } from 'vitest';
import type { VehicleRecord } from '../../src-shared/contract/index.ts';
import { prefillFrom } from '../../src-renderer/components/vehicle-prefill.ts';

const last: VehicleRecord = {
  plate: '冀B12345', trailerPlate: '冀B1234挂', plateColor: 'yellow', driverName: '郝建国', driverIdNumber: '11010519491231002X',
  driverPhone: '13912345678', carrier: '大同市顺达运输有限公司', consignee: '', origin: '山西大同', destination: '河北承德双桥区',
  destinationInHebei: false, coalKind: 'bituminous', coalKindOther: null, intendedUse: 'industrial', declaredKg: 32_000, hasContract: true,
  viaDesignatedRoute: false, transit: true, lastTareKg: 15_500, lastReportNumber: 'JC-1', lastRegistrationId: 7, lastSeenAt: '2026-11-20T01:00:00.000Z', visits: 4,
};
const defaults = { plateColor: 'yellow', destinationInHebei: true, coalKind: 'anthracite-lump', intendedUse: 'civil', hasContract: false, viaDesignatedRoute: true, transit: false };
const untouched = () => false;

describe('filling a returning truck from its last visit', () => {
  it('fills an empty form completely, defaults of switches and selects included; a blank field of the last visit fills nothing', () => {
    expect(prefillFrom(last, { ...defaults }, untouched)).toEqual({
      plate: '冀B12345', trailerPlate: '冀B1234挂', plateColor: 'yellow', driverName: '郝建国', driverIdNumber: '11010519491231002X',
      driverPhone: '13912345678', carrier: '大同市顺达运输有限公司', origin: '山西大同', destination: '河北承德双桥区', destinationInHebei: false,
      coalKind: 'bituminous', intendedUse: 'industrial', declaredKg: 32_000, hasContract: true, viaDesignatedRoute: false, tareKg: 15_500,
      transit: true,
    });
  });

  it('never replaces what was typed or chosen, nor a text already filled (a card, a scan)', () => {
    const touched = new Set(['coalKind', 'hasContract']);
    const fill = prefillFrom(last, { ...defaults, origin: '陕西府谷', tareKg: 16_000, coalKind: 'semi-coke', hasContract: false }, (f) => touched.has(f));
    expect(fill).not.toHaveProperty('origin');
    expect(fill).not.toHaveProperty('tareKg');
    expect(fill).not.toHaveProperty('coalKind');
    expect(fill).not.toHaveProperty('hasContract');
    expect(fill).toMatchObject({ destination: '河北承德双桥区', intendedUse: 'industrial' });
  });

  it('the same driver (by ID number, any case) gets his phone; another driver of the same truck keeps his own details', () => {
    expect(prefillFrom(last, { ...defaults, driverName: '郝建国', driverIdNumber: '11010519491231002x' }, untouched)).toMatchObject({ driverPhone: '13912345678' });
    const other = prefillFrom(last, { ...defaults, driverName: '李志强', driverIdNumber: '140202198503151231' }, untouched);
    expect(other).not.toHaveProperty('driverPhone');
    expect(other).not.toHaveProperty('driverName');
    expect(other).toMatchObject({ origin: '山西大同', tareKg: 15_500 });
  });
});
