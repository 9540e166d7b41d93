/**
 * The weighing ticket printed from the kiosk after a save. Each print is counted in the same transaction as
 * its audit entry: the first is the original, every later one is marked 补打 with its number.
 */
import type { z } from 'zod';
import { getRegistration } from '../../../db/registrations-repo.ts';
import { insertTicketPrint, latestCheckOfRecord, nextTicketCopy, userDisplayName } from '../../../db/vehicles-repo.ts';
import type { TicketInput, TicketOutcome } from '../../../src-shared/contract/vehicles.ts';
import type { Outcome, Verdict } from '../../../src-shared/domain/certificate/vocabulary.ts';
import { ticketContent } from '../../tickets/ticket-content.ts';
import { renderTicketEscpos, renderTicketPdf } from '../../tickets/weighing-ticket.ts';
import { sendTicketToCups } from '../../tickets/ticket-printer.ts';
import { requireStation } from '../accounts/accounts.ts';
import type { CallContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { mutate } from '../mutate.ts';

/** `lp` is the CUPS tool; tests put a stand-in there. */
export async function printTicket(ctx: CallContext, input: z.output<typeof TicketInput>, lp = 'lp'): Promise<TicketOutcome> {
  const counted = mutate(ctx, (tx) => {
    const reg = getRegistration(ctx.db, input.registrationId);
    if (!reg) throw new ServiceError('not-found', 'errors.registrationNotFound');
    if (reg.amendedById !== null) throw new ServiceError('conflict', 'errors.notCurrentRevision');
    const check = latestCheckOfRecord(ctx.db, reg.recordNumber);
    const printedAt = ctx.now().toISOString();
    const copyNumber = nextTicketCopy(ctx.db, reg.id);
    const content = ticketContent({
      stationName: requireStation(ctx.db).name, recordNumber: reg.recordNumber, revision: reg.revision, plate: reg.plate,
      trailerPlate: reg.trailerPlate, grossKg: reg.grossKg, tareKg: reg.tareKg, netKg: reg.netKg, weightSource: reg.weightSource,
      manualReason: reg.manualReason, registeredAt: reg.registeredAt, verdict: (check?.verdict ?? null) as Verdict | null,
      outcome: (check?.outcome ?? null) as Outcome | null, operatorName: userDisplayName(ctx.db, reg.operatorId) || reg.operatorName,
      training: reg.training, copyNumber, printedAt,
    });
    const id = insertTicketPrint(ctx.db, {
      registrationId: reg.id, copyNumber, format: input.format, contentHash: content.contentHash, printedAt, printedBy: ctx.session.user.id,
    });
    tx.audit({
      action: 'tickets.print', entity: 'weighing_ticket_print', entityId: id,
      after: { registrationId: reg.id, recordNumber: reg.recordNumber, copyNumber, format: input.format, contentHash: content.contentHash },
      at: new Date(printedAt),
    });
    return { reg, content, copyNumber, printedAt };
  });
  const { reg, content, copyNumber, printedAt } = counted;
  const bytes = input.format === 'escpos-80' ? renderTicketEscpos(content) : await renderTicketPdf(content, input.format, printedAt);
  const sent = input.printerName ? await sendTicketToCups(bytes, input.printerName, input.format, `ticket-${reg.recordNumber}-${copyNumber}`, lp) : null;
  return {
    registrationId: reg.id, recordNumber: reg.recordNumber, copyNumber, format: input.format, contentHash: content.contentHash,
    base64: bytes.toString('base64'), sent,
  };
}
