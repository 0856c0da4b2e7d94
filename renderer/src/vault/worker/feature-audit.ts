/**
 * Audit entries written on behalf of features (merges, status changes). Runs in the vault
 * worker. The main thread is not trusted to write arbitrary rows into the chain: only the
 * listed action codes are accepted, and data must be a small flat object of ids, codes,
 * counts and flags — never record contents (the trail is shown to anyone who can unlock).
 */
import type { FeatureAuditAction } from '../vault-client';
import { isPlainRecord } from './sealed-rows';
import type { Session } from './session';

/** The action codes a feature may append. */
export const FEATURE_AUDIT_ACTIONS: ReadonlySet<FeatureAuditAction> = new Set<FeatureAuditAction>(['record.merge', 'record.unmerge', 'testimony.status', 'testimony.amend', 'contact.verify', 'contact.remove']);

const MAX_FIELDS = 16;
const KEY = /^[a-z][a-zA-Z0-9]{0,31}$/;
/** Ids (22), codes, ISO times: nothing longer belongs in an audit entry. */
const MAX_STRING = 64;
/** Keys the vault adds itself (audit-log.ts); a feature may not set them. */
const RESERVED = new Set(['kg', 'obj', 'gen']);

function isFeatureAction(action: unknown): action is FeatureAuditAction {
  return typeof action === 'string' && FEATURE_AUDIT_ACTIONS.has(action as FeatureAuditAction);
}

function validData(data: unknown): data is Record<string, string | number | boolean> {
  if (!isPlainRecord(data)) return false;
  const entries = Object.entries(data);
  if (entries.length > MAX_FIELDS) return false;
  return entries.every(([key, value]) => {
    if (!KEY.test(key) || RESERVED.has(key)) return false;
    if (typeof value === 'string') return value.length <= MAX_STRING;
    if (typeof value === 'number') return Number.isSafeInteger(value);
    return typeof value === 'boolean';
  });
}

/** Appends one feature entry to the chain; RangeError for an unknown action or bad data. */
export function appendFeatureAudit(session: Session, action: unknown, data: unknown): Promise<void> {
  if (!isFeatureAction(action)) return Promise.reject(new RangeError('unknown feature audit action'));
  if (!validData(data)) return Promise.reject(new RangeError('feature audit data must be a small flat object'));
  return session.exclusive(() => session.commit({ audit: [{ action, data: { ...data } }] }));
}
