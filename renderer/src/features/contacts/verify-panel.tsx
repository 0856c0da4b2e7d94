/**
 * The explicit act that makes a contact trusted: both fingerprints side by side, how to compare
 * them out of band, how it was done, and a confirmation the user must tick.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { humanFingerprint } from '../../../../shared/bundle';
import { fromBase64url } from '../../../../shared/bundle/encoding';
import { verificationMethods, type Contact, type VerificationMethod } from '../../../../shared/domain';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { FingerprintText } from './fingerprint-text';

export interface VerifyPanelProps {
  contact: Contact;
  ownFingerprint: string;
  busy: boolean;
  onVerify(method: VerificationMethod): void;
  onCancel(): void;
}

/** The contact's stored fingerprint as 12 groups of 5 digits. */
export function contactFingerprint(contact: Pick<Contact, 'fingerprint'>): string {
  const bytes = fromBase64url(contact.fingerprint, 64);
  return bytes ? humanFingerprint(bytes) : '';
}

/** Compare and confirm. */
export function VerifyPanel({ contact, ownFingerprint, busy, onVerify, onCancel }: VerifyPanelProps) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<VerificationMethod>('in-person');
  const [compared, setCompared] = useState(false);
  return (
    <section className="contacts__compare" aria-label={t('contacts.verify.title', { label: contact.label })}>
      <h3>{t('contacts.verify.title', { label: contact.label })}</h3>
      <p>{t('contacts.verify.instructions')}</p>
      <div>
        <strong>{t('contacts.verify.theirs')}</strong>
        <p>
          <FingerprintText value={contactFingerprint(contact)} />
        </p>
      </div>
      <div>
        <strong>{t('contacts.verify.ours')}</strong>
        <p>
          <FingerprintText value={ownFingerprint} />
        </p>
      </div>
      <Field label={t('contacts.verify.method')}>
        {(control) => (
          <select {...control} className="input" value={method} onChange={(event) => setMethod(event.target.value as VerificationMethod)}>
            {verificationMethods.map((code) => (
              <option key={code} value={code}>
                {t(`contacts.method.${code}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="case-form__choice">
        <input type="checkbox" checked={compared} onChange={(event) => setCompared(event.target.checked)} />
        {t('contacts.verify.confirm')}
      </label>
      <div className="contacts__actions">
        <Button variant="primary" disabled={!compared || busy} onClick={() => onVerify(method)}>
          {t('contacts.verify.open')}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          {t('contacts.verify.cancel')}
        </Button>
      </div>
    </section>
  );
}
