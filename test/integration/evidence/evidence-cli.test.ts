import { DEMO_PASSWORD } from '../../../src-main/demo/demo-client.ts';
import { describe, expect, it, beforeAll } from 'vitest';
import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../../src-main/cli/main.ts';
import { openDatabase } from '../../../db/open.ts';
import { rowAuditHash, type RowAuditFields } from '../../../db/row-audit.ts';
import { widerThanOwner } from '../../../src-main/services/evidence/file-modes.ts';
import { tempDbPath } from '../../support/app-fixture.ts';
import { seededDatabase } from './tamper-support.ts';

async function cli(...argv: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c) => (stdout += String(c)));
  err.on('data', (c) => (stderr += String(c)));
  // Commands that sign in read the demo's password from standard input; the others never read it.
  const stdin = new PassThrough();
  stdin.end(`${DEMO_PASSWORD}\n`);
  const code = await main(argv, { stdout: out, stderr: err, stdin });
  return { code, out: stdout, err: stderr };
}

/** A fresh copy of the demo database in its own folder (with its keys folder, as an installation has). */
function installation(): string {
  const dir = path.dirname(tempDbPath('inst-')) + `/inst-${Math.random().toString(36).slice(2)}`;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'checkpoint.db');
  copyFileSync(demo, file);
  mkdirSync(path.join(dir, 'keys'), { mode: 0o700 });
  for (const k of readdirSync(path.join(path.dirname(demo), 'keys'))) copyFileSync(path.join(path.dirname(demo), 'keys', k), path.join(dir, 'keys', k));
  return file;
}

/** Rewrites the row-audit chain the way a careful forger would: edit, then recompute every hash after. */
function rechain(file: string, edit: (entries: RowAuditFields[]) => RowAuditFields[]): void {
  const raw = new Database(file);
  raw.exec('DROP TRIGGER row_audit_no_update; DROP TRIGGER row_audit_no_delete');
  const entries = edit(raw.prepare('SELECT seq, tbl, pk, op, after_json, actor_id, actor_name, at, prev_hash FROM row_audit ORDER BY seq').all() as RowAuditFields[]);
  raw.exec('DELETE FROM row_audit');
  const insert = raw.prepare('INSERT INTO row_audit (seq, tbl, pk, op, after_json, actor_id, actor_name, at, prev_hash, hash) VALUES (@seq, @tbl, @pk, @op, @after_json, @actor_id, @actor_name, @at, @prev_hash, @hash)');
  let prev = '0'.repeat(64);
  entries.forEach((e, i) => {
    const fields = { ...e, seq: i + 1, prev_hash: prev };
    prev = rowAuditHash(fields);
    insert.run({ ...fields, hash: prev });
  });
  raw.close();
}

let demo = '';
beforeAll(async () => {
  demo = (await seededDatabase()).demo;
}, 240_000);

describe('anchors outside the file', () => {
  it('a rewrite-and-rechain, a back-dated insertion and a deleted tail pass without anchors but not against them', async () => {
    const file = installation();
    const anchors = `${file}.anchors`;
    expect((await cli('audit', 'anchor', '--out', anchors, '--db', file)).code).toBe(0);
    const line = JSON.parse(readFileSync(anchors, 'utf8').trim()) as { seq: number; at: string };
    expect(line.at).toMatch(/\+08:00$/);
    expect((await cli('audit', 'verify', '--anchors', anchors, '--db', file)).code).toBe(0);

    const rewritten = installation();
    rechain(rewritten, (es) => es.map((e) => (e.tbl === 'settings' || e.seq === 3 ? { ...e, actor_name: 'forger' } : e)));
    expect((await cli('audit', 'verify', '--db', rewritten)).code).toBe(0);
    const caught = await cli('audit', 'verify', '--anchors', anchors, '--db', rewritten);
    expect(caught.code).toBe(1);
    expect(caught.out).toContain('history was rewritten');

    const backdated = installation();
    rechain(backdated, (es) => [...es.slice(0, 2), { ...es[1]!, pk: '999', op: 'D', after_json: null }, ...es.slice(2)]);
    expect((await cli('audit', 'verify', '--anchors', anchors, '--db', backdated)).out).toContain(`anchor ${line.seq}`);

    const truncated = installation();
    rechain(truncated, (es) => es.slice(0, es.length - 2));
    expect((await cli('audit', 'verify', '--anchors', anchors, '--db', truncated)).out).toContain('entries after it were removed');

    writeFileSync(`${anchors}.forged`, readFileSync(anchors, 'utf8').replace(/"seq":\d+/, '"seq":1'));
    expect((await cli('audit', 'verify', '--anchors', `${anchors}.forged`, '--db', file)).out).toContain('signature does not verify');
  });
});

