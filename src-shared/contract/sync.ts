/** An installation's sync with the city hub (issue 17): push its row audit, and what the last push did. */
import { z } from 'zod';
import { method, type MethodDef } from './define.ts';
import { ROLE_GROUPS } from './roles.ts';
import { MAX_BATCH_ENTRIES } from './hub.ts';

const HubUrl = z.string().trim().max(300).regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'validation.invalid_format' });
/** The hub's CA certificate (PEM) when it uses a self-signed or private one. */
const CaPem = z.string().trim().startsWith('-----BEGIN CERTIFICATE-----', { message: 'validation.invalid_format' }).max(20_000);

export const SyncTarget = z.object({ hubUrl: HubUrl.optional(), caPem: CaPem.optional() }).strict();
/** Smaller batches suit a poor line: each acknowledged batch is kept even if the next one fails. */
export const SyncPushInput = SyncTarget.extend({ batchEntries: z.int().min(1).max(MAX_BATCH_ENTRIES).optional() }).strict();

/** What one push did: how far it got, and why it stopped when it did not reach the local head. */
export interface SyncResult {
  ok: boolean;
  at: string;
  hubUrl: string;
  installationId: string;
  batches: number;
  /** Entries the hub newly stored during this push. */
  stored: number;
  /** Entries the hub already held (a resumed or repeated push). */
  duplicates: number;
  /** Handovers and confiscation notices newly delivered to disposal points' mailboxes. */
  mailSent: number;
  /** The hub's head for this installation as last answered; null when the hub was not reached. */
  hubHeadSeq: number | null;
  localHeadSeq: number;
  /** The hub's refusal (`hub.refused.*`) or the transport's problem, with its message in Chinese. */
  problem?: { key: string; message: string };
}

export interface SyncStatus {
  hubUrl: string | null;
  localHeadSeq: number;
  /** The hub's head: asked now when a hub address is known and reachable, else the last one answered. */
  hubHeadSeq: number | null;
  pending: number | null;
  /** Whether `hubHeadSeq` was answered just now. */
  live: boolean;
  last: SyncResult | null;
  lastOkAt: string | null;
}

/** What a disposal point's pull fetched from its mailbox on the hub. */
export interface SyncPullResult {
  ok: boolean;
  /** Papers imported now, exactly as a scanned QR code or file would be. */
  imported: number;
  /** Papers already imported by the offline path (QR code or file): stored once. */
  alreadyHeld: number;
  problem?: { key: string; message: string };
}

export const syncContract = {
  'sync.status': method<SyncStatus>()(SyncTarget, ROLE_GROUPS.admin),
  /** Pushes everything the hub does not hold yet, in signed batches, from the hub's own head. */
  'sync.push': method<SyncResult>()(SyncPushInput, ROLE_GROUPS.admin),
  /** A disposal point fetches the handovers and notices addressed to it and imports them as the clerk. */
  'sync.pull': method<SyncPullResult>()(SyncTarget, ROLE_GROUPS.disposal),
} satisfies Record<string, MethodDef>;
