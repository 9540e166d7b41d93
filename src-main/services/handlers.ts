import type { Handlers } from './handler.ts';
import type { SessionStore } from './accounts/sessions.ts';
import type { DeviceManager } from './devices/devices.ts';
import type { PrintService } from './printing/printing.ts';
import { accountsHandlers } from './accounts/handlers.ts';
import { registrationsHandlers } from './registrations/handlers.ts';
import { vehiclesHandlers } from './vehicles/handlers.ts';
import { certificatesHandlers } from './certificates/handlers.ts';
import { reportsHandlers } from './reports/handlers.ts';
import { devicesHandlers } from './devices/handlers.ts';
import { printingHandlers } from './printing/handlers.ts';
import { casesHandlers } from './cases/handlers.ts';
import { documentsHandlers } from './documents/handlers.ts';
import { handoversHandlers } from './handovers/handlers.ts';
import { keysHandlers } from './keys/handlers.ts';
import { ledgerHandlers } from './ledger/handlers.ts';
import { confiscationsHandlers } from './confiscations/handlers.ts';
import { cliTokenHandlers } from './accounts/cli-tokens.ts';
import { accountLifecycleHandlers } from './accounts/account-lifecycle-handlers.ts';
import { dataProtectionHandlers } from './data-protection/handlers.ts';
import { backupHandlers } from './backup/handlers.ts';
import { syncHandlers } from './sync/handlers.ts';
import { reportArchiveHandlers } from './report-archive/handlers.ts';

/**
 * Binds every contract method to its service function: each feature's `<feature>/handlers.ts` spreads in.
 * The `Handlers` type makes the map exhaustive, so a contract method without a handler does not compile.
 */
export function createHandlers(sessions: SessionStore, devices: DeviceManager, printing: PrintService): Handlers {
  return {
    ...accountsHandlers(sessions),
    ...registrationsHandlers(),
    ...vehiclesHandlers(),
    ...certificatesHandlers(),
    ...reportsHandlers(),
    ...devicesHandlers(devices),
    ...printingHandlers(printing),
    ...casesHandlers(),
    ...documentsHandlers(),
    ...handoversHandlers(),
    ...keysHandlers(),
    ...ledgerHandlers(),
    ...confiscationsHandlers(),
    ...cliTokenHandlers(sessions),
    ...accountLifecycleHandlers(sessions),
    ...dataProtectionHandlers(),
    ...backupHandlers(),
    ...syncHandlers(),
    ...reportArchiveHandlers(),
  };
}
