import { benchDatabase } from './generate.ts';
import { benchBackup } from './backup.ts';
const n = Number(process.env.N ?? 20000);
const t0 = Date.now();
const { db } = benchDatabase(n);
console.log(`db ${n} ready in ${(Date.now() - t0) / 1000}s`);
console.log(await benchBackup(db));
db.close();
