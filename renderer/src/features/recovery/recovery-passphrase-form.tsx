/**
 * A new passphrase without the current one, for a session unlocked with the recovery key (the
 * user may have forgotten the passphrase: that is what the recovery key is for). The vault
 * refuses it in any other session. Shown on the home screen and in the settings.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { BusyNotice } from '../../ui/busy-notice';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { NewPassphraseFormFields } from '../passphrase/new-passphrase-fields';
import { RECOVERY_PASSPHRASE_DEFAULTS, recoveryPassphraseSchema, type RecoveryPassphraseValues } from '../settings/settings-schemas';
import { useVaultClient } from '../vault-session/vault-context';

export interface RecoveryPassphraseFormProps {
  /** Called once the new passphrase is set (the vault's state then no longer asks for one). */
  onDone(): void;
}

/** New passphrase (policy, meter, generator, confirmation) and Set. */
export function RecoveryPassphraseForm({ onDone }: RecoveryPassphraseFormProps) {
  const { t } = useTranslation();
  const client = useVaultClient();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const form = useForm<RecoveryPassphraseValues>({
    resolver: zodResolver(recoveryPassphraseSchema),
    defaultValues: RECOVERY_PASSPHRASE_DEFAULTS,
  });
  const { handleSubmit, reset } = form;

  const submit = handleSubmit(async ({ passphrase }) => {
    setBusy(true);
    setFailed(false);
    try {
      await client.setNewPassphraseAfterRecovery(passphrase);
    } catch {
      setBusy(false);
      setFailed(true);
      return;
    }
    // Empty the fields before the form goes, so no passphrase stays in its memory.
    reset(RECOVERY_PASSPHRASE_DEFAULTS);
    setBusy(false);
    onDone();
  });

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <NewPassphraseFormFields form={form} disabled={busy} />
      {busy && <BusyNotice title={t('home.recoveryBusy')} />}
      {failed && (
        <Notice tone="danger" role="alert">
          <p>{t('settings.operationFailed')}</p>
        </Notice>
      )}
      <div className="screen__actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {t('home.recoverySubmit')}
        </Button>
      </div>
    </form>
  );
}
