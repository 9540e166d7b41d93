import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { balances } from '../../services/ledger/ledger.ts';
import { resolveDbPath } from '../../paths.ts';
import { checkTarget, writeFileSafely } from '../../services/safe-file.ts';
import { withReadOnlyDb } from '../read-only-db.ts';
import { CliError, parseOptions, writeJsonLine, type Command } from '../command.ts';
import { asUser, authOptions, dbOption } from '../client.ts';

const casesList: Command = {
  words: ['cases', 'list'],
  summary: 'List enforcement cases with their state and term',
  usage: 'checkpoint cases list [--json] [--user NAME --password-stdin] [--db PATH]',
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...dbOption, ...authOptions, json: { type: 'boolean' } });
    const rows = await asUser(values.db, values, io, (client) => client.call('cases.list', {}));
    for (const c of rows) {
      const line = {
        id: c.id, number: c.caseNumber, state: c.phase, netKg: c.netKg, termEndsOn: c.term?.endDate ?? null, remainingDays: c.term?.remainingDays ?? null,
        termState: c.term?.state ?? null, decisionNumber: c.decisionNumber, seizedAt: c.seizedAt, seizedPlace: c.seizedPlace, decisionDate: c.decisionDate,
        servedAt: c.servedAt, lateDecisionReason: c.lateDecisionReason,
      };
      if (values.json) writeJsonLine(io, line);
      else io.stdout.write(`${c.id}\t${c.caseNumber}\t${c.phase}\t${c.netKg} kg\t${line.termEndsOn ?? '-'}\n`);
    }
    return 0;
  },
};

const documentsRender: Command = {
  words: ['documents', 'render'],
  summary: "Print every issued document of a case to PDF files (counted as prints; later ones are 副本)",
  usage: 'checkpoint documents render --case ID --out DIR [--force] [--user NAME --password-stdin] [--db PATH]',
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...dbOption, ...authOptions, case: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean', default: false } });
    const caseId = Number(values.case);
    if (!Number.isInteger(caseId) || caseId < 1) throw new CliError('--case ID is required');
    if (!values.out) throw new CliError('--out DIR is required');
    const out = values.out;
    await asUser(values.db, values, io, async (client) => {
      const { documents } = await client.call('cases.get', { id: caseId });
      if (documents.length === 0) throw new CliError(`case ${caseId} has no documents (not decided)`);
      mkdirSync(out, { recursive: true });
      const target = { protectedFiles: [resolveDbPath(values.db)], force: values.force };
      // Every file is checked before the first print is counted, so a refused --out counts no print.
      for (const n of documents) checkTarget(path.join(out, `${n.kind}.pdf`), target);
      for (const n of documents) {
        const printed = await client.call('documents.render', { caseId, kind: n.kind });
        const file = path.join(out, `${n.kind}.pdf`);
        writeFileSafely(file, Buffer.from(printed.pdfBase64, 'base64'), target);
        io.stdout.write(`${file}\t${printed.documentNumber}\t${printed.copy}\t${printed.contentHash}\n`);
      }
    });
    return 0;
  },
};

const FULL_HASH = /sha256:([0-9a-f]{64})/;
const FOOTER_HASH = /sha256:([0-9a-f]{16})/;

function run(tool: string, args: string[]): string | null {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

/**
 * The content hash a printed PDF carries: in full in its metadata (pdfinfo), its first 16 digits in
 * the footer (pdftotext); without poppler, the metadata is searched in the raw bytes.
 */
export function pdfContentHash(file: string): string | null {
  const info = run('pdfinfo', [file]);
  const fromInfo = info && FULL_HASH.exec(info);
  if (fromInfo?.[1]) return fromInfo[1];
  const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  const fromText = text && FOOTER_HASH.exec(text.replace(/\s+/g, ''));
  if (fromText?.[1]) return fromText[1];
  return FULL_HASH.exec(readFileSync(file).toString('latin1'))?.[1] ?? null;
}

const ledgerBalance: Command = {
  words: ['ledger', 'balance'],
  summary: 'Stock per disposal point (received, disposed, in stock)',
  usage: 'checkpoint ledger balance [--point ID] [--json] [--db PATH]',
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...dbOption, point: { type: 'string' }, json: { type: 'boolean' } });
    const pointId = values.point === undefined ? undefined : Number(values.point);
    if (pointId !== undefined && (!Number.isInteger(pointId) || pointId < 1)) throw new CliError('--point must be a disposal point id');
    // No sign-in: quantities per point, no personal data; an auditor with a write-protected copy needs no account.
    const rows = await withReadOnlyDb(values.db, (db) => balances(db, pointId));
    for (const p of rows) {
      const line = { id: p.id, name: p.name, receivedKg: p.receivedKg, disposedKg: p.disposedKg, gainKg: p.gainKg, lossKg: p.lossKg, releasedKg: p.releasedKg, stockKg: p.stockKg, custodyKg: p.custodyKg, confiscatedKg: p.confiscatedKg, proceedsFen: p.proceedsFen };
      if (values.json) writeJsonLine(io, line);
      else io.stdout.write(`${p.id}\t${p.name}\treceived ${p.receivedKg} kg\tdisposed ${p.disposedKg} kg\tstock ${p.stockKg} kg (custody ${p.custodyKg} kg, confiscated ${p.confiscatedKg} kg)\n`);
    }
    return 0;
  },
};

const handoverImport: Command = {
  words: ['handover', 'import'],
  summary: 'Import a signed handover (file or QR text) at the disposal point',
  usage: 'checkpoint handover import FILE | --qr TEXT [--user NAME --password-stdin] [--db PATH]',
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, { ...dbOption, ...authOptions, qr: { type: 'string' } }, true);
    const file = positionals[0];
    if ((file === undefined) === (values.qr === undefined)) throw new CliError('give either FILE or --qr TEXT');
    const text = values.qr ?? readFileSync(file!, 'utf8');
    const summary = await asUser(values.db, values, io, (client) => client.call('handovers.import', { text }));
    writeJsonLine(io, { id: summary.id, formNo: summary.formNo, checkpointId: summary.checkpointId, totalKg: summary.totalKg, cases: summary.cases });
    return 0;
  },
};

export const casesCommands: Command[] = [casesList, documentsRender, ledgerBalance, handoverImport];
