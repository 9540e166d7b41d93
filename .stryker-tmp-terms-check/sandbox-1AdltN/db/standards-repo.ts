/** The data a certificate check is made with: recognised labs, imported limits tables, policy activations. */
// @ts-nocheck

import type { Db } from './open.ts';

export interface LabRow {
  id: number;
  name: string;
  cma_number: string | null;
  valid_until: string | null;
  added_at: string;
  added_by: number;
}

export function listLabs(db: Db): LabRow[] {
  return db.prepare('SELECT * FROM recognised_labs ORDER BY name').all() as LabRow[];
}

export function getLab(db: Db, id: number): LabRow | undefined {
  return db.prepare('SELECT * FROM recognised_labs WHERE id = ?').get(id) as LabRow | undefined;
}

export function labNameTaken(db: Db, name: string): boolean {
  return db.prepare('SELECT 1 FROM recognised_labs WHERE name = ?').get(name) !== undefined;
}

export function insertLab(db: Db, row: Omit<LabRow, 'id'>): number {
  return Number(
    db
      .prepare('INSERT INTO recognised_labs (name, cma_number, valid_until, added_at, added_by) VALUES (@name, @cma_number, @valid_until, @added_at, @added_by)')
      .run(row).lastInsertRowid,
  );
}

export function deleteLab(db: Db, id: number): void {
  db.prepare('DELETE FROM recognised_labs WHERE id = ?').run(id);
}

export interface LimitsImportRow {
  id: number;
  version: string;
  table_json: string;
  effective_from: string;
  imported_at: string;
  imported_by: number;
  imported_by_name: string;
}

const LIMITS_SELECT = 'SELECT l.*, u.username AS imported_by_name FROM limits_imports l JOIN users u ON u.id = l.imported_by';

export function listLimitsImports(db: Db): LimitsImportRow[] {
  return db.prepare(`${LIMITS_SELECT} ORDER BY l.effective_from, l.id`).all() as LimitsImportRow[];
}

/** The import in force on `date` (YYYY-MM-DD): the latest to take effect on or before it. */
export function limitsImportOn(db: Db, date: string): LimitsImportRow | undefined {
  return db.prepare(`${LIMITS_SELECT} WHERE l.effective_from <= ? ORDER BY l.effective_from DESC, l.id DESC LIMIT 1`).get(date) as
    | LimitsImportRow
    | undefined;
}

export function limitsVersionTaken(db: Db, version: string): boolean {
  return db.prepare('SELECT 1 FROM limits_imports WHERE version = ?').get(version) !== undefined;
}

export function insertLimitsImport(db: Db, row: Omit<LimitsImportRow, 'id' | 'imported_by_name'>): number {
  return Number(
    db
      .prepare(
        `INSERT INTO limits_imports (version, table_json, effective_from, imported_at, imported_by)
         VALUES (@version, @table_json, @effective_from, @imported_at, @imported_by)`,
      )
      .run(row).lastInsertRowid,
  );
}

export interface PolicyActivationRow {
  id: number;
  policy_id: string;
  version: string;
  policy_json: string;
  effective_from: string;
  activated_at: string;
  activated_by: number;
}

export function listPolicyActivations(db: Db): PolicyActivationRow[] {
  return db.prepare('SELECT * FROM policy_activations ORDER BY effective_from, id').all() as PolicyActivationRow[];
}

export function policyActivationOn(db: Db, date: string): PolicyActivationRow | undefined {
  return db.prepare('SELECT * FROM policy_activations WHERE effective_from <= ? ORDER BY effective_from DESC, id DESC LIMIT 1').get(date) as
    | PolicyActivationRow
    | undefined;
}

export function insertPolicyActivation(db: Db, row: Omit<PolicyActivationRow, 'id'>): number {
  return Number(
    db
      .prepare(
        `INSERT INTO policy_activations (policy_id, version, policy_json, effective_from, activated_at, activated_by)
         VALUES (@policy_id, @version, @policy_json, @effective_from, @activated_at, @activated_by)`,
      )
      .run(row).lastInsertRowid,
  );
}
