/**
 * Switching the app to the demo vault and back. Runs on the renderer's main thread, above the
 * shell (app-providers.tsx), because the whole app must use the demo vault's client while it
 * is open: every screen then reads synthetic records only, never the real vault's.
 *
 * Entering creates the demo vault (its own database, an in-memory keyring, synthetic data from
 * the data layer) and remounts the app on it. Leaving wipes the demo vault (its database and
 * in-memory keyring only) and remounts the app on the real vault's client, which was never
 * touched. A persistent "DEMO DATA" banner in both languages stays above everything meanwhile.
 */
import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react';
import { usePlatform } from '../../platform/platform-context';
import type { VaultClient } from '../../vault/vault-client';
import { createDemoVault } from '../records/demo/demo-vault';
import { VaultProvider } from '../vault-session/vault-context';
import { DemoBanner } from './demo-banner';

/** What the rest of the app can do with the demo vault. */
export interface DemoVaultControl {
  /** The demo vault is the one shown. */
  readonly active: boolean;
  /** Creating or leaving is in progress. */
  readonly busy: boolean;
  /** The last attempt to create the demo vault failed. */
  readonly failed: boolean;
  enter(): Promise<void>;
  leave(): Promise<void>;
}

const INACTIVE: DemoVaultControl = { active: false, busy: false, failed: false, enter: async () => {}, leave: async () => {} };
const DemoVaultContext = createContext<DemoVaultControl>(INACTIVE);

/** The demo vault control (inactive outside the switch). */
export function useDemoVault(): DemoVaultControl {
  return use(DemoVaultContext);
}

/** Provides the control; while the demo is open, the app below runs on the demo client. */
export function DemoVaultSwitch({ children }: { children: ReactNode }) {
  const platform = usePlatform();
  const [client, setClient] = useState<VaultClient | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const enter = useCallback(async () => {
    setBusy(true);
    setFailed(false);
    try {
      setClient(await createDemoVault({ platform }));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }, [platform]);
  const leave = useCallback(async () => {
    if (!client) return;
    setBusy(true);
    try {
      // Destroys only the demo vault: its own database and its in-memory keyring.
      await client.panicWipe();
      await client.dispose();
    } finally {
      setClient(null);
      setBusy(false);
    }
  }, [client]);
  const control = useMemo<DemoVaultControl>(() => ({ active: client !== null, busy, failed, enter, leave }), [client, busy, failed, enter, leave]);
  return (
    <DemoVaultContext value={control}>
      {client ? (
        // Keyed: the app remounts on the demo client, with nothing carried over from before.
        <VaultProvider key="demo" client={client}>
          <DemoBanner busy={busy} onLeave={() => void leave()} />
          {children}
        </VaultProvider>
      ) : (
        <div key="real">{children}</div>
      )}
    </DemoVaultContext>
  );
}
