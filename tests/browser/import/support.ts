/**
 * Partner bundles made in the test: exchange records (shared/exchange) and blobs sealed with
 * shared/bundle `writeBundle` by a synthetic partner identity, for the import tests.
 */
import { describeEntry, recordEntry, writeBundle, type EntrySource, type PublicIdentity } from '../../../shared/bundle';
import { toBase64url } from '../../../shared/bundle/encoding';
import { concatBytes } from '../../../shared/crypto/bytes';
import type { DeviceIdentity } from '../../../shared/crypto/identity';
import { getSodium } from '../../../shared/crypto/sodium';
import { EXCHANGE_RECORD_FORMAT, encodeExchangeRecord, type ExchangeRecordInput, type ExchangeRecordType } from '../../../shared/exchange';
import { applyPlan, planContact, verifyContact } from '../../../renderer/src/features/contacts';
import { formatIdentityCard } from '../../../shared/bundle';
import type { VaultClient } from '../../../renderer/src/vault/vault-client';
import { IDS, facility, perpetrator, testimony } from '../../node/shared/domain/samples';

export const SAVED_AT = '2026-03-15T09:30:00.000Z';

/** One record entry of a partner bundle. */
export function exchange(type: ExchangeRecordType, id: string, body: unknown, version = 3): ExchangeRecordInput {
  return { format: EXCHANGE_RECORD_FORMAT, type, id, version, saved_at: SAVED_AT, body } as ExchangeRecordInput;
}

/** A blob to carry, with the 16-byte entry id its attachment-info names. */
export interface TestBlob {
  readonly entryId: Uint8Array;
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly mediaType: string;
}

/** Synthetic attachment bytes: `size` bytes of a repeating pattern. */
export function blobBytes(size: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) & 255;
  return bytes;
}

/** A pseudonymised case file: a facility, an alleged perpetrator, a testimony and one attachment. */
export async function caseFile(version = 3, attachmentSize = 200_000): Promise<{ records: ExchangeRecordInput[]; blobs: TestBlob[] }> {
  const s = await getSodium();
  const bytes = blobBytes(attachmentSize);
  const entryId = s.randombytes_buf(16);
  const { witnessId: _w, consentId: _c, ...rest } = testimony();
  const info = {
    id: IDS.attachment,
    entry: toBase64url(entryId),
    owner: { kind: 'testimony', id: IDS.testimony },
    name: 'drawing of the cell.png',
    media_type: 'image/png',
    size: bytes.length,
    sha256: s.to_hex(s.crypto_hash_sha256(bytes)),
    captured_at: '2026-03-14T10:00:00.000Z',
  };
  return {
    records: [
      exchange('facility', IDS.facility, facility(), version),
      exchange('perpetrator', IDS.perpetrator, perpetrator(), version),
      exchange('testimony', IDS.testimony, rest, version),
      exchange('attachment-info', IDS.attachment, info, version),
    ],
    blobs: [{ entryId, bytes, name: info.name, mediaType: info.media_type }],
  };
}

/** Seals a partner bundle from `sender` to `recipients`; returns its bytes. */
export async function sealBundle(options: {
  sender: DeviceIdentity;
  label?: string;
  recipients: readonly PublicIdentity[];
  seq: number;
  records: readonly ExchangeRecordInput[];
  blobs?: readonly TestBlob[];
  /** Default: identified when the records carry a witness or consent record, else pseudonymised. */
  redaction?: 'pseudonymised' | 'identified';
}): Promise<Uint8Array> {
  const s = await getSodium();
  const entries: EntrySource[] = [];
  for (const record of options.records) entries.push(await recordEntry({ id: s.randombytes_buf(16), type: record.type, json: encodeExchangeRecord(record) }));
  for (const blob of options.blobs ?? []) {
    entries.push(
      await describeEntry({
        id: blob.entryId,
        kind: 'blob',
        type: 'attachment',
        name: blob.name,
        mediaType: blob.mediaType,
        open: async function* () {
          yield blob.bytes;
        },
      }),
    );
  }
  const written = await writeBundle({
    sender: options.sender,
    senderLabel: options.label ?? 'Partner legal team',
    recipients: options.recipients.map((identity) => ({ kind: 'identity', identity })),
    entries,
    senderSeq: options.seq,
    redaction: options.redaction ?? (options.records.some((record) => record.type === 'witness' || record.type === 'consent') ? 'identified' : 'pseudonymised'),
    auditCheckpoint: { seq: 1, head: new Uint8Array(32) },
  });
  const parts: Uint8Array[] = [];
  for await (const chunk of written.chunks) parts.push(chunk);
  return concatBytes(...parts);
}

/** The vault's own identity, as a recipient. */
export async function ourRecipient(client: VaultClient): Promise<PublicIdentity> {
  const identity = await client.identity();
  return { label: 'us', signPublicKey: identity.signPk, boxPublicKey: identity.boxPk };
}

/** Adds `identity` as a contact from its card, and verifies it unless told not to. */
export async function addPartner(client: VaultClient, identity: DeviceIdentity, verify = true): Promise<void> {
  const plan = await planContact(client, await formatIdentityCard(identity, 'Partner legal team'));
  const contact = await applyPlan(client, plan);
  if (verify) await verifyContact(client, contact, 'in-person');
}

/** A file as the platform port would open it. */
export function openedFile(bytes: Uint8Array) {
  return { size: bytes.length, read: async (offset: number, length: number) => bytes.slice(offset, offset + length) };
}
