/** On an installation: its public key for the hub's register, and its sync with the city hub. */
import fs from 'node:fs';
import type { SyncResult, SyncStatus } from '../../../src-shared/contract/sync.ts';
import { MAX_BATCH_ENTRIES } from '../../../src-shared/contract/hub.ts';
import { installationIdentity } from '../../services/sync/identity.ts';
import { CliError, parseOptions, writeJsonLine, type CliIo, type Command } from '../command.ts';
import { asUser, authOptions, dbOption } from '../client.ts';
import { withCliDb } from '../read-only-db.ts';

const hubOptions = { hub: { type: 'string' }, 'hub-ca': { type: 'string' } } as const;

function hubTarget(values: { hub?: string; 'hub-ca'?: string }): { hubUrl?: string; caPem?: string } {
  let caPem: string | undefined;
  if (values['hub-ca']) {
    try {
      caPem = fs.readFileSync(values['hub-ca'], 'utf8');
    } catch (err) {
      throw new CliError(`CA 证书 ${values['hub-ca']}: ${(err as NodeJS.ErrnoException).code ?? '无法读取'}`);
    }
  }
  return { ...(values.hub ? { hubUrl: values.hub } : {}), ...(caPem ? { caPem } : {}) };
}

const keysPublic: Command = {
  words: ['keys', 'public'],
  summary: "Print this installation's public key (for `checkpoint hub register`)",
  usage: 'checkpoint keys public [--json] [--db PATH]   (the first time, before the key exists, sign in as an administrator: --user NAME --password-stdin)',
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...dbOption, ...authOptions, json: { type: 'boolean' } });
    // A public key is no secret: once it exists, no sign-in is needed to print it.
    const identity = (await withCliDb(values.db, (db) => installationIdentity(db), { readonly: true }))
      ?? (await asUser(values.db, values, io, async ({ call }) => call('checkpointKey.get', {})));
    if (values.json) writeJsonLine(io, identity);
    else io.stdout.write(identity.publicKeyPem.endsWith('\n') ? identity.publicKeyPem : `${identity.publicKeyPem}\n`);
    return 0;
  },
};

function printResult(io: CliIo, r: SyncResult): void {
  const head = `hub head ${r.hubHeadSeq ?? '?'} / local head ${r.localHeadSeq}`;
  if (r.ok) io.stdout.write(`OK: ${r.stored} entries stored, ${r.duplicates} already held, ${r.batches} batches; ${head}\n`);
  else io.stderr.write(`同步未完成：${r.problem?.message ?? ''}（${head}）\n`);
}

const syncPush: Command = {
  words: ['sync', 'push'],
  summary: 'Push every change the city hub does not hold yet (resumes from the hub\'s head)',
  usage: 'checkpoint sync push [--hub URL] [--hub-ca FILE] [--batch N] [--json] --user ADMIN --password-stdin [--db PATH]   (the hub address is remembered after the first push)',
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...dbOption, ...authOptions, ...hubOptions, json: { type: 'boolean' }, batch: { type: 'string' } });
    const batchEntries = values.batch === undefined ? undefined : Number(values.batch);
    if (batchEntries !== undefined && !(Number.isInteger(batchEntries) && batchEntries >= 1 && batchEntries <= MAX_BATCH_ENTRIES)) {
      throw new CliError(`--batch 应为 1–${MAX_BATCH_ENTRIES} 的整数`);
    }
    const result = await asUser(values.db, values, io, ({ call }) => call('sync.push', { ...hubTarget(values), ...(batchEntries ? { batchEntries } : {}) }));
    if (values.json) writeJsonLine(io, result);
    else printResult(io, result);
    return result.ok ? 0 : 1;
  },
};

function printStatus(io: CliIo, s: SyncStatus): void {
  io.stdout.write(`hub ${s.hubUrl ?? '(not set)'}\nlocal head ${s.localHeadSeq}\nhub head ${s.hubHeadSeq ?? '?'}${s.live ? '' : ' (last known)'}\npending ${s.pending ?? '?'}\n`);
  io.stdout.write(`last push ${s.last ? `${s.last.at} ${s.last.ok ? 'OK' : `FAILED: ${s.last.problem?.message ?? ''}`}` : 'never'}\nlast OK ${s.lastOkAt ?? 'never'}\n`);
}

const syncStatus: Command = {
  words: ['sync', 'status'],
  summary: 'What the city hub holds of this installation and what the last push did',
  usage: 'checkpoint sync status [--hub URL] [--hub-ca FILE] [--json] --user ADMIN --password-stdin [--db PATH]',
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...dbOption, ...authOptions, ...hubOptions, json: { type: 'boolean' } });
    const status = await asUser(values.db, values, io, ({ call }) => call('sync.status', hubTarget(values)));
    if (values.json) writeJsonLine(io, status);
    else printStatus(io, status);
    return 0;
  },
};

const syncPull: Command = {
  words: ['sync', 'pull'],
  summary: 'At a disposal point: import the handovers and notices the hub holds for it (as the clerk)',
  usage: 'checkpoint sync pull [--hub URL] [--hub-ca FILE] [--json] --user CLERK --password-stdin [--db PATH]',
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...dbOption, ...authOptions, ...hubOptions, json: { type: 'boolean' } });
    const result = await asUser(values.db, values, io, ({ call }) => call('sync.pull', hubTarget(values)));
    if (values.json) writeJsonLine(io, result);
    else if (result.ok) io.stdout.write(`OK: ${result.imported} imported, ${result.alreadyHeld} already imported by QR code or file\n`);
    else io.stderr.write(`收取未完成：${result.problem?.message ?? ''}\n`);
    return result.ok ? 0 : 1;
  },
};

export const syncCommands: Command[] = [keysPublic, syncPush, syncStatus, syncPull];
