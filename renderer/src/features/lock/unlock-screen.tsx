/**
 * The lock screen: passphrase unlock, with the recovery key as the second way in. Shown
 * whenever a vault exists and is locked; nothing decrypted exists while it is on screen.
 *
 * Failures get one message whatever went wrong (wrong passphrase, tampered keyring): the
 * vault itself reports no more than that, and neither does the UI.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockReason, VaultState } from '../../vault/vault-client';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import { PassphraseUnlockForm } from './passphrase-unlock-form';
import { RecoveryUnlockForm } from './recovery-unlock-form';
import './lock.css';

export type LockedState = Extract<VaultState, { status: 'locked' }>;

export interface UnlockScreenProps {
  state: LockedState;
  /** True when the screen appears after something happened (a lock): the passphrase field takes focus. */
  focusOnMount?: boolean;
}

const REASON_KEYS = {
  manual: 'unlock.reasonManual',
  idle: 'unlock.reasonIdle',
  suspend: 'unlock.reasonSuspend',
  'lock-screen': 'unlock.reasonLockScreen',
  hidden: 'unlock.reasonHidden',
} as const satisfies Record<LockReason, string>;

/**
 * The wipe-after-N limit the vault keeps readable while locked (lockout.ts), or null when the
 * policy is off. The lockout row is the one clear row on disk, so a value that is not a
 * positive whole number is treated as off rather than shown.
 */
export function wipeLimitOf(state: LockedState): number | null {
  const value = state.wipeAfterFailedUnlocks;
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** Passphrase or recovery-key unlock, failed-attempt count and wipe warning. */
export function UnlockScreen({ state, focusOnMount = false }: UnlockScreenProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'passphrase' | 'recovery-key'>('passphrase');
  const wipeLimit = wipeLimitOf(state);
  const title = mode === 'passphrase' ? t('unlock.title') : t('unlock.recoveryTitle');
  return (
    // Focus goes to the field that is needed next (the forms handle it), not to the heading.
    <Screen title={title}>
      {state.lastLockReason && <p className="screen__muted">{t(REASON_KEYS[state.lastLockReason])}</p>}
      {mode === 'passphrase' ? (
        <PassphraseUnlockForm focusOnMount={focusOnMount} />
      ) : (
        <RecoveryUnlockForm />
      )}
      {(state.failedAttempts > 0 || wipeLimit !== null) && (
        <Notice tone={wipeLimit !== null ? 'danger' : 'info'} className="unlock__attempts">
          {state.failedAttempts > 0 && <p>{t('unlock.failedAttempts', { count: state.failedAttempts })}</p>}
          {wipeLimit !== null && (
            <p>{t('unlock.wipeWarning', { limit: wipeLimit, remaining: Math.max(0, wipeLimit - state.failedAttempts) })}</p>
          )}
        </Notice>
      )}
      <div className="screen__actions">
        <Button variant="quiet" onClick={() => setMode(mode === 'passphrase' ? 'recovery-key' : 'passphrase')}>
          {mode === 'passphrase' ? t('unlock.useRecoveryKey') : t('unlock.usePassphrase')}
        </Button>
      </div>
    </Screen>
  );
}
