/**
 * What an export would carry, decided in the vault worker before anything is written:
 * recipients re-checked, consent evaluated per testimony AND per recipient (a testimony goes
 * only if every recipient of the bundle may have it: one bundle, one set of readers), then the
 * facilities and alleged perpetrators the included testimonies link to, each testimony's
 * witness pseudonym code, the witness and consent records for an identified export, and the
 * attachments if asked for.
 */
import { wipe } from '../../../../../shared/crypto';
import { consentRecordSchema, type ConsentRecord } from '../../../../../shared/domain/consent';
import { evaluateConsentForExport, type Redaction } from '../../../../../shared/domain/consent-export';
import type { Contact } from '../../../../../shared/domain/contact';
import { facilitySchema, type Facility } from '../../../../../shared/domain/facility';
import type { Id } from '../../../../../shared/domain/ids';
import { perpetratorSchema, type AllegedPerpetrator } from '../../../../../shared/domain/perpetrator';
import { testimonySchema, type Testimony } from '../../../../../shared/domain/testimony';
import { witnessSchema, type Witness } from '../../../../../shared/domain/witness';
import type { ZodType } from 'zod';
import type { ExportExclusion, ExportPreview, ExportRequest } from '../../export-types';
import { RecordIntegrityError } from '../../vault-errors';
import { ATTACHMENT_TYPE } from '../attachment-format';
import { decodeAttachment, type AttachmentRecord } from '../attachment-record';
import { listRecords } from '../record-store';
import type { Session } from '../session';
import { checkRecipient, READ_BATCH, readParsedMany, type CheckedRecipient, type RecipientKeys, type Versioned } from './export-records';

/** Everything an export would write. Holds attachment blob keys: call `dispose()`. */
export interface ExportPlan {
  readonly preview: ExportPreview;
  /** Keys of every requested recipient, or null if any of them may not receive a bundle. */
  readonly recipients: readonly RecipientKeys[] | null;
  readonly facilities: readonly Versioned<Facility>[];
  readonly perpetrators: readonly Versioned<AllegedPerpetrator>[];
  readonly testimonies: readonly Versioned<Testimony>[];
  /** Testimony id → its witness's pseudonym code (both redactions; a testimony whose witness cannot be read has none). */
  readonly witnessCodes: ReadonlyMap<Id, string>;
  readonly witnesses: readonly Versioned<Witness>[];
  readonly consents: readonly Versioned<ConsentRecord>[];
  readonly attachments: readonly AttachmentRecord[];
  /** Wipes the attachments' blob keys. */
  dispose(): void;
}

/**
 * Today as a local calendar date (consent is dated where the team is, as the consent panel
 * does): events dated later do not count yet, reviews fall due.
 */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const byId = <T extends { readonly id: Id }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The records of `ids` (read in batches, see `readParsedMany`) sorted by id; those that cannot be read are left out. */
async function readSorted<T>(session: Session, type: string, ids: Iterable<Id>, schema: ZodType<T>): Promise<Versioned<T>[]> {
  return [...(await readParsedMany(session, type, ids, schema)).values()].sort(byId);
}

/**
 * Facilities reached from the testimonies (episodes, allegations) and perpetrators (positions),
 * with every parent up the tree, so each link in the bundle resolves inside the bundle. Read a
 * level of the tree at a time (one batched read per level, not one read per facility).
 */
async function linkedFacilities(session: Session, testimonies: readonly Testimony[], perpetrators: readonly AllegedPerpetrator[]): Promise<Versioned<Facility>[]> {
  let pending = new Set<Id>();
  for (const t of testimonies) {
    for (const episode of t.detentionEpisodes) pending.add(episode.facilityId);
    for (const allegation of t.allegations) if (allegation.facilityId !== undefined) pending.add(allegation.facilityId);
  }
  for (const p of perpetrators) for (const position of p.positions) if (position.facilityId !== undefined) pending.add(position.facilityId);
  const seen = new Set<Id>();
  const found: Versioned<Facility>[] = [];
  // The seen set also ends a parent cycle (which the schema cannot rule out across records).
  while (pending.size > 0) {
    for (const id of pending) seen.add(id);
    const level = await readParsedMany(session, 'facility', pending, facilitySchema);
    pending = new Set<Id>();
    for (const facility of level.values()) {
      found.push(facility);
      const parent = facility.body.parentId;
      if (parent !== undefined && !seen.has(parent)) pending.add(parent);
    }
  }
  return found.sort(byId);
}

