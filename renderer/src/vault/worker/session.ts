/**
 * An unlocked session: the keyring, the decrypted head index, the audit chain and settings,
 * and the one way to write (`commit`). Runs in the vault worker; dropped whole at lock.
 *
 * Every write follows the same shape (DESIGN.md §5, TOOLCHAIN.md): seal everything first —
 * rows, the next head shard, the audit entries — then one Dexie transaction that awaits only
 * Dexie, then swap the new in-memory state in. A failed transaction (quota, crash) leaves
 * disk and memory as they were, and never touches what the caller holds.
 */
import type { VaultSettings } from '../vault-client';
import { LockedError, VaultStorageFullError } from '../vault-errors';
import { TRACKED_GENERATION, TRACKED_ROW, type AuditDraft, type AuditLog, type PreparedAudit } from './audit-log';
import { isQuotaError, type StoredLockout, type StoredObject, type StoredShard, type VaultDatabase } from './database';
import { faultPoint, type VaultFaults } from './faults';
import { encodeShard, type HeadIndex, type Shard } from './head-index';
import type { KeyringHolder } from './keyring-holder';
import type { Mutex } from './mutex';
import { sealRow } from './sealed-rows';
import { encodeSettings, SETTINGS_ID } from './settings';
import { summaryCacheId } from './summary-cache';

/** Everything one write changes. */
export interface WritePlan {
  readonly objects?: { readonly put?: readonly StoredObject[]; readonly remove?: readonly string[] };
  readonly versions?: { readonly put?: readonly StoredObject[]; readonly remove?: readonly string[] };
  /** The next generation of one head shard. */
  readonly shard?: Shard;
  /** New settings (sealed at the next generation). */
  readonly settings?: VaultSettings;
  readonly lockout?: StoredLockout;
  /** At least one entry; the first gets the generation of the shard or settings it wrote. */
  readonly audit: readonly [AuditDraft, ...AuditDraft[]];
}

/** How the session's secret was proven (see `setNewPassphraseAfterRecovery`). */
export type OpenedWith = 'passphrase' | 'recovery-key';

/** The unlocked state of the worker. */
export class Session {
  private readonly abort = new AbortController();
  /**
   * 'recovery-key' after an unlock with the recovery key: the user may have forgotten the
   * passphrase, so a new one may be set without it. Becomes 'passphrase' once one is set.
   */
  openedWith: OpenedWith = 'passphrase';

  constructor(
    readonly db: VaultDatabase,
    readonly holder: KeyringHolder,
    readonly heads: HeadIndex,
    readonly audit: AuditLog,
    readonly mutex: Mutex,
    readonly faults: VaultFaults,
    private currentSettings: VaultSettings,
    private settingsGeneration: number,
  ) {}

  /** Aborted at lock: long work (rotation) checks it between batches. */
  get signal(): AbortSignal {
    return this.abort.signal;
  }

  get settings(): VaultSettings {
    return this.currentSettings;
  }

  /** Generation of the stored settings row (0: none yet). */
  get settingsRowGeneration(): number {
    return this.settingsGeneration;
  }

  /** Throws `LockedError` once the session is closing. */
  checkOpen(): void {
    if (this.abort.signal.aborted) throw new LockedError();
  }

  /** Serialises a write with every other write of this session. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    this.checkOpen();
    return this.mutex.run(async () => {
      this.checkOpen();
      return task();
    });
  }

  /** Seals and commits `plan` atomically. Call inside `exclusive`. */
  async commit(plan: WritePlan): Promise<void> {
    const keyring = this.holder.keyring;
    const [first, ...rest] = plan.audit;
    let tracked: Record<string, number | string> = {};
    let shardRow: StoredShard | undefined;
    let settingsRow: StoredObject | undefined;
    if (plan.shard) {
      shardRow = await sealRow(keyring, { table: 'heads', id: plan.shard.number, compartment: 'general' }, encodeShard(plan.shard));
      tracked = { [TRACKED_ROW]: `h${plan.shard.number}`, [TRACKED_GENERATION]: plan.shard.generation };
    }
    if (plan.settings) {
      const generation = this.settingsGeneration + 1;
      settingsRow = await sealRow(keyring, { table: 'vault', id: SETTINGS_ID, compartment: 'general' }, encodeSettings(plan.settings, generation));
      tracked = { [TRACKED_ROW]: 'settings', [TRACKED_GENERATION]: generation };
    }
    const prepared = await this.audit.prepare({ action: first.action, data: { ...first.data, ...tracked } }, ...rest);
    await faultPoint(this.faults, 'write:sealed');
    const db = this.db;
    try {
      await db.transaction('rw', [db.objects, db.versions, db.heads, db.audit, db.vault, db.meta], async () => {
        if (plan.objects?.remove?.length) {
          await db.objects.bulkDelete([...plan.objects.remove]);
          // A removed row may be a deleted testimony's: its shard's summary cache must not keep it.
          if (plan.shard) await db.vault.delete(summaryCacheId(plan.shard.number));
        }
        if (plan.objects?.put?.length) await db.objects.bulkPut([...plan.objects.put]);
        if (plan.versions?.remove?.length) await db.versions.bulkDelete([...plan.versions.remove]);
        if (plan.versions?.put?.length) await db.versions.bulkPut([...plan.versions.put]);
        if (shardRow) await db.heads.put(shardRow);
        if (settingsRow) await db.vault.put(settingsRow);
        if (plan.lockout) await db.meta.put(plan.lockout);
        await db.audit.bulkAdd(prepared.rows);
      });
    } catch (error) {
      if (isQuotaError(error)) throw new VaultStorageFullError();
      throw error;
    }
    if (plan.shard) this.heads.commit(plan.shard);
    if (plan.settings) {
      this.currentSettings = plan.settings;
      this.settingsGeneration += 1;
    }
    this.audit.commit(prepared);
    this.holder.scheduleHeadFlush();
  }

  /**
   * Commits audit entries already chained and sealed (a segment start, audit-rekey.ts) on their
   * own. Call inside `exclusive`.
   */
  async commitAudit(prepared: PreparedAudit): Promise<void> {
    await faultPoint(this.faults, 'write:sealed');
    const db = this.db;
    try {
      await db.transaction('rw', db.audit, async () => {
        await db.audit.bulkAdd(prepared.rows);
      });
    } catch (error) {
      if (isQuotaError(error)) throw new VaultStorageFullError();
      throw error;
    }
    this.audit.commit(prepared);
    this.holder.scheduleHeadFlush();
  }

  /**
   * Ends the session: stops long work, waits for the write in progress, writes the audit head
   * (best effort: entries stay in the database either way), zeroes every key, closes Dexie.
   */
  async close(flush: boolean): Promise<void> {
    this.abort.abort();
    await this.mutex.run(async () => {
      if (flush) await this.holder.flushHead().catch(() => undefined);
    });
    this.holder.dispose();
    this.db.close();
  }
}
