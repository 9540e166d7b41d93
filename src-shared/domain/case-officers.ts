/**
 * Who counts as an officer of a case, for amending its registration and seeing its parties' full numbers:
 * the officer who opened it, the one who decided it, and every officer recorded on it by credential number.
 */
export interface CaseOfficerFacts {
  createdBy: number | null;
  decidedBy: number | null;
  officers: readonly { credentialNo: string }[];
}

export function isOfficerOfCase(c: CaseOfficerFacts, user: { id: number; credentialNumber: string | null }): boolean {
  if (user.id === c.createdBy || user.id === c.decidedBy) return true;
  const credential = user.credentialNumber?.trim();
  return Boolean(credential) && c.officers.some((o) => o.credentialNo.trim() === credential);
}
