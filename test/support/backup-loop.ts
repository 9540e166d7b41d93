// Child process for the backup kill test: backs up into the target folder again and again (each run also
// records its result in the live database); prints `start` before each and the set's name once its run has returned.
import fs from 'node:fs';
import { openDatabase } from '../../db/open.ts';
import { runBackup } from '../../src-main/services/backup/runs.ts';

const db = openDatabase(process.argv[2]!);
// Each run of the loop starts 2,000 days after the previous one's start (argv[3] is its index), so no two runs share a
// day however many sets a fast machine makes before the kill.
let tick = Date.now() + Number(process.argv[3] ?? 0) * 2000 * 86400_000;
fs.writeSync(1, 'ready\n');
for (;;) {
  // One Beijing day per set, so that each is its day's newest and retention (set to keep 100,000 days) keeps them all.
  const at = new Date((tick += 86400_000));
  fs.writeSync(1, 'start\n');
  const run = await runBackup(db, { trigger: 'cli', actor: { id: null, name: 'kill-test' }, now: () => at, appVersion: 'test' });
  if (!run.ok) throw new Error(JSON.stringify(run.problem));
  fs.writeSync(1, `${run.setName}\n`);
}
