/**
 * How React code reaches the vault: one provider at the root, hooks below it. Runs on the
 * renderer's main thread. Components get the VaultClient (actions) and its VaultState (what
 * to render); never keys, tables or ciphertext, since the client has none to give.
 */
import { createContext, use, useSyncExternalStore, type ReactNode } from 'react';
import type { VaultClient, VaultState } from '../../vault/vault-client';

const VaultContext = createContext<VaultClient | null>(null);

/** Makes `client` available to useVaultClient() and useVaultState() below. */
export function VaultProvider({ client, children }: { client: VaultClient; children: ReactNode }) {
  return <VaultContext value={client}>{children}</VaultContext>;
}

/** The vault client; throws when rendered outside VaultProvider (a wiring bug). */
export function useVaultClient(): VaultClient {
  const client = use(VaultContext);
  if (!client) throw new Error('useVaultClient() needs a <VaultProvider> above it');
  return client;
}

/** The vault's current state; re-renders on every change. */
export function useVaultState(): VaultState {
  const client = useVaultClient();
  return useSyncExternalStore(
    (listener) => client.subscribe(listener),
    () => client.getState(),
  );
}

/** The unlocked state (the shell passes it down to the screens it renders while unlocked). */
export type UnlockedState = Extract<VaultState, { status: 'unlocked' }>;
