import { CHENGDE_PLACES, ELSEWHERE } from '../../src-shared/domain/transit.ts';
import { rowAuditBaselineSql, rowAuditTriggersSql, ROW_AUDIT_SEED_TRIGGER, type AuditedTable } from '../row-audit-sql.ts';
import { ROW_AUDITED_TABLES } from './017-row-audit.ts';

/**
 * Whether a truck is in transit (过境, its destination beyond 承德市: src-shared/domain/transit.ts), so the route
 * target is reported over transit trucks as the seed defines it. Stored on each registration (the operator may
 * correct the derivation) and remembered by the vehicle register for a returning truck. Existing rows are
 * derived here by the same rule as `isTransit`, in SQL. Both tables are audited: their row-audit triggers are
 * recreated with the new column and every row gets a baseline entry with it, so `audit verify` stays clean.
 */
const CHANGED: Record<string, AuditedTable> = {
  registrations: { ...ROW_AUDITED_TABLES.registrations!, columns: `${ROW_AUDITED_TABLES.registrations!.columns} transit` },
  vehicle_register: { ...ROW_AUDITED_TABLES.vehicle_register!, columns: `${ROW_AUDITED_TABLES.vehicle_register!.columns} transit` },
};

const place = `replace(replace(destination, ' ', ''), '　', '')`;
const names = (list: readonly string[]) => list.map((p) => `instr(${place}, '${p}') > 0`).join(' OR ');
const DERIVED_TRANSIT = `CASE
  WHEN destination_in_hebei = 0 THEN 1
  WHEN instr(${place}, '承德') > 0 THEN 0
  WHEN ${names(ELSEWHERE)} THEN 1
  WHEN ${names(CHENGDE_PLACES)} THEN 0
  ELSE 1 END`;

const dropTriggers = (table: string) => ['insert', 'update', 'delete'].map((op) => `DROP TRIGGER row_audit_${table}_${op};`).join('\n');

export default `
${Object.keys(CHANGED).map(dropTriggers).join('\n')}
ALTER TABLE registrations ADD COLUMN transit INTEGER NOT NULL DEFAULT 1 CHECK (transit IN (0,1));
UPDATE registrations SET transit = ${DERIVED_TRANSIT};
ALTER TABLE vehicle_register ADD COLUMN transit INTEGER NOT NULL DEFAULT 1 CHECK (transit IN (0,1));
UPDATE vehicle_register SET transit = COALESCE((SELECT r.transit FROM registrations r WHERE r.id = vehicle_register.last_registration_id), ${DERIVED_TRANSIT});
${ROW_AUDIT_SEED_TRIGGER}
${Object.entries(CHANGED).map(([name, t]) => rowAuditBaselineSql(name, t)).join('\n')}
DROP TABLE temp.row_audit_seed;
${Object.entries(CHANGED).map(([name, t]) => rowAuditTriggersSql(name, t)).join('\n')}
`;

/** The audited tables as they stand after this migration (what a tool recreating triggers must use). */
export const ROW_AUDITED_TABLES_018: Readonly<Record<string, AuditedTable>> = { ...ROW_AUDITED_TABLES, ...CHANGED };
