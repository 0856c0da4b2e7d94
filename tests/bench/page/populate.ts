/**
 * Writes the synthetic case file into a real vault (through the vault client and its worker,
 * as the app does) and the same bodies, as plain JSON, into a plain Dexie database: the
 * baseline of every storage figure. Runs on the bench page's main thread.
 *
 * Generation is reported but is not a measured workload: records go in concurrent batches,
 * which the app never does, to keep `--large` within minutes.
 */
import Dexie, { type Table } from 'dexie';
import type { Testimony } from '../../../shared/domain';
import { KDF_FLOOR } from '../../../shared/crypto';
import { facilityKind, perpetratorKind, testimonyKind } from '../../../renderer/src/features/records/record-kinds';
import { createVaultClient } from '../../../renderer/src/vault/create-vault-client';
import type { VaultClient } from '../../../renderer/src/vault/vault-client';
import { createMemoryVaultPlatform } from '../../fakes/memory-keyring';
import type { SyntheticVault } from './synthetic-vault';

/** The bench vault's passphrase: the data is synthetic. */
export const BENCH_PASSPHRASE = 'bench vault, synthetic data only';
/** Records written concurrently: enough to keep the worker busy, few enough to bound memory. */
const BATCH = 50;

/** The baseline: the same bodies in plain, unencrypted Dexie. */
export class PlainDatabase extends Dexie {
  readonly rows: Table<Testimony, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ rows: 'id' });
    this.rows = this.table('rows');
  }
}

export interface Populated {
  readonly client: VaultClient;
  readonly plainName: string;
  readonly attachments: number;
}

/**
 * Creates a vault (Argon2id at its floor: the bench measures Argon2id separately and
 * subtracts it) and a plain database, and fills both with `count` testimonies.
 */
export async function populate(vault: SyntheticVault, count: number, progress: (done: number) => void): Promise<Populated> {
  const run = crypto.randomUUID();
  const client = createVaultClient({ platform: createMemoryVaultPlatform(), databaseName: `sijill-bench-${run}`, kdfParams: () => KDF_FLOOR });
  await client.init();
  await client.create({ passphrase: BENCH_PASSPHRASE, profile: 'moderate', withRecoveryKey: false });
  const plainName = `sijill-bench-plain-${run}`;
  const plain = new PlainDatabase(plainName);
  for (const facility of vault.facilities) await client.records.create(facilityKind, facility, { id: facility.id });
  for (const person of vault.perpetrators) await client.records.create(perpetratorKind, person, { id: person.id });
  let attachments = 0;
  for (let from = 0; from < count; from += BATCH) {
    const batch: Testimony[] = [];
    for (let index = from; index < Math.min(count, from + BATCH); index += 1) {
      const body = vault.testimony(index);
      const size = vault.attachmentBytes(index);
      if (size !== null) {
        const info = await client.attachments.importFile(new Blob([noise(size)]), { name: `scan-${index}.bin`, mediaType: '', owner: { kind: 'testimony', id: body.id }, source: 'file', capturedAt: new Date(0).toISOString() });
        batch.push({ ...body, attachmentIds: [info.id] });
        attachments += 1;
      } else {
        batch.push(body);
      }
    }
    await Promise.all(batch.map((body) => client.records.create(testimonyKind, body, { id: body.id })));
    await plain.rows.bulkPut(batch);
    progress(Math.min(count, from + BATCH));
  }
  plain.close();
  return { client, plainName, attachments };
}

/** Incompressible bytes, as a photo or scan would be. */
function noise(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let at = 0; at < size; at += 65536) crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65536)));
  return bytes;
}
