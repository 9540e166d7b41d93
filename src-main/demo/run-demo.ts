import type { CheckpointRole } from '../../src-shared/contract/roles.ts';
import { addDays, localDate, startOfLocalDate } from '../../src-shared/domain/local-time.ts';
import { DEMO_PASSWORD, DemoClient, DemoError, type DemoOptions, type DemoStep } from './demo-client.ts';
import { sampleRegistration, samplePlate, seededRandom } from './sample-registration.ts';
import { casesStep } from './cases-demo.ts';
import { checkSample } from './certificates-demo.ts';

export { DEMO_PASSWORD, DemoError, type DemoOptions, type DemoStep };

const DEMO_STATION = { stationName: '承德市入市煤炭检查站（演示）', stationCode: 'CD01' };
const DEMO_USERS: { username: string; displayName: string; role: CheckpointRole; credentialNumber?: string }[] = [
  { username: 'kiosk', displayName: '登记员 王芳', role: 'kiosk' },
  { username: 'officer1', displayName: '执法员 李强', role: 'officer', credentialNumber: '13080019001' },
  { username: 'officer2', displayName: '执法员 赵磊', role: 'officer', credentialNumber: '13080019002' },
  { username: 'disposal', displayName: '处置点 孙敏', role: 'disposal' },
  { username: 'supervisor', displayName: '主管 周建华', role: 'supervisor' },
];
const DEMO_SCALE = '演示地磅';

/**
 * A fresh database is set up by the demo's administrator; a database the demo set up before gets what is
 * missing. Any other database is refused: the demo acts only as its own users.
 */
async function ensureStationAndUsers(demo: DemoClient, own: { stationName: string; stationCode: string }): Promise<string[]> {
  const status = await demo.app.dispatch('setup.status', {});
  if (!status.ok) throw new DemoError(status.error.message);
  const { station } = status.value as { station: { name: string } | null };
  if (station === null) {
    const done = await demo.app.dispatch('setup.init', { lang: 'zh-CN', input: { ...own, admin: { username: 'admin', displayName: '系统管理员', password: DEMO_PASSWORD } } });
    if (!done.ok) throw new DemoError(done.error.message);
  } else if (station.name !== own.stationName) {
    throw new DemoError(`该数据库属于“${station.name}”，不是演示数据库；演示数据只能写入空数据库或演示数据库`);
  }
  const existing = new Set((await demo.as('admin', 'users.list', {})).map((u) => u.username));
  for (const u of DEMO_USERS) {
    if (!existing.has(u.username)) await demo.as('admin', 'users.create', { ...u, roles: [u.role], password: DEMO_PASSWORD });
  }
  return ['admin', ...DEMO_USERS.map((u) => u.username)];
}

/** The demo's weighbridge, configured by the administrator; switched off again at the end so the app uses its simulator. */
async function demoScale(demo: DemoClient, enabled: boolean): Promise<void> {
  const known = (await demo.as('admin', 'devices.list', {})).find((d) => d.name === DEMO_SCALE);
  await demo.as('admin', 'devices.configure', {
    ...(known ? { id: known.id } : {}), kind: 'scale', name: DEMO_SCALE, portPath: 'demo', protocol: 'yaohua-tf0', enabled,
  });
}

/** Registrations spread over the past days in working hours, each checked a few minutes later; some plates return. */
const registrationsStep: DemoStep = async (demo, { days, perDay, now, station }) => {
  // Each demo checkpoint its own trucks; the first keeps the sequence the tests and the tour know.
  const rnd = seededRandom(20261128 + (station ? [...station.code].reduce((n, c) => n * 31 + c.charCodeAt(0), 7) : 0));
  const reportRnd = seededRandom(2081);
  const regulars = Array.from({ length: 30 }, () => samplePlate(rnd));
  const outcomes = new Map<string, number>();
  let count = 0;
  if (days > 0 && perDay > 0) await demoScale(demo, true);
  for (let day = days; day >= 1; day--) {
    for (let i = 0; i < perDay; i++) {
      // Spread over 07:00–21:00 Beijing time of each past day.
      const at = new Date(startOfLocalDate(addDays(localDate(now), -day)).getTime() + (7 + (i / perDay) * 14) * 3600_000);
      const data = sampleRegistration(rnd, rnd() < 0.3 ? regulars[Math.floor(rnd() * regulars.length)] : undefined);
      const input = data.weightSource === 'scale' ? { ...data, weighingId: await demo.weigh('kiosk', data.grossKg, at) } : data;
      const reg = await demo.at(at).as('kiosk', 'registrations.create', input);
      const outcome = await checkSample(demo, reg, reportRnd);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      count++;
    }
  }
  if (days > 0 && perDay > 0) await demoScale(demo.at(now), false);
  return [
    `registrations: ${count} over ${days} days`,
    `certificate checks: ${count} (${[...outcomes].map(([o, n]) => `${o} ${n}`).join(', ')})`,
  ];
};

export const demoSteps: DemoStep[] = [registrationsStep, casesStep];

/** Fills the database at `dbPath` through the app's dispatcher; the lines say what was made. */
export async function runDemo(dbPath: string, options: DemoOptions): Promise<string[]> {
  const demo = new DemoClient(dbPath, options.now);
  try {
    const own = options.station ? { stationName: options.station.name, stationCode: options.station.code } : DEMO_STATION;
    const users = await ensureStationAndUsers(demo, own);
    const lines = [`users (password "${DEMO_PASSWORD}"): ${users.join(', ')}`];
    for (const step of demoSteps) lines.push(...(await step(demo.at(options.now), options)));
    return lines;
  } finally {
    demo.close();
  }
}
