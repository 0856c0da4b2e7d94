/**
 * Reading what an export needs, in the vault worker: each record re-read and re-parsed with its
 * shared/domain schema (the UI's copy is never trusted), and the partner contacts re-checked
 * against their stored keys. A record that is gone or fails to open reads as null: the export
 * leaves it out and says so, it never guesses.
 */
import { fingerprint, fingerprintText, humanFingerprint } from '../../../../../shared/bundle/fingerprint';
import { fromBase64url } from '../../../../../shared/bundle/encoding';
import type { PublicIdentity } from '../../../../../shared/bundle/identity-card';
import { contactSchema, type Contact } from '../../../../../shared/domain/contact';
import type { Id } from '../../../../../shared/domain/ids';
import type { ZodType } from 'zod';
import { contactStatus } from '../../../features/contacts/contact-status';
import type { ExportRecipientInfo } from '../../export-types';
import { RecordIntegrityError, RecordNotFoundError } from '../../vault-errors';
import { readRecord, readRecords } from '../record-store';
import type { Session } from '../session';

/** A record as the exchange format carries it: the sender's version and when it was saved. */
export interface Versioned<T> {
  readonly id: Id;
  readonly version: number;
  readonly savedAt: string;
  readonly body: T;
}

/** The current version of `id` parsed with `schema`, or null if it is gone, unreadable or invalid. */
export async function readParsed<T>(session: Session, type: string, id: Id, schema: ZodType<T>): Promise<Versioned<T> | null> {
  let record;
  try {
    record = await readRecord(session, type, id);
  } catch (error) {
    if (error instanceof RecordNotFoundError || error instanceof RecordIntegrityError) return null;
    throw error;
  }
  const parsed = schema.safeParse(record.body);
  if (!parsed.success) return null;
  return { id: record.id, version: record.version, savedAt: record.savedAt, body: parsed.data };
}

/**
 * Ids read per IndexedDB request by `readParsedMany`: one request (one transaction) for many
 * rows instead of one each — per-row transactions were most of an export's preparation — while
 * the ciphertext held at once stays small (a few MB of testimonies).
 */
export const READ_BATCH = 256;

/**
 * The current versions of `ids` of `type` parsed with `schema`, by id: what `readParsed` gives
 * for each, in READ_BATCH rows per request. An id that is gone, unreadable or invalid is
 * absent (the caller says why it is left out); any other failure (a lock) is thrown.
 */
export async function readParsedMany<T>(session: Session, type: string, ids: Iterable<Id>, schema: ZodType<T>): Promise<Map<Id, Versioned<T>>> {
  const unique = [...new Set(ids)];
  const out = new Map<Id, Versioned<T>>();
  for (let from = 0; from < unique.length; from += READ_BATCH) {
    const { records } = await readRecords(session, type, unique.slice(from, from + READ_BATCH));
    for (const record of records) {
      const parsed = schema.safeParse(record.body);
      if (parsed.success) out.set(record.id, { id: record.id, version: record.version, savedAt: record.savedAt, body: parsed.data });
    }
  }
  return out;
}

/** A recipient the bundle may be sealed to. */
export interface RecipientKeys {
  readonly contact: Contact;
  readonly identity: PublicIdentity;
  /** 12 groups of 5 digits. */
  readonly human: string;
}

/** What the worker found for one requested recipient. */
export interface CheckedRecipient {
  readonly info: ExportRecipientInfo;
  /** Present only for a verified, unchanged contact whose keys match its fingerprint. */
  readonly keys: RecipientKeys | null;
  /** The contact as stored (for consent evaluation), or null if it could not be read. */
  readonly contact: Contact | null;
}

/**
 * Re-checks a contact: verified, no key change since, and its stored fingerprint still the one
 * its keys give (a record edited behind the app's back would fail here).
 */
export async function checkRecipient(session: Session, contactId: Id): Promise<CheckedRecipient> {
  const record = await readParsed(session, 'contact', contactId, contactSchema);
  if (!record) return { info: { contactId, label: null, fingerprint: null, problem: 'not_found' }, keys: null, contact: null };
  const contact = record.body;
  const signPublicKey = fromBase64url(contact.signPk, 32);
  const boxPublicKey = fromBase64url(contact.boxPk, 32);
  const computed = signPublicKey && boxPublicKey ? await fingerprint(signPublicKey, boxPublicKey) : null;
  const human = computed ? humanFingerprint(computed) : null;
  const base = { contactId, label: contact.label, fingerprint: human };
  const status = contactStatus(contact);
  if (status === 'key-changed') return { info: { ...base, problem: 'key_changed' }, keys: null, contact };
  if (status === 'unverified') return { info: { ...base, problem: 'unverified' }, keys: null, contact };
  if (!computed || !human || !signPublicKey || !boxPublicKey || fingerprintText(computed) !== contact.fingerprint) {
    return { info: { ...base, problem: 'fingerprint_mismatch' }, keys: null, contact };
  }
  return { info: { ...base, problem: null }, keys: { contact, identity: { label: contact.label, signPublicKey, boxPublicKey }, human }, contact };
}
