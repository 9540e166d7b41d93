import { z } from 'zod';
import { Empty, method, type MethodDef } from './define.ts';
import { ROLE_GROUPS } from './roles.ts';
import { LoginInput, NewUserInput, RolesInput, SetupInput, type LoginResult, type Station, type User } from './accounts.ts';
import { AmendInput, SearchInput, RegistrationInput, type Registration, type RegistrationPage } from './registration.ts';
import { SettingsUpdate, type Settings } from './settings.ts';
import { reportsContract } from './reports.ts';
import { certificatesContract } from './certificates.ts';
import { casesContract } from './cases.ts';
import { devicesContract } from './devices.ts';
import { printingContract } from './printing.ts';
import { registrationSaveContract } from './registration-save.ts';
import { confiscationsContract } from './confiscations.ts';
import { documentsContract } from './documents.ts';
import { handoversContract } from './handovers.ts';
import { keysContract } from './keys.ts';
import { ledgerContract } from './ledger.ts';
import { vehiclesContract } from './vehicles.ts';
import { cliAuthContract } from './cli-auth.ts';
import { accountLifecycleContract } from './account-lifecycle.ts';
import { dataProtectionContract } from './data-protection.ts';
import { backupContract } from './backup.ts';
import { syncContract } from './sync.ts';
import { reportArchiveContract } from './report-archive.ts';
import { monthlyReportContract } from './monthly-report.ts';

const Id = z.object({ id: z.int().positive() }).strict();

export interface AuditVerifyResult {
  ok: boolean;
  entries: number;
  brokenAt?: { seq: number; reason: string };
  /** Row-audit findings: each names the table and key of a row changed, added or removed behind the app. */
  findings?: AuditFinding[];
  /** The row-audit chain's head, as printed on reports and written to anchors. */
  head?: { seq: number; hash: string };
}

export interface AuditFinding {
  table: string;
  key: string;
  problem: 'changed' | 'inserted' | 'deleted' | 'unaudited-trigger' | 'chain' | 'anchor' | 'derived';
  detail?: string;
}

/** Accounts, settings, registrations and audit: the methods every other part builds on. */
export const coreContract = {
  'setup.status': method<{ needsSetup: boolean; station: Station | null }>()(Empty, 'public'),
  'setup.init': method<LoginResult>()(SetupInput, 'public'),
  'auth.login': method<LoginResult>()(LoginInput, 'public'),
  'auth.logout': method<null>()(Empty, ROLE_GROUPS.anyone),
  'auth.me': method<LoginResult>()(Empty, ROLE_GROUPS.anyone),
  'users.list': method<User[]>()(Empty, ROLE_GROUPS.admin),
  'users.create': method<User>()(NewUserInput, ROLE_GROUPS.admin),
  'users.setRoles': method<User>()(z.object({ id: z.int().positive(), roles: RolesInput }).strict(), ROLE_GROUPS.admin),
  'settings.get': method<Settings>()(Empty, ROLE_GROUPS.anyone),
  'settings.update': method<Settings>()(SettingsUpdate, ROLE_GROUPS.admin),
  'registrations.create': method<Registration>()(RegistrationInput, ROLE_GROUPS.registrar),
  'registrations.amend': method<Registration>()(AmendInput, ROLE_GROUPS.registrar),
  'registrations.get': method<Registration[]>()(Id, ROLE_GROUPS.viewer),
  'registrations.search': method<RegistrationPage>()(SearchInput, ROLE_GROUPS.viewer),
  'registrations.lastTare': method<{ tareKg: number; registeredAt: string } | null>()(
    z.object({ plate: z.string().max(20) }).strict(),
    ROLE_GROUPS.registrar,
  ),
  'audit.verify': method<AuditVerifyResult>()(Empty, ROLE_GROUPS.oversight),
  /** Leaves a kiosk-mode app: only a supervisor may, so a kiosk cannot be closed by passers-by. */
  'app.quit': method<null>()(Empty, ROLE_GROUPS.oversight),
} satisfies Record<string, MethodDef>;

/**
 * Everything the UI may ask of the main side: each domain's methods spread in. Adding a method to a domain
 * contract is all a shell needs to expose it.
 */
export const contract = {
  ...coreContract,
  ...reportsContract,
  ...certificatesContract,
  ...casesContract,
  ...devicesContract,
  ...printingContract,
  ...registrationSaveContract,
  ...confiscationsContract,
  ...documentsContract,
  ...handoversContract,
  ...keysContract,
  ...ledgerContract,
  ...vehiclesContract,
  ...cliAuthContract,
  ...accountLifecycleContract,
  ...dataProtectionContract,
  ...backupContract,
  ...syncContract,
  ...reportArchiveContract,
  ...monthlyReportContract,
} satisfies Record<string, MethodDef>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Exclude<Contract[M]['output'], undefined>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export * from './define.ts';
export * from './roles.ts';
export * from './accounts.ts';
export * from './registration.ts';
export * from './settings.ts';
export * from './reports.ts';
export * from './certificates.ts';
export * from './cases.ts';
export * from './devices.ts';
export * from './printing.ts';
export * from './registration-save.ts';
export * from './confiscations.ts';
export * from './documents.ts';
export * from './handovers.ts';
export * from './keys.ts';
export * from './ledger.ts';
export * from './fields.ts';
export * from './vehicles.ts';
export * from './cli-auth.ts';
export * from './account-lifecycle.ts';
export * from './data-protection.ts';
export * from './backup.ts';
export * from './sync.ts';
export * from './report-archive.ts';
export * from './monthly-report.ts';
