/**
 * The data certificate checks are made with, kept by the administrator: recognised labs, limits tables
 * and policies. Imports are versioned and take effect from a date; the one in force is chosen by the
 * date of the check, so an import never changes a verdict already stored.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../../../db/open.ts';
import {
  deleteLab, getLab, insertLab, insertLimitsImport, insertPolicyActivation, labNameTaken, limitsImportOn, limitsVersionTaken,
  listLabs, listLimitsImports, listPolicyActivations, policyActivationOn, type LabRow, type LimitsImportRow,
} from '../../../db/standards-repo.ts';
import type {
  LabInput, LimitsImportInput, LimitsPreview, LimitsVersion, PolicyActivateInput, PolicyInfo, PolicyPreview, RecognisedLabRow,
} from '../../../src-shared/contract/certificates.ts';
import {
  defaultPolicy, diffLimits, notLoaded, parseLimitsTable, parsePolicy, policyGaps, selectLimits, shippedLimits, shippedPolicies,
  type CheckContext, type NotLoaded, type LimitsTable, type Parsed, type Policy, type RecognisedLab,
} from '../../../src-shared/domain/certificate/index.ts';
import { localDate } from '../../../src-shared/domain/local-time.ts';
import type { CallContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { mutate } from '../mutate.ts';

function toLab(r: LabRow): RecognisedLabRow {
  return { id: r.id, name: r.name, cmaNumber: r.cma_number, validUntil: r.valid_until, addedAt: r.added_at };
}

export function recognisedLabs(db: Db): RecognisedLabRow[] {
  return listLabs(db).map(toLab);
}

export function addLab(ctx: CallContext, input: z.output<typeof LabInput>): RecognisedLabRow {
  return mutate(ctx, (tx) => {
    if (labNameTaken(ctx.db, input.name)) throw new ServiceError('conflict', 'certificates.labExists', { name: input.name });
    const id = insertLab(ctx.db, {
      name: input.name, cma_number: input.cmaNumber || null, valid_until: input.validUntil ?? null,
      added_at: ctx.now().toISOString(), added_by: ctx.session.user.id,
    });
    const lab = toLab(getLab(ctx.db, id)!);
    tx.audit({ action: 'labs.add', entity: 'recognised_lab', entityId: id, after: lab });
    return lab;
  });
}

export function removeLab(ctx: CallContext, id: number): null {
  return mutate(ctx, (tx) => {
    const lab = getLab(ctx.db, id);
    if (!lab) throw new ServiceError('not-found', 'certificates.labNotFound');
    deleteLab(ctx.db, id);
    tx.audit({ action: 'labs.remove', entity: 'recognised_lab', entityId: id, before: toLab(lab) });
    return null;
  });
}

/** The limits table in force on `date`: the latest import effective by then, else the shipped table. */
export function limitsOn(db: Db, date: string): LimitsTable {
  const row = limitsImportOn(db, date);
  return row ? (JSON.parse(row.table_json) as LimitsTable) : shippedLimits;
}

export function policyOn(db: Db, date: string): Policy {
  const row = policyActivationOn(db, date);
  return row ? (JSON.parse(row.policy_json) as Policy) : defaultPolicy;
}

/**
 * The grades the policy in force today applies whose ash or sulfur limit the table in force today lacks: every
 * truck checked against one goes to 人工核验, so administrators are warned until a table fills them.
 */
export function emptyGrades(db: Db, now: Date): NotLoaded[] {
  const date = localDate(now);
  const grades = [...new Map(policyOn(db, date).applicability.flatMap((r) => r.check).map((sg) => [`${sg.standard}|${sg.grade}`, sg])).values()];
  return notLoaded(grades, selectLimits(limitsOn(db, date), grades, date).rows).filter((g) => g.core.length > 0);
}

/** Everything a check made at `now` uses; the lab list is left out while none is kept (no lab signal then). */
export function checkContextAt(db: Db, now: Date): CheckContext {
  const date = localDate(now);
  const labs = listLabs(db);
  const recognised: RecognisedLab[] = labs.map((l) => ({
    name: l.name, ...(l.cma_number ? { cmaNumber: l.cma_number } : {}), ...(l.valid_until ? { validUntil: l.valid_until } : {}),
  }));
  return { limits: limitsOn(db, date), policy: policyOn(db, date), recognisedLabs: labs.length > 0 ? recognised : undefined, now };
}

/** An uploaded data file: JSON first, then the domain schema; the message names each bad field. */
function parseDataFile<T>(content: string, parse: (json: unknown) => Parsed<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (err) {
    throw new ServiceError('invalid-input', 'certificates.invalidFile', { detail: (err as Error).message });
  }
  const parsed = parse(json);
  if (!parsed.ok) throw new ServiceError('invalid-input', 'certificates.invalidFile', { detail: parsed.message });
  return parsed.value;
}

function countUnverified(table: LimitsTable): number {
  return table.rows.filter((r) => !r.verified).length;
}

export function previewLimits(ctx: CallContext, content: string): LimitsPreview {
  const table = parseDataFile(content, parseLimitsTable);
  const today = localDate(ctx.now());
  const active = limitsOn(ctx.db, today);
  return {
    version: table.version,
    rows: table.rows.length,
    unverifiedRows: countUnverified(table),
    activeVersion: active.version,
    diff: diffLimits(active, table),
    gaps: policyGaps(policyOn(ctx.db, today), table, today),
  };
}

