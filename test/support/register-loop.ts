// Child process for the crash-safety test: registers trucks as fast as it can and prints each record
// number only after its transaction has committed, i.e. once it would have been acknowledged to a user.
import fs from 'node:fs';
import { openDatabase } from '../../db/open.ts';
import { listUsers } from '../../src-main/services/accounts/accounts.ts';
import { createRegistration } from '../../src-main/services/registrations/registrations.ts';
import { sampleRegistration, seededRandom } from '../../src-main/demo/sample-registration.ts';

const db = openDatabase(process.argv[2]!);
const user = listUsers(db).find((u) => u.roles.includes('kiosk'))!;
const rnd = seededRandom(process.pid);
const ctx = { db, now: () => new Date(), session: { token: 'loop', user, lastSeenMs: 0 } };
fs.writeSync(1, 'ready\n');
for (;;) {
  const reg = createRegistration(ctx, { ...sampleRegistration(rnd), weightSource: 'manual', manualReason: '崩溃测试' });
  fs.writeSync(1, `${reg.recordNumber}\n`);
}
