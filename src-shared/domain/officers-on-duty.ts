/**
 * The officers on duty when a truck passed (the register's 执法人员 column), from the data that exists: the
 * officers recorded on a truck's case, and the audited sign-ins of users holding the officer role (sign-outs
 * are not recorded). A truck with a case names the case's officers; any other truck names the officers whose
 * sign-in covered the moment it passed: a sign-in counts for one session lifetime (settings.sessionHours).
 */

export interface SignIn {
  userId: number;
  name: string;
  /** ISO 8601 UTC instant. */
  at: string;
}

interface Span {
  name: string;
  fromMs: number;
  toMs: number;
}

/** Duty spans from sign-ins: each covers one session lifetime from the sign-in. */
export function dutySpans(signIns: readonly SignIn[], lifetimeMs: number): Span[] {
  return signIns.map((s) => ({ name: s.name, fromMs: Date.parse(s.at), toMs: Date.parse(s.at) + lifetimeMs }));
}

/**
 * Who was on duty at each instant, asked in time order (the register reads trucks in passing order), so the
 * whole season is one pass over the spans. Names in the order the officers signed in, each once.
 */
export class DutyRoster {
  private readonly spans: Span[];
  private next = 0;
  private readonly active: Span[] = [];

  constructor(spans: readonly Span[]) {
    this.spans = [...spans].sort((a, b) => a.fromMs - b.fromMs);
  }

  at(iso: string): string[] {
    const ms = Date.parse(iso);
    while (this.next < this.spans.length && this.spans[this.next]!.fromMs <= ms) this.active.push(this.spans[this.next++]!);
    for (let i = this.active.length - 1; i >= 0; i--) if (this.active[i]!.toMs <= ms) this.active.splice(i, 1);
    return [...new Set(this.active.map((s) => s.name))];
  }
}

/** The column's text: the case's officers when the truck has a case, else those on duty. */
export function officersText(caseOfficers: string | null, onDuty: readonly string[]): string {
  return caseOfficers && caseOfficers.trim() !== '' ? caseOfficers : onDuty.join('、');
}
