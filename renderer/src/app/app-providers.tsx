/**
 * Everything the shell needs from above: the platform port, the vault client and the i18n
 * instance. The entry point and the tests build the same tree, each with the platform and
 * vault client they want.
 */
import type { i18n } from 'i18next';
import { useLayoutEffect, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { DemoVaultSwitch } from '../features/demo/demo-vault-switch';
import { VaultProvider } from '../features/vault-session/vault-context';
import { bindDocumentLanguage } from '../i18n/document-language';
import type { Platform } from '../platform/platform';
import { PlatformProvider } from '../platform/platform-context';
import type { VaultClient } from '../vault/vault-client';

export interface AppProvidersProps {
  platform: Platform;
  vault: VaultClient;
  i18n: i18n;
  children: ReactNode;
}

/** Provides the platform, the vault and i18n, and keeps <html lang dir> in step with the language. */
export function AppProviders({ platform, vault, i18n: instance, children }: AppProvidersProps) {
  // Layout effect: the direction flips before the browser paints, never after.
  useLayoutEffect(() => bindDocumentLanguage(instance), [instance]);
  return (
    <PlatformProvider platform={platform}>
      <VaultProvider client={vault}>
        <I18nextProvider i18n={instance}>
          {/* "Explore with demo data" swaps in the demo vault's client for everything below. */}
          <DemoVaultSwitch>{children}</DemoVaultSwitch>
        </I18nextProvider>
      </VaultProvider>
    </PlatformProvider>
  );
}
