/**
 * Reading and writing identity card files through the platform port. Runs on the renderer's
 * main thread. A card is a few hundred bytes of public keys: anything larger is refused unread.
 */
import { MAX_CARD_CHARS } from '../../../../shared/bundle';
import type { Platform } from '../../platform/platform';

/** Extension of identity card files. */
export const CARD_EXTENSION = 'sijill-id';
const MAX_CARD_BYTES = MAX_CARD_CHARS * 4;

/** Why a card file could not be read. */
export class CardFileError extends Error {
  override readonly name = 'CardFileError';
  constructor(readonly problem: 'too-large' | 'unreadable') {
    super(`card file ${problem}`);
  }
}

/** Lets the user pick a card file (call from a click handler); null when cancelled. */
export async function openCardFile(platform: Pick<Platform, 'openFile'>): Promise<string | null> {
  const file = await platform.openFile([{ name: 'Sijill identity card', extensions: [CARD_EXTENSION, 'txt'] }]);
  if (!file) return null;
  try {
    if (file.size > MAX_CARD_BYTES) throw new CardFileError('too-large');
    const bytes = await file.read(0, file.size);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new CardFileError('unreadable');
    }
  } finally {
    await file.close();
  }
}

/** Saves the card text as a file; the suggested name never carries the label (user data). */
export function saveCardFile(platform: Pick<Platform, 'saveFile'>, card: string) {
  return platform.saveFile({
    suggestedName: `identity.${CARD_EXTENSION}`,
    filters: [{ name: 'Sijill identity card', extensions: [CARD_EXTENSION] }],
    chunks: (async function* () {
      yield new TextEncoder().encode(card);
    })(),
  });
}
