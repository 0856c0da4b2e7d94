/**
 * The audit trail as the UI shows it: every readable entry, decrypted, in sequence order,
 * each marked verified or not. Runs in the vault worker.
 */
import { AUDIT_SEGMENT_ACTION, nextAuditKey, wipe, type AuditEntry } from '../../../../shared/crypto';
import type { AuditRow, AuditTrail } from '../vault-client';
import { INTERNAL_FIELDS, loadAudit } from './audit-log';
import { checkAudit } from './audit-verify';
import type { Session } from './session';

/** Generations of the rows the trail tracks, as the session holds them. */
function sessionGenerations(session: Session): Map<string, number> {
  const generations = new Map<string, number>();
  for (const shard of session.heads.all()) {
    if (!session.heads.broken.has(shard.number)) generations.set(`h${shard.number}`, shard.generation);
  }
  generations.set('settings', session.settingsRowGeneration);
  return generations;
}

/**
 * What the UI may see of an entry's data: never the integrity fields, and of a segment start
 * only where it continues the chain (it also reveals the retired audit key, which stays here).
 */
function shownData(entry: AuditEntry): Record<string, unknown> {
  const data = entry.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return {};
  const fields = Object.entries(data as Record<string, unknown>);
  if (entry.action === AUDIT_SEGMENT_ACTION) return Object.fromEntries(fields.filter(([key]) => key === 'afterSeq'));
  return Object.fromEntries(fields.filter(([key]) => !INTERNAL_FIELDS.has(key)));
}

/**
 * Reads, decrypts and verifies the whole trail (against the keyring's anchored head). Holds the
 * write lock so no save lands between reading the rows and reading the generations.
 */
export function buildAuditTrail(session: Session): Promise<AuditTrail> {
  return session.exclusive(() => verifiedTrail(session));
}

async function verifiedTrail(session: Session): Promise<AuditTrail> {
  const keyring = session.holder.keyring;
  const loaded = await loadAudit(session.db, keyring);
  const nextKey = await nextAuditKey(keyring);
  const check = await checkAudit(keyring, loaded, sessionGenerations(session), nextKey).finally(() => wipe(nextKey));
  const warning = check.warning;
  const rows: AuditRow[] = [];
  for (const { chained } of loaded) {
    if (!chained) continue; // unreadable rows cannot be shown; the warning says they exist
    rows.push({
      seq: chained.seq,
      action: chained.entry.action,
      at: chained.entry.at,
      data: shownData(chained.entry),
      verified: warning === null || warning.firstBadSeq === null || chained.seq < warning.firstBadSeq,
    });
  }
  return { rows, warning };
}
