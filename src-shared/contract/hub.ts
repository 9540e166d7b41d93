/**
 * The city hub's wire: what an installation (checkpoint or disposal point) pushes, what the hub answers,
 * and the mailbox that carries handovers and confiscation notices between installations.
 *
 * The change feed is the installation's row audit (`row_audit`): every write to every audited table, in
 * order, hash-chained. An installation pushes its entries in batches, signed with its Ed25519 key; the hub
 * checks the signature, the chain (each entry's `prevHash` is the previous entry's `hash`, and each hash is
 * recomputed where the entry is not redacted) and continuity with what it already holds, then projects the
 * entries into current rows (`hub_rows`). A batch sent twice is stored once; a gap, a fork (a different
 * entry for a sequence number already held) or a bad signature is refused and stores nothing.
 */
import { z } from 'zod';

export const HUB_PROTOCOL = 1 as const;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * Tables whose after-images never leave the installation (password hashes, CLI token hashes, the key row):
 * their entries travel with `afterJson: null, redacted: true`, so the hub can follow the chain through them
 * but cannot recompute their hash.
 */
export const REDACTED_TABLES: readonly string[] = ['users', 'cli_tokens', 'checkpoint_key'];

/** One row-audit entry, field for field (`after_json` → `afterJson`, …). */
export const SyncEntry = z
  .object({
    seq: z.int().positive(),
    tbl: z.string().min(1).max(64),
    pk: z.string().min(1).max(400),
    op: z.enum(['B', 'I', 'U', 'D']),
    afterJson: z.string().max(4_000_000).nullable(),
    actorId: z.int().nullable(),
    actorName: z.string().max(200),
    at: z.string().max(40),
    prevHash: hex64,
    hash: hex64,
    redacted: z.boolean(),
  })
  .strict();
export type SyncEntry = z.infer<typeof SyncEntry>;

/** At most this many entries in one batch (the client cuts the feed; the hub refuses larger batches). */
export const MAX_BATCH_ENTRIES = 2000;

export const SyncBatch = z
  .object({
    protocol: z.literal(HUB_PROTOCOL),
    installationId: z.string().min(1).max(40),
    /** `entries[0].seq`; entries are consecutive. */
    fromSeq: z.int().positive(),
    toSeq: z.int().positive(),
    entries: z.array(SyncEntry).min(1).max(MAX_BATCH_ENTRIES),
    /** ISO instant of the installation's clock, for lag figures only. */
    sentAt: z.string().max(40),
  })
  .strict();
export type SyncBatch = z.infer<typeof SyncBatch>;

/**
 * What travels: `body` is the JSON text exactly as signed (never re-serialised before verifying), `signature`
 * the base64 Ed25519 signature of its UTF-8 bytes. Every installation-to-hub request uses this envelope.
 */
export const Signed = z.object({ body: z.string().min(2).max(64_000_000), signature: z.string().regex(/^[A-Za-z0-9+/]+=*$/).max(200) }).strict();
export type Signed = z.infer<typeof Signed>;

/** The hub's answer to a push. */
export interface PushAck {
  installationId: string;
  /** Entries newly stored by this batch (0 when the whole batch was already held). */
  stored: number;
  /** Entries of this batch that the hub already held, identical. */
  duplicates: number;
  /** The hub's head for this installation after the batch. */
  headSeq: number;
  headHash: string;
}

/** Signed request for the hub's head of this installation (where a push resumes). */
export const HeadRequest = z.object({ protocol: z.literal(HUB_PROTOCOL), installationId: z.string().min(1).max(40), at: z.string().max(40) }).strict();
export interface HeadAnswer {
  installationId: string;
  /** 0 and the genesis hash when nothing is held yet. */
  headSeq: number;
  headHash: string;
}

/** Why the hub refused a request; each is an i18n key under `hub.refused.*`. */
export type HubRefusal = 'unknown-installation' | 'revoked' | 'bad-signature' | 'malformed' | 'gap' | 'fork' | 'bad-hash' | 'not-own-data' | 'too-large';

export const INSTALLATION_KINDS = ['checkpoint', 'disposal'] as const;
export type InstallationKind = (typeof INSTALLATION_KINDS)[number];

/** An installation as the hub knows it. */
export interface HubInstallation {
  id: string;
  kind: InstallationKind;
  name: string;
  county: string | null;
  publicKeyPem: string;
  registeredAt: string;
  revokedAt: string | null;
  headSeq: number;
  headHash: string;
  lastSyncAt: string | null;
  /** The installation's clock at its last push (`sentAt`), for the lag shown to administrators. */
  lastSentAt: string | null;
}

/** Mailbox: a paper addressed to another installation (a handover to a disposal point, a notice or receipt back). */
export const MAIL_KINDS = ['handover', 'confiscation-notice', 'receipt'] as const;
export const MailSend = z
  .object({
    protocol: z.literal(HUB_PROTOCOL),
    installationId: z.string().min(1).max(40),
    kind: z.enum(MAIL_KINDS),
    /** The addressee's installation id (the hub resolves a disposal point's code to its installation). */
    to: z.string().min(1).max(40),
    /** The paper's own id (handover uid, notice uid): the same paper sent twice is stored once. */
    uid: z.string().min(1).max(80),
    /** The signed file text the offline path carries too (QR/file), so both paths import the same bytes. */
    signedFileText: z.string().min(1).max(2_000_000),
    at: z.string().max(40),
  })
  .strict();
export type MailSend = z.infer<typeof MailSend>;

export const MailFetch = z.object({ protocol: z.literal(HUB_PROTOCOL), installationId: z.string().min(1).max(40), afterId: z.int().nonnegative(), at: z.string().max(40) }).strict();
export interface MailItem {
  id: number;
  kind: (typeof MAIL_KINDS)[number];
  from: string;
  uid: string;
  signedFileText: string;
  sentAt: string;
}

/** The hub's HTTP paths (installations' side; the city views use the usual `/api/<method>` envelope). */
export const HUB_PATHS = {
  push: '/hub/v1/push',
  head: '/hub/v1/head',
  mailSend: '/hub/v1/mail/send',
  mailFetch: '/hub/v1/mail/fetch',
} as const;

/** One installation's figures for a period (`checkpoint hub figures --json`). */
export interface HubFigures {
  id: string;
  name: string;
  kind: InstallationKind;
  county: string | null;
  registrations: number;
  netKg: number;
  seizures: number;
  lastSyncAt: string | null;
}

/** An installation as administrators see it: its lag and the state of the chain the hub holds for it. */
export interface HubInstallationStatus extends HubInstallation {
  /** Seconds since its last push reached the hub; null before the first. */
  lagSeconds: number | null;
  /** `intact`: every held entry links to the one before, from the genesis to the head. */
  chain: 'empty' | 'intact' | 'broken';
}
