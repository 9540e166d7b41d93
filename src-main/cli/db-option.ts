import { openDatabase, type Db } from '../../db/open.ts';
import { resolveDbPath } from '../paths.ts';

export const dbOption = { db: { type: 'string' } } as const;

export function openCliDb(dbPath: string | undefined): Db {
  return openDatabase(resolveDbPath(dbPath));
}
