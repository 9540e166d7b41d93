/** This checkpoint's signing key and the other checkpoints whose signed handovers it accepts. */
import { z } from 'zod';
import { Empty, method, type MethodDef } from './define.ts';
import { ROLE_GROUPS } from './roles.ts';
import { required } from './fields.ts';

/** Another checkpoint whose signed handovers this one accepts. */
export interface TrustedCheckpoint {
  checkpointId: string;
  name: string;
  publicKeyPem: string;
  registeredAt: string;
}

export const keysContract = {
  'checkpointKey.get': method<{ checkpointId: string; publicKeyPem: string }>()(Empty, ROLE_GROUPS.admin),
  'checkpointKey.trust': method<{ checkpointId: string; name: string }>()(
    z.object({ checkpointId: required(40), name: required(80), publicKeyPem: z.string().trim().startsWith('-----BEGIN PUBLIC KEY-----', { message: 'validation.invalid_format' }).max(2000) }).strict(),
    ROLE_GROUPS.admin,
  ),
  'checkpointKey.trusted': method<TrustedCheckpoint[]>()(Empty, ROLE_GROUPS.admin),
  /** Refused for this checkpoint's own id: its own handovers are always accepted. */
  'checkpointKey.untrust': method<{ checkpointId: string }>()(z.object({ checkpointId: required(40) }).strict(), ROLE_GROUPS.admin),
} satisfies Record<string, MethodDef>;
