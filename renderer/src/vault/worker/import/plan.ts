/**
 * From a verified quarantine to what the merge will write. Runs in the vault worker, only after
 * `readBundle` resolved, inside the session's write lock (so the heads it reads stay current).
 *
 * - every record entry is parsed with `parseExchangeRecord` (the same domain schemas as a
 *   typed record);
 * - received records get local ids: the sender's ids are never used as ours (a partner could
 *   pick one of our ids). A record received before from the same sender keeps its local id and
 *   gets a new version; an older or equal sender version changes nothing;
 * - links are rewritten to local ids. A testimony's facility and perpetrator links, a facility's
 *   parent, a position's facility and an attachment's owner must resolve (in this bundle, or
 *   received before from this sender) or the whole bundle is refused. Witness and consent links
 *   that a pseudonymised bundle cannot resolve are dropped, as are attachment links whose
 *   attachment was not sent;
 * - every blob must be described by exactly one attachment-info with the same size and SHA-256;
 * - a testimony's `witness_code` (kept in its provenance) must be the pseudonym code of its
 *   witness record when the bundle carries that record.
 */
import type { Compartment } from '../../../../../shared/crypto';
import type { AllegedPerpetrator, ConsentRecord, Facility, SourceRef, Testimony } from '../../../../../shared/domain';
import type { Id } from '../../../../../shared/domain/ids';
import { EXCHANGE_RECORD_TYPES, MAX_ATTACHMENT_ADDED_BY_CHARS, MAX_ATTACHMENT_MEDIA_TYPE_CHARS, MAX_ATTACHMENT_NAME_CHARS, parseExchangeRecord, type ExchangeRecord, type ExchangeRecordOf, type ExchangeRecordType } from '../../../../../shared/exchange';
import type { AttachmentDraft } from '../../attachment-types';
import { asLabel } from '../export/export-entries';
import { readRecord } from '../record-store';
import type { Session } from '../session';
import { freshId } from './ids';
import { PROVENANCE_TYPE, provenanceSchema, senderKey, type Ledger } from './ledger';
import type { Quarantine, QuarantinedBlob } from './quarantine';
import { ImportRefusal } from './refusal';

/** The name a received attachment gets when nothing of its own name is usable as a label. */
export const UNNAMED_ATTACHMENT = 'attachment';

/** The note a received source gets when the testimony or attachment it named was not sent. */
export const UNRESOLVED_SOURCE = 'source not included in the received bundle';

type DomainType = Exclude<ExchangeRecordType, 'attachment-info'>;

const COMPARTMENT: Record<DomainType, Compartment> = { facility: 'general', perpetrator: 'general', testimony: 'general', witness: 'witness', consent: 'witness' };

/** One received record to write as a new local record or a new version of one. */
export interface PlannedRecord {
  readonly type: DomainType;
  readonly compartment: Compartment;
  readonly localId: Id;
  /** Null: a new local record. Else the local head version this one follows. */
  readonly previousVersion: number | null;
  readonly body: unknown;
  readonly received: ExchangeRecord;
  /** The provenance record and its current version (null: none yet). */
  readonly provenance: { readonly id: Id; readonly version: number } | null;
}

/** One received attachment: its pending stream and the metadata it gets. */
export interface PlannedAttachment {
  readonly localId: Id;
  readonly senderId: Id;
  readonly draft: AttachmentDraft;
  readonly blob: QuarantinedBlob;
}

export interface MergePlan {
  readonly records: readonly PlannedRecord[];
  readonly attachments: readonly PlannedAttachment[];
  /** Blobs of attachments received before: their pending rows are dropped. */
  readonly surplus: readonly QuarantinedBlob[];
  readonly unchanged: number;
}

const refuse = (code: string): never => {
  throw new ImportRefusal('invalid-records', code);
};

/** Record types only an identified bundle may carry: they name the witness or who explained what to whom. */
const IDENTIFYING_TYPES: readonly string[] = ['witness', 'consent'];

/**
 * Parses every record entry; `ExchangeRecordError` on the first that breaks its contract. A
 * bundle that says it is pseudonymised but carries witness or consent records contradicts its own
 * manifest: it is refused rather than merged, so a witness's identity never arrives unannounced.
 */
export function parseRecords(quarantine: Quarantine, redaction: 'pseudonymised' | 'identified'): ExchangeRecord[] {
  return quarantine.records.map(({ entry, bytes }) => {
    if (!(EXCHANGE_RECORD_TYPES as readonly string[]).includes(entry.type)) refuse('unknown-record-type');
    if (redaction === 'pseudonymised' && IDENTIFYING_TYPES.includes(entry.type)) refuse('redaction-mismatch');
    return parseExchangeRecord(bytes, entry.type as ExchangeRecordType);
  });
}

