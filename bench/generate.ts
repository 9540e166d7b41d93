import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../db/open.ts';
import { insertRegistration } from '../db/registrations-repo.ts';
import { appendAudit, snapshotRow } from '../src-main/services/audit.ts';
import { createUser, listUsers } from '../src-main/services/accounts/accounts.ts';
import { SYSTEM_ACTOR } from '../src-main/services/context.ts';
import { sampleRegistration, samplePlate, seededRandom } from '../src-main/demo/sample-registration.ts';

export const BENCH_PASSWORD = 'bench-pass-1';

/**
 * A database with `count` registrations over the past 200 weeks (5,000 a week for a million, a busy
 * checkpoint's load), each with its audit entry, as the app would have written them. Kept in .tmp/ and reused while its row count matches, since building it takes minutes.
 */
export function benchDatabase(count: number, file = path.resolve('.tmp', `bench-${count}.db`)): { db: Db; file: string; plates: string[] } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const rnd = seededRandom(42);
  const plates = Array.from({ length: 20_000 }, () => samplePlate(rnd));
  if (fs.existsSync(file)) {
    const db = openDatabase(file);
    if ((db.prepare('SELECT COUNT(*) AS n FROM registrations WHERE training = 0').get() as { n: number }).n === count) return { db, file, plates };
    db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
  const db = openDatabase(file);
  db.prepare("INSERT INTO station (id, name, code, created_at) VALUES (1, '基准测试检查站', 'CD01', '2025-11-01T00:00:00Z')").run();
  createUser(db, SYSTEM_ACTOR, { username: 'kiosk', displayName: 'kiosk', roles: ['kiosk'], password: BENCH_PASSWORD }, new Date());
  const operator = listUsers(db)[0]!;
  const spanMs = 200 * 7 * 86400_000;
  const startMs = Date.now() - spanMs;
  const stepMs = spanMs / count;
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const at = new Date(startMs + i * stepMs);
      const data = { ...sampleRegistration(rnd, plates[Math.floor(rnd() * plates.length)]), training: false };
      const day = at.toISOString().slice(0, 10).replaceAll('-', '');
      const id = insertRegistration(db, {
        recordNumber: `CD-${day}-${String(i).padStart(7, '0')}`, revision: 1, amendsId: null, amendmentReason: null,
        stationCode: 'CD01', operatorId: operator.id, registeredAt: at.toISOString(), data,
      });
      appendAudit(db, { actor: { id: operator.id, name: operator.username }, action: 'registrations.create', entity: 'registration', entityId: id, after: snapshotRow(db, 'registration', id), at });
    }
  });
  // synchronous=FULL costs an fsync per commit; large batches keep generation to minutes.
  for (let i = 0; i < count; i += 20_000) batch(i, Math.min(count, i + 20_000));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  return { db, file, plates };
}
