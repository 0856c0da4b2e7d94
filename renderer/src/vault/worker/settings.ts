/**
 * Vault settings, stored as one encrypted singleton row (`vault`/"settings"). Runs in the vault
 * worker. The row's envelope version is its generation, recorded in the audit trail like the
 * head shards', so restoring an older copy (say, one with the wipe policy off) is noticed.
 */
import type { RecordContent, UnlockedKeyring } from '../../../../shared/crypto';
import { DEFAULT_IDLE_LOCK_MINUTES, MAX_IDLE_LOCK_MINUTES, MAX_WIPE_AFTER, MIN_IDLE_LOCK_MINUTES, MIN_WIPE_AFTER } from '../settings-limits';
import type { VaultSettings } from '../vault-client';
import { RecordIntegrityError, RecordValidationError } from '../vault-errors';
import type { VaultDatabase } from './database';
import { isPlainRecord, openRow } from './sealed-rows';

/** Envelope type and row id of the settings singleton. */
export const SETTINGS_TYPE = 'settings';
export const SETTINGS_ID = 'settings';

/** Settings of a new vault: lock after 5 idle minutes, never wipe on failed unlocks. */
export const DEFAULT_SETTINGS: VaultSettings = Object.freeze({ idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES, wipeAfterFailedUnlocks: null });

/** Settings and the generation of the row they came from (0: no row yet). */
export interface LoadedSettings {
  readonly settings: VaultSettings;
  readonly generation: number;
}

function isIdle(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_IDLE_LOCK_MINUTES && value <= MAX_IDLE_LOCK_MINUTES;
}

function isWipeAfter(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && Number.isInteger(value) && value >= MIN_WIPE_AFTER && value <= MAX_WIPE_AFTER);
}

/** Applies `changes`; `RecordValidationError` if a value is out of range. */
export function applySettings(current: VaultSettings, changes: Partial<VaultSettings>): VaultSettings {
  const next = { ...current, ...changes };
  if (!isIdle(next.idleLockMinutes) || !isWipeAfter(next.wipeAfterFailedUnlocks)) throw new RecordValidationError();
  return { idleLockMinutes: next.idleLockMinutes, wipeAfterFailedUnlocks: next.wipeAfterFailedUnlocks };
}

/** The envelope content of settings at `generation`. */
export function encodeSettings(settings: VaultSettings, generation: number): RecordContent {
  return { type: SETTINGS_TYPE, version: generation, body: { ...settings } };
}

/** Reads the settings row; missing means defaults. Throws `RecordIntegrityError` if unreadable. */
export async function loadSettings(db: VaultDatabase, keyring: UnlockedKeyring): Promise<LoadedSettings> {
  const row = await db.vault.get(SETTINGS_ID);
  if (!row) return { settings: DEFAULT_SETTINGS, generation: 0 };
  const content = await openRow(keyring, { table: 'vault', id: SETTINGS_ID, compartment: 'general' }, row, { type: SETTINGS_TYPE, headVersion: 1 });
  const body = content.body;
  if (!isPlainRecord(body) || !isIdle(body['idleLockMinutes']) || !isWipeAfter(body['wipeAfterFailedUnlocks'])) {
    throw new RecordIntegrityError('tampered');
  }
  return { settings: { idleLockMinutes: body['idleLockMinutes'], wipeAfterFailedUnlocks: body['wipeAfterFailedUnlocks'] }, generation: content.version };
}
