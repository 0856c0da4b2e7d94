// Runs in: the Electron main process.
/**
 * Where the built pieces sit relative to the built main bundle (out/main/main.js):
 * out/preload/preload.cjs and out/renderer/. Derived from main's own location, so it holds
 * inside app.asar and in a development checkout alike.
 */
import { resolve } from 'node:path';

/** Absolute paths of the preload script and the renderer folder. */
export interface AppLayout {
  readonly preload: string;
  readonly rendererRoot: string;
}

/** The layout for a main bundle living in `mainDir`. */
export function appLayout(mainDir: string): AppLayout {
  return {
    preload: resolve(mainDir, '..', 'preload', 'preload.cjs'),
    rendererRoot: resolve(mainDir, '..', 'renderer'),
  };
}
