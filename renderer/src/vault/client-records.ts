/**
 * The main-thread record repository: validates bodies with each kind's schema on the way in
 * and on the way out, and forwards everything else to the worker. Runs on the renderer's main
 * thread (schemas are functions, which cannot cross to the worker).
 *
 * The caller's `body` is never modified: it is validated into a copy and cloned on its way to
 * the worker, so after any failure (storage full, lock, conflict) the form still holds it.
 */
import { transfer, type Remote } from 'comlink';
import type { LiveRecord, RecordKind, RecordList, RecordRepository, UnreadableRecord } from './vault-client';
import { createSlicer, yieldToUi, type Slicer } from './ui-slices';
import { RecordValidationError } from './vault-errors';
import type { DecryptedRecord, PackedRecords, VaultWorkerApi } from './worker-api';


/** Runs a call on the unlocked worker or rejects with `LockedError`. */
export type WorkerCall = <T>(task: (api: Remote<VaultWorkerApi>) => Promise<T>) => Promise<T>;

function validate<T>(kind: RecordKind<T>, body: unknown): T {
  try {
    return kind.parse(body);
  } catch (cause) {
    throw Object.assign(new RecordValidationError(), { cause });
  }
}

function toLive<T>(kind: RecordKind<T>, record: DecryptedRecord): LiveRecord<T> {
  return { id: record.id, type: record.type, compartment: record.compartment, version: record.version, savedAt: record.savedAt, body: validate(kind, record.body) };
}

/** Validates every body of a worker list with `parse`, yielding to the UI now and then. */
async function validateAll<T>(parse: (input: unknown) => T, result: { records: DecryptedRecord[]; unreadable: UnreadableRecord[] }): Promise<RecordList<T>> {
  const records: LiveRecord<T>[] = [];
  const unreadable: UnreadableRecord[] = [...result.unreadable];
  // Validating ten thousand bodies is a second of work: yield now and then so the UI
  // thread never runs one task longer than ~100 ms (DESIGN.md §13).
  const slicer = createSlicer();
  for (const record of result.records) {
    const pause = slicer.maybeYield();
    if (pause) await pause;
    validateInto(parse, record, records, unreadable);
  }
  return { records, unreadable };
}

/** One worker record, its body checked with `parse`: into `records`, or `unreadable` if it fails. */
function validateInto<T>(parse: (input: unknown) => T, record: DecryptedRecord, records: LiveRecord<T>[], unreadable: UnreadableRecord[]): void {
  try {
    records.push({ id: record.id, type: record.type, compartment: record.compartment, version: record.version, savedAt: record.savedAt, body: parse(record.body) });
  } catch {
    unreadable.push({ id: record.id, problem: 'invalid-body' });
  }
}

/**
 * Validates a packed list (worker/record-store.ts `packRecords`) chunk by chunk, yielding
 * between chunks and within them (ui-slices.ts): each chunk is parsed in one short task and its
 * bodies checked with `parse` in time slices, so ten thousand summaries never arrive or get
 * validated in one long task.
 */
async function unpackAll<T>(parse: (input: unknown) => T, packed: PackedRecords): Promise<RecordList<T>> {
  const list = { records: [] as LiveRecord<T>[], unreadable: [] as UnreadableRecord[] };
  await unpackInto(parse, packed, list, createSlicer());
  return list;
}

/** `unpackAll` into `into` (the parts of one list, in order). */
async function unpackInto<T>(parse: (input: unknown) => T, packed: PackedRecords, into: { records: LiveRecord<T>[]; unreadable: UnreadableRecord[] }, slicer: Slicer): Promise<void> {
  const decoder = new TextDecoder();
  into.unreadable.push(...packed.unreadable);
  for (const [index, chunk] of packed.chunks.entries()) {
    if (index > 0) await yieldToUi();
    const list = JSON.parse(decoder.decode(chunk)) as DecryptedRecord[];
    packed.chunks[index] = new Uint8Array(0); // the bytes are garbage once parsed
    for (const record of list) {
      const pause = slicer.maybeYield();
      if (pause) await pause;
      validateInto(parse, record, into.records, into.unreadable);
    }
  }
}

/**
 * Summaries are asked for in this many parts at once (worker/record-store.ts `listSummaries`):
 * the worker answers them in order, so the first part is validated here while the worker still
 * decrypts the next, instead of one thread waiting for the other.
 */
export const SUMMARY_PARTS = 8;

/** Every summary of `type`, its parts requested at once and validated in order as they arrive. */
async function listSummaryParts<T>(call: WorkerCall, type: string, parse: (input: unknown) => T): Promise<RecordList<T>> {
  const parts = Array.from({ length: SUMMARY_PARTS }, (_, index) => call((api) => api.listSummaries(type, { index, of: SUMMARY_PARTS })));
  for (const part of parts) part.catch(() => undefined); // awaited in order below; the first failure is thrown there
  const list = { records: [] as LiveRecord<T>[], unreadable: [] as UnreadableRecord[] };
  const slicer = createSlicer();
  for (const part of parts) await unpackInto(parse, await part, list, slicer);
  return list;
}

/** Builds the repository over `call`. */
export function createRecordRepository(call: WorkerCall): RecordRepository {
  return {
    async create(kind, body, options) {
      const valid = validate(kind, body);
      return toLive(kind, await call((api) => api.createRecord(kind.type, kind.compartment, valid, options?.id)));
    },
    async read(kind, id) {
      return toLive(kind, await call((api) => api.readRecord(kind.type, id)));
    },
    async update(kind, id, body, expectedVersion) {
      const valid = validate(kind, body);
      return toLive(kind, await call((api) => api.updateRecord(kind.type, id, valid, expectedVersion)));
    },
    async delete(kind, id, expectedVersion) {
      await call((api) => api.deleteRecord(kind.type, id, expectedVersion));
    },
    async list(kind) {
      return unpackAll(kind.parse, await call((api) => api.listRecords(kind.type)));
    },
    listSummaries: (kind, summary) => listSummaryParts(call, kind.type, summary),
    async listFields(kind, fields, parse) {
      return unpackAll(parse, await call((api) => api.listFields(kind.type, [...fields])));
    },
    async readMany(kind, ids) {
      return validateAll(kind.parse, await call((api) => api.readRecords(kind.type, [...ids])));
    },
    loadSearchIndex: () => call((api) => api.loadSearchIndex()),
    saveSearchIndex: (bytes) => call((api) => api.saveSearchIndex(transfer(bytes, [bytes.buffer]))),
    async history(kind, id) {
      const versions = await call((api) => api.recordHistory(kind.type, id));
      return versions.map((record) => toLive(kind, record));
    },
  };
}
