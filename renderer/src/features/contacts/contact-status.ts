/**
 * Whether a contact may be exchanged with (DESIGN.md §7). Pure; the export and import wizards
 * call `canExchangeWith` before writing to or merging from a partner.
 */
import type { Contact } from '../../../../shared/domain';

/** `verified`: fingerprint compared; `unverified`: never compared; `key-changed`: keys changed since. */
export type ContactStatus = 'verified' | 'unverified' | 'key-changed';

/** The contact's trust status. */
export function contactStatus(contact: Pick<Contact, 'verified' | 'keyChanged'>): ContactStatus {
  if (contact.keyChanged) return 'key-changed';
  return contact.verified ? 'verified' : 'unverified';
}

/** True only for a verified contact whose keys did not change since: export to and import from it are allowed. */
export function canExchangeWith(contact: Pick<Contact, 'verified' | 'keyChanged'>): boolean {
  return contactStatus(contact) === 'verified';
}
