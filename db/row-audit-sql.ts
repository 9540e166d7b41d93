import { ROW_AUDIT_GENESIS } from './row-audit.ts';

/** An audited table as the triggers see it: key columns, every column in declaration order, blob columns. */
export interface AuditedTable {
  pk: readonly string[];
  columns: string;
  blobs?: readonly string[];
}

const q = (name: string) => `"${name}"`;

/** The row's key as text: the column itself, or a JSON array for a composite key. */
export function keyExpr(prefix: string, pk: readonly string[]): string {
  return pk.length === 1 ? `CAST(${prefix}${q(pk[0]!)} AS TEXT)` : `json_array(${pk.map((c) => prefix + q(c)).join(', ')})`;
}

/** The after-image: every column by name, blobs by their SHA-256. The verifier builds the same text. */
export function imageExpr(prefix: string, columns: readonly string[], blobs: readonly string[] = []): string {
  const parts = columns.map((c) => `'${c}', ${blobs.includes(c) ? `checkpoint_digest(${prefix}${q(c)})` : prefix + q(c)}`);
  return `json_object(${parts.join(', ')})`;
}

/** Appends one chained entry; `where` limits it (an update that moved the key also closes the old key). */
function appendSql(table: string, key: string, op: string, image: string, where = ''): string {
  return `INSERT INTO row_audit (seq, tbl, pk, op, after_json, actor_id, actor_name, at, prev_hash, hash)
  SELECT n.seq, n.tbl, n.pk, n.op, n.img, n.aid, n.aname, n.at, n.prev,
         checkpoint_row_hash(n.seq, n.tbl, n.pk, n.op, n.img, n.aid, n.aname, n.at, n.prev)
  FROM (SELECT COALESCE((SELECT seq FROM row_audit ORDER BY seq DESC LIMIT 1), 0) + 1 AS seq,
               COALESCE((SELECT hash FROM row_audit ORDER BY seq DESC LIMIT 1), '${ROW_AUDIT_GENESIS}') AS prev,
               '${table}' AS tbl, ${key} AS pk, '${op}' AS op, ${image} AS img,
               checkpoint_actor_id() AS aid, checkpoint_actor_name() AS aname,
               COALESCE(checkpoint_audit_at(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) AS at) AS n${where};`;
}

/** The three triggers that write every change of `table` into the chain. */
export function rowAuditTriggersSql(table: string, t: AuditedTable): string {
  const cols = t.columns.split(' ');
  const newKey = keyExpr('NEW.', t.pk);
  const oldKey = keyExpr('OLD.', t.pk);
  const newImage = imageExpr('NEW.', cols, t.blobs);
  return `
CREATE TRIGGER row_audit_${table}_insert AFTER INSERT ON ${table} BEGIN
  ${appendSql(table, newKey, 'I', newImage)}
END;
CREATE TRIGGER row_audit_${table}_update AFTER UPDATE ON ${table} BEGIN
  ${appendSql(table, oldKey, 'D', 'NULL', ` WHERE ${oldKey} IS NOT ${newKey}`)}
  ${appendSql(table, newKey, 'U', newImage)}
END;
CREATE TRIGGER row_audit_${table}_delete AFTER DELETE ON ${table} BEGIN
  ${appendSql(table, oldKey, 'D', 'NULL')}
END;`;
}

/** A baseline entry for every row already there, so an existing database starts fully covered. */
export function rowAuditBaselineSql(table: string, t: AuditedTable): string {
  return `INSERT INTO row_audit_seed (tbl, pk, img) SELECT '${table}', ${keyExpr('', t.pk)}, ${imageExpr('', t.columns.split(' '), t.blobs)} FROM ${table};`;
}

export const ROW_AUDIT_SEED_TRIGGER = `
CREATE TEMP TABLE row_audit_seed (tbl TEXT NOT NULL, pk TEXT NOT NULL, img TEXT);
CREATE TEMP TRIGGER row_audit_seed_append AFTER INSERT ON row_audit_seed BEGIN
  ${appendSql('x', 'NEW.pk', 'B', 'NEW.img').replace("'x' AS tbl", 'NEW.tbl AS tbl')}
END;`;
