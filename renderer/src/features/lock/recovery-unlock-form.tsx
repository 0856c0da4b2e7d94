/**
 * Unlocking with the recovery key. A checksum failure is reported as a typing mistake (it says
 * nothing about the vault: the text is simply not a key); anything else gets the generic error.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/field';
import { PasswordInput } from '../../ui/password-input';
import { useVaultClient } from '../vault-session/vault-context';
import { UnlockActions } from './unlock-actions';

type Failure = 'none' | 'typo' | 'failed';

/** Recovery key field, Unlock, errors and the busy notice. */
export function RecoveryUnlockForm() {
  const { t } = useTranslation();
  const client = useVaultClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure>('none');

  useEffect(() => input.current?.focus(), []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const field = input.current;
    if (!field || busy || field.value.trim() === '') return;
    setBusy(true);
    setFailure('none');
    let result: Failure;
    try {
      const outcome = await client.unlockWithRecoveryKey(field.value);
      if (outcome.ok) return;
      result = outcome.typo ? 'typo' : 'failed';
    } catch {
      result = 'failed';
    }
    // A typo keeps the text so it can be corrected; a real failure clears it.
    if (result === 'failed') field.value = '';
    setBusy(false);
    setFailure(result);
    queueMicrotask(() => field.focus());
  };

  const error = failure === 'typo' ? t('unlock.recoveryTypo') : failure === 'failed' ? t('unlock.recoveryFailed') : undefined;
  return (
    <form className="lock-form" onSubmit={(event) => void submit(event)} noValidate>
      <p className="screen__lead">{t('unlock.recoveryBody')}</p>
      <Field label={t('unlock.recoveryLabel')} error={error}>
        {(control) => <PasswordInput {...control} ref={input} code name="recovery-key" dir="ltr" disabled={busy} />}
      </Field>
      <UnlockActions busy={busy} />
    </form>
  );
}
