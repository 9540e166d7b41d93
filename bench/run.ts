// `npm run bench`: prints speed and memory figures against the targets in the issues. Figures, not
// assertions: a slow machine prints slower numbers and nothing fails.
import os from 'node:os';
import { benchDatabase, BENCH_PASSWORD } from './generate.ts';
import { benchHost, benchRegistrations } from './core.ts';
import { benchCertificate } from './certificate.ts';
import { benchDocuments } from './documents.ts';
import { benchDrivers } from './drivers.ts';
import { benchLedger } from './ledger.ts';
import { benchReports } from './reports.ts';
import { benchKioskActions, benchTickets } from './kiosk.ts';
import { benchLoginRefusals } from './login-timing.ts';
import { benchBackup } from './backup.ts';
import { benchEvidence } from './evidence.ts';
import { benchHub } from './hub.ts';

const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 1_000_000);

function print(title: string, figures: Record<string, string | number>): void {
  console.log(`\n## ${title}`);
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(64)} ${value}`);
}

console.log(`Coal Checkpoint benchmarks — ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
const t0 = Date.now();
const { db, file, plates } = benchDatabase(REGISTRATIONS);
console.log(`database: ${REGISTRATIONS.toLocaleString('en')} registrations at ${file} (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);

print('Kiosk registration', benchRegistrations(db, plates));
print('Loopback host', await benchHost(file, 'kiosk', BENCH_PASSWORD));
print('Login refusals (one scrypt run each)', await benchLoginRefusals());
print('Certificate check', await benchCertificate());
print('Supervisor reports', await benchReports(db));
print('Enforcement documents', await benchDocuments());
print('Disposal-point ledger', await benchLedger());
print('Devices', await benchDrivers());
print('Kiosk at shift speed', { ...(await benchKioskActions()), ...(await benchTickets()) });
print('Backups', await benchBackup(db));
print('Evidence (row audit, verify)', benchEvidence());
print('City hub (push into PostgreSQL)', await benchHub());
db.close();
