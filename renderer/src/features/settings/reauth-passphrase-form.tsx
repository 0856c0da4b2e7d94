/**
 * New passphrase after re-entering the current one, in two strengths:
 * - `change`: the master key is re-wrapped, nothing else moves (seconds);
 * - `compromised`: new master, compartment and audit keys, a new device identity, every data
 *   key re-wrapped (the notice counts them), and a recovery key (if the vault has one) replaced
 *   and shown once.
 * A wrong current passphrase changes nothing and gets one plain message.
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
import { NewPassphraseFormFields } from '../passphrase/new-passphrase-fields';
import { passphraseIssueText } from '../passphrase/passphrase-rules';
import type { RotationProgress } from '../../vault/vault-client';
import { useVaultClient } from '../vault-session/vault-context';
import { REAUTH_DEFAULTS, reauthPassphraseSchema, type ReauthPassphraseValues } from './settings-schemas';

type Outcome = { kind: 'none' } | { kind: 'done' } | { kind: 'wrong-current' } | { kind: 'failed' } | { kind: 'recovery-key'; recoveryKey: string };

export interface ReauthPassphraseFormProps {
  variant: 'change' | 'compromised';
}

/** Current passphrase, new passphrase (policy, meter, generator) and the outcome. */
export function ReauthPassphraseForm({ variant }: ReauthPassphraseFormProps) {
  const { t } = useTranslation();
  const client = useVaultClient();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [progress, setProgress] = useState<RotationProgress | null>(null);
  const form = useForm<ReauthPassphraseValues>({
    resolver: zodResolver(reauthPassphraseSchema),
    defaultValues: REAUTH_DEFAULTS,
  });
  const { register, handleSubmit, setValue, formState, reset } = form;

  const submit = handleSubmit(async ({ current, passphrase }) => {
    setBusy(true);
    setProgress(null);
    setOutcome({ kind: 'none' });
    let next: Outcome;
    try {
      if (variant === 'change') {
        next = (await client.changePassphrase(current, passphrase)).ok ? { kind: 'done' } : { kind: 'wrong-current' };
      } else {
        const result = await client.reportCompromised(current, passphrase, { onProgress: setProgress });
        if (!result.ok) next = { kind: 'wrong-current' };
        else next = result.recoveryKey === null ? { kind: 'done' } : { kind: 'recovery-key', recoveryKey: result.recoveryKey };
      }
    } catch {
      next = { kind: 'failed' };
    }
    // Success: empty every field, so no passphrase stays in the form's memory.
    if (next.kind === 'done' || next.kind === 'recovery-key') reset(REAUTH_DEFAULTS);
    else setValue('current', '');
    setBusy(false);
    setOutcome(next);
  });

  if (outcome.kind === 'recovery-key') {
    return <RecoveryKeyPanel recoveryKey={outcome.recoveryKey} onDone={() => setOutcome({ kind: 'done' })} />;
  }

  const doneText = variant === 'change' ? t('settings.changeDone') : t('settings.compromisedDone');
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <Field
        label={t('passphrase.currentLabel')}
        error={outcome.kind === 'wrong-current' ? t('settings.wrongCurrent') : passphraseIssueText(t, formState.errors.current?.message)}
      >
        {(fieldControl) => <PasswordInput {...fieldControl} {...register('current')} disabled={busy} />}
      </Field>
      <NewPassphraseFormFields form={form} disabled={busy} />
      {busy && (
        <BusyNotice title={variant === 'change' ? t('settings.changeBusy') : t('settings.compromisedBusy')} progress={progress}>
          {progress && <p>{t('settings.compromisedProgress', { done: Math.min(progress.done, progress.total), total: progress.total })}</p>}
        </BusyNotice>
      )}
      {outcome.kind === 'done' && (
        <Notice tone="success" role="status">
          <p>{doneText}</p>
          {variant === 'compromised' && <p>{t('settings.compromisedDoneIdentity')}</p>}
        </Notice>
      )}
      {outcome.kind === 'failed' && (
        <Notice tone="danger" role="alert">
          <p>{t('settings.operationFailed')}</p>
        </Notice>
      )}
      <div className="screen__actions">
        <Button type="submit" variant={variant === 'change' ? 'secondary' : 'primary'} disabled={busy}>
          {variant === 'change' ? t('settings.changeSubmit') : t('settings.compromisedSubmit')}
        </Button>
      </div>
    </form>
  );
}
