/**
 * The hub's projection as fixtures: installations and `hub_rows` in exactly the shape the hub projects a
 * checkpoint's row audit into (the after-image with the checkpoint's SQLite column names, flags 0/1,
 * instants UTC ISO). Seeded, so every run is the same city; tests compute their expectations from `rows`.
 */
import type { HubSql } from '../../db/hub/sql.ts';
import { seededRandom } from '../../src-main/demo/sample-registration.ts';
import { addDays, startOfLocalDate } from '../../src-shared/domain/local-time.ts';

export interface FixtureRow {
  installationId: string;
  tbl: string;
  pk: string;
  after: Record<string, unknown>;
}

export interface FixtureInstallation {
  id: string;
  kind: 'checkpoint' | 'disposal';
  name: string;
  county: string;
  lastSyncAt: string | null;
  /** Its registrations carry the (newer) `transit` column. */
  transit: boolean;
}

export interface CityFixture {
  installations: FixtureInstallation[];
  rows: FixtureRow[];
}

export const FIXTURE_INSTALLATIONS: FixtureInstallation[] = [
  { id: 'cp-weichang', kind: 'checkpoint', name: '围场县入省检查站', county: '围场县', lastSyncAt: '2026-11-30T01:00:00.000Z', transit: false },
  { id: 'cp-fengning', kind: 'checkpoint', name: '丰宁县检查站', county: '丰宁县', lastSyncAt: '2026-11-25T01:00:00.000Z', transit: false },
  { id: 'cp-longhua', kind: 'checkpoint', name: '隆化县检查站', county: '隆化县', lastSyncAt: '2026-11-30T02:00:00.000Z', transit: true },
  { id: 'dp-chengde', kind: 'disposal', name: '承德市处置点', county: '双桥区', lastSyncAt: '2026-11-30T03:00:00.000Z', transit: false },
];

const OUTCOMES = ['release', 'sample', 'seize', 'turn-back', 'review'] as const;
const PHASES = ['draft', 'seized', 'extended', 'confiscated', 'released'] as const;

/**
 * Three checkpoints' trucks over `days` Beijing days from `firstDay`, with amendments (a later revision
 * stamped the next day), training records, checks with overrides and reviews, cases, handovers both ways,
 * and a disposal point's ledger. `trucksPerDay` is the average per checkpoint and day.
 */