/** Local ids of everything in this bundle, and of what this sender sent before. */
class IdMap {
  private readonly local = new Map<string, Id>();
  constructor(
    private readonly session: Session,
    private readonly ledger: Ledger,
    private readonly sender: string,
  ) {}

  assign(type: ExchangeRecordType, senderId: Id, localId: Id): void {
    const key = senderKey(this.sender, type, senderId);
    if (this.local.has(key)) refuse('duplicate-record');
    this.local.set(key, localId);
  }

  /** A live local record received before from this sender, if any. */
  previous(type: ExchangeRecordType, senderId: Id): Id | undefined {
    const id = this.ledger.bySender.get(senderKey(this.sender, type, senderId));
    if (id === undefined) return undefined;
    const head = this.session.heads.get(id);
    const vaultType = type === 'attachment-info' ? 'attachment' : type;
    return head && !head.deleted && head.type === vaultType ? id : undefined;
  }

  resolve(type: ExchangeRecordType, senderId: Id): Id | undefined {
    return this.local.get(senderKey(this.sender, type, senderId)) ?? this.previous(type, senderId);
  }

  required(type: ExchangeRecordType, senderId: Id, code: string): Id {
    return this.resolve(type, senderId) ?? refuse(code);
  }
}

/** The record's body with every link rewritten to local ids. */
function remap(map: IdMap, record: Exclude<ExchangeRecord, ExchangeRecordOf<'attachment-info'>>, localId: Id): unknown {
  const optional = <K extends string>(key: K, type: ExchangeRecordType, id: Id | undefined): { [P in K]?: Id } => {
    const resolved = id === undefined ? undefined : map.resolve(type, id);
    return (resolved === undefined ? {} : { [key]: resolved }) as { [P in K]?: Id };
  };
  const attachments = (ids: readonly Id[]) => ids.flatMap((id) => map.resolve('attachment-info', id) ?? []);
  // A source naming a testimony or attachment the bundle does not carry keeps what it can.
  const source = (ref: SourceRef): SourceRef => {
    const next: SourceRef = {
      ...(ref.note === undefined ? {} : { note: ref.note }),
      ...optional('testimonyId', 'testimony', ref.testimonyId),
      ...optional('attachmentId', 'attachment-info', ref.attachmentId),
    };
    return next.testimonyId === undefined && next.attachmentId === undefined && (next.note ?? '').trim() === '' ? { note: UNRESOLVED_SOURCE } : next;
  };
  switch (record.type) {
    case 'facility': {
      const { parentId, ...rest } = record.body;
      const body: Facility = { ...rest, id: localId, ...(parentId === undefined ? {} : { parentId: map.required('facility', parentId, 'missing-parent-facility') }) };
      return body;
    }
    case 'perpetrator': {
      const body: AllegedPerpetrator = {
        ...record.body,
        id: localId,
        names: record.body.names.map((name) => ({ ...name, source: source(name.source) })),
        positions: record.body.positions.map(({ facilityId, ...position }) => ({
          ...position,
          source: source(position.source),
          ...(facilityId === undefined ? {} : { facilityId: map.required('facility', facilityId, 'missing-position-facility') }),
        })),
        photoAttachmentIds: attachments(record.body.photoAttachmentIds),
      };
      return body;
    }
    case 'testimony': {
      const { witnessId, consentId, amendment, ...rest } = record.body;
      const body: Testimony = {
        ...rest,
        id: localId,
        detentionEpisodes: rest.detentionEpisodes.map((episode) => ({ ...episode, facilityId: map.required('facility', episode.facilityId, 'missing-episode-facility') })),
        allegations: rest.allegations.map(({ perpetratorId, facilityId, ...allegation }) => ({
          ...allegation,
          ...(perpetratorId === undefined ? {} : { perpetratorId: map.required('perpetrator', perpetratorId, 'missing-perpetrator') }),
          ...(facilityId === undefined ? {} : { facilityId: map.required('facility', facilityId, 'missing-allegation-facility') }),
        })),
        attachmentIds: attachments(rest.attachmentIds),
        ...optional('witnessId', 'witness', witnessId),
        ...optional('consentId', 'consent', consentId),
        ...(amendment === undefined ? {} : { amendment: { ...amendment, amends: { ...amendment.amends, testimonyId: map.required('testimony', amendment.amends.testimonyId, 'missing-amended-testimony') } } }),
      };
      return body;
    }
    case 'witness':
      return { ...record.body, id: localId };
    case 'consent': {
      const { witnessId, ...rest } = record.body;
      const body: ConsentRecord = { ...rest, id: localId, ...optional('witnessId', 'witness', witnessId) };
      return body;
    }
  }
}

/** ISO time as the vault's attachment drafts accept it (milliseconds at most). */
function draftTime(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? refuse('bad-captured-at') : time.toISOString();
}

