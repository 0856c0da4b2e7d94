/**
 * Whether a vault exists on this device, judged by the keyring file: none means first run
 * (also after a panic wipe, DESIGN.md §9), one means the lock screen. The vault issue replaces
 * this with the vault's own state; the bytes read here are ciphertext and are not kept.
 */
import { useEffect, useState } from 'react';
import { usePlatform } from '../platform/platform-context';

export type VaultPresence = 'checking' | 'absent' | 'present' | 'unreadable';

/** Reads the keyring once per platform and reports what it found. */
export function useVaultPresence(): VaultPresence {
  const platform = usePlatform();
  const [presence, setPresence] = useState<VaultPresence>('checking');
  useEffect(() => {
    let live = true;
    platform.keyring.read().then(
      (bytes) => {
        if (live) setPresence(bytes === null ? 'absent' : 'present');
      },
      // Never fall back to "first run" on an error: creating a vault there could replace one.
      () => {
        if (live) setPresence('unreadable');
      },
    );
    return () => {
      live = false;
    };
  }, [platform]);
  return presence;
}
