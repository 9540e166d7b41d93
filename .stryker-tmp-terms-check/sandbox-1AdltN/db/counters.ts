// @ts-nocheck
import type { Db } from './open.ts';

/** Hands out the next number of a counter. Call inside the transaction that uses it, so a rollback returns nothing. */
export function nextCounterValue(db: Db, name: string): number {
  const row = db
    .prepare(
      `INSERT INTO counters (name, last_value) VALUES (?, 1)
       ON CONFLICT(name) DO UPDATE SET last_value = last_value + 1
       RETURNING last_value`,
    )
    .get(name) as { last_value: number };
  return row.last_value;
}
