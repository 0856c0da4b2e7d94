/**
 * Identity and contact operations over the vault client. Runs on the renderer's main thread.
 *
 * Adding a card is two steps so the screen can ask before anything is written: `planContact`
 * parses the card strictly and says what adding it would mean; `applyPlan` writes it. Contacts
 * are matched by key, never by label: the same signing key with a new box key is a key change
 * of that contact; a matching label with other keys is a new contact unless the user says it
 * is the same partner (then it is a key change too).
 */
import { parseIdentityCard, formatIdentityCard, IdentityCardError, type IdentityCard } from '../../../../shared/bundle';
import { fromBase64url, toBase64url } from '../../../../shared/bundle/encoding';
import { fingerprint } from '../../../../shared/bundle/fingerprint';
import { type Contact, type RecipientClass, type VerificationMethod } from '../../../../shared/domain';
import type { LiveRecord, PublicDeviceIdentity, VaultClient } from '../../vault/vault-client';
import { newRecordId } from '../records/record-kinds';
import { contactKind, deviceProfileKind } from './contact-kinds';

/** Why a card cannot be added: the card's own problems, or it is this device's card. */
export type CardProblem = IdentityCardError['code'] | 'own-card';

/** A card that cannot become a contact. */
export class ContactCardError extends Error {
  override readonly name = 'ContactCardError';
  constructor(readonly problem: CardProblem) {
    super(`identity card refused: ${problem}`);
  }
}

/** What adding a parsed card would do. */
export type ContactPlan =
  | { readonly kind: 'new'; readonly card: IdentityCard }
  /** The exact keys are already a contact: nothing to add. */
  | { readonly kind: 'known'; readonly card: IdentityCard; readonly contact: LiveRecord<Contact> }
  /** A known signing key with another box key: applying marks the contact key-changed. */
  | { readonly kind: 'key-change'; readonly card: IdentityCard; readonly contact: LiveRecord<Contact> }
  /** Other keys under an existing contact's label: the user decides (new contact, or key change). */
  | { readonly kind: 'same-label'; readonly card: IdentityCard; readonly contact: LiveRecord<Contact> };

/** This device's identity with its label and card text. */
export interface OwnIdentity extends PublicDeviceIdentity {
  readonly label: string;
  readonly card: string;
}

/** The label a device has before anyone names it. */
export const DEFAULT_DEVICE_LABEL = 'Sijill';

const b64 = toBase64url;

/** The device identity with its stored label and its card. */
export async function ownIdentity(client: VaultClient): Promise<OwnIdentity> {
  const [identity, profiles] = await Promise.all([client.identity(), client.records.list(deviceProfileKind)]);
  const label = profiles.records[0]?.body.label ?? DEFAULT_DEVICE_LABEL;
  const card = await formatIdentityCard({ signPublicKey: identity.signPk, boxPublicKey: identity.boxPk, binding: identity.binding }, label);
  return { ...identity, label, card };
}

/** Stores this device's label (encrypted); `IdentityCardError('bad-label')` for a label a card cannot carry. */
export async function setDeviceLabel(client: VaultClient, label: string): Promise<void> {
  const identity = await client.identity();
  // Validates the label exactly as the card will carry it.
  await formatIdentityCard({ signPublicKey: identity.signPk, boxPublicKey: identity.boxPk, binding: identity.binding }, label);
  const current = (await client.records.list(deviceProfileKind)).records[0];
  if (current) await client.records.update(deviceProfileKind, current.id, { ...current.body, label }, current.version);
  else {
    const id = newRecordId();
    await client.records.create(deviceProfileKind, { id, label }, { id });
  }
}

/** Every contact, by label. */
export async function listContacts(client: VaultClient): Promise<LiveRecord<Contact>[]> {
  const { records } = await client.records.list(contactKind);
  return records.sort((a, b) => a.body.label.localeCompare(b.body.label));
}

