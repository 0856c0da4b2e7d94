/**
 * Contacts offered as named recipients in consent forms. A consent may name any contact
 * (verified or not): the export gate checks trust separately with `canExchangeWith`.
 */
import { useEffect, useState } from 'react';
import type { RecipientContact } from '../consent/recipient-fields';
import { useVaultClient } from '../vault-session/vault-context';
import { listContacts } from './contact-commands';

/** The vault's contacts as `{ id, label }`, empty while loading or if they cannot be read. */
export function useRecipientContacts(): readonly RecipientContact[] {
  const client = useVaultClient();
  const [contacts, setContacts] = useState<readonly RecipientContact[]>([]);
  useEffect(() => {
    let live = true;
    listContacts(client)
      .then((list) => {
        if (live) setContacts(list.map((contact) => ({ id: contact.id, label: contact.body.label })));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [client]);
  return contacts;
}
