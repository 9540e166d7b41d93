import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../../../src-main/app.ts';
import { DEMO_PASSWORD } from '../../../src-main/demo/run-demo.ts';
import { renderDocument } from '../../../src-main/services/documents/pdf/render.ts';
import { tempDbPath } from '../../support/app-fixture.ts';
import { sampleCase } from '../documents/fixture.ts';
import { cliBundle } from '../../support/bundles.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'cc-cases-cli-'));
let db: string;

function cli(...args: string[]) {
  return run(args);
}

/** As a demo user who signs in with the password on stdin. */
function as(user: string, ...args: string[]) {
  return run([...args, '--user', user, '--password-stdin'], `${DEMO_PASSWORD}\n`);
}

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [cliBundle, ...args, '--db', db], { cwd: root, encoding: 'utf8', input });
  return { code: r.status, out: r.stdout, err: r.stderr, json: () => r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

beforeAll(() => {
  db = tempDbPath('cc-cases-cli-');
  expect(cli('demo', '--days', '0', '--per-day', '0').code).toBe(0);
}, 180_000);

describe('checkpoint cases / documents / ledger / handover', { timeout: 120_000 }, () => {
  it('lists cases with number, state, net weight and term end', () => {
    const rows = as('officer1', 'cases', 'list', '--json').json();
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['draft', 'seized', 'extended', 'released', 'confiscated', 'destroyed', 'handed-over']));
    for (const r of rows) expect(Object.keys(r)).toEqual(expect.arrayContaining(['id', 'number', 'state', 'netKg', 'termEndsOn']));
    const seized = rows.find((r) => r.state === 'seized' && r.termEndsOn !== null);
    expect(seized?.termEndsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rows.find((r) => r.state === 'draft')?.termEndsOn).toBeNull();
    // When and where the coal was taken and the decision served (行政强制法 art.24), as stored.
    expect(seized).toMatchObject({ seizedPlace: expect.any(String), lateDecisionReason: null, termState: expect.any(String) });
    expect(Date.parse(String(seized?.servedAt))).toBeGreaterThanOrEqual(Date.parse(String(seized?.seizedAt)));
    expect(rows.find((r) => r.state === 'draft')).toMatchObject({ seizedAt: null, decisionDate: null });
  });

  it('reports the balance per point, conserved', () => {
    const [point] = cli('ledger', 'balance', '--json').json() as { id: number; name: string; receivedKg: number; disposedKg: number; stockKg: number; lossKg: number; gainKg: number }[];
    expect(point).toMatchObject({ id: 1, name: '承德县发改局煤炭处置点', disposedKg: 20_000 });
    expect(point!.receivedKg + point!.gainKg - point!.disposedKg - point!.lossKg).toBe(point!.stockKg);
    expect(cli('ledger', 'balance', '--point', 'x').code).toBe(2);
  });

  it('renders a case\'s documents and verifies a printed PDF against the records', () => {
    const seized = as('officer1', 'cases', 'list', '--json').json().find((r) => r.state === 'seized')!;
    const out = path.join(dir, 'docs');
    const render = as('officer1', 'documents', 'render', '--case', String(seized.id), '--out', out);
    expect(render.code).toBe(0);
    expect(render.out).toContain('seizure-decision.pdf');
    const verified = cli('documents', 'verify', path.join(out, 'seizure-decision.pdf'));
    expect(verified.code).toBe(0);
    expect(verified.json()[0]).toMatchObject({ genuine: true, paper: { kind: 'seizure-decision', caseNumber: seized.number, copyNumber: 1 } });
  });

  it('reports a PDF it never printed as unknown', async () => {
    const foreign = path.join(dir, 'foreign.pdf');
    writeFileSync(foreign, await renderDocument('seizure-decision', sampleCase()));
    const r = cli('documents', 'verify', foreign);
    expect(r.code).toBe(1);
    expect(r.json()[0]).toMatchObject({ genuine: false, reason: 'not-issued-here' });
  });

  it('imports a signed handover once, from QR text or file', async () => {
    const app = createApp({ dbPath: db });
    const token = (await app.dispatch('auth.login', { input: { username: 'officer1', password: DEMO_PASSWORD } }) as { ok: true; value: { token: string } }).value.token;
    const confiscated = as('officer1', 'cases', 'list', '--json').json().find((r) => r.state === 'confiscated')!;
    const created = await app.dispatch('handovers.create', { token, input: { caseIds: [confiscated.id], disposalPointId: 1, receiverName: '孙敏' } });
    app.close();
    expect(created.ok).toBe(true);
    const signed = (created as { ok: true; value: { qrText: string; fileText: string } }).value;
    const first = as('disposal', 'handover', 'import', '--qr', signed.qrText);
    expect(first.code).toBe(0);
    expect(first.json()[0]).toMatchObject({ cases: [{ caseRef: confiscated.number }] });
    const file = path.join(dir, 'h.cchandover.json');
    writeFileSync(file, signed.fileText);
    const again = as('disposal', 'handover', 'import', file);
    expect(again.code).toBe(2);
    expect(again.err).toContain('已导入');
  });
});
