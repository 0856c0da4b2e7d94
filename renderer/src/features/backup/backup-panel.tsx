/**
 * "Back up the whole vault" (a section of the settings screen): the backup passphrase twice
 * with the strength meter, "also let this device's key open it", then the bundle streamed to
 * the platform's save dialog with progress and cancel. The vault worker writes the audit
 * entry once the file is saved.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { usePlatform } from '../../platform/platform-context';
import type { BackupProgress } from '../../vault/backup-types';
import { Button } from '../../ui/button';
import { Checkbox } from '../../ui/checkbox';
import { Disclosure } from '../../ui/disclosure';
import { Notice } from '../../ui/notice';
import { NewPassphraseFormFields } from '../passphrase/new-passphrase-fields';
import { useVaultClient } from '../vault-session/vault-context';
import { backupErrorText } from './backup-errors';
import { BACKUP_DEFAULTS, backupSchema, type BackupValues } from './backup-schema';

type Outcome = { readonly kind: 'saved'; readonly name: string } | { readonly kind: 'cancelled' } | { readonly kind: 'failed'; readonly text: string } | null;

function progressText(t: TFunction, progress: BackupProgress): string {
  if (progress.phase === 'preparing') return t('backup.preparing', { done: progress.done, total: progress.total });
  return t('backup.writing', { percent: progress.total > 0 ? Math.floor((progress.bytes / progress.total) * 100) : 0 });
}

/** The backup form and its progress. */
export function BackupPanel() {
  const { t } = useTranslation();
  const client = useVaultClient();
  const platform = usePlatform();
  const form = useForm<BackupValues>({ resolver: zodResolver(backupSchema), defaultValues: BACKUP_DEFAULTS });
  const { register, handleSubmit, reset } = form;
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const abort = useRef<AbortController | null>(null);
  const backups = client.backups;
  if (!backups) return null;
  const busy = progress !== null;

  const run = async (values: BackupValues) => {
    const controller = new AbortController();
    abort.current = controller;
    setOutcome(null);
    setProgress({ phase: 'preparing', done: 0, total: 0 });
    try {
      const stream = await backups.create({ passphrase: values.passphrase, includeDeviceKey: values.includeDeviceKey }, { onProgress: setProgress, signal: controller.signal });
      const day = new Date().toISOString().slice(0, 10);
      const result = await platform
        .saveFile({ suggestedName: `sijill-backup-${day}.sijill`, filters: [{ name: t('backup.fileType'), extensions: ['sijill'] }], chunks: stream.chunks, signal: controller.signal })
        .catch(async (error: unknown) => {
          await stream.abort();
          throw error;
        });
      if (result.status === 'saved') {
        await stream.finish();
        setOutcome({ kind: 'saved', name: result.name });
        reset(BACKUP_DEFAULTS);
      } else {
        await stream.abort();
        setOutcome({ kind: 'cancelled' });
      }
    } catch (error) {
      setOutcome(controller.signal.aborted ? { kind: 'cancelled' } : { kind: 'failed', text: backupErrorText(t, error) });
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  return (
    <>
      <p>{t('backup.intro')}</p>
      {outcome?.kind === 'saved' && (
        <Notice tone="success" role="status">
          <p>{t('backup.saved', { name: outcome.name })}</p>
        </Notice>
      )}
      {outcome?.kind === 'cancelled' && (
        <Notice role="status">
          <p>{t('backup.cancelled')}</p>
        </Notice>
      )}
      {outcome?.kind === 'failed' && (
        <Notice tone="danger" role="alert">
          <p>{outcome.text}</p>
        </Notice>
      )}
      <Disclosure label={t('backup.open')}>
        <form noValidate onSubmit={handleSubmit((values) => run(values))}>
          <fieldset className="create-vault__fieldset" disabled={busy}>
            <NewPassphraseFormFields form={form} disabled={busy} />
            <Checkbox {...register('includeDeviceKey')} label={t('backup.deviceKey')} description={<p>{t('backup.deviceKeyBody')}</p>} />
          </fieldset>
          {progress && (
            <p role="status" className="screen__muted">
              {progressText(t, progress)}
            </p>
          )}
          <div className="screen__actions">
            <Button type="submit" variant="primary" disabled={busy}>
              {t('backup.submit')}
            </Button>
            {busy && <Button onClick={() => abort.current?.abort()}>{t('backup.cancel')}</Button>}
          </div>
        </form>
      </Disclosure>
    </>
  );
}
