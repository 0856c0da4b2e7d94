/**
 * Shared set-up for the case-file UI tests (browser tier): the real vault client (floor
 * Argon2id, a database of its own per test) unlocked, the real case file (CaseFileProvider with
 * its search worker), and the screen under test rendered inside it with its own i18n instance.
 * A probe hook chosen by the caller reports what the case file holds at each render, so data
 * can be seeded and checked through the data layer.
 */
import type { ReactNode } from 'react';
import { expect } from 'vitest';
import { render } from 'vitest-browser-react';
import { AppProviders } from '../../../renderer/src/app/app-providers';
import { CaseFileProvider } from '../../../renderer/src/features/records';
import { createI18n } from '../../../renderer/src/i18n/create-i18n';
import type { Language } from '../../../renderer/src/i18n/languages';
import { createFakePlatform } from '../../fakes/fake-platform';
import { makeUnlockedVault, type Harness, type HarnessOptions } from '../vault/support/vault-harness';

/** A rendered UI over a real, unlocked vault and its case file. */
export interface CaseFileUi<S> {
  readonly harness: Harness;
  readonly screen: Awaited<ReturnType<typeof render>>;
  /** The probe's view at the last render; read after `await`ing UI steps. */
  readonly seen: S;
  /** Replaces the UI under test (same vault and case file). */
  show(ui: ReactNode): Promise<void>;
}

function Probe<S>({ seen, useSeen }: { seen: Partial<S>; useSeen: () => S }) {
  Object.assign(seen, useSeen());
  return null;
}

/**
 * Opens a vault (with `options`), renders `ui` inside its case file in `language`, and waits
 * until the case file is loaded (`useSeen().status === 'ready'`).
 */
export async function renderCaseFileUi<S extends { status: string }>(
  ui: ReactNode,
  useSeen: () => S,
  language: Language = 'en',
  options: HarnessOptions = {},
): Promise<CaseFileUi<S>> {
  const harness = await makeUnlockedVault(options);
  const platform = createFakePlatform();
  const i18n = createI18n(language);
  const seen: Partial<S> = {};
  const tree = (content: ReactNode) => (
    <AppProviders platform={platform} vault={harness.client} i18n={i18n}>
      <CaseFileProvider>
        <Probe seen={seen} useSeen={useSeen} />
        {content}
      </CaseFileProvider>
    </AppProviders>
  );
  const screen = await render(tree(ui));
  await expect.poll(() => seen.status, { timeout: 20_000 }).toBe('ready');
  return {
    harness,
    screen,
    seen: seen as S,
    show: async (next) => {
      await screen.rerender(tree(next));
    },
  };
}
