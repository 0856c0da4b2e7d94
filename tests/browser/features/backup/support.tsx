/**
 * Set-up for the backup and restore screen tests (browser tier): the real vault client (real
 * worker, IndexedDB, Argon2id at the floor) and a fake platform whose "disk" keeps a saved file
 * only once every chunk was written (like the browser's download and the desktop's atomic
 * save), and whose file picker hands out bytes the test chose.
 */
import type { ReactNode } from 'react';
import { render } from 'vitest-browser-react';
import { AppProviders } from '../../../../renderer/src/app/app-providers';
import { createI18n } from '../../../../renderer/src/i18n/create-i18n';
import type { Language } from '../../../../renderer/src/i18n/languages';
import type { OpenedFile, SaveRequest, SaveResult } from '../../../../renderer/src/platform/platform';
import type { VaultClient } from '../../../../renderer/src/vault/vault-client';
import { createFakePlatform } from '../../../fakes/fake-platform';
import { concatBytes } from '../../../../shared/crypto/bytes';

/** A file the fake picker returns. */
export function pickedFile(name: string, bytes: Uint8Array): OpenedFile {
  return { name, size: bytes.length, read: async (offset, length) => bytes.slice(offset, offset + length), close: async () => undefined };
}

/** The fake platform's saves: finished files, and the chunks of the save in progress. */
export interface FakeDisk {
  readonly files: { name: string; bytes: Uint8Array }[];
  /** Chunks received by the save in progress. */
  received: number;
  /** When set, a save waits on it after its first chunk (to cancel mid-write). */
  gate: Promise<void> | null;
  /** What the save dialog answers: save, or the user closed it. */
  answer: 'save' | 'cancel';
}

/**
 * Renders `ui` over `client` in `language` with a fake platform: saves go to the returned
 * disk (nothing is kept unless the save completes), and the picker returns `picked()`.
 */
export async function renderWithDisk(ui: ReactNode, client: VaultClient, language: Language, picked: () => OpenedFile | null = () => null) {
  const disk: FakeDisk = { files: [], received: 0, gate: null, answer: 'save' };
  const base = createFakePlatform({ keyring: null });
  const platform = {
    ...base,
    async saveFile(request: SaveRequest): Promise<SaveResult> {
      if (disk.answer === 'cancel') return { status: 'cancelled' };
      const parts: Uint8Array[] = [];
      request.signal?.throwIfAborted();
      for await (const chunk of request.chunks) {
        parts.push(chunk.slice());
        disk.received += 1;
        if (disk.gate) await disk.gate;
        request.signal?.throwIfAborted();
      }
      disk.files.push({ name: request.suggestedName, bytes: concatBytes(...parts) });
      return { status: 'saved', name: request.suggestedName };
    },
    openFile: async () => picked(),
  };
  const screen = await render(
    <AppProviders platform={platform} vault={client} i18n={createI18n(language)}>
      {ui}
    </AppProviders>,
  );
  return { screen, disk };
}
