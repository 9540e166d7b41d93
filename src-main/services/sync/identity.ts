import type { Db } from '../../../db/open.ts';
import { getCheckpointKey } from '../../../db/handovers-repo.ts';

/** This installation's id and public key as the hub registers them, or undefined before its key is made. */
export function installationIdentity(db: Db): { checkpointId: string; publicKeyPem: string } | undefined {
  const key = getCheckpointKey(db);
  return key && { checkpointId: key.checkpoint_id, publicKeyPem: key.public_key_pem };
}
