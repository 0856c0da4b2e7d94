/**
 * Everything the shell needs from above: the platform port and the i18n instance. The entry
 * point and the tests build the same tree, each with the platform it wants.
 */
import type { i18n } from 'i18next';
import { useLayoutEffect, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { bindDocumentLanguage } from '../i18n/document-language';
import type { Platform } from '../platform/platform';
import { PlatformProvider } from '../platform/platform-context';

export interface AppProvidersProps {
  platform: Platform;
  i18n: i18n;
  children: ReactNode;
}

/** Provides the platform and i18n, and keeps <html lang dir> in step with the language. */
export function AppProviders({ platform, i18n: instance, children }: AppProvidersProps) {
  // Layout effect: the direction flips before the browser paints, never after.
  useLayoutEffect(() => bindDocumentLanguage(instance), [instance]);
  return (
    <PlatformProvider platform={platform}>
      <I18nextProvider i18n={instance}>{children}</I18nextProvider>
    </PlatformProvider>
  );
}
