/**
 * Partner contacts: the list with trust badges, adding a card (pasted or from a file), the
 * fingerprint comparison step, and removal.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, VerificationMethod } from '../../../../shared/domain';
import { formatDateTime } from '../../i18n/format';
import { usePlatform } from '../../platform/platform-context';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import { SENSITIVE_INPUT_PROPS } from '../../ui/sensitive-input';
import type { LiveRecord } from '../../vault/vault-client';
import { NameText } from '../facility';
import { useVaultClient } from '../vault-session/vault-context';
import { CardFileError, openCardFile } from './card-file';
import { applyPlan, ContactCardError, listContacts, planContact, removeContact, verifyContact, type ContactPlan } from './contact-commands';
import { contactStatus } from './contact-status';
import { VerifyPanel } from './verify-panel';
import './contacts.css';

type Message = { readonly tone: 'success' | 'danger' | 'info'; readonly text: string } | null;

export interface ContactsScreenProps {
  focusOnMount?: boolean;
  onOpenIdentity(): void;
}

/** The contacts screen. */
export function ContactsScreen({ focusOnMount = false, onOpenIdentity }: ContactsScreenProps) {
  const { t, i18n } = useTranslation();
  const client = useVaultClient();
  const platform = usePlatform();
  const [contacts, setContacts] = useState<LiveRecord<Contact>[] | null>(null);
  const [ownFingerprint, setOwnFingerprint] = useState('');
  const [text, setText] = useState('');
  const [pending, setPending] = useState<ContactPlan | null>(null);
  const [verifying, setVerifying] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => setContacts(await listContacts(client)), [client]);
  useEffect(() => {
    void reload();
    void client.identity().then((identity) => setOwnFingerprint(identity.fingerprint));
  }, [client, reload]);

  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    try {
      await task();
    } catch (error) {
      if (error instanceof ContactCardError) setMessage({ tone: 'danger', text: t(`contacts.errors.${error.problem}`) });
      else if (error instanceof CardFileError) setMessage({ tone: 'danger', text: t(error.problem === 'too-large' ? 'contacts.add.fileTooLarge' : 'contacts.add.fileFailed') });
      else setMessage({ tone: 'danger', text: t('contacts.saveFailed') });
    } finally {
      setBusy(false);
    }
  };

  const apply = async (plan: ContactPlan, samePartner: boolean) => {
    const saved = await applyPlan(client, plan, samePartner);
    setPending(null);
    setText('');
    await reload();
    const keyChange = plan.kind === 'key-change' || (plan.kind === 'same-label' && samePartner);
    if (plan.kind === 'known') setMessage({ tone: 'info', text: t('contacts.add.known', { label: saved.body.label }) });
    else if (keyChange) setMessage({ tone: 'danger', text: t('contacts.add.keyChanged', { label: saved.body.label }) });
    else setMessage({ tone: 'success', text: t('contacts.add.added') });
  };

  const consider = async (cardText: string) => {
    setMessage(null);
    const plan = await planContact(client, cardText);
    if (plan.kind === 'same-label') setPending(plan);
    else await apply(plan, false);
  };

  // Straight from the click: browsers open a file chooser only during a user gesture.
  const fromFile = () =>
    void run(async () => {
      const card = await openCardFile(platform);
      if (card !== null) await consider(card);
    });

  const verify = (contact: LiveRecord<Contact>, method: VerificationMethod) =>
    void run(async () => {
      await verifyContact(client, contact, method);
      setVerifying(null);
      await reload();
      setMessage({ tone: 'success', text: t('contacts.verify.done') });
    });

  const remove = (contact: LiveRecord<Contact>) =>
    void run(async () => {
      await removeContact(client, contact);
      setRemoving(null);
      await reload();
      setMessage({ tone: 'success', text: t('contacts.remove.done') });
    });

  return (
    <Screen title={t('contacts.title')} focusOnMount={focusOnMount}>
      <p>{t('contacts.intro')}</p>
      <div className="contacts__actions">
        <Button onClick={onOpenIdentity}>{t('contacts.openIdentity')}</Button>
      </div>

      <h2>{t('contacts.add.title')}</h2>
      <Field label={t('contacts.add.paste')}>
        {(control) => <textarea {...control} {...SENSITIVE_INPUT_PROPS} name="card" dir="ltr" className="input identity-card__text" value={text} onChange={(event) => setText(event.target.value)} />}
      </Field>
      <div className="contacts__actions">
        <Button variant="primary" disabled={busy || text.trim() === ''} onClick={() => void run(() => consider(text))}>
          {t('contacts.add.fromText')}
        </Button>
        <Button disabled={busy} onClick={fromFile}>
          {t('contacts.add.fromFile')}
        </Button>
      </div>
      {pending?.kind === 'same-label' && (
        <Notice tone="info" role="alert">
          <strong>{t('contacts.add.sameLabelTitle', { label: pending.contact.body.label })}</strong>
          <p>{t('contacts.add.sameLabelBody')}</p>
          <div className="contacts__actions">
            <Button disabled={busy} onClick={() => void run(() => apply(pending, true))}>
              {t('contacts.add.samePartner')}
            </Button>
            <Button disabled={busy} onClick={() => void run(() => apply(pending, false))}>
              {t('contacts.add.otherPartner')}
            </Button>
            <Button variant="quiet" onClick={() => setPending(null)}>
              {t('contacts.add.cancel')}
            </Button>
          </div>
        </Notice>
      )}
      {message && (
        <Notice tone={message.tone === 'info' ? 'info' : message.tone} role={message.tone === 'danger' ? 'alert' : 'status'}>
          {message.text}
        </Notice>
      )}

      <h2>{t('contacts.nav')}</h2>
      {contacts === null && <p role="status">{t('contacts.loading')}</p>}
      {contacts?.length === 0 && <p>{t('contacts.none')}</p>}
      {contacts && contacts.length > 0 && (
        <ul className="contacts__list">
          {contacts.map((contact) => {
            const status = contactStatus(contact.body);
            const { verified } = contact.body;
            return (
              <li key={contact.id} className="contacts__item" data-contact-id={contact.id}>
                <strong>
                  <NameText text={contact.body.label} />
                </strong>
                <span className={`contacts__badge contacts__badge--${status}`}>{t(`contacts.status.${status}`)}</span>
                {verified && status === 'verified' && (
                  <p className="field__hint">
                    {t('contacts.verifiedOn', { date: formatDateTime(verified.at, i18n.resolvedLanguage), method: t(`contacts.method.${verified.method}`) })}
                  </p>
                )}
                <div className="contacts__actions">
                  {status !== 'verified' && verifying !== contact.id && <Button onClick={() => setVerifying(contact.id)}>{t('contacts.verify.open')}</Button>}
                  {removing !== contact.id && (
                    <Button variant="quiet" onClick={() => setRemoving(contact.id)}>
                      {t('contacts.remove.button')}
                    </Button>
                  )}
                </div>
                {removing === contact.id && (
                  <Notice tone="danger" role="alert">
                    <p>{t('contacts.remove.confirm', { label: contact.body.label })}</p>
                    <div className="contacts__actions">
                      <Button variant="danger" disabled={busy} onClick={() => remove(contact)}>
                        {t('contacts.remove.yes')}
                      </Button>
                      <Button variant="quiet" onClick={() => setRemoving(null)}>
                        {t('contacts.remove.no')}
                      </Button>
                    </div>
                  </Notice>
                )}
                {verifying === contact.id && (
                  <VerifyPanel contact={contact.body} ownFingerprint={ownFingerprint} busy={busy} onVerify={(method) => verify(contact, method)} onCancel={() => setVerifying(null)} />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Screen>
  );
}
