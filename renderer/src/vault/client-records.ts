/**
 * The main-thread record repository: validates bodies with each kind's schema on the way in
 * and on the way out, and forwards everything else to the worker. Runs on the renderer's main
 * thread (schemas are functions, which cannot cross to the worker).
 *
 * The caller's `body` is never modified: it is validated into a copy and cloned on its way to
 * the worker, so after any failure (storage full, lock, conflict) the form still holds it.
 */
import type { Remote } from 'comlink';
import type { LiveRecord, RecordKind, RecordRepository, UnreadableRecord } from './vault-client';
import { RecordValidationError } from './vault-errors';
import type { DecryptedRecord, VaultWorkerApi } from './worker-api';

/** Bodies validated between two yields in `list`. */
const LIST_SLICE = 250;
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
      const result = await call((api) => api.listRecords(kind.type));
      const records: LiveRecord<ReturnType<typeof kind.parse>>[] = [];
      const unreadable: UnreadableRecord[] = [...result.unreadable];
      for (const [index, record] of result.records.entries()) {
        // Validating ten thousand bodies is a second of work: yield now and then so the UI
        // thread never runs one task longer than ~100 ms (DESIGN.md §13).
        if (index > 0 && index % LIST_SLICE === 0) await yieldToUi();
        try {
          records.push(toLive(kind, record));
        } catch {
          unreadable.push({ id: record.id, problem: 'invalid-body' });
        }
      }
      return { records, unreadable };
    },
    async history(kind, id) {
      const versions = await call((api) => api.recordHistory(kind.type, id));
      return versions.map((record) => toLive(kind, record));
    },
  };
}
