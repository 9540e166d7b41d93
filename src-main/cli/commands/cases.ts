import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../db/open.ts';
import { currentNumbersOfCase } from '../../../db/documents-repo.ts';
import { holdsAny, type Role } from '../../../src-shared/contract/roles.ts';
import { listUsers } from '../../services/accounts.ts';
import type { CallContext } from '../../services/context.ts';
import { listCases } from '../../services/cases.ts';
import { renderCaseDocument } from '../../services/documents.ts';
import { importHandover } from '../../services/handovers.ts';
import { balances } from '../../services/ledger.ts';
import { CliError, parseOptions, writeJsonLine, type Command } from '../command.ts';
import { dbOption, withCliDb } from '../db-option.ts';


/** A write from the CLI is recorded as a named user's act (default: the first active user of the roles). */
function cliContext(db: Db, username: string | undefined, roles: readonly Role[]): CallContext {
  const user = listUsers(db).find((u) => u.active && (username ? u.username === username : holdsAny(u.roles, roles)));
  if (!user) throw new CliError(username ? `no active user ${username}` : `no active ${roles.join('/')} user; pass --user NAME`);
  if (!holdsAny(user.roles, roles)) throw new CliError(`user ${user.username} (${user.roles.join(',')}) may not do this`);
  return { db, now: () => new Date(), session: { token: 'cli', user, lastSeenMs: Date.now() } };
}

const casesList: Command = {
  words: ['cases', 'list'],
  summary: 'List enforcement cases with their state and term',
  usage: 'checkpoint cases list [--json] [--db PATH]',
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...dbOption, json: { type: 'boolean' } });
    const rows = await withCliDb(values.db, (db) => listCases(db, new Date()));
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
  usage: 'checkpoint documents render --case ID --out DIR [--user NAME] [--db PATH]',
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...dbOption, case: { type: 'string' }, out: { type: 'string' }, user: { type: 'string' } });
    const caseId = Number(values.case);
    if (!Number.isInteger(caseId) || caseId < 1) throw new CliError('--case ID is required');
    if (!values.out) throw new CliError('--out DIR is required');
    const out = values.out;
    mkdirSync(out, { recursive: true });
    await withCliDb(values.db, async (db) => {
      const ctx = cliContext(db, values.user, ['officer', 'supervisor', 'admin']);
      const numbers = currentNumbersOfCase(db, caseId);
      if (numbers.length === 0) throw new CliError(`case ${caseId} has no documents (not found or not decided)`);
      for (const n of numbers) {
        const printed = await renderCaseDocument(ctx, caseId, n.kind);
        const file = path.join(out, `${n.kind}.pdf`);
        writeFileSync(file, Buffer.from(printed.pdfBase64, 'base64'));
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
    const rows = await withCliDb(values.db, (db) => balances(db, pointId), { readonly: true });
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
  usage: 'checkpoint handover import FILE | --qr TEXT [--user NAME] [--db PATH]',
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, { ...dbOption, qr: { type: 'string' }, user: { type: 'string' } }, true);
    const file = positionals[0];
    if ((file === undefined) === (values.qr === undefined)) throw new CliError('give either FILE or --qr TEXT');
    const text = values.qr ?? readFileSync(file!, 'utf8');
    const summary = await withCliDb(values.db, (db) => importHandover(cliContext(db, values.user, ['disposal', 'supervisor', 'admin']), text));
    writeJsonLine(io, { id: summary.id, formNo: summary.formNo, checkpointId: summary.checkpointId, totalKg: summary.totalKg, cases: summary.cases });
    return 0;
  },
};

export const casesCommands: Command[] = [casesList, documentsRender, ledgerBalance, handoverImport];
