/**
 * Renders the whole shell the way main.tsx does, over a fake platform, with its own i18n
 * instance. Callers clean up with cleanup() and resetDocumentLanguage().
 */
import { render } from 'vitest-browser-react';
import { App } from '../../../renderer/src/app/app';
import { AppProviders } from '../../../renderer/src/app/app-providers';
import { createI18n } from '../../../renderer/src/i18n/create-i18n';
import type { Language } from '../../../renderer/src/i18n/languages';
import { createFakePlatform, type FakePlatformOptions } from '../../fakes/fake-platform';

/** Renders <App> in `language` over a fake platform built from `options`. */
export async function renderApp(options: FakePlatformOptions & { language?: Language } = {}) {
  const platform = createFakePlatform(options);
  const i18n = createI18n(options.language ?? 'en');
  const screen = await render(
    <AppProviders platform={platform} i18n={i18n}>
      <App />
    </AppProviders>,
  );
  return { screen, platform, i18n };
}
