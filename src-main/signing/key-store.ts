/**
 * Where the checkpoint's private signing key lives: never in the database (a copy of the file alone must
 * not be able to sign a handover) but in `keys/` beside it, owner-only (0600 in a 0700 folder). When the
 * shell offers an operating-system sealer (Electron `safeStorage`), the file holds the sealed key.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/open.ts';

/** Seals bytes with a secret the database does not hold (Electron's safeStorage in the desktop app). */
export interface KeySealer {
  seal(plain: string): Buffer;
  open(sealed: Buffer): string;
}

let sealer: KeySealer | null = null;

/** Set once by the shell that has an OS key store; without one, the key file is protected by its mode. */
export function useKeySealer(s: KeySealer | null): void {
  sealer = s;
}

export class KeyMissingError extends Error {}

/** Keys of in-memory databases (tests, benches) have no folder to live in. */
const memoryKeys = new Map<Db, string>();

export function keysDir(db: Db): string {
  return path.join(path.dirname(path.resolve(db.name)), 'keys');
}

function keyFile(db: Db, checkpointId: string): string {
  return path.join(keysDir(db), `checkpoint-${checkpointId.replace(/[^\w-]/g, '_')}.key`);
}

const SEALED = 'sealed:';
const PLAIN = 'plain:';

/** Stores a private key owner-only, sealed when a sealer is set. */
export function storePrivateKey(db: Db, checkpointId: string, pem: string): void {
  if (db.memory) return void memoryKeys.set(db, pem);
  const dir = keysDir(db);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  const body = sealer ? SEALED + sealer.seal(pem).toString('base64') : PLAIN + pem;
  const file = keyFile(db, checkpointId);
  fs.writeFileSync(file, body, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

/** The private key, from its file; a database without its key folder cannot sign. */
export function loadPrivateKey(db: Db, checkpointId: string): string {
  if (db.memory) {
    const pem = memoryKeys.get(db);
    if (!pem) throw new KeyMissingError(checkpointId);
    return pem;
  }
  let body: string;
  try {
    body = fs.readFileSync(keyFile(db, checkpointId), 'utf8');
  } catch {
    throw new KeyMissingError(checkpointId);
  }
  if (body.startsWith(SEALED)) {
    if (!sealer) throw new KeyMissingError(checkpointId);
    return sealer.open(Buffer.from(body.slice(SEALED.length), 'base64'));
  }
  return body.slice(PLAIN.length);
}

/**
 * Moves a key still held in the database (older installations) out to its file, then blanks the column.
 * Run at start, before anything else can copy the file. Returns whether a key moved.
 */
export function moveKeyOutOfDatabase(db: Db): boolean {
  if (db.readonly) return false;
  const row = db.prepare("SELECT checkpoint_id, private_key_pem FROM checkpoint_key WHERE id = 1 AND private_key_pem <> ''").get() as
    | { checkpoint_id: string; private_key_pem: string }
    | undefined;
  if (!row) return false;
  storePrivateKey(db, row.checkpoint_id, row.private_key_pem);
  db.prepare("UPDATE checkpoint_key SET private_key_pem = '' WHERE id = 1").run();
  return true;
}
