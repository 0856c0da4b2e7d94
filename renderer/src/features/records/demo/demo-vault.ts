/**
 * "Explore with demo data" (issue item 6): a separate vault holding only synthetic records,
 * so a new user can see every screen populated. Runs on the renderer's main thread.
 *
 * Separation from the real vault, by construction:
 * - its own IndexedDB database (`sijill-demo-vault`), so not a row is shared;
 * - its keyring lives in memory only (never the platform's keyring file), so the real
 *   keyring is never read or written and the demo vault is gone when the app closes (the
 *   next start finds a database without a keyring and deletes it, as after a panic wipe);
 * - the client is flagged `demo: true`, the shell shows "DEMO" wherever the vault appears,
 *   and `loadDemoData` refuses any client without that flag.
 * Its passphrase is public (the data is synthetic) and Argon2id runs at the floor cost.
 */
import { KDF_FLOOR } from '../../../../../shared/crypto';
import type { KeyringStore, Platform } from '../../../platform/platform';
import { createVaultClient, type VaultClientOptions } from '../../../vault/create-vault-client';
import type { VaultClient } from '../../../vault/vault-client';
import { consentKind, facilityKind, perpetratorKind, sequenceKind, testimonyKind, witnessKind } from '../record-kinds';
import { newRecordId } from '../record-kinds';
import { buildDemoData, type DemoData } from './demo-data';

/** The demo vault's database: never the real one (`sijill-vault`). */
export const DEMO_DATABASE_NAME = 'sijill-demo-vault';
/** The demo vault's passphrase, shown on its lock screen: the data is synthetic. */
export const DEMO_PASSPHRASE = 'demo vault — synthetic data only';

/** A keyring "file" held in memory: the demo vault never touches the platform's keyring. */
export function createMemoryKeyringStore(): KeyringStore {
  let stored: Uint8Array | null = null;
  return {
    read: async () => (stored ? stored.slice() : null),
    write: async (bytes) => {
      stored = bytes.slice();
    },
    wipe: async () => {
      stored?.fill(0);
      stored = null;
    },
  };
}

/** Options of the demo client (the platform's lock signals; test seams). */
export interface DemoVaultOptions extends Partial<Omit<VaultClientOptions, 'platform' | 'demo'>> {
  readonly platform: Pick<Platform, 'onLockSignal'>;
}

/** A vault client for the demo vault (call `init()`, then `createDemoVault` or `create`). */
export function createDemoVaultClient(options: DemoVaultOptions): VaultClient {
  const { platform, ...rest } = options;
  return createVaultClient({
    kdfParams: () => KDF_FLOOR,
    databaseName: DEMO_DATABASE_NAME,
    ...rest,
    demo: true,
    platform: { keyring: createMemoryKeyringStore(), onLockSignal: platform.onLockSignal },
  });
}

/** Thrown when demo data is about to go into a vault that is not the demo vault. */
export class NotDemoVaultError extends Error {
  override readonly name = 'NotDemoVaultError';
  constructor() {
    super('demo data goes only into the demo vault');
  }
}

/** How much was loaded. */
export interface DemoSummary {
  readonly testimonies: number;
  readonly facilities: number;
  readonly perpetrators: number;
  readonly witnesses: number;
}

/**
 * Writes the demo records into `client`, which must be the unlocked demo vault. Refuses any
 * other client (NotDemoVaultError) before writing anything.
 */
export async function loadDemoData(client: VaultClient, data: DemoData = buildDemoData()): Promise<DemoSummary> {
  if (client.demo !== true) throw new NotDemoVaultError();
  const { records } = client;
  for (const facility of data.facilities) await records.create(facilityKind, facility, { id: facility.id });
  for (const perpetrator of data.perpetrators) await records.create(perpetratorKind, perpetrator, { id: perpetrator.id });
  for (const witness of data.witnesses) await records.create(witnessKind, witness, { id: witness.id });
  for (const consent of data.consents) await records.create(consentKind, consent, { id: consent.id });
  for (const testimony of data.testimonies) await records.create(testimonyKind, testimony, { id: testimony.id });
  // The sequences continue after the demo's codes, so a testimony added while exploring gets the next one.
  const byYear: Record<string, number> = {};
  for (const { referenceCode } of data.testimonies) {
    const [, year = '', number = '0'] = referenceCode.split('-');
    byYear[year] = Math.max(byYear[year] ?? 0, Number(number));
  }
  const id = newRecordId();
  await records.create(sequenceKind, { id, testimonyByYear: byYear, witness: data.witnesses.length }, { id });
  return { testimonies: data.testimonies.length, facilities: data.facilities.length, perpetrators: data.perpetrators.length, witnesses: data.witnesses.length };
}

/**
 * Creates the demo vault from scratch and fills it: a demo client, initialised, created with
 * the demo passphrase, loaded. The caller shows it instead of the real vault's client.
 */
export async function createDemoVault(options: DemoVaultOptions): Promise<VaultClient> {
  const client = createDemoVaultClient(options);
  await client.init();
  await client.create({ passphrase: DEMO_PASSPHRASE, profile: 'moderate', withRecoveryKey: false });
  await loadDemoData(client);
  return client;
}
