/**
 * Shared steps of the feature tests: the shell is rendered as in the app (renderApp), over the
 * fake vault unless a test brings the real one.
 */
import { expect } from 'vitest';
import { cleanup } from 'vitest-browser-react';
import type { VaultState } from '../../../renderer/src/vault/vault-client';
import { DEFAULT_FAKE_SETTINGS } from '../../fakes/fake-vault-client';
import { resetDocumentLanguage } from '../support/document';

/** A locked vault with `failedAttempts` failures (and a wipe-after-N limit, if given). */
export const locked = (failedAttempts = 0, wipeAfterFailedUnlocks: number | null = null): VaultState => ({
  status: 'locked',
  failedAttempts,
  lastLockReason: null,
  wipeAfterFailedUnlocks,
});

/** An unlocked vault; `overrides` replaces fields. */
export const unlocked = (overrides: Partial<Extract<VaultState, { status: 'unlocked' }>> = {}): VaultState => ({
  status: 'unlocked',
  auditWarning: null,
  settings: DEFAULT_FAKE_SETTINGS,
  hasRecoveryKey: false,
  failedAttemptsSinceLastUnlock: 0,
  openedWith: 'passphrase',
  ...overrides,
});

/** afterEach body: unmount, reset <html>, and check nothing went to web storage. */
export async function cleanUp(): Promise<void> {
  await cleanup();
  resetDocumentLanguage();
  expect([localStorage.length, sessionStorage.length]).toEqual([0, 0]);
}

/** Every input on the page, with the attributes that keep typed text off the disk. */
export function inputHygiene(): { name: string; autocomplete: string | null; spellcheck: string | null; autocapitalize: string | null; autocorrect: string | null }[] {
  return [...document.querySelectorAll('input:not([type="checkbox"])')].map((input) => ({
    name: input.getAttribute('name') ?? input.id,
    autocomplete: input.getAttribute('autocomplete'),
    spellcheck: input.getAttribute('spellcheck'),
    autocapitalize: input.getAttribute('autocapitalize'),
    autocorrect: input.getAttribute('autocorrect'),
  }));
}

/** What inputHygiene() should report for each input. */
export const HYGIENIC = { autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' };
