/**
 * `open` writes entries through BatchedFileWriter: every byte, in order, to a real file, and a
 * short write (allowed by POSIX, e.g. more pieces than IOV_MAX) resumes exactly where it stopped.
 */
import { readFile, open as openFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BATCH_BYTES, BatchedFileWriter, writeAllPieces, type WritableHandle } from '../../../cli/batched-file-writer';
import { concat, digest, pattern } from '../shared/stream/helpers';
import { tempFolder } from './helpers';

const SIZES = [0, 1, 17, 65_536, 65_519, 3, BATCH_BYTES + 5, 40_000, 0, 2 * BATCH_BYTES, 9];

describe('BatchedFileWriter', () => {
  it('writes every piece in order to a real file, across batches and a final flush', async () => {
    const pieces = SIZES.map((size, i) => pattern(size, i + 1));
    const path = join(tempFolder(), 'entry.bin');
    const handle = await openFile(path, 'wx', 0o600);
    try {
      const writer = new BatchedFileWriter(handle);
      for (const piece of pieces) await writer.write(piece);
      await writer.flush();
      await writer.flush(); // nothing left: a second flush writes nothing
    } finally {
      await handle.close();
    }
    expect(digest(new Uint8Array(await readFile(path)))).toEqual(digest(concat(...pieces)));
  });

  it('resumes short writes (writev and write) where they stopped', async () => {
    const written: Uint8Array[] = [];
    const take = (bytes: Uint8Array, max: number) => {
      const n = Math.min(max, bytes.length);
      written.push(bytes.slice(0, n));
      return n;
    };
    let calls = 0;
    // Writes part of what it is given, the way the kernel may: writev stops inside a piece.
    const handle = {
      writev: async (buffers: readonly Uint8Array[]) => {
        calls++;
        let budget = 70_001;
        for (const buffer of buffers) budget -= take(buffer, budget);
        return { bytesWritten: 70_001 - budget, buffers };
      },
      write: async (buffer: Uint8Array, offset: number) => {
        calls++;
        return { bytesWritten: take(buffer.subarray(offset ?? 0), 30_000), buffer };
      },
    } as unknown as WritableHandle;
    const pieces = [pattern(50_000, 1), pattern(65_536, 2), new Uint8Array(0), pattern(10, 3), pattern(100_000, 4)];
    await writeAllPieces(handle, pieces);
    expect(digest(concat(...written))).toEqual(digest(concat(...pieces)));
    expect(calls).toBeGreaterThan(2);
  });
});
