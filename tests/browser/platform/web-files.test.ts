import { afterEach, describe, expect, it, vi } from 'vitest';
import { openWithFileInput, saveByDownload } from '../../../renderer/src/platform/web-files';
import { concatBytes } from '../../../shared/crypto/bytes';
import { chunksOf, countingBytes, failingAfter } from '../support/chunks';

afterEach(() => {
  vi.restoreAllMocks();
  for (const input of document.querySelectorAll('input[type=file]')) input.remove();
});

/** Intercepts the download: records blobs, clicked anchors and revoked URLs; no file is written. */
function interceptDownloads() {
  const blobs = new Map<string, Blob>();
  const clicked: HTMLAnchorElement[] = [];
  const revoked: string[] = [];
  const create = URL.createObjectURL.bind(URL);
  const revoke = URL.revokeObjectURL.bind(URL);
  vi.spyOn(URL, 'createObjectURL').mockImplementation((object) => {
    const url = create(object);
    if (object instanceof Blob) blobs.set(url, object);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => {
    revoked.push(url);
    revoke(url);
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this);
  });
  return { blobs, clicked, revoked };
}

const save = (chunks: AsyncIterable<Uint8Array>, signal?: AbortSignal) =>
  saveByDownload(
    { suggestedName: 'case-T-2026-0042.sijill', filters: [{ name: 'Sijill bundle', extensions: ['sijill'] }], chunks, ...(signal ? { signal } : {}) },
    { revokeDelayMs: 0 },
  );

describe('saveByDownload', () => {
  it('downloads exactly the streamed bytes under the suggested name, then revokes the URL', async () => {
    const downloads = interceptDownloads();
    const parts = [countingBytes(70_000), new Uint8Array(0), countingBytes(5, 9)] as const;

    const result = await save(chunksOf([...parts]));

    expect(result).toEqual({ status: 'saved', name: 'case-T-2026-0042.sijill' });
    expect(downloads.clicked).toHaveLength(1);
    const anchor = downloads.clicked[0];
    expect(anchor?.download).toBe('case-T-2026-0042.sijill');
    const blob = anchor ? downloads.blobs.get(anchor.href) : undefined;
    expect(blob?.type).toBe('application/octet-stream');
    const saved = new Uint8Array(await (blob as Blob).arrayBuffer());
    expect(saved).toEqual(concatBytes(...parts));
    expect(anchor?.isConnected).toBe(false);
    await expect.poll(() => downloads.revoked).toEqual([anchor?.href]);
  });

  it('copies each chunk when it arrives, so a producer may reuse its buffer', async () => {
    const downloads = interceptDownloads();
    async function* reusing() {
      const buffer = new Uint8Array(3);
      for (const value of [1, 2]) {
        buffer.fill(value);
        yield buffer;
      }
    }
    await save(reusing());
    const blob = [...downloads.blobs.values()][0] as Blob;
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array([1, 1, 1, 2, 2, 2]));
  });

  it('downloads nothing when aborted mid-stream, and closes the producer', async () => {
    const downloads = interceptDownloads();
    const controller = new AbortController();
    const source = chunksOf([countingBytes(10), countingBytes(10), countingBytes(10)]);
    const chunks = {
      async *[Symbol.asyncIterator]() {
        for await (const chunk of source) {
          yield chunk;
          controller.abort();
        }
      },
    };
    await expect(save(chunks, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(source.finished).toBe(true);
    expect(source.pulled).toBeLessThan(3);
    expect(downloads.blobs.size).toBe(0);
    expect(downloads.clicked).toHaveLength(0);
  });

  it('does not start when the signal is already aborted', async () => {
    const downloads = interceptDownloads();
    const source = chunksOf([countingBytes(10)]);
    await expect(save(source, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    expect(source.pulled).toBe(0);
    expect(downloads.clicked).toHaveLength(0);
  });

  it('downloads nothing when the producer fails', async () => {
    const downloads = interceptDownloads();
    await expect(save(failingAfter([countingBytes(4)], new Error('encrypt failed')))).rejects.toThrow('encrypt failed');
    expect(downloads.blobs.size).toBe(0);
    expect(downloads.clicked).toHaveLength(0);
  });
});

/** The file input openWithFileInput put in the document. */
function pendingInput(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input in the document');
  return input;
}

function pick(input: HTMLInputElement, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const filters = [{ name: 'Sijill bundle', extensions: ['sijill', 'bak'] }];
const withGesture = { hasUserActivation: () => true };

describe('openWithFileInput', () => {
  it('opens the picked file and reads it in slices, short at the end', async () => {
    const content = countingBytes(1000);
    const opening = openWithFileInput(filters, withGesture);
    const input = pendingInput();
    expect(input.hidden).toBe(true);
    expect(input.accept).toBe('.sijill,.bak');
    pick(input, new File([content], 'from-partner.sijill'));

    const file = await opening;
    expect(file?.name).toBe('from-partner.sijill');
    expect(file?.size).toBe(1000);
    expect(await file?.read(0, 10)).toEqual(content.slice(0, 10));
    expect(await file?.read(990, 64)).toEqual(content.slice(990));
    expect(input.isConnected).toBe(false);

    await file?.close();
    await expect(file?.read(0, 1)).rejects.toThrow('closed');
  });

  it('rejects bad read ranges', async () => {
    const opening = openWithFileInput(filters, withGesture);
    pick(pendingInput(), new File([countingBytes(8)], 'x.sijill'));
    const file = await opening;
    await expect(file?.read(-1, 4)).rejects.toThrow(RangeError);
    await expect(file?.read(0, 0)).rejects.toThrow(RangeError);
    await expect(file?.read(0.5, 4)).rejects.toThrow(RangeError);
  });

  it('resolves null and removes the input when the user cancels', async () => {
    const opening = openWithFileInput(filters, withGesture);
    const input = pendingInput();
    input.dispatchEvent(new Event('cancel'));
    expect(await opening).toBeNull();
    expect(input.isConnected).toBe(false);
  });

  it('rejects outside a user gesture instead of waiting for a chooser that never opens', async () => {
    await expect(openWithFileInput(filters, { hasUserActivation: () => false })).rejects.toThrow('user gesture');
    expect(document.querySelector('input[type=file]')).toBeNull();
  });
});
