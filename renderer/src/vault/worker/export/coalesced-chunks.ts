/**
 * Chunk reads of several attachments joined into one IndexedDB request. Runs in the vault
 * worker, for the export's first pass (export-entries.ts), which reads a few attachments at
 * once.
 *
 * Why: a bundle's attachments are mostly small (a few 64 KiB rows each), and reading one
 * attachment's rows cost a request (a read transaction) of its own, whose fixed cost was most
 * of the time an export spent on attachments. Here one request is in flight at a time; the
 * rows asked for meanwhile, by any attachment, go together in the next one (up to MAX_ROWS).
 * Each caller gets exactly its rows, in its order; a failed request fails every caller in it.
 */
import type { Id } from '../../../../../shared/domain/ids';
import type { ChunkFetch } from '../attachment-reader';
import type { StoredChunk, VaultDatabase } from '../database';

/** Rows per request at most (4 MiB of ciphertext); a larger single ask still goes whole. */
const MAX_ROWS = 64;

interface Ask {
  readonly ids: Id[];
  resolve(rows: (StoredChunk | undefined)[]): void;
  reject(error: unknown): void;
}

/** A `ChunkFetch` over `db` that joins concurrent asks. */
export function coalescedChunks(db: VaultDatabase): ChunkFetch {
  const queue: Ask[] = [];
  let busy = false;

  const next = (): void => {
    if (busy || queue.length === 0) return;
    const group: Ask[] = [];
    let rows = 0;
    for (let ask = queue[0]; ask && (group.length === 0 || rows + ask.ids.length <= MAX_ROWS); ask = queue[0]) {
      queue.shift();
      group.push(ask);
      rows += ask.ids.length;
    }
    busy = true;
    db.chunks.bulkGet(group.flatMap((ask) => ask.ids)).then(
      (found) => {
        let at = 0;
        for (const ask of group) {
          ask.resolve(found.slice(at, at + ask.ids.length));
          at += ask.ids.length;
        }
      },
      (error: unknown) => {
        for (const ask of group) ask.reject(error);
      },
    ).finally(() => {
      busy = false;
      next();
    });
  };

  return (ids) =>
    new Promise((resolve, reject) => {
      queue.push({ ids, resolve, reject });
      next();
    });
}
