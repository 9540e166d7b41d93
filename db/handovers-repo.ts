/** Disposal points, signed handovers and the checkpoint signing keys. */
import type { DisposalPoint, HandoverSummary } from '../src-shared/contract/handovers.ts';
import type { HandoverRecord } from '../src-shared/domain/signed-records.ts';
import type { Db } from './open.ts';

interface PointRow {
  id: number;
  code: string;
  name: string;
  address: string;
  active: number;
}

const toPoint = (r: PointRow): DisposalPoint => ({ id: r.id, code: r.code, name: r.name, address: r.address, active: r.active === 1 });

export function listDisposalPoints(db: Db): DisposalPoint[] {
  return (db.prepare('SELECT * FROM disposal_points ORDER BY id').all() as PointRow[]).map(toPoint);
}

export function getDisposalPoint(db: Db, id: number): DisposalPoint | null {
  const row = db.prepare('SELECT * FROM disposal_points WHERE id = @id').get({ id }) as PointRow | undefined;
  return row ? toPoint(row) : null;
}

export function getDisposalPointByCode(db: Db, code: string): DisposalPoint | null {
  const row = db.prepare('SELECT * FROM disposal_points WHERE code = @code').get({ code }) as PointRow | undefined;
  return row ? toPoint(row) : null;
}

export function insertDisposalPoint(db: Db, p: { code: string; name: string; address: string; at: string }): number {
  return Number(db.prepare('INSERT INTO disposal_points (code, name, address, created_at) VALUES (@code, @name, @address, @at)').run(p).lastInsertRowid);
}

export interface NewHandover {
  direction: 'outgoing' | 'incoming';
  record: HandoverRecord;
  receiverName: string;
  contentHash: string;
  qrText: string | null;
  fileText: string;
  importedFrom: 'qr' | 'file' | null;
  recordedBy: number | null;
  at: string;
}

export function insertHandover(db: Db, h: NewHandover): number {
  const lines = h.record.cases.flatMap((c) => c.items.map((i) => ({ caseRef: c.caseId, coalKind: i.coalKind, quantityKg: i.quantityKg })));
  const id = Number(
    db.prepare(
      `INSERT INTO handovers (uid, direction, form_no, checkpoint_id, disposal_point_code, handed_over_at, receiver_name, record_json, total_kg,
         content_hash, signature_qr_text, signed_file_text, imported_from, recorded_by, recorded_at)
       VALUES (@uid, @direction, @formNo, @checkpointId, @pointCode, @handedOverAt, @receiverName, @recordJson, @totalKg,
         @contentHash, @qrText, @fileText, @importedFrom, @recordedBy, @at)`,
    ).run({
      uid: h.record.id, direction: h.direction, formNo: h.record.formNo, checkpointId: h.record.checkpointId, pointCode: h.record.disposalPointId,
      handedOverAt: h.record.handedOverAt, receiverName: h.receiverName, recordJson: JSON.stringify(h.record),
      totalKg: lines.reduce((sum, l) => sum + l.quantityKg, 0), contentHash: h.contentHash, qrText: h.qrText, fileText: h.fileText,
      importedFrom: h.importedFrom, recordedBy: h.recordedBy, at: h.at,
    }).lastInsertRowid,
  );
  const line = db.prepare(
    `INSERT INTO handover_cases (handover_id, case_ref, coal_kind, quantity_kg) VALUES (@id, @caseRef, @coalKind, @quantityKg)
     ON CONFLICT(handover_id, case_ref, coal_kind) DO UPDATE SET quantity_kg = quantity_kg + excluded.quantity_kg`,
  );
  for (const l of lines) line.run({ id, ...l });
  return id;
}

export function handoverImported(db: Db, uid: string): boolean {
  return db.prepare("SELECT 1 FROM handovers WHERE uid = @uid AND direction = 'incoming'").get({ uid }) !== undefined;
}

interface HandoverRow {
  id: number;
  uid: string;
  direction: 'outgoing' | 'incoming';
  form_no: string;
  checkpoint_id: string;
  disposal_point_code: string;
  handed_over_at: string;
  total_kg: number;
  content_hash: string;
  record_json: string;
  receiver_name: string;
  signature_qr_text: string | null;
  signed_file_text: string;
}

export interface StoredHandover extends HandoverSummary {
  record: HandoverRecord;
  receiverName: string;
  qrText: string | null;
  fileText: string;
}