/** What the last import of `id` said about the sender's version. */
async function lastProvenance(session: Session, provenanceId: Id | undefined): Promise<{ id: Id; version: number; senderVersion: number } | null> {
  if (provenanceId === undefined || !session.heads.get(provenanceId)) return null;
  const record = await readRecord(session, PROVENANCE_TYPE, provenanceId);
  const parsed = provenanceSchema.safeParse(record.body);
  return parsed.success ? { id: provenanceId, version: record.version, senderVersion: parsed.data.senderVersion } : null;
}

/** Builds the merge plan of a verified quarantine (see the file comment). */
export async function planMerge(session: Session, ledger: Ledger, sender: string, quarantine: Quarantine, records: readonly ExchangeRecord[]): Promise<MergePlan> {
  const map = new IdMap(session, ledger, sender);
  const planned: { record: Exclude<ExchangeRecord, ExchangeRecordOf<'attachment-info'>>; localId: Id; previous: Id | undefined }[] = [];
  const infos: ExchangeRecordOf<'attachment-info'>[] = [];
  const surplus: QuarantinedBlob[] = [];
  const attachmentIds = new Map<ExchangeRecordOf<'attachment-info'>, Id>();
  // Pass 1: a local id for every record, so links may point forwards or backwards.
  for (const record of records) {
    if (record.type === 'attachment-info') {
      const blob = quarantine.blobs.get(record.body.entry) ?? refuse('missing-blob');
      const previous = map.previous('attachment-info', record.id);
      map.assign('attachment-info', record.id, previous ?? blob.writer.id);
      attachmentIds.set(record, blob.writer.id);
      infos.push(record);
      continue;
    }
    const previous = map.previous(record.type, record.id);
    const localId = previous ?? (await freshId());
    map.assign(record.type, record.id, localId);
    planned.push({ record, localId, previous });
  }
  // An identified bundle carries the witness record too: it must bear the code its testimonies name it by.
  const codes = new Map(records.flatMap((record) => (record.type === 'witness' ? [[record.id, record.body.pseudonymCode] as const] : [])));
  for (const record of records) {
    if (record.type !== 'testimony' || record.witness_code === undefined || record.body.witnessId === undefined) continue;
    const code = codes.get(record.body.witnessId);
    if (code !== undefined && code !== record.witness_code) refuse('witness-code-mismatch');
  }
    // Every blob belongs to exactly one attachment-info, with the same size and hash.
  const used = new Set<string>();
  const attachments: PlannedAttachment[] = [];
  for (const info of infos) {
    const blob = quarantine.blobs.get(info.body.entry) ?? refuse('missing-blob');
    if (used.has(info.body.entry)) refuse('blob-described-twice');
    used.add(info.body.entry);
    if (blob.size !== info.body.size || blob.sha256 !== info.body.sha256) refuse('blob-mismatch');
    const owner = { kind: info.body.owner.kind, id: map.required(info.body.owner.kind, info.body.owner.id, 'missing-attachment-owner') };
    if (map.previous('attachment-info', info.id)) {
      surplus.push(blob); // attachments never change: the one received before stays
      continue;
    }
    // The exchange schema lets names carry control and bidi characters (they are labels of the
    // sender's files); a partner's could reorder how the name reads here ("photo\u202Egnp.exe").
    // Stored as labels: what a label may not hold is dropped.
    const addedBy = info.body.added_by === undefined ? undefined : asLabel(info.body.added_by, MAX_ATTACHMENT_ADDED_BY_CHARS);
    const draft: AttachmentDraft = {
      name: asLabel(info.body.name, MAX_ATTACHMENT_NAME_CHARS) ?? UNNAMED_ATTACHMENT,
      mediaType: asLabel(info.body.media_type, MAX_ATTACHMENT_MEDIA_TYPE_CHARS) ?? '',
      owner,
      source: 'file',
      capturedAt: draftTime(info.body.captured_at),
      ...(addedBy === undefined ? {} : { addedBy }),
    };
    attachments.push({ localId: attachmentIds.get(info) ?? refuse('missing-blob'), senderId: info.id, draft, blob });
  }
  if (used.size !== quarantine.blobs.size) refuse('undescribed-blob');
  // Pass 2: bodies with local links; versions the vault already has change nothing.
  const out: PlannedRecord[] = [];
  let unchanged = 0;
  for (const { record, localId, previous } of planned) {
    const body = remap(map, record, localId);
    const last = previous === undefined ? null : await lastProvenance(session, ledger.body.received[previous]?.p);
    if (last && record.version <= last.senderVersion) {
      unchanged += 1;
      continue;
    }
    const head = previous === undefined ? undefined : session.heads.get(previous);
    out.push({
      type: record.type,
      compartment: COMPARTMENT[record.type],
      localId,
      previousVersion: head ? head.version : null,
      body,
      received: record,
      provenance: last ? { id: last.id, version: last.version } : null,
    });
  }
  return { records: out, attachments, surplus, unchanged };
}
