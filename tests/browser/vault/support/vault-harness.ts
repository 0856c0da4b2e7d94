/**
 * Shared set-up for vault tests (browser tier): a database of its own per test, a memory
 * keyring, Argon2id at the floor, and either the real worker or the engine in-process over a
 * MessageChannel (to inject faults), plus raw access to IndexedDB to inspect and tamper.
 */
import { expose } from 'comlink';
import Dexie from 'dexie';
import { z } from 'zod';
import { KDF_FLOOR } from '../../../../shared/crypto';
import { createVaultClient, type VaultClientOptions } from '../../../../renderer/src/vault/create-vault-client';
import { defineRecordKind } from '../../../../renderer/src/vault/record-kind';
import type { VaultClient } from '../../../../renderer/src/vault/vault-client';
import { installVaultErrorTransfer } from '../../../../renderer/src/vault/vault-errors';
import { acquireSessionLock, type HeldLock } from '../../../../renderer/src/vault/worker/session-lock';
import { createVaultEngine, type EngineOptions } from '../../../../renderer/src/vault/worker/vault-engine';
import { spawnVaultWorker, type WorkerEndpoint } from '../../../../renderer/src/vault/worker-connection';
import { createMemoryKeyring, createMemoryVaultPlatform, type MemoryKeyring, type MemoryVaultPlatform } from '../../../fakes/memory-keyring';

/**
 * `describe` options for vault tests: each unlock runs Argon2id (at the floor) in a worker, and
 * CI runs both tiers together on 2 cores, where a test that takes 2 s here can take ten times
 * that. A hang still fails; a busy machine does not.
 */
export const VAULT_TESTS = { timeout: 60_000 } as const;

/**
 * `vi.waitFor` options for work the vault finishes in the background (a rotation resumed at
 * unlock): the 1 s default is too short on 2 busy cores.
 */
export const BACKGROUND_WAIT = { timeout: 30_000, interval: 100 } as const;

export const PASSPHRASE = 'correct horse battery staple';
export const OTHER_PASSPHRASE = 'كلمة مرور جديدة وطويلة جدا';

/** A general-compartment record kind for tests. */
export const noteKind = defineRecordKind('note', 'general', z.strictObject({ title: z.string(), text: z.string() }));
/** A witness-compartment record kind for tests. */
export const witnessCardKind = defineRecordKind('witness-card', 'witness', z.strictObject({ fullName: z.string() }));

/** The value, or a test failure if it is missing (instead of a non-null assertion). */
export function defined<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}

/** Workers a test spawned, to assert on termination. */
export interface SpawnLog {
  readonly spawned: WorkerEndpoint[];
  readonly terminated: WorkerEndpoint[];
}

/** Real workers, logged. */
export function realWorkers(log: SpawnLog): () => WorkerEndpoint {
  return () => {
    const worker = spawnVaultWorker();
    const terminate = worker.terminate.bind(worker);
    const logged: WorkerEndpoint = Object.assign(worker, {
      terminate: () => {
        (log.terminated as WorkerEndpoint[]).push(logged);
        terminate();
      },
    });
    (log.spawned as WorkerEndpoint[]).push(logged);
    return logged;
  };
}

/**
 * The engine in this realm over a MessageChannel. `terminate` closes the channel and drops
 * the engine's session lock: like a killed worker, it then answers nothing (its keyring
 * writes never arrive) and holds nothing.
 */
export function inProcessWorkers(options: EngineOptions, log?: SpawnLog): () => WorkerEndpoint {
  installVaultErrorTransfer();
  return () => {
    const { port1, port2 } = new MessageChannel();
    const locks: HeldLock[] = [];
    const acquireLock = async (name: string) => {
      const held = await acquireSessionLock(name);
      if (held) locks.push(held);
      return held;
    };
    expose(createVaultEngine({ ...options, acquireLock }), port1);
    const endpoint: WorkerEndpoint = Object.assign(port2, {
      terminate: () => {
        (log?.terminated as WorkerEndpoint[] | undefined)?.push(endpoint);
        port1.close();
        port2.close();
        for (const held of locks.splice(0)) held.release();
      },
    });
    (log?.spawned as WorkerEndpoint[] | undefined)?.push(endpoint);
    return endpoint;
  };
}

/** A client and what it runs on. */
export interface Harness {
  readonly client: VaultClient;
  readonly platform: MemoryVaultPlatform;
  readonly keyring: MemoryKeyring;
  readonly databaseName: string;
}

/** Options of `makeHarness`. */
export interface HarnessOptions extends Partial<Omit<VaultClientOptions, 'platform'>> {
  readonly keyring?: MemoryKeyring;
  /** Run the engine in-process with these options instead of a real worker. */
  readonly engine?: EngineOptions;
}

const made: string[] = [];

/** A fresh database name for one test. */
export function testDatabaseName(): string {
  const name = `sijill-test-${crypto.randomUUID()}`;
  made.push(name);
  return name;
}

/** Builds an initialised client (state first-run or locked). */
export async function makeHarness(options: HarnessOptions = {}): Promise<Harness> {
  const keyring = options.keyring ?? createMemoryKeyring();
  const platform = createMemoryVaultPlatform(keyring);
  const databaseName = options.databaseName ?? testDatabaseName();
  const client = createVaultClient({
    kdfParams: () => KDF_FLOOR,
    ...options,
    ...(options.engine ? { spawnWorker: inProcessWorkers(options.engine) } : {}),
    platform,
    databaseName,
  });
  await client.init();
  return { client, platform, keyring, databaseName };
}

/** A harness with a vault created and unlocked. */
export async function makeUnlockedVault(options: HarnessOptions = {}): Promise<Harness> {
  const harness = await makeHarness(options);
  await harness.client.create({ passphrase: PASSPHRASE, profile: 'moderate', withRecoveryKey: false });
  return harness;
}

/** Opens the database raw (Dexie without a schema reads the stored one). */
export async function rawDatabase(name: string): Promise<Dexie> {
  const db = new Dexie(name);
  await db.open();
  return db;
}

/** Every row of every table, keyed by table name. */
export async function dumpDatabase(name: string): Promise<Record<string, unknown[]>> {
  const db = await rawDatabase(name);
  try {
    const out: Record<string, unknown[]> = {};
    for (const table of db.tables) out[table.name] = await table.toArray();
    return out;
  } finally {
    db.close();
  }
}

/** Deletes the databases made by this test file's tests. */
export async function deleteTestDatabases(): Promise<void> {
  for (const name of made.splice(0)) await Dexie.delete(name);
}
