/**
 * The lock shortcut: Ctrl+L, or Cmd+L on a Mac. Runs on the renderer's main thread.
 *
 * Matched on the physical key (`code === 'KeyL'`) as well as the character: with an Arabic
 * layout active the L key types "م", so `key` alone would never match there; with a layout
 * that moves L elsewhere (Dvorak), `key` finds it. Locking by mistake is harmless; failing to
 * lock is not, so either match is enough.
 */

/** True if `event` is the lock shortcut. AltGr (reported as Ctrl+Alt) and Shift are excluded. */
export function isLockShortcut(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return false;
  return event.code === 'KeyL' || event.key.toLowerCase() === 'l';
}

/** True on Apple platforms, where the shortcut is shown as ⌘L. */
export function isApplePlatform(nav: Pick<Navigator, 'userAgent'> = navigator): boolean {
  return /Mac|iPhone|iPad/.test(nav.userAgent);
}

/** How the shortcut is written for the user (key names are not translated on keyboards either). */
export function lockShortcutLabel(apple = isApplePlatform()): string {
  return apple ? '⌘L' : 'Ctrl+L';
}

/** The value of aria-keyshortcuts for the lock button. */
export const LOCK_ARIA_SHORTCUTS = 'Control+L Meta+L';
