import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src-main/app.ts';
import { createFixture } from '../../support/app-fixture.ts';
import { cli, everyKindOfData, tableCounts, tempDir } from './helpers.ts';

describe('restore drill: a checkpoint that loses its disk loses nothing', () => {
  it('backs up data of every kind, survives the loss of database and attachments, and restores it verified', async () => {
    const f = await createFixture();
    const { registrations, documents, e } = await everyKindOfData(f);
    const dataDir = path.dirname(f.dbPath);
    // Key files beside the database (the signing key moved out of it; a sealed one) travel with the set as they are.
    fs.mkdirSync(path.join(dataDir, 'keys'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'keys', 'signing.sealed'), Buffer.from([0, 1, 2, 250, 251]));
    const usb = tempDir('usb-');
    await f.call('backup.configure', { targetDir: usb }, f.adminToken);
    const run = await f.call('backup.run', {}, f.adminToken);
    expect(run).toMatchObject({ ok: true, trigger: 'manual', problem: null });
    const status = await f.call('backup.status', {}, e.supervisor);
    expect(status).toMatchObject({ warn: false, ageHours: 0, lastGood: { id: run.id, setName: run.setName } });
    const before = tableCounts(f.app.db);
    const attachmentsBefore = await f.call('attachments.list', { registrationId: registrations[0]!.id }, f.adminToken);
    f.app.close();

    // The disk dies: database, WAL, attachments and keys are gone.
    fs.rmSync(dataDir, { recursive: true, force: true });

    const setDir = path.join(usb, run.setName!);
    expect((await cli(['backup', 'verify', setDir])).code).toBe(0);
    const refused = await cli(['backup', 'restore', setDir, '--db', f.dbPath, '--user', 'admin', '--password-stdin'], 'wrong-password\n');
    expect(refused.code).toBe(1);
    expect(fs.existsSync(f.dbPath)).toBe(false);
    const restored = await cli(['backup', 'restore', setDir, '--db', f.dbPath, '--user', 'admin', '--password-stdin'], 'admin-pass-1\n');
    expect(restored).toMatchObject({ code: 0 });

    const app = createApp({ dbPath: f.dbPath, now: () => f.clock.now });
    const call = async (method: string, input: unknown, token?: string) => {
      const r = await app.dispatch(method, { token, input });
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value as never;
    };
    const admin: string = (await call('auth.login', { username: 'admin', password: 'admin-pass-1' }) as { token: string }).token;
    expect(await call('audit.verify', {}, admin)).toMatchObject({ ok: true });
    expect(await call('ledger.verify', {}, admin)).toMatchObject({ ok: true, movements: 1 });
    expect(await call('ledger.balance', {}, admin)).toMatchObject([{ receivedKg: 31_200, stockKg: 31_200 }]);
    for (const hash of documents) expect(await call('documents.verify', { contentHash: hash }, admin)).toMatchObject({ contentHash: hash });
    for (const r of registrations) expect(await call('registrations.get', { id: r.id }, admin)).toMatchObject([{ recordNumber: r.recordNumber, netKg: r.netKg }]);
    for (const a of attachmentsBefore) expect(await call('attachments.get', { id: a.id }, admin)).toMatchObject({ sha256: a.sha256 });
    expect(fs.readFileSync(path.join(dataDir, 'keys', 'signing.sealed'))).toEqual(Buffer.from([0, 1, 2, 250, 251]));

    // Every table as it was, plus the restore's own audit entry (and the admin's login just now).
    const after = tableCounts(app.db);
    // The backup run's own row (and its row-audit image) is written after the copy, so the set lacks it.
    expect({ ...after, audit_log: after.audit_log! - 2 }).toEqual({
      ...before, backup_runs: before.backup_runs! - 1, row_audit: before.row_audit! - 1, audit_log: before.audit_log! - 1,
    });
    const restoreEntry = app.db.prepare("SELECT actor_name, entity_id FROM audit_log WHERE action = 'backup.restore'").get();
    expect(restoreEntry).toEqual({ actor_name: 'admin', entity_id: run.setName });
    app.close();
  }, 60_000);
});
