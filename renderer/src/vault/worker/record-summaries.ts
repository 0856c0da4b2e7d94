/**
 * Record summaries: a small second row beside the current version of a record of a kind that
 * has a summariser (testimonies), so unlock can decrypt what lists need without the full body.
 * Runs in the vault worker.
 *
 * A summary is a record like any other: sealed in `objects` under its own random id (bound into
 * its associated data, so it cannot be moved), in the record's compartment, with the record's
 * version inside the ciphertext. The record's encrypted head entry names the summary row
 * (`HeadEntry.summary`), and both rows are written in the same transaction, so they can never
 * disagree. A summary whose inner version is not the head version (an old copy put back, a
 * write from an older app) or that is missing or unreadable is *stale*: the reader rebuilds it
 * from the full body and writes it back (record-store.ts `listSummaries`).
 *
 * Nothing in clear says which rows are summaries: they are ciphertext under random ids among
 * the records, padded like every envelope.
 */
import type { Compartment, RecordContent } from '../../../../shared/crypto';
import type { Testimony } from '../../../../shared/domain';
import type { Id } from '../../../../shared/domain/ids';
import { summariseTestimony } from '../../features/records/testimony-summary';
import { RecordIntegrityError } from '../vault-errors';
import type { StoredObject } from './database';
import { isPlainRecord, sealRow, type RowOpener } from './sealed-rows';
import type { Session } from './session';

/** Envelope type of a summary row (vault-internal; no record kind can be listed under it). */
export const SUMMARY_TYPE = 'record-summary';

/** Turns a validated body into its summary (plain JSON). */
type Summariser = (body: unknown) => unknown;

/**
 * The kinds that have summaries. Bodies reach the worker already validated by their kind's
 * schema on the main thread, so the cast is what the schema guaranteed.
 */
const SUMMARISERS: Readonly<Record<string, Summariser>> = {
  testimony: (body) => summariseTestimony(body as Testimony),
};

/** True if records of `type` carry a summary. */
export function hasSummary(type: string): boolean {
  return Object.hasOwn(SUMMARISERS, type);
}

/** The summary of `body`, or null if its kind has none or the body does not fit. */
export function summarise(type: string, body: unknown): unknown {
  const summariser = Object.hasOwn(SUMMARISERS, type) ? SUMMARISERS[type] : undefined;
  if (!summariser) return null;
  try {
    return summariser(body);
  } catch {
    // A body the summariser cannot read is listed from its full row instead (still correct, slower).
    return null;
  }
}

/** Seals the summary of version `version` of record `of`, saved at `savedAt`, under row `rowId`. */
export function sealSummary(session: Session, rowId: Id, compartment: Compartment, of: Id, version: number, savedAt: string, summary: unknown): Promise<StoredObject> {
  const content: RecordContent = { type: SUMMARY_TYPE, version, body: { of, at: savedAt, b: summary } };
  return sealRow(session.holder.keyring, { table: 'objects', id: rowId, compartment }, content);
}

/**
 * Opens a summary row of record `of` at `version` with `opener` (one per batch): the summary
 * and its save time, or null if it is missing, unreadable, of another record, or of another
 * version (stale: rebuild it).
 */
export function openSummary(opener: RowOpener, rowId: Id, row: StoredObject | undefined, compartment: Compartment, of: Id, version: number): { savedAt: string; summary: unknown } | null {
  if (!row) return null;
  let content: RecordContent;
  try {
    content = opener.open({ table: 'objects', id: rowId, compartment }, row, { type: SUMMARY_TYPE, headVersion: version });
  } catch (error) {
    if (error instanceof RecordIntegrityError) return null;
    throw error;
  }
  const inner = content.body;
  if (content.version !== version || !isPlainRecord(inner) || inner['of'] !== of || typeof inner['at'] !== 'string' || !('b' in inner)) return null;
  return { savedAt: inner['at'], summary: inner['b'] };
}
