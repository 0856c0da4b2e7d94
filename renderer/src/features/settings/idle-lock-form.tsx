/**
 * Automatic locking: minutes without input before the vault locks itself. Saving updates the
 * vault's settings, and the client re-arms the idle timer with the new value.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { VaultSettings } from '../../vault/vault-client';
import { Button } from '../../ui/button';
import { MAX_IDLE_LOCK_MINUTES, MIN_IDLE_LOCK_MINUTES } from '../../vault/settings-limits';
import { useVaultClient } from '../vault-session/vault-context';
import { SaveStatusLine } from './save-status-line';
import { SettingsNumberField } from './settings-number-field';
import { idleLockSchema, type IdleLockValues } from './settings-schemas';
import { useSaveStatus } from './use-save-status';

/** Interpolated into the hint and error, so the text can never disagree with the bounds. */
const LIMITS = { min: MIN_IDLE_LOCK_MINUTES, max: MAX_IDLE_LOCK_MINUTES };

/** The idle-lock minutes field and its Save button. */
export function IdleLockForm({ settings }: { settings: VaultSettings }) {
  const { t } = useTranslation();
  const client = useVaultClient();
  const save = useSaveStatus();
  const { register, handleSubmit, formState } = useForm<IdleLockValues>({
    resolver: zodResolver(idleLockSchema),
    defaultValues: { minutes: settings.idleLockMinutes },
  });
  const onSubmit = handleSubmit((values) => save.run(() => client.updateSettings({ idleLockMinutes: values.minutes })));
  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} onChange={save.reset}>
      <SettingsNumberField
        label={t('settings.idleLabel')}
        hint={t('settings.idleHint', LIMITS)}
        error={formState.errors.minutes ? t('settings.idleInvalid', LIMITS) : undefined}
        min={MIN_IDLE_LOCK_MINUTES}
        max={MAX_IDLE_LOCK_MINUTES}
        registration={register('minutes', { valueAsNumber: true })}
      />
      <Button type="submit" disabled={save.status === 'saving'}>
        {t('settings.save')}
      </Button>
      <SaveStatusLine status={save.status} />
    </form>
  );
}
