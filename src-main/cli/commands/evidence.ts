import { appendFileSync, readFileSync } from 'node:fs';
import type { AuditVerifyResult } from '../../../src-shared/contract/index.ts';
import { signAnchor } from '../../services/evidence/anchors.ts';
import { verifyPaperBytes } from '../../services/evidence/paper-verify.ts';
import { verifyEvidence } from '../../services/evidence/verify.ts';
import { walkRowAuditChain } from '../../services/evidence/row-audit-verify.ts';
import { checkpointKey } from '../../services/keys/keys.ts';
import { SYSTEM_ACTOR } from '../../services/context.ts';
import { CliError, parseOptions, writeJsonLine, type CliIo, type Command } from '../command.ts';
import { dbOption } from '../client.ts';
import { withCliDb } from '../read-only-db.ts';
import { pdfContentHash } from './cases.ts';

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
}

function printVerify(io: CliIo, result: AuditVerifyResult): void {
  if (result.ok) {
    io.stdout.write(`OK: ${result.entries} audit entries, chain intact; row audit head ${result.head!.seq} ${result.head!.hash}\n`);
    return;
  }
  if (result.brokenAt) io.stdout.write(`BROKEN at entry ${result.brokenAt.seq}: ${result.brokenAt.reason}\n`);
  for (const f of result.findings ?? []) io.stdout.write(`BROKEN ${f.table} ${f.key}: ${f.problem}${f.detail ? ` (${f.detail})` : ''}\n`);
}

const auditVerify: Command = {
  words: ['audit', 'verify'],
  summary: 'Check the audit chains, every audited table and (with --anchors) every anchor; exit 1 when anything differs',
  usage: 'checkpoint audit verify [--anchors FILE] [--json] [--db PATH]',
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...dbOption, json: { type: 'boolean' }, anchors: { type: 'string' } });
    const anchorLog = values.anchors === undefined ? undefined : readText(values.anchors, 'anchor log');
    const result = await withCliDb(values.db, (db) => verifyEvidence(db, anchorLog), { readonly: true });
    if (values.json) writeJsonLine(io, result);
    else printVerify(io, result);
    return result.ok ? 0 : 1;
  },
};

const auditAnchor: Command = {
  words: ['audit', 'anchor'],
  summary: 'Append the signed head of the row-audit chain to an anchor log kept outside the database',
  usage: 'checkpoint audit anchor --out FILE [--db PATH]',
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...dbOption, out: { type: 'string' } });
    if (!values.out) throw new CliError('--out FILE is required');
    const anchor = await withCliDb(values.db, (db) => {
      const chain = walkRowAuditChain(db);
      if (chain.broken) throw new CliError(`the chain is broken (${chain.broken.detail}); run audit verify`);
      const key = checkpointKey(db, SYSTEM_ACTOR, new Date());
      return signAnchor(chain.head, key.checkpoint_id, new Date(), key.private_key_pem);
    });
    appendFileSync(values.out, JSON.stringify(anchor) + '\n', { mode: 0o600 });
    io.stdout.write(`${anchor.seq}\t${anchor.hash}\t${anchor.at}\n`);
    return 0;
  },
};

const documentsVerify: Command = {
  words: ['documents', 'verify'],
  summary: 'Check a PDF by its bytes against the papers this installation issued (exit 1 when refused)',
  usage: 'checkpoint documents verify FILE.pdf [--db PATH]',
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, dbOption, true);
    const file = positionals[0];
    if (!file) throw new CliError('FILE.pdf is required');
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (err) {
      throw new CliError(`${file}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`);
    }
    const verdict = await withCliDb(values.db, (db) => verifyPaperBytes(db, bytes, pdfContentHash(file)), { readonly: true });
    writeJsonLine(io, { file, ...verdict });
    return verdict.genuine ? 0 : 1;
  },
};

export const evidenceCommands: Command[] = [auditVerify, auditAnchor, documentsVerify];
