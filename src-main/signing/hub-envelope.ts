/**
 * The envelope of every installation-to-hub request: the body's JSON text exactly as signed and its Ed25519
 * signature. The hub verifies the text it received, never a re-serialisation of it.
 */
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import type { Signed } from '../../src-shared/contract/hub.ts';

export function signEnvelope(body: unknown, privateKeyPem: string): Signed {
  const text = JSON.stringify(body);
  return { body: text, signature: sign(null, Buffer.from(text, 'utf8'), createPrivateKey(privateKeyPem)).toString('base64') };
}

/** True when `signature` is the key's signature of `body`; false for any malformed key or signature. */
export function envelopeSignedBy(envelope: Signed, publicKeyPem: string): boolean {
  try {
    return verify(null, Buffer.from(envelope.body, 'utf8'), createPublicKey(publicKeyPem), Buffer.from(envelope.signature, 'base64'));
  } catch {
    return false;
  }
}
