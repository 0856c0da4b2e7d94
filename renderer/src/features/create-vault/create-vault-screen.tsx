/**
 * Creating a vault: passphrase (with policy, meter, generator, confirmation), the high-risk
 * Argon2id profile, and the optional recovery key. While the keys are derived (seconds, in
 * the vault worker) the form stays on screen, disabled, under a progress notice; on failure it
 * comes back as it was, so nothing has to be typed again.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { Checkbox } from '../../ui/checkbox';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import { NewPassphraseFormFields } from '../passphrase/new-passphrase-fields';
import './create-vault.css';
import { CREATE_VAULT_DEFAULTS, createVaultSchema, toCreateOptions, type CreateVaultValues } from './create-vault-schema';
import { CreatingVaultNotice } from './creating-vault-notice';
import type { VaultCreation } from './use-vault-creation';

export interface CreateVaultScreenProps {
  creation: VaultCreation;
  focusOnMount?: boolean;
  onCancel(): void;
}

/** The create-vault form. */
export function CreateVaultScreen({ creation, focusOnMount = false, onCancel }: CreateVaultScreenProps) {
  const { t } = useTranslation();
  const form = useForm<CreateVaultValues>({ resolver: zodResolver(createVaultSchema), defaultValues: CREATE_VAULT_DEFAULTS });
  const { register, handleSubmit } = form;
  const { phase } = creation.state;
  const busy = phase === 'creating';

  return (
    <Screen title={t('createVault.title')} focusOnMount={focusOnMount}>
      <p className="screen__lead">{t('createVault.intro')}</p>
      <form className="create-vault" noValidate onSubmit={handleSubmit((values) => creation.create(toCreateOptions(values)))}>
        <fieldset className="create-vault__fieldset" disabled={busy}>
          <NewPassphraseFormFields form={form} disabled={busy} />
          <h2>{t('createVault.protectionTitle')}</h2>
          <Checkbox {...register('highRisk')} label={t('createVault.highRisk')} description={<p>{t('createVault.highRiskBody')}</p>} />
          <Checkbox {...register('withRecoveryKey')} label={t('createVault.recovery')} description={<p>{t('createVault.recoveryBody')}</p>} />
        </fieldset>
        {phase === 'failed' && (
          <Notice tone="danger" role="alert">
            <p>{t('createVault.failed')}</p>
          </Notice>
        )}
        {creation.state.phase === 'creating' && <CreatingVaultNotice highRisk={creation.state.highRisk} />}
        <div className="screen__actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {t('createVault.submit')}
          </Button>
          <Button onClick={onCancel} disabled={busy}>
            {t('createVault.cancel')}
          </Button>
        </div>
      </form>
    </Screen>
  );
}
