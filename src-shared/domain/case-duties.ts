/**
 * Separation of duties by person (执法与保管、处置岗位相分离, 财政部《罚没财物管理办法》财税〔2020〕54号,
 * its principles): nobody named on a case — whoever acted on it in the app, the officers on the on-site record,
 * the approving head, the approver of an extension — may record that case's coal at the disposal point.
 */

export interface CasePeople {
  /** Users who acted on the case in the app (opened, decided, confiscated, released…). */
  actorIds: readonly number[];
  /** The officers on the on-site record (行政强制法 art.18(2)). */
  officers: readonly { name: string; credentialNo: string }[];
  /** The agency head who approved the measure (art.18(1)) and any extension approver (art.25). */
  approverNames: readonly string[];
}

export interface Person {
  id: number;
  displayName: string;
  credentialNumber: string | null;
}

const compact = (s: string) => s.replace(/\s+/g, '');

/**
 * The forms a name takes: as a whole, and its last part, since display names and papers may or may not
 * carry a title before the name (“主管 周建华”, “周建华”). Erring towards a match is the safe side here.
 */
function variants(name: string): string[] {
  const full = name.trim();
  const last = full.split(/\s+/).at(-1) ?? '';
  return [compact(full), compact(last)].filter((n) => n.length > 0);
}

/** Why `person` may not record this case's ledger movements; null when they are not named on it. */
export function dutyOnCase(people: CasePeople, person: Person): { zh: string; en: string } | null {
  if (people.actorIds.includes(person.id)) return { zh: '办理过本案', en: 'acted on this case' };
  const credential = person.credentialNumber?.trim();
  const names = new Set(variants(person.displayName));
  const named = (paperName: string) => variants(paperName).some((n) => names.has(n));
  if (people.officers.some((o) => (credential && compact(o.credentialNo) === compact(credential)) || named(o.name))) {
    return { zh: '是本案现场笔录所列执法人员', en: 'is an officer on the on-site record' };
  }
  if (people.approverNames.some(named)) return { zh: '是本案批准人', en: 'approved this case' };
  return null;
}
