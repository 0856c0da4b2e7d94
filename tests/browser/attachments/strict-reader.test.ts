// Every way a stored stream can be damaged, each refused with its own problem code, both by
// "verify integrity" and by a progressive read (which never reports `done`).
import { afterEach, describe, expect, it } from 'vitest';
import type { Id } from '../../../shared/domain/ids';
import { CHUNK_BYTES } from '../../../shared/stream';
import type { AttachmentInfo } from '../../../renderer/src/vault/attachment-types';
import type { VaultClient } from '../../../renderer/src/vault/vault-client';
import { AttachmentError, type AttachmentProblem } from '../../../renderer/src/vault/vault-errors';
import { CHUNK_BATCH, storedChunkCount } from '../../../renderer/src/vault/worker/attachment-format';
import { deleteTestDatabases, PASSPHRASE } from '../vault/support/vault-harness';
import { draftFor, newOwner, patternBytes, readWhole, rowLog, tamper, vaultWithSeams, type RowLog } from './support';

afterEach(deleteTestDatabases);

const SIZE = 5 * CHUNK_BYTES + 123; // 6 chunks of content, no padding chunks (Padmé keeps 6)
const CHUNKS = storedChunkCount(SIZE);

async function refusal(task: Promise<unknown>): Promise<AttachmentProblem> {
  try {
    await task;
  } catch (error) {
    if (error instanceof AttachmentError) return error.problem;
    throw error;
  }
  throw new Error('the damaged stream was accepted');
}

/** Both readers refuse `id` with `problem`; the progressive read never says `done`. */
async function expectRefused(client: VaultClient, id: Id, problem: AttachmentProblem): Promise<void> {
  expect(await refusal(client.attachments.verify(id))).toBe(problem);
  const reader = await client.attachments.open(id);
  let done = false;
  const reading = (async () => {
    for (;;) done = (await reader.read(CHUNK_BYTES)).done;
  })();
  expect(await refusal(reading)).toBe(problem);
  expect(done).toBe(false);
}

async function stored(options: { metadata?: (info: AttachmentInfo) => AttachmentInfo; size?: number } = {}): Promise<{ client: VaultClient; databaseName: string; info: AttachmentInfo; log: RowLog }> {
  const size = options.size ?? SIZE;
  const log = rowLog(options.metadata);
  const { client, databaseName } = await vaultWithSeams(log.seams);
  const info = await client.attachments.importFile(new File([patternBytes(size)], 'statement.pdf'), draftFor(newOwner()));
  // Sound before the damage (a lying metadata seam makes even this first check fail).
  if (!options.metadata) expect(await client.attachments.verify(info.id)).toMatchObject({ size });
  return { client, databaseName, info, log };
}

