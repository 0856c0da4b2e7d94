/**
 * What locks an unlocked vault from the UI side: the shortcut and user input feeding the idle
 * timer. Runs on the renderer's main thread.
 *
 * The decisions live in the vault's LockManager (armed by the client at unlock, disarmed at
 * lock), and the platform's "lock now" signals (suspend, screen lock, hidden page) reach it
 * through the client itself (subscribed in init). This hook only connects the window to it,
 * and only while the vault is open.
 */
import { useEffect } from 'react';
import { watchUserActivity } from '../../vault/user-activity';
import type { VaultClient } from '../../vault/vault-client';
import { isLockShortcut } from './lock-shortcut';

/** Connects the shortcut and the activity feed while `active` (the vault is unlocked). */
export function useLockTriggers(client: VaultClient, active: boolean, target: Window = window): void {
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isLockShortcut(event)) return;
      // In a browser Ctrl+L would also focus the address bar; the app keeps the key.
      event.preventDefault();
      void client.lock('manual');
    };
    // Capture phase: a component that stops propagation must not be able to swallow the shortcut.
    target.addEventListener('keydown', onKeyDown, { capture: true });
    const stopWatching = watchUserActivity(target, () => client.lockManager.activity());
    return () => {
      target.removeEventListener('keydown', onKeyDown, { capture: true });
      stopWatching();
    };
  }, [client, active, target]);
}
