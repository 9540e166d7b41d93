/**
 * The register's trucks with the officers on duty when each passed (domain/officers-on-duty.ts): the case's
 * officers, else the officers signed in then. Streamed like the trucks themselves.
 */
import type { Db } from '../../../db/open.ts';
import { iterateTrucks, officerSignIns, type TruckRow, type UtcRange } from '../../../db/reports-repo.ts';
import { DutyRoster, dutySpans, officersText } from '../../../src-shared/domain/officers-on-duty.ts';
import { getSettings } from '../accounts/settings.ts';

export interface RegisterRow extends TruckRow {
  officersOnDuty: string;
}

export function* registerRows(db: Db, range: UtcRange): Generator<RegisterRow> {
  const lifetimeMs = getSettings(db).sessionHours * 3600_000;
  // A sign-in up to one session lifetime before the period still covers its first trucks.
  const signIns = { fromIso: new Date(Date.parse(range.fromIso) - lifetimeMs).toISOString(), toIso: range.toIso };
  const roster = new DutyRoster(dutySpans(officerSignIns(db, signIns), lifetimeMs));
  for (const truck of iterateTrucks(db, range)) yield { ...truck, officersOnDuty: officersText(truck.caseOfficers, roster.at(truck.passedAt)) };
}
