/**
 * Saving and opening files in a plain browser. Runs on the renderer's main thread.
 *
 * A page cannot write where it likes: saving is a download of a Blob, opening goes through a
 * hidden `<input type="file">`. Only ciphertext ever reaches the Blob (Chromium may page large
 * blobs to disk, which is acceptable for ciphertext and never for plaintext: DESIGN.md §5).
 */
import type { FileFilter, OpenedFile, SaveRequest, SaveResult } from './platform';
import { assertReadRange } from './read-range';

/** Knobs for the browser file functions; the defaults are what the app uses. */
export interface WebFileOptions {
  /** The document that hosts the download anchor and the file input. */
  document?: Document;
  /**
   * How long the object URL outlives the click. Chromium resolves the URL during click(), but
   * a short grace period costs nothing (the Blob holds ciphertext) and suits slower browsers.
   */
  revokeDelayMs?: number;
  /** Whether a user gesture is active now; browsers show no file chooser without one. */
  hasUserActivation?: () => boolean;
}

const DEFAULT_REVOKE_DELAY_MS = 1000;

/** Saves by downloading: the chunks become one Blob, offered under the suggested name. */
export async function saveByDownload(request: SaveRequest, options: WebFileOptions = {}): Promise<SaveResult> {
  const doc = options.document ?? document;
  const { signal } = request;
  signal?.throwIfAborted();
  // Each chunk is copied into its own Blob at once: a producer may reuse its buffer.
  const parts: Blob[] = [];
  for await (const chunk of request.chunks) {
    signal?.throwIfAborted();
    parts.push(new Blob([chunk.slice()]));
  }
  signal?.throwIfAborted();
  const url = URL.createObjectURL(new Blob(parts, { type: 'application/octet-stream' }));
  try {
    const anchor = doc.createElement('a');
    anchor.href = url;
    anchor.download = request.suggestedName;
    anchor.click();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), options.revokeDelayMs ?? DEFAULT_REVOKE_DELAY_MS);
  }
  return { status: 'saved', name: request.suggestedName };
}

/** An OpenedFile over a File the user picked; slices are read on demand, never the whole file. */
class PickedFile implements OpenedFile {
  #file: File | null;
  readonly name: string;
  readonly size: number;

  constructor(file: File) {
    this.#file = file;
    this.name = file.name;
    this.size = file.size;
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    assertReadRange(offset, length);
    if (!this.#file) throw new Error('file is closed');
    return new Uint8Array(await this.#file.slice(offset, offset + length).arrayBuffer());
  }

  async close(): Promise<void> {
    this.#file = null;
  }
}

function acceptList(filters: FileFilter[]): string {
  return filters.flatMap((filter) => filter.extensions.map((extension) => `.${extension}`)).join(',');
}

/**
 * Lets the user pick one file through a hidden file input; resolves null on cancel.
 * Rejects at once outside a user gesture: the browser would silently show no chooser and the
 * promise would never settle.
 */
export function openWithFileInput(filters: FileFilter[], options: WebFileOptions = {}): Promise<OpenedFile | null> {
  const doc = options.document ?? document;
  const hasUserActivation = options.hasUserActivation ?? (() => navigator.userActivation.isActive);
  if (!hasUserActivation()) return Promise.reject(new Error('openFile must be called from a user gesture'));

  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.hidden = true;
    const accept = acceptList(filters);
    if (accept) input.accept = accept;

    const finish = (file: File | null) => {
      input.removeEventListener('change', onChange);
      input.removeEventListener('cancel', onCancel);
      input.remove();
      resolve(file ? new PickedFile(file) : null);
    };
    const onChange = () => finish(input.files?.[0] ?? null);
    const onCancel = () => finish(null);

    input.addEventListener('change', onChange);
    input.addEventListener('cancel', onCancel);
    // In the document so the change and cancel events reach it in every browser.
    doc.body.append(input);
    input.click();
  });
}
