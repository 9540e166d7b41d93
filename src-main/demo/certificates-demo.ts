import type { CertificateReport } from '../../src-shared/contract/certificates.ts';
import { usualRankOf } from '../../src-shared/domain/certificate/coal-kind.ts';
import { addDays, localDate } from '../../src-shared/domain/local-time.ts';
import type { Registration } from '../../src-shared/contract/registration.ts';
import type { DemoClient } from './demo-client.ts';

const LABS = [
  { lab: '河北省煤炭产品质量监督检验站', cmaNumber: '201812000001' },
  { lab: '府谷县煤炭质量检测中心', cmaNumber: '201727000123' },
  { lab: '大同市煤质检验有限公司', cmaNumber: '' },
];

/** A lab report for the truck: mostly within the limits, one in eight failing on ash or sulfur. */
function sampleReport(rnd: () => number, reg: Registration): CertificateReport {
  const failing = rnd() < 0.125;
  const lab = LABS[Math.floor(rnd() * LABS.length)]!;
  const arrived = localDate(new Date(reg.registeredAt));
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    reportNumber: reg.reportNumber!,
    lab: lab.lab,
    ...(lab.cmaNumber ? { cmaNumber: lab.cmaNumber } : {}),
    sampleOrigin: rnd() < 0.2 ? 'client' : 'lab',
    sampledOn: addDays(arrived, -6),
    reportedOn: addDays(arrived, -4),
    coalRank: usualRankOf(reg.coalKind),
    results: [
      { item: 'Mt', basis: 'ar', value: round(5 + rnd() * 3), unit: '%' },
      { item: 'M', basis: 'ad', value: round(0.8 + rnd() * 0.8), unit: '%' },
      { item: 'A', basis: 'ad', value: round(failing ? 18 + rnd() * 8 : 8 + rnd() * 3), unit: '%' },
      { item: 'V', basis: 'ad', value: round(6 + rnd() * 2.5), unit: '%' },
      { item: 'St', basis: 'ad', value: round(0.2 + rnd() * 0.15), unit: '%' },
      { item: 'Qnet', basis: 'ar', value: round(24 + rnd() * 3), unit: 'MJ/kg' },
    ],
  };
}

/** The check of a demo registration, made by its operator a few minutes after it was registered; its outcome. */
export async function checkSample(demo: DemoClient, reg: Registration, rnd: () => number): Promise<string> {
  const at = new Date(Date.parse(reg.registeredAt) + 3 * 60_000);
  const report = reg.hasReport && reg.reportNumber ? sampleReport(rnd, reg) : null;
  const stored = await demo.at(at).as('kiosk', 'certificates.check', { registrationId: reg.id, report });
  return stored.outcome;
}
