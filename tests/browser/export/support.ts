/**
 * Set-up for the export engine tests (browser tier, real vault): a verified partner contact, a
 * case file seeded through the vault client (witness, consent, facility, perpetrator,
 * testimony, attachment), and reading a saved bundle back as the partner would.
 */
import { readBundle, type ManifestEntry, type QuarantineSink, type VerifiedBundle } from '../../../shared/bundle';
import { consentRecordSchema, type ConsentEvent, type ConsentGranted } from '../../../shared/domain/consent';
import { facilitySchema } from '../../../shared/domain/facility';
import { perpetratorSchema } from '../../../shared/domain/perpetrator';
import { testimonySchema } from '../../../shared/domain/testimony';
import { witnessSchema } from '../../../shared/domain/witness';
import { newId, type Id } from '../../../shared/domain/ids';
import type { DeviceIdentity } from '../../../shared/crypto/identity';
import { applyPlan, planContact, verifyContact } from '../../../renderer/src/features/contacts';
import { consentKind, facilityKind, perpetratorKind, testimonyKind, witnessKind } from '../../../renderer/src/features/records/record-kinds';
import type { ExportRequest } from '../../../renderer/src/vault/export-types';
import type { LiveRecord, VaultClient } from '../../../renderer/src/vault/vault-client';
import type { Contact } from '../../../shared/domain/contact';
import { concatBytes } from '../../../shared/crypto/bytes';
import { facility, perpetrator, testimony, witness } from '../../node/shared/domain/samples';
import { grant } from '../../node/shared/domain/consent-fixtures';
import { partnerCard } from '../features/contacts/support';

/** The synthetic witness's name: it must never appear in a pseudonymised bundle. */
export const WITNESS_NAMES = [witness().fullName, ...witness().otherNames];

const randomId = (): Id => newId((n) => crypto.getRandomValues(new Uint8Array(n)));

/** A partner added from its card and verified by the explicit step. */
export async function verifiedPartner(client: VaultClient, label = 'UN Working Group'): Promise<{ identity: DeviceIdentity; contact: LiveRecord<Contact> }> {
  const { identity, card } = await partnerCard(label);
  const contact = await verifyContact(client, await applyPlan(client, await planContact(client, card)), 'in-person');
  return { identity, contact };
}

/** A partner added from its card and never verified. */
export async function unverifiedPartner(client: VaultClient, label = 'NGO partner'): Promise<LiveRecord<Contact>> {
  const { card } = await partnerCard(label);
  return applyPlan(client, await planContact(client, card));
}

/** One facility and one alleged perpetrator that the seeded testimonies link to. */
export async function seedEntities(client: VaultClient): Promise<{ facilityId: Id; perpetratorId: Id }> {
  const facilityId = randomId();
  const perpetratorId = randomId();
  await client.records.create(facilityKind, facilitySchema.parse({ ...facility(), id: facilityId }), { id: facilityId });
  const p = perpetrator();
  const body = perpetratorSchema.parse({
    ...p,
    id: perpetratorId,
    names: p.names.map((n) => ({ ...n, source: { note: 'named by the witness' } })),
    positions: p.positions.map((position) => ({ ...position, facilityId, source: { note: 'named by the witness' } })),
  });
  await client.records.create(perpetratorKind, body, { id: perpetratorId });
  return { facilityId, perpetratorId };
}

/** A consent grant sharing with `contactIds`, with overrides. */
export function grantTo(contactIds: readonly Id[], overrides: Partial<ConsentGranted> = {}): ConsentGranted {
  return grant({ sharing: { contactIds: [...contactIds], recipientClasses: [] }, ...overrides });
}

/**
 * A testimony with its own witness and consent (events as given), linked to `links`. Returns
 * the testimony id and its reference code.
 */
export async function seedTestimony(client: VaultClient, links: { facilityId: Id; perpetratorId: Id }, events: readonly ConsentEvent[], number: number): Promise<{ id: Id; referenceCode: string }> {
  const witnessId = randomId();
  const consentId = randomId();
  const id = randomId();
  await client.records.create(witnessKind, witnessSchema.parse({ ...witness(), id: witnessId }), { id: witnessId });
  await client.records.create(consentKind, consentRecordSchema.parse({ id: consentId, witnessId, events }), { id: consentId });
  const base = testimony();
  const referenceCode = `T-2026-${String(number).padStart(4, '0')}`;
  const body = {
    ...base,
    id,
    referenceCode,
    witnessId,
    consentId,
    attachmentIds: [],
    detentionEpisodes: base.detentionEpisodes.map((e) => ({ ...e, facilityId: links.facilityId })),
    allegations: base.allegations.map((a) => ({ ...a, facilityId: links.facilityId, perpetratorId: links.perpetratorId })),
  };
  await client.records.create(testimonyKind, testimonySchema.parse(body), { id });
  return { id, referenceCode };
}

/** A request with the defaults the wizard starts from. */
export function request(testimonyIds: readonly Id[], recipientIds: readonly Id[], overrides: Partial<ExportRequest> = {}): ExportRequest {
  return { testimonyIds, recipientIds, redaction: 'pseudonymised', includeAttachments: false, ...overrides };
}

/** Pulls a job's bytes to the end (what platform.saveFile does) and returns the file. */
export async function pullAll(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return concatBytes(...parts);
}

/** An entry as the partner received it (verified before `endEntry`). */
export interface ReceivedEntry {
  readonly entry: ManifestEntry;
  readonly bytes: Uint8Array;
}

/** Reads `file` as the partner: its own identity opens it, our device is the pinned sender. */
export async function readAsPartner(file: Uint8Array, partner: DeviceIdentity, sender: { signPk: Uint8Array; boxPk: Uint8Array }): Promise<{ bundle: VerifiedBundle; entries: ReceivedEntry[] }> {
  const entries: ReceivedEntry[] = [];
  let parts: Uint8Array[] = [];
  const sink: QuarantineSink = {
    beginEntry() {
      parts = [];
    },
    write(bytes) {
      parts.push(bytes.slice());
    },
    endEntry(entry) {
      entries.push({ entry, bytes: concatBytes(...parts) });
    },
  };
  const bundle = await readBundle(
    (async function* () {
      yield file;
    })(),
    { unlock: { identity: partner }, pinned: [{ label: 'the documenting team', signPublicKey: sender.signPk, boxPublicKey: sender.boxPk }], sink, totalBytes: file.length },
  );
  return { bundle, entries };
}
