/**
 * Step 2, to whom: partner contacts. Only verified contacts whose keys did not change since
 * can be ticked (`canExchangeWith`); the others are shown disabled with the reason, so the
 * user knows what to do instead of wondering where a partner went. The worker checks again.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, Id } from '../../../../shared/domain';
import type { LiveRecord } from '../../vault/vault-client';
import { canExchangeWith, contactStatus, listContacts } from '../contacts';
import { NameText } from '../facility';
import { useVaultClient } from '../vault-session/vault-context';
import { toggled } from './selection';

export interface StepWhomProps {
  selected: ReadonlySet<Id>;
  onChange(selected: ReadonlySet<Id>): void;
  /** Labels of the contacts, for the review step. */
  onContacts(contacts: readonly LiveRecord<Contact>[]): void;
}

export function StepWhom({ selected, onChange, onContacts }: StepWhomProps) {
  const { t } = useTranslation();
  const client = useVaultClient();
  const [contacts, setContacts] = useState<LiveRecord<Contact>[] | null>(null);
  useEffect(() => {
    let live = true;
    listContacts(client)
      .then((list) => {
        if (!live) return;
        setContacts(list);
        onContacts(list);
      })
      .catch(() => live && setContacts([]));
    return () => {
      live = false;
    };
  }, [client, onContacts]);
  return (
    <div className="export-step">
      <p>{t('exportBundle.whom.intro')}</p>
      {contacts === null && <p role="status">{t('exportBundle.whom.loading')}</p>}
      {contacts?.length === 0 && <p>{t('exportBundle.whom.none')}</p>}
      <ul className="export-list">
        {contacts?.map((contact) => {
          const allowed = canExchangeWith(contact.body);
          const status = contactStatus(contact.body);
          const reasonId = `export-whom-${contact.id}`;
          return (
            <li key={contact.id} className="export-list__item">
              <label className="export-list__label">
                <input
                  type="checkbox"
                  disabled={!allowed}
                  checked={allowed && selected.has(contact.id)}
                  aria-describedby={allowed ? undefined : reasonId}
                  onChange={(event) => onChange(toggled(selected, contact.id, event.target.checked))}
                />
                <NameText text={contact.body.label} />
              </label>
              {status !== 'verified' && (
                <p id={reasonId} className="export-list__why">
                  {t(`exportBundle.whom.blocked.${status}`)}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
