/**
 * Shared set-up for attachment tests (browser tier): a real vault with its own database, an
 * owner id, drafts, whole reads, row counts, and seams to find an attachment's rows in order.
 */
import { idFromBytes, type Id } from '../../../shared/domain/ids';
import type { AttachmentDraft, AttachmentOwner } from '../../../renderer/src/vault/attachment-types';
import type { VaultClient } from '../../../renderer/src/vault/vault-client';
import type { AttachmentSeams } from '../../../renderer/src/vault/worker/attachment-store';
import { concatBytes } from '../../../shared/crypto/bytes';
import { makeUnlockedVault, rawDatabase, type Harness, type HarnessOptions } from '../vault/support/vault-harness';

/** A random owner (the attachment store does not require the owner record to exist). */
export function newOwner(kind: AttachmentOwner['kind'] = 'testimony'): AttachmentOwner {
  return { kind, id: idFromBytes(crypto.getRandomValues(new Uint8Array(16))) };
}

export function draftFor(owner: AttachmentOwner, name = 'scan.bin', mediaType = 'application/octet-stream'): AttachmentDraft {
  return { name, mediaType, owner, source: 'file', capturedAt: '2026-03-01T10:00:00.000Z' };
}

/** Bytes that differ from chunk to chunk (a repeated pattern would hide swapped chunks). */
export function patternBytes(length: number, seed = 7): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** SHA-256 as lowercase hex (WebCrypto, independent of the vault's libsodium). */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Reads a whole attachment through the progressive reader. */
export async function readWhole(client: VaultClient, id: Id, pieceBytes?: number): Promise<Uint8Array> {
  const reader = await client.attachments.open(id);
  const parts: Uint8Array[] = [];
  try {
    for (;;) {
      const piece = await reader.read(pieceBytes);
      parts.push(piece.bytes);
      if (piece.done) return concatBytes(...parts);
    }
  } finally {
    await reader.close();
  }
}

/** Number of rows in `table` of the vault database. */
export async function countRows(databaseName: string, table: string): Promise<number> {
  const db = await rawDatabase(databaseName);
  try {
    return await db.table(table).count();
  } finally {
    db.close();
  }
}

/** Row naming of every attachment a writer started in this engine, by attachment id. */
export interface RowLog {
  readonly seams: AttachmentSeams;
  rowId(attachment: Id, index: number): string;
}

/** Seams that record the row naming of each attachment (and optionally rewrite metadata). */
export function rowLog(metadata?: AttachmentSeams['metadata']): RowLog {
  const namers = new Map<string, (index: number) => string>();
  return {
    seams: { onRows: (id, rowId) => namers.set(id, rowId), ...(metadata ? { metadata } : {}) },
    rowId(attachment, index) {
      const namer = namers.get(attachment);
      if (!namer) throw new Error('no rows were logged for this attachment');
      return namer(index);
    },
  };
}

/** An unlocked vault whose engine runs in-process with attachment seams. */
export function vaultWithSeams(seams: AttachmentSeams, options: HarnessOptions = {}): Promise<Harness> {
  return makeUnlockedVault({ ...options, engine: { ...options.engine, attachments: seams } });
}

/** Runs `edit` on the raw database (the vault should be locked or idle). */
export async function tamper(databaseName: string, edit: (chunks: import('dexie').Table<{ id: string; body: Uint8Array }, string>) => Promise<void>): Promise<void> {
  const db = await rawDatabase(databaseName);
  try {
    await edit(db.table('chunks'));
  } finally {
    db.close();
  }
}