describe('papers verify by their bytes', () => {
  it('accepts the original and each copy, naming document, case, copy and printer; refuses altered, forged and unknown files', async () => {
    const file = installation();
    const out = path.join(path.dirname(file), 'papers');
    const db = new Database(file, { readonly: true });
    const caseId = (db.prepare('SELECT case_id FROM document_numbers WHERE case_id IS NOT NULL ORDER BY id LIMIT 1').get() as { case_id: number }).case_id;
    const caseNumber = (db.prepare('SELECT case_number FROM enforcement_cases WHERE id = ?').pluck().get(caseId)) as string;
    db.close();
    expect((await cli('documents', 'render', '--case', String(caseId), '--out', out, '--db', file, '--user', 'officer1', '--password-stdin')).code).toBe(0);
    const pdf = path.join(out, readdirSync(out).find((f) => f.endsWith('.pdf'))!);
    const original = readFileSync(pdf);
    const first = await cli('documents', 'verify', pdf, '--db', file);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ genuine: true, paper: { caseNumber, copyNumber: 1, printedBy: expect.any(String) } });
    // A copy (补打) over the same file, which the officer replaces on purpose.
    await cli('documents', 'render', '--case', String(caseId), '--out', out, '--db', file, '--user', 'officer1', '--password-stdin', '--force');
    expect(JSON.parse((await cli('documents', 'verify', pdf, '--db', file)).out)).toMatchObject({ genuine: true, paper: { copyNumber: 2 } });
    writeFileSync(`${pdf}.orig.pdf`, original);
    expect((await cli('documents', 'verify', `${pdf}.orig.pdf`, '--db', file)).code).toBe(0);

    const altered = Buffer.from(original);
    const middle = Math.floor(altered.length / 2);
    altered.writeUInt8(altered.readUInt8(middle) ^ 1, middle);
    writeFileSync(`${pdf}.altered.pdf`, altered);
    const refusedAltered = await cli('documents', 'verify', `${pdf}.altered.pdf`, '--db', file);
    expect(refusedAltered.code).toBe(1);
    expect(JSON.parse(refusedAltered.out)).toMatchObject({ genuine: false, reason: 'altered-or-forged' });

    const contentHash = /sha256:([0-9a-f]{64})/.exec(original.toString('latin1'))?.[1];
    writeFileSync(`${pdf}.forged.pdf`, `%PDF-1.4 sha256:${contentHash ?? '0'.repeat(64)}\n`);
    expect(JSON.parse((await cli('documents', 'verify', `${pdf}.forged.pdf`, '--db', file)).out)).toMatchObject({ genuine: false });
    writeFileSync(`${pdf}.other.pdf`, '%PDF-1.4 nothing\n');
    expect(JSON.parse((await cli('documents', 'verify', `${pdf}.other.pdf`, '--db', file)).out)).toMatchObject({ genuine: false, reason: 'not-issued-here' });
  });
});

describe('keys and files', () => {
  it('keeps the private key out of the database: a copy without its keys folder cannot sign; files are owner-only', async () => {
    const file = installation();
    const db = openDatabase(file);
    expect(db.prepare('SELECT private_key_pem FROM checkpoint_key').pluck().get()).toBe('');
    const rowAudit = db.prepare("SELECT group_concat(after_json) FROM row_audit WHERE tbl = 'checkpoint_key'").pluck().get() as string;
    expect(rowAudit).not.toContain('PRIVATE KEY');
    db.close();
    const keyDir = path.join(path.dirname(file), 'keys');
    expect(statSync(keyDir).mode & 0o777).toBe(0o700);
    for (const k of readdirSync(keyDir)) expect(statSync(path.join(keyDir, k)).mode & 0o777).toBe(0o600);

    const copy = tempDbPath('stolen-');
    copyFileSync(file, copy);
    const anchor = await cli('audit', 'anchor', '--out', `${copy}.anchors`, '--db', copy);
    expect(anchor.code).toBe(2);
    expect(anchor.err).toContain('签名密钥');

    const fresh = tempDbPath('modes-');
    openDatabase(fresh).close();
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
    expect(widerThanOwner(fresh)).toEqual([]);
    chmodSync(fresh, 0o644);
    expect(widerThanOwner(fresh)).toEqual([expect.stringContaining('0644')]);
  });

  it('verification works on a write-protected copy and opens nothing for writing; a bad path is one line', async () => {
    const file = installation();
    for (const f of readdirSync(path.dirname(file))) if (f.startsWith('checkpoint.db')) chmodSync(path.join(path.dirname(file), f), 0o444);
    const before = readFileSync(file);
    expect((await cli('audit', 'verify', '--db', file)).code).toBe(0);
    expect((await cli('ledger', 'balance', '--db', file)).code).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(true);
    const missing = await cli('audit', 'verify', '--db', `${file}.missing`);
    expect(missing.code).toBe(2);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
  });
});