/** The attachments owned by exported testimonies and perpetrators (unreadable metadata is skipped). */
async function ownedAttachments(session: Session, owners: ReadonlySet<Id>): Promise<AttachmentRecord[]> {
  const { records } = await listRecords(session, ATTACHMENT_TYPE);
  const out: AttachmentRecord[] = [];
  for (const record of records) {
    let attachment: AttachmentRecord;
    try {
      attachment = await decodeAttachment(record);
    } catch (error) {
      if (error instanceof RecordIntegrityError) continue;
      throw error;
    }
    if (owners.has(attachment.info.owner.id)) out.push(attachment);
    else wipe(attachment.blobKey);
  }
  return out.sort((a, b) => a.info.addedAt.localeCompare(b.info.addedAt) || byId(a.info, b.info));
}

/** What an attachment is, for the review's warning: a voice or a face can identify a witness. */
function attachmentKind(attachment: AttachmentRecord): 'recording' | 'photo' | 'other' {
  const type = attachment.info.mediaType.toLowerCase();
  if (attachment.info.source === 'recording' || type.startsWith('audio/') || type.startsWith('video/')) return 'recording';
  return type.startsWith('image/') ? 'photo' : 'other';
}

interface Gated {
  readonly included: Versioned<Testimony>[];
  readonly reviewDue: Set<Id>;
  readonly excluded: ExportExclusion[];
  readonly witnessCodes: Map<Id, string>;
  readonly witnesses: Versioned<Witness>[];
  readonly consents: Versioned<ConsentRecord>[];
}

/** One requested testimony after the consent check: refused, or passing (its witness still to read). */
type Decision = { readonly refused: ExportExclusion } | { readonly testimony: Versioned<Testimony>; readonly consent: Versioned<ConsentRecord> | null; readonly due: boolean };

/** The first failing rule for the first failing recipient, or whether a review is due. */
function decide(testimonyId: Id, testimony: Versioned<Testimony> | undefined, consent: Versioned<ConsentRecord> | null, contacts: readonly Contact[], redaction: Redaction, at: string): Decision {
  if (!testimony) return { refused: { testimonyId, referenceCode: null, reason: 'not_found' } };
  let due = false;
  for (const contact of contacts) {
    const decision = evaluateConsentForExport(consent?.body, { recipient: { contactId: contact.id, classes: contact.classes }, redaction, at });
    if (decision.decision === 'excluded') return { refused: { testimonyId, referenceCode: testimony.body.referenceCode, reason: decision.reason, contactId: contact.id } };
    due ||= decision.reviewDue;
  }
  return { testimony, consent, due };
}

/**
 * Consent per testimony and per recipient; the first failing rule for the first failing
 * recipient is the reason given. Consent is about recipients: with none chosen, or one whose
 * contact cannot be read, nothing is included (an empty loop over recipients must not read as
 * "allowed for all of them").
 *
 * The requested testimonies are taken READ_BATCH at a time, in request order: their records,
 * then their consent records, then the witness records of those that passed are each read in
 * one batch (a witness is never decrypted for a testimony that consent leaves out), so the
 * work per testimony is decryption and parsing, not a database round trip.
 */
