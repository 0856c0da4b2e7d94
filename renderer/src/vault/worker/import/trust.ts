/**
 * Whom a bundle may come from. Runs in the vault worker: the contacts are read and parsed
 * here, so the pinned keys never depend on anything the main thread says.
 *
 * Pinned: verified contacts whose keys did not change since (DESIGN.md §7). A signer whose keys
 * are a contact's current-but-unverified keys after a key change, or a contact's old keys, is
 * reported as `key-changed` (re-verify first), not as a stranger.
 */
import type { PublicIdentity } from '../../../../../shared/bundle';
import { fromBase64url, toBase64url } from '../../../../../shared/bundle/encoding';
import type { BundleSender } from '../../../../../shared/bundle/manifest-checks';
import { contactSchema, type Contact } from '../../../../../shared/domain';
import type { ImportTrust } from '../../import-types';
import { listRecords } from '../record-store';
import type { Session } from '../session';

const CONTACT_TYPE = 'contact';

/** Every contact that parses (an unreadable one pins nothing). */
export async function loadContacts(session: Session): Promise<Contact[]> {
  const { records } = await listRecords(session, CONTACT_TYPE);
  return records.flatMap((record) => {
    const parsed = contactSchema.safeParse(record.body);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The keys `readBundle` may accept as a signer. */
export function pinnedIdentities(contacts: readonly Contact[]): PublicIdentity[] {
  return contacts.flatMap((contact) => {
    if (!contact.verified || contact.keyChanged) return [];
    const signPublicKey = fromBase64url(contact.signPk, 32);
    const boxPublicKey = fromBase64url(contact.boxPk, 32);
    return signPublicKey && boxPublicKey ? [{ label: contact.label, signPublicKey, boxPublicKey }] : [];
  });
}

/** The trust to show for `sender`, given what `readBundle` found against the pinned keys. */
export function trustOf(sender: BundleSender, contacts: readonly Contact[]): ImportTrust {
  if (sender.trust.status !== 'unverified') return sender.trust.status;
  const sign = toBase64url(sender.signPublicKey);
  const box = toBase64url(sender.boxPublicKey);
  const known = contacts.some(
    (contact) =>
      contact.signPk === sign ||
      contact.boxPk === box ||
      contact.keyHistory.some((old) => old.signPk === sign || old.boxPk === box),
  );
  return known ? 'key-changed' : 'unverified';
}
