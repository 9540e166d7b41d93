import type { Db } from '../../db/open.ts';
import type { User } from '../../src-shared/contract/accounts.ts';
import type { Role } from '../../src-shared/contract/roles.ts';
import { createUser, getStation, listUsers } from '../services/accounts/accounts.ts';
import { SYSTEM_ACTOR, type CallContext } from '../services/context.ts';
import { createRegistration } from '../services/registrations/registrations.ts';
import { appendAudit } from '../services/audit.ts';
import { insertWeighing } from '../../db/devices-repo.ts';
import { encodeStxFrame } from '../../drivers/protocols/yaohua-tf0.ts';
import { addDays, localDate, startOfLocalDate } from '../../src-shared/domain/local-time.ts';
import { sampleRegistration, samplePlate, seededRandom } from './sample-registration.ts';
import { casesStep } from './cases-demo.ts';
import { certificatesStep } from './certificates-demo.ts';

export const DEMO_PASSWORD = 'demo-pass-2026';
const DEMO_USERS: { username: string; displayName: string; role: Role; credentialNumber?: string }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
  { username: 'kiosk', displayName: '登记员 王芳', role: 'kiosk' },
  { username: 'officer1', displayName: '执法员 李强', role: 'officer', credentialNumber: '13080019001' },
  { username: 'officer2', displayName: '执法员 赵磊', role: 'officer', credentialNumber: '13080019002' },
  { username: 'disposal', displayName: '处置点 孙敏', role: 'disposal' },
  { username: 'supervisor', displayName: '主管 周建华', role: 'supervisor' },
];

/** A later feature adds its sample data by appending a step; each step gets the users and the clock. */
export type DemoStep = (db: Db, users: Map<string, User>, options: DemoOptions) => string[];
export interface DemoOptions {
  days: number;
  perDay: number;
  now: Date;
}

function ensureStationAndUsers(db: Db, now: Date): Map<string, User> {
  if (!getStation(db)) {
    db.transaction(() => {
      db.prepare('INSERT INTO station (id, name, code, created_at) VALUES (1, ?, ?, ?)').run('承德市入市煤炭检查站（演示）', 'CD01', now.toISOString());
      appendAudit(db, { actor: SYSTEM_ACTOR, action: 'setup.init', entity: 'station', after: { demo: true }, at: now });
    })();
  }
  const existing = new Set(listUsers(db).map((u) => u.username));
  for (const u of DEMO_USERS) if (!existing.has(u.username)) createUser(db, SYSTEM_ACTOR, { ...u, roles: [u.role], password: DEMO_PASSWORD }, now);
  return new Map(listUsers(db).map((u) => [u.username, u]));
}

/** A stable gross reading as the weighbridge would have captured it: five identical Yaohua tF=0 frames. */
function demoWeighing(db: Db, weightKg: number, at: Date, userId: number): number {
  const raw = encodeStxFrame({ weightKg, stable: true }).toString('hex');
  const frames = Array.from({ length: 5 }, (_, i) => ({ at: new Date(at.getTime() - (5 - i) * 500).toISOString(), weightKg, stable: true, raw }));
  return insertWeighing(db, {
    weightKg, frames, protocol: 'yaohua-tf0', deviceId: null, deviceLabel: '演示地磅', simulated: false, capturedAt: at.toISOString(), capturedBy: userId,
  });
}

/** Registrations spread over the past days in working hours; some plates return, so remembered tares show. */
const registrationsStep: DemoStep = (db, users, { days, perDay, now }) => {
  const rnd = seededRandom(20261128);
  const kiosk = users.get('kiosk')!;
  const regulars = Array.from({ length: 30 }, () => samplePlate(rnd));
  let count = 0;
  for (let day = days; day >= 1; day--) {
    for (let i = 0; i < perDay; i++) {
      // Spread over 07:00–21:00 Beijing time of each past day.
      const at = new Date(startOfLocalDate(addDays(localDate(now), -day)).getTime() + (7 + (i / perDay) * 14) * 3600_000);
      const ctx: CallContext = { db, now: () => at, session: { token: 'demo', user: kiosk, lastSeenMs: 0 } };
      const data = sampleRegistration(rnd, rnd() < 0.3 ? regulars[Math.floor(rnd() * regulars.length)] : undefined);
      createRegistration(ctx, data.weightSource === 'scale' ? { ...data, weighingId: demoWeighing(db, data.grossKg, at, kiosk.id) } : data);
      count++;
    }
  }
  return [`registrations: ${count} over ${days} days`];
};

export const demoSteps: DemoStep[] = [registrationsStep, certificatesStep, casesStep];

export function runDemo(db: Db, options: DemoOptions): string[] {
  const users = ensureStationAndUsers(db, options.now);
  const lines = [`users (password "${DEMO_PASSWORD}"): ${[...users.keys()].join(', ')}`];
  for (const step of demoSteps) lines.push(...step(db, users, options));
  return lines;
}
