/**
 * Picks the Platform for this page: the desktop bridge when the preload put it there, the
 * browser implementation otherwise. Called once, by the entry point.
 */
import { createElectronPlatform, readBridge } from './electron-platform';
import type { Platform } from './platform';
import { createWebPlatform } from './web-platform';

/** The Electron platform when the preload bridge exists, else the web platform. */
export function selectPlatform(target: Window = window): Platform {
  const bridge = readBridge(target);
  return bridge ? createElectronPlatform(bridge) : createWebPlatform({ window: target });
}
