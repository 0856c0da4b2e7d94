/**
 * Shows a recovery key the one time it exists in clear: the key, Copy, Print, and an explicit
 * "I have stored it safely" before Continue. Used after creation and after "my passphrase may
 * be compromised" (which replaces the key).
 *
 * Print uses window.print() with a print stylesheet that shows only the key (the portal below
 * is the only thing on the printed page); no network is involved. The desktop app will print
 * through the platform port later.
 */
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { Checkbox } from '../../ui/checkbox';
import { Notice } from '../../ui/notice';
import './recovery-key.css';

export interface RecoveryKeyPanelProps {
  recoveryKey: string;
  onDone(): void;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** The key as groups, so "7K3M-Q9TZ-…" wraps between groups and never inside one. */
function KeyGroups({ recoveryKey }: { recoveryKey: string }) {
  const groups = recoveryKey.split('-');
  return (
    <bdi dir="ltr" className="recovery-key__groups">
      {groups.map((group, index) => (
        // Index keys: the groups are a fixed sequence in which the same group may repeat.
        <span key={index} className="recovery-key__group">
          {group}
          {index < groups.length - 1 ? '-' : ''}
        </span>
      ))}
    </bdi>
  );
}

/** The recovery key with its copy/print actions and the stored-safely gate. */
export function RecoveryKeyPanel({ recoveryKey, onDone }: RecoveryKeyPanelProps) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  const [copy, setCopy] = useState<CopyState>('idle');

  const copyKey = () => {
    navigator.clipboard.writeText(recoveryKey).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };

  return (
    <div className="recovery-key">
      <p className="screen__lead">{t('recoveryKey.intro')}</p>
      <Notice tone="danger">
        <p>{t('recoveryKey.warning')}</p>
      </Notice>
      <figure className="recovery-key__card">
        <figcaption className="recovery-key__label">{t('recoveryKey.keyLabel')}</figcaption>
        <p className="recovery-key__value" data-testid="recovery-key">
          <KeyGroups recoveryKey={recoveryKey} />
        </p>
      </figure>
      <div className="screen__actions recovery-key__actions">
        <Button onClick={copyKey}>{t('recoveryKey.copy')}</Button>
        <Button onClick={() => window.print()}>{t('recoveryKey.print')}</Button>
      </div>
      <p role="status" className="recovery-key__copy-status">
        {copy === 'copied' && t('recoveryKey.copied')}
        {copy === 'failed' && t('recoveryKey.copyFailed')}
      </p>
      <p className="screen__muted">{t('recoveryKey.printNote')}</p>
      <Checkbox label={t('recoveryKey.stored')} checked={stored} onChange={(event) => setStored(event.currentTarget.checked)} />
      <div className="screen__actions">
        <Button variant="primary" disabled={!stored} onClick={onDone}>
          {t('recoveryKey.continue')}
        </Button>
      </div>
      {createPortal(
        <div className="recovery-key-print" aria-hidden="true">
          <h1>{t('recoveryKey.printHeading')}</h1>
          <p className="recovery-key__value">
            <KeyGroups recoveryKey={recoveryKey} />
          </p>
          <p>{t('recoveryKey.printBody')}</p>
        </div>,
        document.body,
      )}
    </div>
  );
}
