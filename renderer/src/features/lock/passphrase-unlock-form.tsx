/**
 * The passphrase form of the lock screen. The field is uncontrolled: the passphrase is never
 * copied into React state, and it is cleared from the field after a failed attempt.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/field';
import { PasswordInput } from '../../ui/password-input';
import { useVaultClient } from '../vault-session/vault-context';
import { UnlockActions } from './unlock-actions';

/** Passphrase field, Unlock, the generic error and the busy notice. */
export function PassphraseUnlockForm({ focusOnMount = false }: { focusOnMount?: boolean }) {
  const { t } = useTranslation();
  const client = useVaultClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (focusOnMount) input.current?.focus();
  }, [focusOnMount]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    // The CSP forbids form submission (form-action 'none'): it must never reach the browser.
    event.preventDefault();
    const field = input.current;
    if (!field || busy) return;
    if (field.value === '') {
      field.focus();
      return;
    }
    setBusy(true);
    setFailed(false);
    let ok: boolean;
    try {
      ok = (await client.unlock(field.value)).ok;
    } catch {
      ok = false;
    }
    // On success this form is already gone (the vault's state changed); only failure remains.
    if (ok) return;
    field.value = '';
    setBusy(false);
    setFailed(true);
    // After re-enabling, so the field can take focus.
    queueMicrotask(() => field.focus());
  };

  return (
    <form className="lock-form" onSubmit={(event) => void submit(event)} noValidate>
      <p className="screen__lead">{t('unlock.body')}</p>
      <Field label={t('unlock.passphrase')} error={failed ? t('unlock.failed') : undefined}>
        {(control) => <PasswordInput {...control} ref={input} name="passphrase" disabled={busy} />}
      </Field>
      <UnlockActions busy={busy} />
    </form>
  );
}
