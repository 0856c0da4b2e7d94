/**
 * Wipe after N failed unlocks: off by default, with an honest note that it only stops guessing
 * at the keyboard, never an adversary who copies the disk first.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { VaultSettings } from '../../vault/vault-client';
import { Button } from '../../ui/button';
import { Checkbox } from '../../ui/checkbox';
import { useVaultClient } from '../vault-session/vault-context';
import { SaveStatusLine } from './save-status-line';
import { SettingsNumberField } from './settings-number-field';
import { MAX_WIPE_AFTER, MIN_WIPE_AFTER } from '../../vault/settings-limits';
import { SUGGESTED_WIPE_LIMIT, wipePolicySchema, type WipePolicyValues } from './settings-schemas';
import { useSaveStatus } from './use-save-status';

/** Interpolated into the hint and error, so the text can never disagree with the bounds. */
const LIMITS = { min: MIN_WIPE_AFTER, max: MAX_WIPE_AFTER };

/** The on/off switch, the number of attempts, and Save. */
export function WipePolicyForm({ settings }: { settings: VaultSettings }) {
  const { t } = useTranslation();
  const client = useVaultClient();
  const save = useSaveStatus();
  const limit = settings.wipeAfterFailedUnlocks;
  const { register, handleSubmit, control, formState } = useForm<WipePolicyValues>({
    resolver: zodResolver(wipePolicySchema),
    defaultValues: { enabled: limit !== null, limit: limit ?? SUGGESTED_WIPE_LIMIT },
  });
  const enabled = useWatch({ control, name: 'enabled' });
  const onSubmit = handleSubmit((values) =>
    save.run(() => client.updateSettings({ wipeAfterFailedUnlocks: values.enabled ? values.limit : null })),
  );
  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} onChange={save.reset}>
      <Checkbox {...register('enabled')} label={t('settings.wipeEnable')} description={<p>{t('settings.wipeBody')}</p>} />
      {enabled && (
        <SettingsNumberField
          label={t('settings.wipeLimitLabel')}
          hint={t('settings.wipeLimitHint', LIMITS)}
          error={formState.errors.limit ? t('settings.wipeLimitInvalid', LIMITS) : undefined}
          min={MIN_WIPE_AFTER}
          max={MAX_WIPE_AFTER}
          registration={register('limit', { valueAsNumber: true })}
        />
      )}
      <Button type="submit" disabled={save.status === 'saving'}>
        {t('settings.save')}
      </Button>
      <SaveStatusLine status={save.status} />
    </form>
  );
}
