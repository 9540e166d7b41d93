/**
 * The vehicle register (a truck's last visit, to pre-fill the next), the pick lists that spare the kiosk a
 * Chinese input method, reports seen before, and the weighing ticket printed after a save.
 */
import { z } from 'zod';
import { requiredText } from './clean-text.ts';
import { method, type MethodDef } from './define.ts';
import { ROLE_GROUPS } from './roles.ts';
import type { CertificateReport } from './certificates.ts';
import type { Registration } from './registration.ts';

export const PICK_KINDS = ['origin', 'destination', 'carrier', 'consignee', 'lab'] as const;
export type PickKind = (typeof PICK_KINDS)[number];

/** A ticket goes to an 80 mm thermal printer (ESC/POS) or a sheet printer (PDF, A5 or A4). */
export const TICKET_FORMATS = ['pdf-a5', 'pdf-a4', 'escpos-80'] as const;
export type TicketFormat = (typeof TICKET_FORMATS)[number];

const required = (max: number) => requiredText(max);
const id = z.int().positive();

/** A truck's last visit: what the next registration of the same plate (or driver) starts from. */
export type VehicleRecord = Pick<
  Registration,
  | 'plate' | 'trailerPlate' | 'plateColor' | 'driverName' | 'driverIdNumber' | 'driverPhone' | 'carrier' | 'consignee' | 'origin'
  | 'destination' | 'destinationInHebei' | 'coalKind' | 'coalKindOther' | 'intendedUse' | 'declaredKg' | 'hasContract' | 'viaDesignatedRoute' | 'transit'
> & {
  lastTareKg: number;
  lastReportNumber: string | null;
  lastRegistrationId: number;
  lastSeenAt: string;
  visits: number;
};

export interface PickEntry {
  id: number;
  kind: PickKind;
  value: string;
  uses: number;
  lastUsedAt: string | null;
  hidden: boolean;
}

/** A report stored with an earlier truck, as the kiosk's report panel takes it (an incomplete one as far as it went). */
export type KnownReport = Partial<Omit<CertificateReport, 'distanceKm'>> & { reportNumber: string; seenAt: string; timesSeen: number };

export interface TicketOutcome {
  registrationId: number;
  recordNumber: string;
  /** 1 for the original; every later print is a 补打 and says which. */
  copyNumber: number;
  format: TicketFormat;
  /** SHA-256 of the ticket's content, also in its QR code. */
  contentHash: string;
  /** The ticket itself: PDF or ESC/POS bytes, base64. */
  base64: string;
  /** Set when a printer queue was given: the spool job, or the print system's error (the print still counts). */
  sent: { ok: true; spoolJobId: string } | { ok: false; error: string } | null;
}

export const VehicleLookupInput = z
  .union([
    z.object({ plate: z.string().max(20, { message: 'validation.tooLong' }) }).strict(),
    z.object({ driverIdNumber: z.string().max(30, { message: 'validation.tooLong' }) }).strict(),
  ]);

export const PickListInput = z.object({ kind: z.enum(PICK_KINDS, { message: 'validation.choice' }), includeHidden: z.boolean().default(false) }).strict();
export const PickAddInput = z.object({ kind: z.enum(PICK_KINDS, { message: 'validation.choice' }), value: required(100) }).strict();
export const PickUpdateInput = z.object({ id, value: required(100).optional(), hidden: z.boolean().optional() }).strict();

export const TicketInput = z
  .object({
    registrationId: id,
    format: z.enum(TICKET_FORMATS, { message: 'validation.choice' }).default('pdf-a5'),
    /** A CUPS queue (raw for ESC/POS); absent: the ticket comes back for the screen to show or save. */
    printerName: z.string().trim().min(1, { message: 'validation.required' }).max(127, { message: 'validation.tooLong' }).optional(),
  })
  .strict();

const REGISTRAR = ROLE_GROUPS.registrar;

export const vehiclesContract = {
  /** The truck's last visit, by plate or by the driver's ID number (the truck he came with last). */
  'vehicles.lookup': method<VehicleRecord | null>()(VehicleLookupInput, REGISTRAR),
  /** The latest stored report under this number, so a report seen before need not be typed again. */
  'vehicles.knownReport': method<KnownReport | null>()(z.object({ reportNumber: required(60) }).strict(), REGISTRAR),
  'picklists.list': method<PickEntry[]>()(PickListInput, ROLE_GROUPS.viewer),
  'picklists.add': method<PickEntry>()(PickAddInput, ROLE_GROUPS.admin),
  'picklists.update': method<PickEntry>()(PickUpdateInput, ROLE_GROUPS.admin),
  /** Renders the weighing ticket and counts the print: the first is the original, later ones 补打. */
  'tickets.print': method<TicketOutcome>()(TicketInput, REGISTRAR),
} satisfies Record<string, MethodDef>;