export function makeCityFixture(options: { firstDay: string; days: number; trucksPerDay: number; seed?: number; idOffset?: number }): CityFixture {
  // Fixtures made in several calls (the benchmark's weeks) keep their row ids apart by an offset.
  const offset = options.idOffset ?? 0;
  const rand = seededRandom(options.seed ?? 17);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const rows: FixtureRow[] = [];
  for (const inst of FIXTURE_INSTALLATIONS.filter((i) => i.kind === 'checkpoint')) {
    const next = { reg: offset, check: offset, decision: offset, kase: offset, handover: offset };
    const add = (tbl: string, id: number, after: Record<string, unknown>) => rows.push({ installationId: inst.id, tbl, pk: String(id), after: { id, ...after } });
    for (let d = 0; d < options.days; d++) {
      const day = addDays(options.firstDay, d);
      const dayStart = startOfLocalDate(day).getTime();
      const count = Math.max(0, Math.round(options.trucksPerDay * (0.5 + rand())));
      for (let n = 0; n < count; n++) {
        // One truck a day at 23:30 Beijing (15:30 UTC): it belongs to this Beijing day, not the next.
        const at = new Date(n === 0 ? dayStart + 23.5 * 3600_000 : dayStart + Math.floor(rand() * 86400) * 1000).toISOString();
        const recordNumber = `${inst.id}-${day}-${n}`;
        const base = {
          record_number: recordNumber, station_code: inst.id.toUpperCase().slice(0, 12), operator_id: 1, plate: `冀H${String(10000 + Math.floor(rand() * 89999))}`,
          trailer_plate: null, plate_color: 'yellow', driver_name: '张三', driver_id_number: '130821198001011234', driver_phone: '13800000000',
          carrier: '承德运输公司', origin: pick(['山西大同', '内蒙古赤峰', '内蒙古锡林郭勒']), consignee: '某热力公司', destination: pick(['承德市', '北京市']),
          destination_in_hebei: 1, coal_kind: pick(['raw', 'washed', 'anthracite']), coal_kind_other: null, intended_use: 'heating', declared_kg: 30000,
          has_contract: 1, has_report: rand() < 0.8 ? 1 : 0, report_number: null, via_designated_route: rand() < 0.85 ? 1 : 0,
          gross_kg: 0, tare_kg: 15000, weight_source: rand() < 0.9 ? 'scale' : 'manual', manual_reason: null, weighing_id: null,
          training: rand() < 0.05 ? 1 : 0,
          ...(inst.transit ? { transit: rand() < 0.6 ? 1 : 0 } : {}),
        };
        const netKg = 20000 + Math.floor(rand() * 20000);
        const firstId = ++next.reg;
        add('registrations', firstId, { ...base, revision: 1, amends_id: null, amendment_reason: null, registered_at: at, net_kg: netKg, gross_kg: netKg + 15000 });
        let currentId = firstId;
        // An amendment is stamped when made (a day later): the truck still counts on the day it passed.
        for (let rev = 2; rand() < 0.12 && rev <= 3; rev++) {
          const id = ++next.reg;
          const amended = netKg + rev * 100;
          add('registrations', id, {
            ...base, revision: rev, amends_id: currentId, amendment_reason: '更正净重', net_kg: amended, gross_kg: amended + 15000,
            registered_at: new Date(Date.parse(at) + 86400_000 * (rev - 1)).toISOString(),
            via_designated_route: rand() < 0.5 ? 1 : 0,
          });
          currentId = id;
        }
        // Checks may sit on any revision; the latest check of the record counts, overrides and reviews applied.
        for (let k = 0; rand() < (k === 0 ? 0.55 : 0.2) && k < 2; k++) {
          const checkId = ++next.check;
          const outcome = pick(OUTCOMES);
          add('certificate_checks', checkId, {
            registration_id: rand() < 0.5 ? firstId : currentId, report_number: `R${checkId}`, verdict: pick(['pass', 'fail', 'incomplete']),
            outcome, provisional: 0, checked_at: at, checked_by: 1,
          });
          if (rand() < 0.15) add('certificate_overrides', ++next.decision, { check_id: checkId, outcome: pick(OUTCOMES), reason: '主管复核', overridden_at: at, overridden_by: 2 });
          else if (outcome === 'review' && rand() < 0.5) add('certificate_reviews', ++next.decision, { check_id: checkId, outcome: pick(['release', 'seize']), reason: '复核', decided_at: at, decided_by: 2 });
        }
        if (rand() < 0.08) {
          const phase = pick(PHASES);
          const kaseId = ++next.kase;
          add('enforcement_cases', kaseId, {
            case_number: `${inst.id}-案${kaseId}`, registration_id: firstId, phase, net_kg: netKg, plate: base.plate, created_at: at,
            updated_at: at, seized_at: phase === 'draft' ? null : at, decision_date: phase === 'draft' ? null : addDays(day, 1),
          });
        }
      }
      if (d % 3 === 1) {
        const id = ++next.handover;
        add('handovers', id, {
          uid: `${inst.id}-h${id}`, direction: 'outgoing', form_no: `移交${id}`, checkpoint_id: inst.id, disposal_point_code: 'CD-DP1',
          handed_over_at: new Date(dayStart + 10 * 3600_000).toISOString(), total_kg: 30000 + id * 7, recorded_at: new Date(dayStart).toISOString(),
        });
      }
    }
  }
  // The disposal point: the same handovers arrive as incoming (not counted again), and its ledger moves stock.
  const dp = FIXTURE_INSTALLATIONS.find((i) => i.kind === 'disposal')!;
  let seq = offset;
  for (const h of rows.filter((r) => r.tbl === 'handovers')) {
    rows.push({ installationId: dp.id, tbl: 'handovers', pk: String(offset + rows.length), after: { ...h.after, id: offset + rows.length, direction: 'incoming' } });
    const at = h.after.handed_over_at as string;
    seq++;
    rows.push({ installationId: dp.id, tbl: 'ledger_movements', pk: String(seq), after: { seq, id: `m${seq}`, kind: 'receipt', at, balance_delta_kg: h.after.total_kg } });
    if (rand() < 0.5) {
      seq++;
      const disposed = -Math.floor((h.after.total_kg as number) / 2);
      rows.push({ installationId: dp.id, tbl: 'ledger_movements', pk: String(seq), after: { seq, id: `m${seq}`, kind: 'disposal', at: new Date(Date.parse(at) + 2 * 86400_000).toISOString(), balance_delta_kg: disposed } });
    }
  }
  return { installations: FIXTURE_INSTALLATIONS, rows };
}

/** Writes the fixture into a migrated hub database, in batches of one statement each. */
export async function loadCityFixture(sql: HubSql, fixture: CityFixture, options: { installations?: boolean } = {}): Promise<void> {
  for (const [n, i] of options.installations === false ? [] : fixture.installations.entries()) {
    await sql.query(
      `INSERT INTO installations (id, kind, name, county, public_key_pem, registered_at, registered_by, last_sync_at, head_seq)
       VALUES ($1, $2, $3, $4, $5, '2026-11-01T00:00:00Z', 'admin', $6, 3)`,
      [i.id, i.kind, i.name, i.county, `fixture-key-${n}`, i.lastSyncAt],
    );
    // Three entries held per installation; the disposal point's second is missing (a hole the list must show).
    for (const seq of i.kind === 'disposal' ? [1, 3] : [1, 2, 3]) {
      await sql.query(
        `INSERT INTO hub_entries (installation_id, seq, tbl, pk, op, after_json, actor_id, actor_name, at, prev_hash, hash, redacted, received_at)
         VALUES ($1, $2, 'settings', 'k', 'I', '{}', NULL, 'system', '2026-11-01T00:00:00Z', $3, $4, false, '2026-11-01T00:00:00Z')`,
        [i.id, seq, String(seq - 1).repeat(64), String(seq).repeat(64)],
      );
    }
  }
  const BATCH = 5000;
  for (let start = 0; start < fixture.rows.length; start += BATCH) {
    const batch = fixture.rows.slice(start, start + BATCH).map((r, n) => ({ i: r.installationId, t: r.tbl, p: r.pk, a: r.after, s: start + n + 1 }));
    await sql.query(
      `INSERT INTO hub_rows (installation_id, tbl, pk, after, seq)
       SELECT x.i, x.t, x.p, x.a, x.s FROM jsonb_to_recordset($1::jsonb) AS x(i TEXT, t TEXT, p TEXT, a JSONB, s BIGINT)`,
      [JSON.stringify(batch)],
    );
  }
}
