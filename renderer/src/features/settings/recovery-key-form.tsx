/**
 * Creating, replacing or removing the recovery key, after re-entering the current passphrase
 * (an unlocked, unattended laptop must not be enough to mint a second way in). A new key is
 * shown once, with the same panel as at creation; the old one stops working at once.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { BusyNotice } from '../../ui/busy-notice';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { PasswordInput } from '../../ui/password-input';
import { RecoveryKeyPanel } from '../create-vault/recovery-key-panel';
import { passphraseIssueText } from '../passphrase/passphrase-rules';
import { useVaultClient } from '../vault-session/vault-context';
import { currentPassphraseSchema, type CurrentPassphraseValues } from './settings-schemas';

type Outcome = { kind: 'none' } | { kind: 'wrong-current' } | { kind: 'failed' } | { kind: 'created' } | { kind: 'removed' } | { kind: 'show-key'; recoveryKey: string };

/** Current passphrase, then Create (or Replace and Remove), then the outcome. */
export function RecoveryKeyForm({ hasRecoveryKey }: { hasRecoveryKey: boolean }) {
  const { t } = useTranslation();
  const client = useVaultClient();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const { register, handleSubmit, formState, reset } = useForm<CurrentPassphraseValues>({
    resolver: zodResolver(currentPassphraseSchema),
    defaultValues: { current: '' },
  });

  const run = (action: 'replace' | 'remove') =>
    handleSubmit(async ({ current }) => {
      setBusy(true);
      setOutcome({ kind: 'none' });
      let next: Outcome;
      try {
        if (action === 'replace') {
          const result = await client.replaceRecoveryKey(current);
          next = result.ok ? { kind: 'show-key', recoveryKey: result.recoveryKey } : { kind: 'wrong-current' };
        } else {
          next = (await client.removeRecoveryKey(current)).ok ? { kind: 'removed' } : { kind: 'wrong-current' };
        }
      } catch {
        next = { kind: 'failed' };
      }
      // The passphrase field is emptied whatever happened.
      reset({ current: '' });
      setBusy(false);
      setOutcome(next);
    });

  if (outcome.kind === 'show-key') {
    return <RecoveryKeyPanel recoveryKey={outcome.recoveryKey} onDone={() => setOutcome({ kind: 'created' })} />;
  }

  const submit = run('replace');
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      {hasRecoveryKey && <p>{t('settings.recoveryReplaceNote')}</p>}
      <Field
        label={t('passphrase.currentLabel')}
        error={outcome.kind === 'wrong-current' ? t('settings.wrongCurrent') : passphraseIssueText(t, formState.errors.current?.message)}
      >
        {(fieldControl) => <PasswordInput {...fieldControl} {...register('current')} disabled={busy} />}
      </Field>
      {busy && <BusyNotice title={t('settings.recoveryBusy')} />}
      {outcome.kind === 'created' && (
        <Notice tone="success" role="status">
          <p>{t('settings.recoveryCreated')}</p>
        </Notice>
      )}
      {outcome.kind === 'removed' && (
        <Notice tone="success" role="status">
          <p>{t('settings.recoveryRemoved')}</p>
        </Notice>
      )}
      {outcome.kind === 'failed' && (
        <Notice tone="danger" role="alert">
          <p>{t('settings.operationFailed')}</p>
        </Notice>
      )}
      <div className="screen__actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {hasRecoveryKey ? t('settings.recoveryReplace') : t('settings.recoveryCreate')}
        </Button>
        {hasRecoveryKey && (
          <Button variant="danger" disabled={busy} onClick={(event) => void run('remove')(event)}>
            {t('settings.recoveryRemove')}
          </Button>
        )}
      </div>
      {hasRecoveryKey && <p className="screen__muted">{t('settings.recoveryRemoveNote')}</p>}
    </form>
  );
}
