/**
 * Settings of the open vault: automatic locking, passphrase change (without the current one
 * after a recovery-key unlock), "my passphrase may be compromised", the recovery key, wipe
 * after failed unlocks, and the panic wipe last, set apart as the one irreversible action.
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Disclosure } from '../../ui/disclosure';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import { BackupPanel } from '../backup/backup-panel';
import { RecoveryPassphraseForm } from '../recovery/recovery-passphrase-form';
import type { UnlockedState } from '../vault-session/vault-context';
import { IdleLockForm } from './idle-lock-form';
import { PanicWipeForm } from './panic-wipe-form';
import { ReauthPassphraseForm } from './reauth-passphrase-form';
import { RecoveryKeyForm } from './recovery-key-form';
import './settings.css';
import { WipePolicyForm } from './wipe-policy-form';

function Section({ title, danger = false, children }: { title: string; danger?: boolean; children: ReactNode }) {
  const id = useId();
  return (
    <section className={danger ? 'settings__section settings__section--danger' : 'settings__section'} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export interface SettingsScreenProps {
  state: UnlockedState;
  focusOnMount?: boolean;
}

/** Every vault setting, one section each. */
export function SettingsScreen({ state, focusOnMount = false }: SettingsScreenProps) {
  const { t } = useTranslation();
  const { settings } = state;
  const [passphraseSet, setPassphraseSet] = useState(false);
  return (
    <Screen title={t('settings.title')} focusOnMount={focusOnMount}>
      <p className="screen__lead">{t('settings.intro')}</p>
      <Section title={t('settings.idleTitle')}>
        <IdleLockForm settings={settings} />
      </Section>
      <Section title={t('settings.changeTitle')}>
        <p>{t('settings.changeBody')}</p>
        {passphraseSet && (
          <Notice tone="success" role="status">
            <p>{t('home.recoveryDone')}</p>
          </Notice>
        )}
        {state.openedWith === 'recovery-key' ? (
          <>
            <p>{t('settings.changeAfterRecovery')}</p>
            <RecoveryPassphraseForm onDone={() => setPassphraseSet(true)} />
          </>
        ) : (
          <Disclosure label={t('settings.changeOpen')}>
            <ReauthPassphraseForm variant="change" />
          </Disclosure>
        )}
      </Section>
      <Section title={t('settings.compromisedTitle')}>
        <p>{t('settings.compromisedBody')}</p>
        <p>{t('settings.compromisedIdentity')}</p>
        {state.hasRecoveryKey && <p>{t('settings.compromisedRecovery')}</p>}
        <Disclosure label={t('settings.compromisedOpen')}>
          <ReauthPassphraseForm variant="compromised" />
        </Disclosure>
      </Section>
      <Section title={t('settings.recoveryTitle')}>
        <p>{state.hasRecoveryKey ? t('settings.recoveryHas') : t('settings.recoveryNone')}</p>
        <Disclosure label={state.hasRecoveryKey ? t('settings.recoveryOpenManage') : t('settings.recoveryOpenCreate')}>
          <RecoveryKeyForm hasRecoveryKey={state.hasRecoveryKey} />
        </Disclosure>
      </Section>
      <Section title={t('backup.title')}>
        <BackupPanel />
      </Section>
      <Section title={t('settings.wipeTitle')}>
        <WipePolicyForm settings={settings} />
      </Section>
      <Section title={t('settings.panicTitle')} danger>
        <PanicWipeForm />
      </Section>
    </Screen>
  );
}
