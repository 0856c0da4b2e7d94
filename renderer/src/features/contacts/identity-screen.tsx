/**
 * This device's identity card: its label (stored encrypted), its fingerprint, and the card
 * to copy or save as a file. The card holds only public keys.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlatform } from '../../platform/platform-context';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import { SENSITIVE_INPUT_PROPS } from '../../ui/sensitive-input';
import { useVaultClient } from '../vault-session/vault-context';
import { saveCardFile } from './card-file';
import { ownIdentity, setDeviceLabel, type OwnIdentity } from './contact-commands';
import { FingerprintText } from './fingerprint-text';
import './contacts.css';

type Message = { readonly tone: 'success' | 'danger'; readonly text: string } | null;

/** The identity card screen. */
export function IdentityScreen({ focusOnMount = false }: { focusOnMount?: boolean }) {
  const { t } = useTranslation();
  const client = useVaultClient();
  const platform = usePlatform();
  const [identity, setIdentity] = useState<OwnIdentity | null>(null);
  const [label, setLabel] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void ownIdentity(client).then((loaded) => {
      if (!live) return;
      setIdentity(loaded);
      setLabel(loaded.label);
    });
    return () => {
      live = false;
    };
  }, [client]);

  const saveLabel = async () => {
    setBusy(true);
    try {
      await setDeviceLabel(client, label);
      setIdentity(await ownIdentity(client));
      setMessage({ tone: 'success', text: t('contacts.identity.labelSaved') });
    } catch {
      setMessage({ tone: 'danger', text: t('contacts.identity.badLabel') });
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (!identity) return;
    try {
      await navigator.clipboard.writeText(identity.card);
      setMessage({ tone: 'success', text: t('contacts.identity.copied') });
    } catch {
      setMessage({ tone: 'danger', text: t('contacts.identity.copyFailed') });
    }
  };
  const save = async () => {
    if (!identity) return;
    try {
      const result = await saveCardFile(platform, identity.card);
      if (result.status === 'saved') setMessage({ tone: 'success', text: t('contacts.identity.fileSaved', { name: result.name }) });
    } catch {
      setMessage({ tone: 'danger', text: t('contacts.identity.fileFailed') });
    }
  };

  return (
    <Screen title={t('contacts.identity.title')} focusOnMount={focusOnMount}>
      <p>{t('contacts.identity.intro')}</p>
      {!identity ? (
        <p role="status">{t('contacts.loading')}</p>
      ) : (
        <>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void saveLabel();
            }}
          >
            <Field label={t('contacts.identity.label')} hint={t('contacts.identity.labelHint')}>
              {(control) => <input {...control} {...SENSITIVE_INPUT_PROPS} name="deviceLabel" className="input" value={label} maxLength={200} onChange={(event) => setLabel(event.target.value)} />}
            </Field>
            <Button type="submit" disabled={busy}>
              {t('contacts.identity.saveLabel')}
            </Button>
          </form>
          <h2>{t('contacts.identity.fingerprint')}</h2>
          <p>
            <FingerprintText value={identity.fingerprint} />
          </p>
          <p className="field__hint">{t('contacts.identity.fingerprintHint')}</p>
          <Field label={t('contacts.identity.card')}>
            {(control) => <textarea {...control} {...SENSITIVE_INPUT_PROPS} readOnly dir="ltr" className="input identity-card__text" value={identity.card} />}
          </Field>
          <div className="contacts__actions">
            <Button variant="primary" onClick={() => void copy()}>
              {t('contacts.identity.copy')}
            </Button>
            <Button onClick={() => void save()}>{t('contacts.identity.saveFile')}</Button>
          </div>
        </>
      )}
      {message && (
        <Notice tone={message.tone} role={message.tone === 'danger' ? 'alert' : 'status'}>
          {message.text}
        </Notice>
      )}
    </Screen>
  );
}
