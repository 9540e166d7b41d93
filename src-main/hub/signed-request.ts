/**
 * Every installation-to-hub request is checked here first: the envelope's shape, the installation named in
 * the body (registered, not revoked) and its signature over the exact body text. Only then is the body
 * parsed against the request's schema, so an unsigned or forged request never reaches the storage.
 */
import type { z } from 'zod';
import { Signed, type HubRefusal } from '../../src-shared/contract/hub.ts';
import type { HubSql } from '../../db/hub/sql.ts';
import { envelopeSignedBy } from '../signing/hub-envelope.ts';

export class HubRefusedError extends Error {
  constructor(
    readonly refusal: HubRefusal,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(refusal);
  }
}

export interface InstallationRow {
  id: string;
  kind: 'checkpoint' | 'disposal';
  name: string;
  county: string | null;
  public_key_pem: string;
  revoked_at: string | null;
  head_seq: number;
  head_hash: string;
}

export async function verifySignedRequest<S extends z.ZodType<{ installationId: string }>>(
  sql: HubSql,
  raw: unknown,
  schema: S,
): Promise<{ installation: InstallationRow; body: z.infer<S> }> {
  const envelope = Signed.safeParse(raw);
  if (!envelope.success) throw new HubRefusedError('malformed');
  let json: unknown;
  try {
    json = JSON.parse(envelope.data.body);
  } catch {
    throw new HubRefusedError('malformed');
  }
  const id = typeof json === 'object' && json !== null ? (json as { installationId?: unknown }).installationId : undefined;
  if (typeof id !== 'string') throw new HubRefusedError('malformed');
  const installation = (await sql.query<InstallationRow>('SELECT id, kind, name, county, public_key_pem, revoked_at, head_seq, head_hash FROM installations WHERE id = $1', [id])).rows[0];
  if (!installation) throw new HubRefusedError('unknown-installation', { installationId: id });
  if (installation.revoked_at !== null) throw new HubRefusedError('revoked', { installationId: id });
  if (!envelopeSignedBy(envelope.data, installation.public_key_pem)) throw new HubRefusedError('bad-signature', { installationId: id });
  const body = schema.safeParse(json);
  if (!body.success) throw new HubRefusedError('malformed', { installationId: id });
  return { installation, body: body.data as z.infer<S> };
}
