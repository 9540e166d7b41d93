/**
 * The officers on duty when a truck passed (the register's 执法人员 column). The data that exists: each sign-in
 * and sign-out of a user with the officer role (audited), and the officers recorded on a truck's case. A truck
 * with a case names the case's officers; any other truck names the officers signed in when it passed: from a
 * sign-in until that officer's next sign-out, or until the session's lifetime ends, whichever comes first.
 */

export interface SignEvent {
  userId: number;
  name: string;
  /** ISO 8601 UTC instant. */
  at: string;
  kind: 'in' | 'out';
}

interface Span {
  name: string;
  fromMs: number;
  toMs: number;
}

/** Duty spans from sign events in time order. A sign-in while already signed in starts the span afresh. */
export function dutySpans(events: readonly SignEvent[], lifetimeMs: number): Span[] {
  const open = new Map<number, Span>();
  const spans: Span[] = [];
  for (const e of [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    const atMs = Date.parse(e.at);
    const current = open.get(e.userId);
    if (current) {
      current.toMs = Math.min(current.toMs, atMs);
      open.delete(e.userId);
    }
    if (e.kind === 'in') {
      const span = { name: e.name, fromMs: atMs, toMs: atMs + lifetimeMs };
      open.set(e.userId, span);
      spans.push(span);
    }
  }
  return spans;
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
