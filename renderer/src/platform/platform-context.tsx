/**
 * How React code reaches the platform port: one provider at the root, usePlatform() below it.
 * Features never import a concrete platform, so they run the same on the desktop and the web.
 */
import { createContext, use, type ReactNode } from 'react';
import type { Platform } from './platform';

const PlatformContext = createContext<Platform | null>(null);

/** Makes `platform` available to usePlatform() in everything below. */
export function PlatformProvider({ platform, children }: { platform: Platform; children: ReactNode }) {
  return <PlatformContext value={platform}>{children}</PlatformContext>;
}

/** The platform port; throws when rendered outside PlatformProvider (a wiring bug). */
export function usePlatform(): Platform {
  const platform = use(PlatformContext);
  if (!platform) throw new Error('usePlatform() needs a <PlatformProvider> above it');
  return platform;
}
