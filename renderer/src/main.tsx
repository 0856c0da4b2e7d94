/**
 * Entry point of the renderer, on the desktop and in the browser: fonts and page styles, the
 * platform for this runtime, the vault client over it, the UI language from the browser, then
 * the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { AppProviders } from './app/app-providers';
import { createI18n } from './i18n/create-i18n';
import { detectLanguage } from './i18n/languages';
import { selectPlatform } from './platform/select-platform';
import './ui/fonts.css';
import { createVaultClient } from './vault/create-vault-client';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const platform = selectPlatform();
const vault = createVaultClient({ platform });
const i18n = createI18n(detectLanguage(navigator.language));
// Reads the keyring and settles on first run, locked or unavailable; the UI follows the state.
void vault.init();

createRoot(root).render(
  <StrictMode>
    <AppProviders platform={platform} vault={vault} i18n={i18n}>
      <App />
    </AppProviders>
  </StrictMode>,
);