async function gate(session: Session, request: ExportRequest, recipients: readonly CheckedRecipient[]): Promise<Gated> {
  const at = today();
  const gated: Gated = { included: [], reviewDue: new Set(), excluded: [], witnessCodes: new Map(), witnesses: [], consents: [] };
  const contacts = recipients.flatMap((r) => (r.contact ? [r.contact] : []));
  if (contacts.length === 0 || contacts.length !== recipients.length) return gated;
  const kept = new Set<Id>();
  for (let from = 0; from < request.testimonyIds.length; from += READ_BATCH) {
    const ids = request.testimonyIds.slice(from, from + READ_BATCH);
    const testimonies = await readParsedMany(session, 'testimony', ids, testimonySchema);
    const consentIds = [...testimonies.values()].flatMap((t) => (t.body.consentId === undefined ? [] : [t.body.consentId]));
    // An unreadable consent is no consent: fail closed.
    const consents = await readParsedMany(session, 'consent', consentIds, consentRecordSchema);
    const decisions = ids.map((id) => {
      const testimony = testimonies.get(id);
      const consentId = testimony?.body.consentId;
      return decide(id, testimony, consentId === undefined ? null : (consents.get(consentId) ?? null), contacts, request.redaction, at);
    });
    // Read in both redactions: a pseudonymised bundle still names the witness by pseudonym code.
    const witnessIds = decisions.flatMap((d) => ('testimony' in d && d.testimony.body.witnessId !== undefined ? [d.testimony.body.witnessId] : []));
    const witnesses = await readParsedMany(session, 'witness', witnessIds, witnessSchema);
    for (const decision of decisions) {
      if ('refused' in decision) {
        gated.excluded.push(decision.refused);
        continue;
      }
      const { testimony, consent, due } = decision;
      const testimonyId = testimony.id;
      const witnessId = testimony.body.witnessId;
      const witness = witnessId === undefined ? null : (witnesses.get(witnessId) ?? null);
      if (request.redaction === 'identified') {
        if (!witness || !consent) {
          gated.excluded.push({ testimonyId, referenceCode: testimony.body.referenceCode, reason: 'witness_not_found' });
          continue;
        }
        // Witness and consent ids are random record ids of different types: one set tells both apart.
        if (!kept.has(witness.id)) gated.witnesses.push(witness);
        if (!kept.has(consent.id)) gated.consents.push(consent);
        kept.add(witness.id).add(consent.id);
      }
      gated.included.push(testimony);
      if (witness) gated.witnessCodes.set(testimonyId, witness.body.pseudonymCode);
      if (due) gated.reviewDue.add(testimonyId);
    }
  }
  return gated;
}

/** Builds the plan of `request` (already checked with `isExportRequest`). */
export async function planExport(session: Session, request: ExportRequest): Promise<ExportPlan> {
  const recipients: CheckedRecipient[] = [];
  for (const id of request.recipientIds) recipients.push(await checkRecipient(session, id));
  const allOk = recipients.length > 0 && recipients.every((r) => r.keys !== null);
  const gated = await gate(session, request, recipients);
  const testimonies = gated.included;

  const perpetratorIds = new Set<Id>();
  for (const t of testimonies) for (const a of t.body.allegations) if (a.perpetratorId !== undefined) perpetratorIds.add(a.perpetratorId);
  const perpetrators = await readSorted(session, 'perpetrator', perpetratorIds, perpetratorSchema);
  const facilities = await linkedFacilities(session, testimonies.map((t) => t.body), perpetrators.map((p) => p.body));

  const owners = new Set<Id>([...testimonies.map((t) => t.id), ...perpetrators.map((p) => p.id)]);
  const attachments = request.includeAttachments && testimonies.length > 0 ? await ownedAttachments(session, owners) : [];
  const witnesses = gated.witnesses.sort(byId);
  const consents = gated.consents.sort(byId);

  const preview: ExportPreview = {
    included: testimonies.map((t) => ({ id: t.id, referenceCode: t.body.referenceCode, reviewDue: gated.reviewDue.has(t.id) })),
    excluded: gated.excluded,
    recipients: recipients.map((r) => r.info),
    facilities: facilities.length,
    perpetrators: perpetrators.length,
    witnesses: witnesses.length,
    attachments: attachments.length,
    attachmentBytes: attachments.reduce((sum, a) => sum + a.info.size, 0),
    recordings: attachments.filter((a) => attachmentKind(a) === 'recording').length,
    photos: attachments.filter((a) => attachmentKind(a) === 'photo').length,
    entryCount: facilities.length + perpetrators.length + testimonies.length + witnesses.length + consents.length + 2 * attachments.length,
  };
  return {
    preview,
    recipients: allOk ? recipients.flatMap((r) => (r.keys ? [r.keys] : [])) : null,
    facilities,
    perpetrators,
    testimonies,
    witnessCodes: gated.witnessCodes,
    witnesses,
    consents,
    attachments,
    dispose: () => attachments.forEach((a) => wipe(a.blobKey)),
  };
}