describe('the strict attachment reader', () => {
  it('refuses a missing chunk row in the middle', async () => {
    const { client, databaseName, info, log } = await stored();
    await tamper(databaseName, (chunks) => chunks.delete(log.rowId(info.id, 2)));
    await expectRefused(client, info.id, 'missing-chunk');
    await client.dispose();
  });

  it('refuses a stream whose FINAL chunk row is gone', async () => {
    const { client, databaseName, info, log } = await stored();
    await tamper(databaseName, (chunks) => chunks.delete(log.rowId(info.id, CHUNKS - 1)));
    await expectRefused(client, info.id, 'truncated');
    await client.dispose();
  });

  it('refuses two chunk rows swapped', async () => {
    const { client, databaseName, info, log } = await stored();
    await tamper(databaseName, async (chunks) => {
      const [a, b] = await chunks.bulkGet([log.rowId(info.id, 1), log.rowId(info.id, 3)]);
      if (!a || !b) throw new Error('rows not found');
      await chunks.bulkPut([{ id: a.id, body: b.body }, { id: b.id, body: a.body }]);
    });
    await expectRefused(client, info.id, 'auth-failed');
    await client.dispose();
  });

  it('refuses a duplicated chunk row', async () => {
    const { client, databaseName, info, log } = await stored();
    await tamper(databaseName, async (chunks) => {
      const row = await chunks.get(log.rowId(info.id, 1));
      if (!row) throw new Error('row not found');
      await chunks.put({ id: log.rowId(info.id, 2), body: row.body });
    });
    await expectRefused(client, info.id, 'auth-failed');
    await client.dispose();
  });

  it('refuses a row appended after the FINAL chunk', async () => {
    const { client, databaseName, info, log } = await stored();
    await tamper(databaseName, async (chunks) => {
      const row = await chunks.get(log.rowId(info.id, CHUNKS - 1));
      if (!row) throw new Error('row not found');
      await chunks.put({ id: log.rowId(info.id, CHUNKS), body: row.body });
    });
    await expectRefused(client, info.id, 'after-final');
    await client.dispose();
  });

  it('refuses a row after FINAL when the last chunk ends a read batch exactly', async () => {
    // The reader fetches the row after FINAL with the batch holding the last chunk; a stream of
    // exactly one batch takes the other path (that batch is asked for one row more).
    const size = (CHUNK_BATCH - 1) * CHUNK_BYTES + 5;
    const chunks = storedChunkCount(size);
    expect(chunks).toBe(CHUNK_BATCH);
    const { client, databaseName, info, log } = await stored({ size });
    const whole = await readWhole(client, info.id);
    expect(whole).toEqual(patternBytes(size));
    await tamper(databaseName, async (rows) => {
      const row = await rows.get(log.rowId(info.id, chunks - 1));
      if (!row) throw new Error('row not found');
      await rows.put({ id: log.rowId(info.id, chunks), body: row.body });
    });
    await expectRefused(client, info.id, 'after-final');
    await client.dispose();
  });

  it('refuses undersized and oversized chunk rows, and a flipped bit', async () => {
    const { client, databaseName, info, log } = await stored();
    const id = log.rowId(info.id, 0);
    const edit = (change: (body: Uint8Array) => Uint8Array) =>
      tamper(databaseName, async (chunks) => {
        const row = await chunks.get(id);
        if (!row) throw new Error('row not found');
        await chunks.put({ id, body: change(row.body) });
      });
    let original = new Uint8Array();
    await edit((body) => {
      original = body.slice();
      return body.subarray(0, body.length - 1).slice();
    });
    await expectRefused(client, info.id, 'chunk-size');
    await edit(() => Uint8Array.of(...original, 0));
    await expectRefused(client, info.id, 'chunk-size');
    await edit(() => {
      const flipped = original.slice();
      flipped[100] = (flipped[100] ?? 0) ^ 1;
      return flipped;
    });
    await expectRefused(client, info.id, 'auth-failed');
    await edit(() => original);
    expect(await client.attachments.verify(info.id)).toMatchObject({ size: SIZE });
    await client.dispose();
  });

  it('refuses a stream whose length differs from the metadata, whichever way', async () => {
    for (const delta of [1, -1, CHUNK_BYTES, -CHUNK_BYTES, -SIZE]) {
      const { client, info } = await stored({ metadata: (meta) => (meta.size === SIZE ? { ...meta, size: SIZE + delta } : meta) });
      await expectRefused(client, info.id, 'length-mismatch');
      await client.dispose();
    }
  });

  it('refuses a SHA-256 that differs from the metadata', async () => {
    const { client, info } = await stored({ metadata: (meta) => ({ ...meta, sha256: meta.sha256.replace(/^./, (c) => (c === '0' ? '1' : '0')) }) });
    await expectRefused(client, info.id, 'hash-mismatch');
    await client.dispose();
  });

  it('still refuses after a lock and unlock (the damage is on disk, not in memory)', async () => {
    const { client, databaseName, info, log } = await stored();
    await client.lock('manual');
    await tamper(databaseName, (chunks) => chunks.delete(log.rowId(info.id, 4)));
    await client.unlock(PASSPHRASE);
    await expectRefused(client, info.id, 'missing-chunk');
    await expect(readWhole(client, info.id)).rejects.toBeInstanceOf(AttachmentError);
    await client.dispose();
  });
});