function toHandover(db: Db, r: HandoverRow): StoredHandover {
  // A line is received while a receipt of it stands (not reversed); its button then goes.
  const cases = (db.prepare(
    `SELECT hc.case_ref AS caseRef, hc.coal_kind AS coalKind, hc.quantity_kg AS quantityKg,
       EXISTS (SELECT 1 FROM ledger_movements m WHERE m.kind = 'receipt' AND m.handover_id = hc.handover_id AND m.case_ref = hc.case_ref
         AND m.coal_kind = hc.coal_kind AND NOT EXISTS (SELECT 1 FROM ledger_movements x WHERE x.reverses_id = m.id)) AS received
     FROM handover_cases hc WHERE hc.handover_id = @id ORDER BY hc.rowid`,
  ).all({ id: r.id }) as (Omit<HandoverSummary['cases'][number], 'received'> & { received: number })[]).map((l) => ({ ...l, received: l.received === 1 }));
  const received = db
    .prepare("SELECT COALESCE(SUM(received_delta_kg), 0) AS kg FROM ledger_movements WHERE handover_id = @id OR reverses_id IN (SELECT id FROM ledger_movements WHERE handover_id = @id)")
    .get({ id: r.id }) as { kg: number };
  return {
    id: r.id, uid: r.uid, direction: r.direction, formNo: r.form_no, checkpointId: r.checkpoint_id, disposalPointCode: r.disposal_point_code,
    handedOverAt: r.handed_over_at, totalKg: r.total_kg, contentHash: r.content_hash, cases, receivedKg: received.kg,
    record: JSON.parse(r.record_json) as HandoverRecord, receiverName: r.receiver_name, qrText: r.signature_qr_text, fileText: r.signed_file_text,
  };
}

export function getHandover(db: Db, id: number): StoredHandover | null {
  const row = db.prepare('SELECT * FROM handovers WHERE id = @id').get({ id }) as HandoverRow | undefined;
  return row ? toHandover(db, row) : null;
}

export function listHandovers(db: Db, direction: 'outgoing' | 'incoming'): StoredHandover[] {
  return (db.prepare('SELECT * FROM handovers WHERE direction = @direction ORDER BY id DESC').all({ direction }) as HandoverRow[]).map((r) => toHandover(db, r));
}

/** The latest outgoing handover naming a case, for printing its handover form. */
export function latestOutgoingHandoverOfCase(db: Db, caseRef: string): StoredHandover | null {
  const row = db
    .prepare(
      `SELECT h.* FROM handovers h JOIN handover_cases hc ON hc.handover_id = h.id
       WHERE h.direction = 'outgoing' AND hc.case_ref = @caseRef ORDER BY h.id DESC LIMIT 1`,
    )
    .get({ caseRef }) as HandoverRow | undefined;
  return row ? toHandover(db, row) : null;
}

export function outgoingHandedOverKg(db: Db, caseRef: string): number {
  const row = db
    .prepare("SELECT COALESCE(SUM(hc.quantity_kg), 0) AS kg FROM handover_cases hc JOIN handovers h ON h.id = hc.handover_id WHERE h.direction = 'outgoing' AND hc.case_ref = @caseRef")
    .get({ caseRef }) as { kg: number };
  return row.kg;
}

export interface KeyRow {
  checkpoint_id: string;
  public_key_pem: string;
  private_key_pem: string;
}

export function getCheckpointKey(db: Db): KeyRow | undefined {
  return db.prepare('SELECT checkpoint_id, public_key_pem, private_key_pem FROM checkpoint_key WHERE id = 1').get() as KeyRow | undefined;
}

export function insertCheckpointKey(db: Db, k: { checkpointId: string; publicKeyPem: string; privateKeyPem: string; at: string }): void {
  db.prepare('INSERT INTO checkpoint_key (id, checkpoint_id, public_key_pem, private_key_pem, created_at) VALUES (1, @checkpointId, @publicKeyPem, @privateKeyPem, @at)').run(k);
}

export function trustedKeyOf(db: Db, checkpointId: string): string | undefined {
  const row = db.prepare('SELECT public_key_pem FROM trusted_checkpoints WHERE checkpoint_id = @checkpointId').get({ checkpointId }) as { public_key_pem: string } | undefined;
  return row?.public_key_pem;
}

export function listTrustedCheckpoints(db: Db): { checkpointId: string; name: string; publicKeyPem: string; registeredAt: string }[] {
  return db.prepare(
    'SELECT checkpoint_id AS checkpointId, name, public_key_pem AS publicKeyPem, registered_at AS registeredAt FROM trusted_checkpoints ORDER BY checkpoint_id',
  ).all() as { checkpointId: string; name: string; publicKeyPem: string; registeredAt: string }[];
}

export function upsertTrustedCheckpoint(db: Db, t: { checkpointId: string; name: string; publicKeyPem: string; by: number | null; at: string }): void {
  db.prepare(
    `INSERT INTO trusted_checkpoints (checkpoint_id, name, public_key_pem, registered_by, registered_at) VALUES (@checkpointId, @name, @publicKeyPem, @by, @at)
     ON CONFLICT(checkpoint_id) DO UPDATE SET name = excluded.name, public_key_pem = excluded.public_key_pem, registered_by = excluded.registered_by, registered_at = excluded.registered_at`,
  ).run(t);
}

/** Returns whether a key was registered (and is now removed). */
export function deleteTrustedCheckpoint(db: Db, checkpointId: string): boolean {
  return db.prepare('DELETE FROM trusted_checkpoints WHERE checkpoint_id = @checkpointId').run({ checkpointId }).changes > 0;
}
