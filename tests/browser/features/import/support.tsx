/**
 * Set-up for the import screen and provenance tests (browser tier): a real vault (real worker,
 * IndexedDB, libsodium), a partner bundle sealed in the test with shared/bundle by a synthetic
 * partner (tests/browser/import/support.ts), and the screen rendered inside the real case file
 * with a fake platform whose file picker returns that bundle. A probe reports the case file's
 * testimonies at each render, to check that a merge reaches the open case file.
 */
import type { ReactNode } from 'react';
import { expect } from 'vitest';
import { render } from 'vitest-browser-react';
import { AppProviders } from '../../../../renderer/src/app/app-providers';
import { CaseFileProvider, useCaseFile, useTestimonies, type TestimonyEntry } from '../../../../renderer/src/features/records';
import { createI18n } from '../../../../renderer/src/i18n/create-i18n';
import type { Language } from '../../../../renderer/src/i18n/languages';
import type { OpenedFile } from '../../../../renderer/src/platform/platform';
import type { VaultClient } from '../../../../renderer/src/vault/vault-client';
import { createIdentity, type DeviceIdentity } from '../../../../shared/crypto/identity';
import { getSodium } from '../../../../shared/crypto/sodium';
import { createFakePlatform } from '../../../fakes/fake-platform';
import { caseFile, ourRecipient, sealBundle } from '../../import/support';

/** What the case file holds at the last render. */
export interface Seen {
  status: string;
  testimonies: readonly TestimonyEntry[];
}

function Probe({ seen }: { seen: Partial<Seen> }) {
  Object.assign(seen, { status: useCaseFile().status, testimonies: useTestimonies().items });
  return null;
}

/** A partner identity and a case-file bundle it sealed for `client` (facility, perpetrator, testimony, one attachment). */
export async function partnerBundle(client: VaultClient, label = 'Partner legal team'): Promise<{ partner: DeviceIdentity; bytes: Uint8Array }> {
  const partner = createIdentity(await getSodium(), undefined);
  const bytes = await sealBundle({ sender: partner, label, recipients: [await ourRecipient(client)], seq: 1, ...(await caseFile()) });
  return { partner, bytes };
}

/** Renders `ui` over `client` inside its case file, in `language`; the picker returns `bundle`. */
export async function renderImportUi(ui: ReactNode, client: VaultClient, language: Language, bundle: Uint8Array | null = null) {
  const picked: OpenedFile[] = [];
  const platform = {
    ...createFakePlatform(),
    openFile: async () => {
      if (!bundle) return null;
      const bytes = bundle;
      const file: OpenedFile = { name: 'case.sijill', size: bytes.length, read: async (offset, length) => bytes.slice(offset, offset + length), close: async () => undefined };
      picked.push(file);
      return file;
    },
  };
  const seen: Partial<Seen> = {};
  const tree = (content: ReactNode) => (
    <AppProviders platform={platform} vault={client} i18n={createI18n(language)}>
      <CaseFileProvider>
        <Probe seen={seen} />
        {content}
      </CaseFileProvider>
    </AppProviders>
  );
  const screen = await render(tree(ui));
  await expect.poll(() => seen.status, { timeout: 20_000 }).toBe('ready');
  return { screen, seen: seen as Seen, picked, show: (next: ReactNode) => screen.rerender(tree(next)) };
}
