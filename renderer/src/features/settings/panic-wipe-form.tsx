/**
 * Panic wipe, confirmed by typing a word in the UI's language ("WIPE", "مسح"): a deliberate act
 * that a stray click or Enter cannot trigger, yet quick under pressure. The vault destroys the
 * keyring and the database; its state becomes first run and the shell shows the welcome screen.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyNotice } from '../../ui/busy-notice';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { SENSITIVE_INPUT_PROPS } from '../../ui/sensitive-input';
import { useVaultClient } from '../vault-session/vault-context';

/** True if `typed` is the confirmation word (surrounding spaces and Unicode form aside). */
export function isConfirmationWord(typed: string, word: string): boolean {
  return typed.trim().normalize('NFC') === word.normalize('NFC');
}

/** The irreversible-wipe warning, the word field and the wipe button. */
export function PanicWipeForm() {
  const { t } = useTranslation();
  const client = useVaultClient();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const word = t('settings.panicWord');
  const confirmed = isConfirmationWord(typed, word);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!confirmed || busy) return;
    setBusy(true);
    setFailed(false);
    try {
      // On success the vault is in first run and this form is gone.
      await client.panicWipe();
    } catch {
      setBusy(false);
      setFailed(true);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <p>{t('settings.panicBody')}</p>
      <Notice tone="danger" className="settings__irreversible">
        <p>
          <strong>{t('settings.panicIrreversible')}</strong>
        </p>
      </Notice>
      <Field label={t('settings.panicWordLabel', { word })} hint={t('settings.panicWordHint')}>
        {(control) => (
          <input
            {...control}
            name="panic-word"
            className="input input--short"
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            disabled={busy}
            {...SENSITIVE_INPUT_PROPS}
          />
        )}
      </Field>
      {busy && <BusyNotice title={t('settings.panicBusy')} />}
      {failed && (
        <Notice tone="danger" role="alert">
          <p>{t('settings.panicFailed')}</p>
        </Notice>
      )}
      <Button type="submit" variant="danger" disabled={!confirmed || busy}>
        {t('settings.panicSubmit')}
      </Button>
    </form>
  );
}
