import core from './001-core.ts';
import certificates from './002-certificates.ts';
import cases from './003-cases.ts';
import devices from './004-devices.ts';
import ledgerBalances from './005-ledger-balances.ts';
import printing from './006-printing.ts';
import scanners from './007-scanners.ts';
import termPolicy from './008-term-policy.ts';
import manualReview from './009-manual-review.ts';
import vehicleRegister from './010-vehicle-register.ts';
import custodyAndRoles from './011-custody-and-roles.ts';
import seizureFacts from './012-seizure-facts.ts';
import accountLifecycle from './013-account-lifecycle.ts';
import cliTokens from './014-cli-tokens.ts';
import backups from './015-backups.ts';
import frozenRegistrations from './016-frozen-registrations.ts';
import rowAudit from './017-row-audit.ts';
import transit from './018-transit.ts';
import monthlyReport from './019-monthly-report.ts';
import sync from './020-sync.ts';

/**
 * Migrations in order; migration N brings `PRAGMA user_version` from N-1 to N. A landed migration is never
 * edited: add a new one. Kept as TypeScript strings so that bundling the Electron main needs no file copying.
 */
export const migrations: readonly string[] = [
  core, certificates, cases, devices, ledgerBalances, printing, scanners, termPolicy, manualReview, vehicleRegister, custodyAndRoles, seizureFacts,
  accountLifecycle, cliTokens, backups, frozenRegistrations, rowAudit, transit, monthlyReport, sync,
];