function toLimitsVersion(row: LimitsImportRow, activeVersion: string): LimitsVersion {
  const table = JSON.parse(row.table_json) as LimitsTable;
  return {
    id: row.id, version: row.version, effectiveFrom: row.effective_from, importedAt: row.imported_at, importedBy: row.imported_by_name,
    rows: table.rows.length, unverifiedRows: countUnverified(table), active: row.version === activeVersion,
  };
}

export function limitsVersions(db: Db, now: Date): LimitsVersion[] {
  const activeVersion = limitsOn(db, localDate(now)).version;
  const shipped: LimitsVersion = {
    id: null, version: shippedLimits.version, effectiveFrom: null, importedAt: null, importedBy: null,
    rows: shippedLimits.rows.length, unverifiedRows: countUnverified(shippedLimits), active: shippedLimits.version === activeVersion,
  };
  return [shipped, ...listLimitsImports(db).map((r) => toLimitsVersion(r, activeVersion))];
}

export function importLimits(ctx: CallContext, input: z.output<typeof LimitsImportInput>): LimitsVersion {
  const table = parseDataFile(input.content, parseLimitsTable);
  return mutate(ctx, (tx) => {
    if (table.version === shippedLimits.version || limitsVersionTaken(ctx.db, table.version)) {
      throw new ServiceError('conflict', 'certificates.versionExists', { version: table.version });
    }
    const at = ctx.now();
    const id = insertLimitsImport(ctx.db, {
      version: table.version, table_json: JSON.stringify(table), effective_from: input.effectiveFrom,
      imported_at: at.toISOString(), imported_by: ctx.session.user.id,
    });
    const summary = {
      version: table.version, effectiveFrom: input.effectiveFrom, rows: table.rows.length,
      sha256: createHash('sha256').update(JSON.stringify(table)).digest('hex'),
    };
    tx.audit({ action: 'limits.import', entity: 'limits_import', entityId: id, after: summary, at });
    return limitsVersions(ctx.db, at).find((v) => v.id === id)!;
  });
}

export function policies(db: Db, now: Date): PolicyInfo[] {
  const active = policyOn(db, localDate(now));
  const activations = listPolicyActivations(db);
  const known = new Map<string, Policy>(shippedPolicies.map((p) => [p.version, p]));
  for (const a of activations) if (!known.has(a.version)) known.set(a.version, JSON.parse(a.policy_json) as Policy);
  return [...known.values()].map((p) => ({
    id: p.id, version: p.version, title: p.title, source: p.source,
    shipped: shippedPolicies.includes(p),
    active: p.version === active.version,
    effectiveFrom: activations.filter((a) => a.version === p.version).at(-1)?.effective_from ?? null,
  }));
}

/** The policy already known under a version (shipped or activated before). */
function knownPolicy(db: Db, version: string): Policy | undefined {
  const activated = listPolicyActivations(db).find((a) => a.version === version);
  return shippedPolicies.find((p) => p.version === version) ?? (activated && (JSON.parse(activated.policy_json) as Policy));
}

/**
 * A policy file, parsed and checked: a version names one content, so a file reusing a known version with
 * other rules is refused (the list and the audit trail would otherwise show one policy and apply another).
 */
function parsePolicyFile(db: Db, content: string): Policy {
  const policy = parseDataFile(content, parsePolicy);
  const known = knownPolicy(db, policy.version);
  if (known && JSON.stringify(known) !== JSON.stringify(policy)) {
    throw new ServiceError('conflict', 'certificates.versionExists', { version: policy.version });
  }
  return policy;
}

export function previewPolicy(ctx: CallContext, content: string): PolicyPreview {
  const policy = parsePolicyFile(ctx.db, content);
  const today = localDate(ctx.now());
  return {
    id: policy.id, version: policy.version, title: policy.title, source: policy.source,
    statedFrom: policy.effectiveFrom, statedTo: policy.effectiveTo, maxReportAgeDays: policy.maxReportAgeDays,
    applicability: policy.applicability, outcomeRules: policy.outcomeRules.length,
    activeVersion: policyOn(ctx.db, today).version,
    gaps: policyGaps(policy, limitsOn(ctx.db, today), today),
  };
}

export function activatePolicy(ctx: CallContext, input: z.output<typeof PolicyActivateInput>): PolicyInfo {
  const policy = input.content !== undefined ? parsePolicyFile(ctx.db, input.content) : shippedPolicies.find((p) => p.id === input.policyId);
  if (!policy) throw new ServiceError('not-found', 'certificates.unknownPolicy', { id: input.policyId ?? '' });
  return mutate(ctx, (tx) => {
    const at = ctx.now();
    const id = insertPolicyActivation(ctx.db, {
      policy_id: policy.id, version: policy.version, policy_json: JSON.stringify(policy), effective_from: input.effectiveFrom,
      activated_at: at.toISOString(), activated_by: ctx.session.user.id,
    });
    tx.audit({
      action: 'policies.activate', entity: 'policy_activation', entityId: id,
      after: { id: policy.id, version: policy.version, effectiveFrom: input.effectiveFrom }, at,
    });
    return policies(ctx.db, at).find((p) => p.version === policy.version)!;
  });
}