/** Parses `text` as a card and says what adding it would do. Throws `ContactCardError`. */
export async function planContact(client: VaultClient, text: string): Promise<ContactPlan> {
  let card: IdentityCard;
  try {
    card = await parseIdentityCard(text.replace(/\r\n?/g, '\n').trim() + '\n');
  } catch (error) {
    if (error instanceof IdentityCardError) throw new ContactCardError(error.code);
    throw error;
  }
  const own = await client.identity();
  const signPk = b64(card.signPublicKey);
  const boxPk = b64(card.boxPublicKey);
  if (signPk === b64(own.signPk) || boxPk === b64(own.boxPk)) throw new ContactCardError('own-card');
  const contacts = await listContacts(client);
  const exact = contacts.find((c) => c.body.signPk === signPk && c.body.boxPk === boxPk);
  if (exact) return { kind: 'known', card, contact: exact };
  const sameKey = contacts.find((c) => c.body.signPk === signPk || c.body.boxPk === boxPk);
  if (sameKey) return { kind: 'key-change', card, contact: sameKey };
  const sameLabel = contacts.find((c) => c.body.label.normalize('NFC').toLocaleLowerCase() === card.label.normalize('NFC').toLocaleLowerCase());
  if (sameLabel) return { kind: 'same-label', card, contact: sameLabel };
  return { kind: 'new', card };
}

/** Adds the card as a new, unverified contact. */
export async function addContact(client: VaultClient, card: IdentityCard, classes: readonly RecipientClass[] = []): Promise<LiveRecord<Contact>> {
  const id = newRecordId();
  return client.records.create(
    contactKind,
    {
      id,
      label: card.label,
      signPk: b64(card.signPublicKey),
      boxPk: b64(card.boxPublicKey),
      binding: b64(card.binding),
      fingerprint: b64(card.fingerprint),
      classes: [...classes],
      addedAt: new Date().toISOString(),
      verified: null,
      keyChanged: false,
      keyHistory: [],
    },
    { id },
  );
}

/** Gives `contact` the card's keys: the old keys go to its history and it is blocked until re-verified. */
export async function changeContactKeys(client: VaultClient, contact: LiveRecord<Contact>, card: IdentityCard): Promise<LiveRecord<Contact>> {
  const { body } = contact;
  const now = new Date().toISOString();
  return client.records.update(
    contactKind,
    contact.id,
    {
      ...body,
      signPk: b64(card.signPublicKey),
      boxPk: b64(card.boxPublicKey),
      binding: b64(card.binding),
      fingerprint: b64(card.fingerprint),
      verified: null,
      keyChanged: true,
      keyHistory: [...body.keyHistory, { signPk: body.signPk, boxPk: body.boxPk, fingerprint: body.fingerprint, verified: body.verified, replacedAt: now }],
    },
    contact.version,
  );
}

/**
 * Writes a plan: `new` adds a contact; `key-change` changes the keys; `same-label` adds a new
 * contact unless `samePartner` (then the keys change); `known` writes nothing.
 */
export async function applyPlan(client: VaultClient, plan: ContactPlan, samePartner = false): Promise<LiveRecord<Contact>> {
  switch (plan.kind) {
    case 'known':
      return plan.contact;
    case 'key-change':
      return changeContactKeys(client, plan.contact, plan.card);
    case 'same-label':
      return samePartner ? changeContactKeys(client, plan.contact, plan.card) : addContact(client, plan.card, plan.contact.body.classes);
    case 'new':
      return addContact(client, plan.card);
  }
}

/** The explicit act: the user compared the fingerprint out of band by `method`. Audited. */
export async function verifyContact(client: VaultClient, contact: LiveRecord<Contact>, method: VerificationMethod): Promise<LiveRecord<Contact>> {
  // The stored fingerprint must still be the one of the stored keys (a tampered body is refused).
  const signPk = fromBase64url(contact.body.signPk, 32);
  const boxPk = fromBase64url(contact.body.boxPk, 32);
  if (!signPk || !boxPk || b64(await fingerprint(signPk, boxPk)) !== contact.body.fingerprint) throw new ContactCardError('fingerprint-mismatch');
  const updated = await client.records.update(contactKind, contact.id, { ...contact.body, verified: { at: new Date().toISOString(), method }, keyChanged: false }, contact.version);
  await client.appendAudit('contact.verify', { id: contact.id, method });
  return updated;
}

/** Changes a contact's label or classes (never its keys). */
export async function updateContactDetails(client: VaultClient, contact: LiveRecord<Contact>, changes: Pick<Contact, 'label' | 'classes'>): Promise<LiveRecord<Contact>> {
  return client.records.update(contactKind, contact.id, { ...contact.body, ...changes }, contact.version);
}

/** Removes a contact (crypto-erased with its history). Audited. */
export async function removeContact(client: VaultClient, contact: LiveRecord<Contact>): Promise<void> {
  await client.records.delete(contactKind, contact.id, contact.version);
  await client.appendAudit('contact.remove', { id: contact.id });
}
