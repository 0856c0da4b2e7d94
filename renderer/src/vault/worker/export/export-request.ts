/**
 * Checks an export request that crossed from the main thread before anything is read: the
 * worker trusts nothing the UI sends (DESIGN.md §5), and a malformed request is refused whole.
 */
import { isId } from '../../../../../shared/domain/ids';
import type { ExportRequest } from '../../export-types';
import { isPlainRecord } from '../sealed-rows';

/** More than a vault is ever expected to export at once; bounds the work a request can ask for. */
const MAX_TESTIMONIES = 50_000;
/** A bundle has at most 64 stanzas (shared/bundle limits). */
const MAX_RECIPIENTS = 64;

function uniqueIds(value: unknown, max: number): value is readonly string[] {
  return Array.isArray(value) && value.length <= max && value.every(isId) && new Set(value).size === value.length;
}

/** True if `request` is well-formed (ids canonical and unique, known redaction, a boolean flag). */
export function isExportRequest(request: unknown): request is ExportRequest {
  return (
    isPlainRecord(request) &&
    uniqueIds(request.testimonyIds, MAX_TESTIMONIES) &&
    uniqueIds(request.recipientIds, MAX_RECIPIENTS) &&
    (request.redaction === 'pseudonymised' || request.redaction === 'identified') &&
    typeof request.includeAttachments === 'boolean'
  );
}
