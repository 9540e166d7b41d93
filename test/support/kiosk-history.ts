/** A checkpoint with history, for the kiosk action scenarios: one earlier visit of a truck, with its checked report. */
import type { CertificateReport } from '../../src-shared/contract/index.ts';
import { idCheckChar } from '../../src-shared/domain/id-number.ts';
import { addDays, localDate } from '../../src-shared/domain/local-time.ts';

type Api = <T = Record<string, unknown>>(method: string, input: unknown, token?: string) => Promise<T>;

export const RETURNING = {
  plate: '冀B12345', driver: { name: '郝建国', idNumber: '11010519491231002X' }, phone: '13912345678', tareKg: 15_500, declaredKg: 32_000,
  origin: '山西大同', destination: '河北承德双桥区', carrier: '大同市顺达运输有限公司', consignee: '承德市热力供应有限公司',
};
const first17 = '14020219850315123';
export const NEW_DRIVER = { name: '李志强', idNumber: first17 + idCheckChar(first17) };

/** A passing report for a civil anthracite load, dated a few days before today (Beijing time). */
export function passingReport(reportNumber: string, today = localDate(new Date())): CertificateReport {
  return {
    reportNumber, lab: '山西省煤炭质量检测中心', cmaNumber: '201712345678', sampleOrigin: 'lab', sampledOn: addDays(today, -3),
    reportedOn: addDays(today, -2), coalRank: 'anthracite', tonnageCoveredKg: 2_000_000,
    results: [
      { item: 'M', basis: 'ad', value: 1.2, unit: '%' }, { item: 'Mt', basis: 'ar', value: 6, unit: '%' },
      { item: 'A', basis: 'ad', value: 11.5, unit: '%' }, { item: 'V', basis: 'ad', value: 8.4, unit: '%' },
      { item: 'St', basis: 'ad', value: 0.35, unit: '%' },
    ],
  };
}

/** Sets the checkpoint up, adds kiosk1 and registers the returning truck's last visit; returns kiosk1's token. */
export async function seedKioskHistory(api: Api): Promise<string> {
  const { token: admin } = await api<{ token: string }>('setup.init', {
    stationName: '承德市入市煤炭检查站', stationCode: 'CD01', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' },
  });
  await api('users.create', { username: 'kiosk1', displayName: '登记员 王芳', role: 'kiosk', password: 'kiosk-pass-1' }, admin);
  // The seeded "last visit" is seconds old, not days: the repeat-plate warning (tested in the shift test) would
  // stop the returning truck, so it is off here.
  await api('settings.update', { repeatPlateMinutes: 0 }, admin);
  const { token } = await api<{ token: string }>('auth.login', { username: 'kiosk1', password: 'kiosk-pass-1' });
  const r = RETURNING;
  const last = await api<{ id: number }>('registrations.create', {
    plate: r.plate, plateColor: 'yellow', driverName: r.driver.name, driverIdNumber: r.driver.idNumber, driverPhone: r.phone,
    carrier: r.carrier, origin: r.origin, consignee: r.consignee, destination: r.destination, destinationInHebei: true,
    coalKind: 'anthracite-lump', intendedUse: 'civil', declaredKg: r.declaredKg, hasContract: true, hasReport: true,
    reportNumber: 'JC-2026-1001-01', viaDesignatedRoute: true, grossKg: 48_000, tareKg: r.tareKg, weightSource: 'manual', manualReason: '地磅检定',
  }, token);
  await api('certificates.check', { registrationId: last.id, report: passingReport('JC-2026-1001-01') }, token);
  return token;
}
