/**
 * Everything shown while the vault is open. Mounted only in the unlocked state: when the
 * vault locks this component and all its children unmount, dropping their state.
 */
import { AuditScreen } from '../features/audit/audit-screen';
import { AuditWarningBanner } from '../features/audit/audit-warning-banner';
import { ContactsScreen } from '../features/contacts/contacts-screen';
import { IdentityScreen } from '../features/contacts/identity-screen';
import { ImportScreen } from '../features/import';
import { ExportWizard } from '../features/export';
import { CreatingVaultNotice } from '../features/create-vault/creating-vault-notice';
import { RecoveryKeyScreen } from '../features/create-vault/recovery-key-screen';
import type { VaultCreation } from '../features/create-vault/use-vault-creation';
import { HomeScreen } from '../features/home/home-screen';
import { recordScreen, RecordScreensState } from '../features/profiles/record-screens';
import { CaseFileProvider } from '../features/records';
import { SettingsScreen } from '../features/settings/settings-screen';
import { TestimoniesEntry } from '../features/testimony/home-entry';
import { testimonyScreen } from '../features/testimony/testimony-screens';
import type { UnlockedState } from '../features/vault-session/vault-context';
import type { Navigation } from './navigation';

export interface UnlockedScreensProps {
  state: UnlockedState;
  navigation: Navigation;
  creation: VaultCreation;
}

/** The creation steps still pending, else home, audit trail or settings. */
export function UnlockedScreens({ state, navigation, creation }: UnlockedScreensProps) {
  const focusOnMount = navigation.moved;
  // `create` has opened the vault but not returned yet: keep showing its progress.
  if (creation.state.phase === 'creating') {
    return (
      <div className="screen">
        <CreatingVaultNotice highRisk={creation.state.highRisk} />
      </div>
    );
  }
  if (creation.state.phase === 'recovery-key') {
    return <RecoveryKeyScreen recoveryKey={creation.state.recoveryKey} focusOnMount={focusOnMount} onDone={creation.finish} />;
  }
  const { current } = navigation;
  const records = testimonyScreen(navigation, focusOnMount) ?? recordScreen(navigation, focusOnMount);
  // The case file (decrypted records, search worker) lives exactly as long as this subtree.
  return (
    <CaseFileProvider>
      <RecordScreensState>
        {/* Never silent: a trail that failed verification is flagged on every screen. */}
        {state.auditWarning && current !== 'audit' && (
          <div className="app-main__banner">
            <AuditWarningBanner warning={state.auditWarning} onOpenAudit={() => navigation.go('audit')} />
          </div>
        )}
        {current === 'audit' && <AuditScreen unlockWarning={state.auditWarning} focusOnMount={focusOnMount} />}
        {current === 'settings' && <SettingsScreen state={state} focusOnMount={focusOnMount} />}
        {current === 'contacts' && <ContactsScreen focusOnMount={focusOnMount} onOpenIdentity={() => navigation.open('identity')} />}
        {current === 'import' && <ImportScreen focusOnMount={focusOnMount} onOpenContacts={() => navigation.go('contacts')} />}
        {current === 'identity' && <IdentityScreen focusOnMount={focusOnMount} />}
        {current === 'export' && <ExportWizard focusOnMount={focusOnMount} />}
        {records}
        {current !== 'audit' && current !== 'settings' && current !== 'contacts' && current !== 'identity' && current !== 'export' && current !== 'import' && !records && (
          <HomeScreen
            state={state}
            focusOnMount={focusOnMount}
            onOpenAudit={() => navigation.go('audit')}
            onOpenSettings={() => navigation.go('settings')}
            mainEntry={<TestimoniesEntry onOpenList={() => navigation.go('testimonies')} onNew={() => navigation.open('testimony')} />}
          />
        )}
      </RecordScreensState>
    </CaseFileProvider>
  );
}
