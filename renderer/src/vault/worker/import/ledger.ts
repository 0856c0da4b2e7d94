/**
 * What this vault has received, kept encrypted like any record. Runs in the vault worker.
 *
 * - The import ledger (one record per vault, type `import-ledger`): every bundle merged
 *   (sender fingerprint, sender_seq, bundle id: the replay check) and every received record
 *   (local id → type, sender, the sender's record id, its provenance record). Never in clear:
 *   who sent what is as sensitive as the records themselves.
 * - One provenance record per received record (type `received-provenance`), a new version per
 *   bundle that changed it, so each local version of a received record has its origin.
 *
 * Received testimonies, witnesses and consent records are read-only for everyone but the
 * importer: `refuseReceived` guards the generic record calls (vault-engine.ts).
 */
import { z } from 'zod';
import type { ReplayQuery } from '../../../../../shared/bundle';
import { idSchema, type Id } from '../../../../../shared/domain/ids';
import { pseudonymCodeSchema } from '../../../../../shared/domain/witness';
import type { Provenance, ReceivedType } from '../../import-types';
import { ReceivedRecordError, RecordIntegrityError } from '../../vault-errors';
import { readRecord, recordHistory } from '../record-store';
import type { Session } from '../session';

export const LEDGER_TYPE = 'import-ledger';
export const PROVENANCE_TYPE = 'received-provenance';
/** Received records of these types never change but by a later bundle. */
export const READ_ONLY_TYPES: ReadonlySet<string> = new Set(['testimony', 'witness', 'consent']);

const RECEIVED_TYPES = ['facility', 'perpetrator', 'testimony', 'witness', 'consent', 'attachment-info'] as const satisfies readonly ReceivedType[];
const text = (max: number) => z.string().max(max);

const ledgerSchema = z.strictObject({
  f: z.literal(1),
  /** Bundles merged: [sender fingerprint (base64url), sender_seq, bundle id]. */
  seen: z.array(z.tuple([text(86), z.int().min(1), text(22)])).max(1_000_000),
  /** Local record id → where it came from. */
  received: z.record(
    idSchema,
    z.strictObject({ t: z.enum(RECEIVED_TYPES), s: text(86), r: idSchema, p: idSchema.optional() }),
  ),
});
export type LedgerBody = z.infer<typeof ledgerSchema>;
export type LedgerEntry = LedgerBody['received'][string];

export const provenanceSchema = z.strictObject({
  recordId: idSchema,
  recordType: z.enum(RECEIVED_TYPES),
  senderLabel: text(200),
  senderFingerprint: text(80),
  bundleId: text(22),
  receivedAt: text(40),
  verified: z.boolean(),
  senderRecordId: idSchema,
  senderVersion: z.int().min(1),
  senderSavedAt: text(40),
  localVersion: z.int().min(1),
  /** A testimony's witness as the sender named it: its pseudonym code (the bundle's `witness_code`). */
  witnessCode: pseudonymCodeSchema.optional(),
});
export type ProvenanceBody = z.infer<typeof provenanceSchema>;

/** The ledger as loaded: its record id and version (null/0 before the first import). */
export interface Ledger {
  readonly id: Id | null;
  readonly version: number;
  readonly body: LedgerBody;
  /** `sender fingerprint | type | sender record id` → local id. */
  readonly bySender: ReadonlyMap<string, Id>;
}

const loaded = new WeakMap<Session, Ledger>();

/** The key of a received record on the sender's side. */
export function senderKey(sender: string, type: string, senderId: string): string {
  return `${sender}|${type}|${senderId}`;
}

/** Builds the in-memory ledger view of `body`. */
export function ledgerOf(id: Id | null, version: number, body: LedgerBody): Ledger {
  const bySender = new Map<string, Id>();
  for (const [localId, entry] of Object.entries(body.received)) bySender.set(senderKey(entry.s, entry.t, entry.r), localId);
  return { id, version, body, bySender };
}

/** The ledger of this session (read once, then kept current by `rememberLedger`). */
export async function loadLedger(session: Session): Promise<Ledger> {
  const cached = loaded.get(session);
  if (cached) return cached;
  const first = session.heads.liveOfType(LEDGER_TYPE).next();
  let ledger: Ledger;
  if (first.done) {
    ledger = ledgerOf(null, 0, { f: 1, seen: [], received: {} });
  } else {
    const [id] = first.value;
    const record = await readRecord(session, LEDGER_TYPE, id);
    const parsed = ledgerSchema.safeParse(record.body);
    if (!parsed.success) throw new RecordIntegrityError('tampered');
    ledger = ledgerOf(id, record.version, parsed.data);
  }
  loaded.set(session, ledger);
  return ledger;
}

/** After a merge committed. */
export function rememberLedger(session: Session, ledger: Ledger): void {
  loaded.set(session, ledger);
}

/** The replay predicate of `readBundle`: a bundle id or a (sender, sequence) already merged. */
export function isReplayed(ledger: Ledger, query: ReplayQuery): boolean {
  return ledger.body.seen.some(([sender, seq, bundle]) => bundle === query.bundleId || (sender === query.senderFingerprint && seq === query.senderSeq));
}

/**
 * Throws `ReceivedRecordError` for the importer's own types. The ledger and provenance are the
 * importer's alone: not only edited or deleted, a second ledger created beside the real one
 * (which `loadLedger` might then pick) would empty the replay check.
 */
export function refuseImporterType(type: string): void {
  if (type === LEDGER_TYPE || type === PROVENANCE_TYPE) throw new ReceivedRecordError();
}

/** Throws `ReceivedRecordError` if `id` is a received record of a read-only type. */
export async function refuseReceived(session: Session, type: string, id: Id): Promise<void> {
  refuseImporterType(type);
  if (!READ_ONLY_TYPES.has(type)) return;
  const ledger = await loadLedger(session);
  if (Object.hasOwn(ledger.body.received, id)) throw new ReceivedRecordError();
}

/** Provenance of every received version of `id`, oldest first; null for a local record. */
export async function provenanceOf(session: Session, type: string, id: Id): Promise<Provenance[] | null> {
  session.checkOpen();
  const ledger = await loadLedger(session);
  const entry = Object.hasOwn(ledger.body.received, id) ? ledger.body.received[id] : undefined;
  if (!entry?.p || entry.t !== type) return null;
  const versions = await recordHistory(session, PROVENANCE_TYPE, entry.p);
  return versions.map((version) => {
    const parsed = provenanceSchema.safeParse(version.body);
    if (!parsed.success || parsed.data.recordId !== id) throw new RecordIntegrityError('tampered');
    const { recordId: _recordId, recordType: _recordType, witnessCode, ...provenance } = parsed.data;
    return witnessCode === undefined ? provenance : { ...provenance, witnessCode };
  });
}
