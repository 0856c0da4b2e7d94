/**
 * "Restore from backup" on first run: pick the file, give its passphrase, choose the new
 * vault's passphrase (the policy of vault creation), then the vault worker verifies the whole
 * file and rebuilds the vault. On success the restored vault opens; on failure nothing is
 * left behind and the reason is shown, with the form kept as it was.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { usePlatform } from '../../platform/platform-context';
import type { OpenedFile } from '../../platform/platform';
import { Button } from '../../ui/button';
import { Checkbox } from '../../ui/checkbox';
import { Field } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { PasswordInput } from '../../ui/password-input';
import { Screen } from '../../ui/screen';
import { NewPassphraseFormFields } from '../passphrase/new-passphrase-fields';
import { useVaultClient } from '../vault-session/vault-context';
import { backupErrorText } from './backup-errors';
import { RESTORE_DEFAULTS, restoreSchema, type RestoreValues } from './backup-schema';

export interface RestoreScreenProps {
  focusOnMount?: boolean;
  onCancel(): void;
}

/** The restore form. */
export function RestoreScreen({ focusOnMount = false, onCancel }: RestoreScreenProps) {
  const { t } = useTranslation();
  const client = useVaultClient();
  const platform = usePlatform();
  const form = useForm<RestoreValues>({ resolver: zodResolver(restoreSchema), defaultValues: RESTORE_DEFAULTS });
  const { register, handleSubmit, formState } = form;
  const [file, setFile] = useState<OpenedFile | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const busy = percent !== null;

  const pick = () => {
    setFailure(null);
    platform.openFile([{ name: t('backup.fileType'), extensions: ['sijill'] }]).then(
      (opened) => {
        if (!opened) return;
        void file?.close();
        setFile(opened);
      },
      () => setFailure(t('backup.error.other')),
    );
  };

  const restore = async (values: RestoreValues) => {
    if (!file || !client.restore) {
      setFailure(t('backup.noFile'));
      return;
    }
    setFailure(null);
    setPercent(0);
    try {
      // On success the vault is unlocked and the shell replaces this screen.
      await client.restore({
        source: file,
        backupPassphrase: values.backupPassphrase,
        passphrase: values.passphrase,
        profile: values.highRisk ? 'sensitive' : 'moderate',
        withRecoveryKey: false,
        onProgress: (bytes, total) => setPercent(total > 0 ? Math.floor((bytes / total) * 100) : 0),
      });
      await file.close().catch(() => undefined);
    } catch (error) {
      setFailure(backupErrorText(t, error));
      setPercent(null);
    }
  };

  return (
    <Screen title={t('backup.restoreTitle')} focusOnMount={focusOnMount}>
      <p className="screen__lead">{t('backup.restoreIntro')}</p>
      <form className="create-vault" noValidate onSubmit={handleSubmit((values) => restore(values))}>
        <fieldset className="create-vault__fieldset" disabled={busy}>
          <div className="screen__actions">
            <Button onClick={pick}>{t('backup.pickFile')}</Button>
          </div>
          {file && (
            <p>
              <bdi>{t('backup.picked', { name: file.name })}</bdi>
            </p>
          )}
          <Field label={t('backup.backupPassphrase')} error={formState.errors.backupPassphrase ? t('passphrase.errorRequired') : undefined}>
            {(control) => <PasswordInput {...control} {...register('backupPassphrase')} />}
          </Field>
          <h2>{t('backup.newPassphraseTitle')}</h2>
          <NewPassphraseFormFields form={form} disabled={busy} />
          <Checkbox {...register('highRisk')} label={t('createVault.highRisk')} description={<p>{t('createVault.highRiskBody')}</p>} />
        </fieldset>
        {failure && (
          <Notice tone="danger" role="alert">
            <p>{failure}</p>
          </Notice>
        )}
        {busy && (
          <p role="status" className="screen__muted">
            {t('backup.restoring', { percent })}
          </p>
        )}
        <div className="screen__actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {t('backup.restoreSubmit')}
          </Button>
          <Button onClick={onCancel} disabled={busy}>
            {t('backup.back')}
          </Button>
        </div>
      </form>
    </Screen>
  );
}
