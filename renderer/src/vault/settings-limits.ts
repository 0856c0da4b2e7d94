/**
 * Defaults and bounds of the vault settings, for the settings form and the vault alike. Pure
 * constants with no imports: the main thread (the settings form, lock-manager.ts) and the vault
 * worker (worker/settings.ts) both read them from here, so the form accepts exactly what the
 * vault stores without the UI importing anything from vault/worker/.
 */

/** Default idle time before locking (DESIGN.md §9). */
export const DEFAULT_IDLE_LOCK_MINUTES = 5;
/** Idle bounds: at least a minute (less locks mid-sentence), at most four hours. */
export const MIN_IDLE_LOCK_MINUTES = 1;
export const MAX_IDLE_LOCK_MINUTES = 240;
/** Wipe-after-N bounds when enabled: fewer than 3 wipes on a couple of typos. */
export const MIN_WIPE_AFTER = 3;
export const MAX_WIPE_AFTER = 100;
