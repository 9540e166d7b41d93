import type { CertificateReport } from '../../src-shared/contract/certificates.ts';
import { usualRankOf } from '../../src-shared/domain/certificate/coal-kind.ts';
import { addDays, localDate } from '../../src-shared/domain/local-time.ts';
import { checkRegistration } from '../services/certificates/certificates.ts';
import type { CallContext } from '../services/context.ts';
import type { Registration } from '../../src-shared/contract/registration.ts';
import type { DemoStep } from './run-demo.ts';
import { seededRandom } from './sample-registration.ts';

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

/** A check for every demo registration, made by its operator a few minutes after it was registered. */
export const certificatesStep: DemoStep = (db, users) => {
  const rnd = seededRandom(2081);
  const kiosk = users.get('kiosk')!;
  const unchecked = db
    .prepare(
      `SELECT r.id FROM registrations r
       WHERE NOT EXISTS (SELECT 1 FROM registrations a WHERE a.amends_id = r.id)
         AND NOT EXISTS (SELECT 1 FROM certificate_checks c WHERE c.registration_id = r.id)
       ORDER BY r.id`,
    )
    .all() as { id: number }[];
  const outcomes = new Map<string, number>();
  for (const { id } of unchecked) {
    const reg = db.prepare('SELECT registered_at, report_number, coal_kind, has_report FROM registrations WHERE id = ?').get(id) as {
      registered_at: string; report_number: string | null; coal_kind: Registration['coalKind']; has_report: number;
    };
    const at = new Date(Date.parse(reg.registered_at) + 3 * 60_000);
    const ctx: CallContext = { db, now: () => at, session: { token: 'demo', user: kiosk, lastSeenMs: 0 } };
    const report = reg.has_report && reg.report_number
      ? sampleReport(rnd, { registeredAt: reg.registered_at, reportNumber: reg.report_number, coalKind: reg.coal_kind } as Registration)
      : null;
    const stored = checkRegistration(ctx, { registrationId: id, report });
    outcomes.set(stored.outcome, (outcomes.get(stored.outcome) ?? 0) + 1);
  }
  return [`certificate checks: ${unchecked.length} (${[...outcomes].map(([o, n]) => `${o} ${n}`).join(', ')})`];
};
