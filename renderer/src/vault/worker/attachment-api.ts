/**
 * The worker's attachment calls (`AttachmentWorkerApi`), merged into the engine by
 * vault-engine.ts. Runs in the vault worker.
 *
 * Writers and readers are held here by ids the main thread chose; they belong to the session
 * that opened them and die with the worker at lock. Calls on one writer are queued, so a
 * cancel can never interleave with a batch being written (which could strand rows).
 */
import { transfer } from 'comlink';
import { wipe } from '../../../../shared/crypto';
import type { Id } from '../../../../shared/domain/ids';
import type { AttachmentInfo, AttachmentPiece, AttachmentWorkerApi } from '../attachment-types';
import { AttachmentError } from '../vault-errors';
import { readAttachmentStream, type ReadResult } from './attachment-reader';
import { deleteAttachment, listAttachments, loadAttachment, verifyAttachment, type AttachmentSeams } from './attachment-store';
import { AttachmentWriter } from './attachment-writer';
import { notify, releaseListener } from './listener';
import { pullBytes, type PulledBytes } from './pull-bytes';
import type { Session } from './session';

/** Runs a task on the open session (the engine's guard: a closed keyring reads as LockedError). */
export type Guard = <T>(task: (session: Session) => Promise<T>) => Promise<T>;

/** Progress is reported at most once per this many bytes. */
const PROGRESS_BYTES = 1024 * 1024;
/** Largest piece a read returns, whatever the caller asks. */
const MAX_PIECE_BYTES = 4 * 1024 * 1024;

interface WriterSlot {
  writer: AttachmentWriter | null;
  cancelled: boolean;
  /** The tail of this writer's call queue. */
  tail: Promise<unknown>;
}

interface ReaderSlot {
  readonly stream: AsyncGenerator<Uint8Array, ReadResult>;
}

function queued<T>(slot: WriterSlot, task: () => Promise<T>): Promise<T> {
  const result = slot.tail.then(task, task);
  slot.tail = result.catch(() => undefined);
  return result;
}

/** The attachment part of the engine. */
export function createAttachmentApi(guard: Guard, seams: AttachmentSeams = {}): AttachmentWorkerApi {
  const writers = new Map<string, WriterSlot>();
  const readers = new Map<string, ReaderSlot>();

  const slotOf = (writerId: string): WriterSlot => {
    const slot = writers.get(writerId);
    if (!slot) throw new AttachmentError('invalid-state');
    return slot;
  };

  async function begin(session: Session, slot: WriterSlot, draft: Parameters<AttachmentWorkerApi['beginAttachment']>[1]): Promise<AttachmentWriter> {
    const writer = await AttachmentWriter.begin(session, draft);
    slot.writer = writer;
    if (seams.onRows) {
      const namer = await writer.rowNamer();
      seams.onRows(writer.id, (index) => namer.id(index));
    }
    if (slot.cancelled) throw new AttachmentError('cancelled');
    return writer;
  }

  return {
    beginAttachment: (writerId, draft) =>
      guard(async (session) => {
        if (writers.has(writerId)) throw new AttachmentError('invalid-state');
        const slot: WriterSlot = { writer: null, cancelled: false, tail: Promise.resolve() };
        writers.set(writerId, slot);
        await queued(slot, async () => {
          try {
            await begin(session, slot, draft);
          } catch (error) {
            writers.delete(writerId);
            await slot.writer?.abort().catch(() => undefined);
            throw error;
          }
        });
      }),

    appendAttachment: (writerId, bytes) => guard(async () => {
      const slot = slotOf(writerId);
      await queued(slot, async () => {
        if (slot.cancelled || !slot.writer) throw new AttachmentError('cancelled');
        await slot.writer.append(bytes);
      });
    }),

    finishAttachment: (writerId, extra) => guard(async () => {
      const slot = slotOf(writerId);
      try {
        return await queued(slot, async () => {
          if (slot.cancelled || !slot.writer) throw new AttachmentError('cancelled');
          return slot.writer.finish(extra);
        });
      } finally {
        writers.delete(writerId);
      }
    }),

    abortAttachment: async (writerId) => {
      const slot = writers.get(writerId);
      if (!slot) return;
      slot.cancelled = true;
      // An import notices the flag between reads and cleans up itself; a pushed stream is
      // cleaned here, after the call in progress.
      await queued(slot, async () => slot.writer?.abort()).catch(() => undefined);
      writers.delete(writerId);
    },

    importAttachment: (writerId, draft, file, onProgress) =>
      guard(async (session): Promise<AttachmentInfo> => {
        if (writers.has(writerId)) throw new AttachmentError('invalid-state');
        const slot: WriterSlot = { writer: null, cancelled: false, tail: Promise.resolve() };
        writers.set(writerId, slot);
        const reader = file.stream().getReader();
        try {
          return await queued(slot, async () => {
            const writer = await begin(session, slot, draft);
            let reported = 0;
            for (;;) {
              const next = await reader.read();
              if (next.done) break;
              if (slot.cancelled) throw new AttachmentError('cancelled');
              await writer.append(next.value);
              if (writer.bytes - reported >= PROGRESS_BYTES) {
                reported = writer.bytes;
                notify(onProgress, reported);
              }
            }
            if (slot.cancelled) throw new AttachmentError('cancelled');
            const info = await writer.finish();
            notify(onProgress, info.size);
            return info;
          });
        } catch (error) {
          await slot.writer?.abort().catch(() => undefined);
          throw error;
        } finally {
          writers.delete(writerId);
          await reader.cancel().catch(() => undefined);
          releaseListener(onProgress);
        }
      }),

    listAttachments: (owner) => guard((session) => listAttachments(session, owner)),

    openAttachment: (readerId, id) =>
      guard(async (session) => {
        if (readers.has(readerId)) throw new AttachmentError('invalid-state');
        const record = await loadAttachment(session, id, seams);
        const stream = readAttachmentStream(session.db, record);
        readers.set(readerId, { stream: wipeWhenDone(stream, record.blobKey) });
        return record.info;
      }),

    readAttachment: (readerId, maxBytes) =>
      guard(async (session): Promise<AttachmentPiece> => {
        const slot = readers.get(readerId);
        if (!slot) throw new AttachmentError('invalid-state');
        const limit = Math.max(1, Math.min(MAX_PIECE_BYTES, Math.floor(maxBytes) || 1));
        let pulled: PulledBytes;
        try {
          pulled = await pullBytes(slot.stream, limit, () => session.checkOpen());
        } catch (error) {
          readers.delete(readerId);
          throw error;
        }
        const { bytes, done } = pulled;
        if (done) readers.delete(readerId);
        return transfer({ bytes, done }, [bytes.buffer]);
      }),

    closeAttachment: async (readerId) => {
      const slot = readers.get(readerId);
      readers.delete(readerId);
      await slot?.stream.return({ size: 0, sha256: '' }).catch(() => undefined);
    },

    verifyAttachment: (id: Id) => guard((session) => verifyAttachment(session, id, seams)),
    deleteAttachment: (id: Id) => guard((session) => deleteAttachment(session, id)),
  };
}

/** Wraps `stream` so `blobKey` (read when the stream starts) is wiped when it ends or is closed. */
async function* wipeWhenDone(stream: AsyncGenerator<Uint8Array, ReadResult>, blobKey: Uint8Array): AsyncGenerator<Uint8Array, ReadResult> {
  try {
    return yield* stream;
  } finally {
    wipe(blobKey);
  }
}
