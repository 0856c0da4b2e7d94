/**
 * The life of one vault creation, kept by the shell (not by the form) because it spans two
 * vault states: the form lives in first run, but `create` unlocks the vault before it returns,
 * and the recovery key must then be shown once before anything else. Runs on the main thread.
 *
 * The recovery key exists only in this state, and only while the vault stays unlocked: a lock
 * (by hand, idle, signal) or a wipe drops it at once.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CreateVaultOptions, VaultClient, VaultState } from '../../vault/vault-client';

export type CreationState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'creating'; readonly highRisk: boolean }
  | { readonly phase: 'failed' }
  | { readonly phase: 'recovery-key'; readonly recoveryKey: string };

export interface VaultCreation {
  readonly state: CreationState;
  /** Creates the vault; never rejects (failure becomes the `failed` phase). */
  create(options: CreateVaultOptions): Promise<void>;
  /** The user confirmed the recovery key is stored: forget it and go on. */
  finish(): void;
}

const IDLE: CreationState = { phase: 'idle' };
const FAILED: CreationState = { phase: 'failed' };

/** Creation state for the shell; `status` is the vault's current status. */
export function useVaultCreation(client: VaultClient, status: VaultState['status']): VaultCreation {
  const [state, setState] = useState<CreationState>(IDLE);
  const dropKey = state.phase === 'recovery-key' && status !== 'unlocked';
  useEffect(() => {
    if (dropKey) setState(IDLE);
  }, [dropKey]);

  const create = useCallback(
    async (options: CreateVaultOptions) => {
      setState({ phase: 'creating', highRisk: options.profile === 'sensitive' });
      try {
        const { recoveryKey } = await client.create(options);
        // Locked again while Argon2id ran (shortcut, idle, signal): the key must not surface later.
        const open = client.getState().status === 'unlocked';
        setState(recoveryKey !== null && open ? { phase: 'recovery-key', recoveryKey } : IDLE);
      } catch {
        setState(client.getState().status === 'first-run' ? FAILED : IDLE);
      }
    },
    [client],
  );
  const finish = useCallback(() => setState(IDLE), []);

  // Derived as well as reset, so not a single render shows a key after the lock.
  return { state: dropKey ? IDLE : state, create, finish };
}
