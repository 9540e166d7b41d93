/**
 * Masking of ID and phone numbers where a task does not need them (issue 14 item 5), and the way back: a form
 * filled from masked values returns them masked, and a masked value that still matches the stored number
 * means "unchanged", so editing a case never replaces a full number by its mask.
 */
import { maskIdNumber } from './id-number.ts';
import { maskPhone } from './phone-mask.ts';

export { maskIdNumber, maskPhone };

const isMasked = (value: string) => value.includes('*');

/** The stored value when `incoming` is exactly its mask; otherwise what was typed. */
export function unmaskIfSame(incoming: string | undefined, stored: string | undefined, mask: (v: string) => string): string | undefined {
  if (incoming === undefined || stored === undefined || !isMasked(incoming)) return incoming;
  return mask(stored) === incoming ? stored : incoming;
}

export interface PartyNumbers { idNumber?: string | undefined; phone?: string | undefined }
export interface CaseNumbers<P extends PartyNumbers> {
  parties: P[];
  witness: ({ idNumber?: string | undefined } & object) | null;
  serviceAddress?: ({ phone?: string | undefined } & object) | undefined;
}

const maskOptional = (value: string | undefined, mask: (v: string) => string) => (value === undefined ? undefined : mask(value));

/** A case record with every party's and the witness's ID and phone masked. */
export function maskCaseNumbers<P extends PartyNumbers, D extends CaseNumbers<P>>(d: D): D {
  return {
    ...d,
    parties: d.parties.map((p) => ({ ...p, idNumber: maskOptional(p.idNumber, maskIdNumber), phone: maskOptional(p.phone, maskPhone) })),
    witness: d.witness && { ...d.witness, idNumber: maskOptional(d.witness.idNumber, maskIdNumber) },
    ...(d.serviceAddress ? { serviceAddress: { ...d.serviceAddress, phone: maskOptional(d.serviceAddress.phone, maskPhone) } } : {}),
  };
}

/** An edited case record with each unchanged mask replaced by the stored number (parties matched by position). */
export function restoreCaseNumbers<P extends PartyNumbers, D extends CaseNumbers<P>>(edited: D, stored: D): D {
  return {
    ...edited,
    parties: edited.parties.map((p, i) => ({
      ...p,
      idNumber: unmaskIfSame(p.idNumber, stored.parties[i]?.idNumber, maskIdNumber),
      phone: unmaskIfSame(p.phone, stored.parties[i]?.phone, maskPhone),
    })),
    witness: edited.witness && { ...edited.witness, idNumber: unmaskIfSame(edited.witness.idNumber, stored.witness?.idNumber, maskIdNumber) },
    ...(edited.serviceAddress ? { serviceAddress: { ...edited.serviceAddress, phone: unmaskIfSame(edited.serviceAddress.phone, stored.serviceAddress?.phone, maskPhone) } } : {}),
  };
}
