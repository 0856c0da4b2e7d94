/**
 * Reads a whole attachment into memory for a viewer that cannot stream (images, and audio in
 * formats MediaSource does not take). Runs on the renderer's main thread.
 *
 * Resolves only once the reader reports `done`, i.e. after FINAL, "nothing after FINAL", the
 * length and the SHA-256 all checked out: a refused stream never reaches the screen, not even
 * its first bytes. Bounded by PREVIEW_CAP_BYTES: the result becomes a Blob for an object URL,
 * and Chromium keeps Blob data in memory only while all Blobs together stay under its
 * in-memory budget (a fraction of RAM); past it, it may page them to disk. One capped preview
 * at a time stays far below that budget, and its URL is revoked on close and on lock.
 */
import type { Id } from '../../../../shared/domain/ids';
import type { AttachmentRepository } from '../../vault/client-attachments';
import { AttachmentError } from '../../vault/vault-errors';

/** Largest attachment shown from memory: 64 MiB. */
export const PREVIEW_CAP_BYTES = 64 * 1024 * 1024;

/** Every byte of attachment `id`, verified, in pieces. Aborting closes the reader. */
export async function readVerified(attachments: AttachmentRepository, id: Id, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>[]> {
  const reader = await attachments.open(id);
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  try {
    if (reader.info.size > PREVIEW_CAP_BYTES) throw new AttachmentError('too-large');
    for (;;) {
      if (signal?.aborted) throw new AttachmentError('cancelled');
      const piece = await reader.read();
      total += piece.bytes.length;
      if (total > PREVIEW_CAP_BYTES) throw new AttachmentError('too-large');
      parts.push(piece.bytes as Uint8Array<ArrayBuffer>);
      if (piece.done) return parts;
    }
  } catch (error) {
    wipeParts(parts);
    throw error;
  } finally {
    await reader.close();
  }
}

/** Overwrites decrypted pieces once they have been handed on (a Blob copies what it is given). */
export function wipeParts(parts: readonly Uint8Array[]): void {
  for (const part of parts) part.fill(0);
}
