import { afterEach, describe, expect, it } from 'vitest';
import { CHUNK_BYTES, CIPHER_CHUNK_BYTES } from '../../../shared/stream';
import type { OpenedFile } from '../../../renderer/src/platform/platform';
import { RecordNotFoundError } from '../../../renderer/src/vault/vault-errors';
import { storedChunkCount } from '../../../renderer/src/vault/worker/attachment-format';
import { sameBytes } from '../support/chunks';
import { deleteTestDatabases, dumpDatabase, makeUnlockedVault, PASSPHRASE } from '../vault/support/vault-harness';
import { countRows, draftFor, newOwner, patternBytes, readWhole, sha256Hex } from './support';

afterEach(deleteTestDatabases);

const SIZES = [0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 257 * CHUNK_BYTES];

describe('attachments through the real vault worker', () => {
  it('round-trips the boundary sizes with the SHA-256 of the original bytes', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    const owner = newOwner();
    let rows = 0;
    for (const size of SIZES) {
      const bytes = patternBytes(size, size + 1);
      const progress: number[] = [];
      const info = await client.attachments.importFile(new File([bytes], `file-${size}.bin`, { type: 'application/x-test' }), draftFor(owner, `file-${size}.bin`, 'application/x-test'), {
        onProgress: (n) => progress.push(n),
      });
      expect(info).toMatchObject({ size, name: `file-${size}.bin`, mediaType: 'application/x-test', owner, source: 'file' });
      expect(info.sha256).toBe(await sha256Hex(bytes));
      rows += storedChunkCount(size);
      expect(await countRows(databaseName, 'chunks')).toBe(rows);
      expect(sameBytes(await readWhole(client, info.id), bytes)).toEqual({ length: size, firstDifference: -1 });
      await expect.poll(() => progress.at(-1)).toBe(size);
    }
    // Locking and unlocking changes nothing: the metadata and the chunks are read back anew.
    await client.lock('manual');
    await client.unlock(PASSPHRASE);
    const listed = await client.attachments.list(owner);
    expect(listed.unreadable).toEqual([]);
    expect(listed.attachments.map((a) => a.size)).toEqual(SIZES);
    const last = listed.attachments.at(-1);
    if (!last) throw new Error('no attachments listed');
    expect(await client.attachments.verify(last.id)).toMatchObject({ id: last.id, size: 257 * CHUNK_BYTES, sha256: last.sha256 });
    await client.dispose();
  });

  it('imports a file opened through the platform port (the desktop dialog) in slices, and closes it', async () => {
    const { client } = await makeUnlockedVault();
    const bytes = patternBytes(3 * 1024 * 1024 + 17, 9);
    const reads: number[] = [];
    let closed = false;
    const opened: OpenedFile = {
      name: 'تقرير-طبي.pdf',
      size: bytes.length,
      read: async (offset, length) => {
        reads.push(length);
        return bytes.slice(offset, offset + length);
      },
      close: async () => {
        closed = true;
      },
    };
    const progress: number[] = [];
    const info = await client.attachments.importOpenedFile(opened, draftFor(newOwner(), opened.name, 'application/pdf'), { onProgress: (n) => progress.push(n) });
    expect(info).toMatchObject({ size: bytes.length, name: 'تقرير-طبي.pdf', sha256: await sha256Hex(bytes) });
    expect(Math.max(...reads)).toBeLessThanOrEqual(1024 * 1024);
    expect(progress.at(-1)).toBe(bytes.length);
    expect(closed).toBe(true);
    expect(sameBytes(await readWhole(client, info.id), bytes)).toEqual({ length: bytes.length, firstDifference: -1 });
    await client.dispose();
  });

  it('stores only fixed-size chunk rows under ids that look random, and no clear metadata', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    await client.attachments.importFile(new File([patternBytes(3)], 'x.bin'), draftFor(newOwner(), 'tiny-name-canary.bin', 'image/canary'));
    await client.attachments.importFile(new File([patternBytes(CHUNK_BYTES * 2 + 5)], 'y.bin'), draftFor(newOwner()));
    await client.lock('manual');
    const dump = await dumpDatabase(databaseName);
    const chunks = dump['chunks'] as { id: string; body: Uint8Array }[];
    expect(chunks.length).toBe(1 + 3);
    for (const row of chunks) {
      expect(Object.keys(row).sort()).toEqual(['body', 'id']);
      expect(row.id).toMatch(/^[A-Za-z0-9_-]{21}[AQgw]$/);
      expect(row.body.length).toBe(CIPHER_CHUNK_BYTES);
    }
    expect(dump['blobs']).toEqual([]);
    const text = JSON.stringify(dump, (_key, value: unknown) => (value instanceof Uint8Array ? new TextDecoder('latin1').decode(value) : value));
    expect(text).not.toContain('tiny-name-canary');
    expect(text).not.toContain('image/canary');
    await client.dispose();
  });

  it('lists per owner, keeps attachment records out of the generic record API, and deletes everything', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    const a = newOwner();
    const b = newOwner('perpetrator');
    const first = await client.attachments.importFile(new File([patternBytes(CHUNK_BYTES * 3)], 'a'), draftFor(a, 'a.bin'));
    await client.attachments.importFile(new File([patternBytes(10)], 'b'), draftFor(b, 'photo.jpg', 'image/jpeg'));
    expect((await client.attachments.list(a)).attachments.map((x) => x.name)).toEqual(['a.bin']);
    expect((await client.attachments.list(b)).attachments.map((x) => x.name)).toEqual(['photo.jpg']);
    // The metadata record holds the blob key: the generic API must not reach it.
    const sneaky = { type: 'attachment', compartment: 'general' as const, parse: (input: unknown) => input };
    await expect(client.records.read(sneaky, first.id)).rejects.toBeInstanceOf(RecordNotFoundError);
    await expect(client.records.list(sneaky)).rejects.toBeInstanceOf(RecordNotFoundError);

    await client.attachments.delete(first.id);
    expect((await client.attachments.list(a)).attachments).toEqual([]);
    await expect(client.attachments.open(first.id)).rejects.toBeInstanceOf(RecordNotFoundError);
    expect(await countRows(databaseName, 'chunks')).toBe(storedChunkCount(10));
    expect(await countRows(databaseName, 'blobs')).toBe(0);
    await client.dispose();
  });
});
