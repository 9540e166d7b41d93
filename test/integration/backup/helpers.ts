import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { main } from '../../../src-main/cli/main.ts';
import type { Fixture } from '../../support/app-fixture.ts';
import { validRegistration } from '../../support/app-fixture.ts';
import { decidedCase, setUpEnforcement } from '../cases/helpers.ts';

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Runs the CLI in-process; stdin is the given text. */
export async function cli(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (append: (s: string) => void) => new Writable({ write(chunk, _enc, done) { append(String(chunk)); done(); } });
  const code = await main(argv, { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)), stdin: Readable.from([stdin]) });
  return { code, out, err };
}

/** A tiny but real PNG / PDF: the attachment checks the first bytes. */
export const png = (n: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`scan ${n}`)]).toString('base64');

/**
 * Data of every kind through the API: registrations, scanned reports (one content attached twice),
 * decided cases with printed documents, a signed handover imported at the disposal point, ledger lines.
 */
export async function everyKindOfData(f: Fixture) {
  const kiosk = await f.tokenFor('kiosk');
  const e = await setUpEnforcement(f);
  const registrations = [];
  for (let i = 1; i <= 12; i++) registrations.push(await f.call('registrations.create', validRegistration(i), kiosk));
  for (const [i, r] of registrations.slice(0, 4).entries()) {
    await f.call('attachments.add', { registrationId: r.id, fileName: `report-${i}.png`, mime: 'image/png', contentBase64: png(i % 3) }, kiosk);
  }
  const documents: string[] = [];
  const cases = [];
  for (let i = 0; i < 2; i++) {
    const c = await decidedCase(f, e, { vehiclePlates: [`冀H1234${i}`] });
    cases.push(c);
    documents.push((await f.call('documents.render', { caseId: c.id, kind: 'seizure-decision' }, e.officer)).contentHash);
  }
  const h = await f.call('handovers.create', { caseIds: [cases[0]!.id], disposalPointId: e.pointId, receiverName: '孙敏' }, e.officer);
  const imported = await f.call('handovers.import', { text: h.fileText }, e.disposal);
  await f.call('ledger.receive', { handoverId: imported.id, caseRef: cases[0]!.caseNumber, coalKind: '劣质散煤', quantityKg: 31_200, differenceReason: '复磅差异' }, e.disposal);
  return { e, registrations, documents, cases };
}

export function tableCounts(db: { prepare(sql: string): { all(): unknown[]; get(): unknown } }): Record<string, number> {
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  return Object.fromEntries(names.map((n) => [n, (db.prepare(`SELECT COUNT(*) AS n FROM "${n}"`).get() as { n: number }).n]));
}
