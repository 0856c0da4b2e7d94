/**
 * Renders the whole shell the way main.tsx does, over a fake platform and a vault client
 * (the fake one unless the test passes the real one), with its own i18n instance. Callers
 * clean up with cleanup() and resetDocumentLanguage().
 */
import { render } from 'vitest-browser-react';
import { App } from '../../../renderer/src/app/app';
import { AppProviders } from '../../../renderer/src/app/app-providers';
import { createI18n } from '../../../renderer/src/i18n/create-i18n';
import type { Language } from '../../../renderer/src/i18n/languages';
import type { VaultClient } from '../../../renderer/src/vault/vault-client';
import { createFakePlatform, type FakePlatform, type FakePlatformOptions } from '../../fakes/fake-platform';
import { createFakeVaultClient, type FakeVaultClient, type FakeVaultOptions } from '../../fakes/fake-vault-client';

export interface RenderAppOptions<V extends VaultClient> extends FakePlatformOptions {
  language?: Language;
  /** Options of the fake vault (ignored when `vault` is given). */
  fakeVault?: FakeVaultOptions;
  /** A vault client built by the test (e.g. the real one over `platform`). */
  vault?: (platform: FakePlatform) => V;
}

/** Renders <App> in `language` over a fake platform and a vault client. */
export async function renderApp<V extends VaultClient = FakeVaultClient>(options: RenderAppOptions<V> = {}) {
  const platform = createFakePlatform(options);
  const vault = (options.vault ? options.vault(platform) : createFakeVaultClient(options.fakeVault)) as V;
  const i18n = createI18n(options.language ?? 'en');
  const screen = await render(
    <AppProviders platform={platform} vault={vault} i18n={i18n}>
      <App />
    </AppProviders>,
  );
  return { screen, platform, vault, i18n };
}
