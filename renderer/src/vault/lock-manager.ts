/**
 * When to lock: the idle timer, platform lock signals and the manual shortcut, in one place.
 * Runs on the renderer's main thread. Pure (timers only, no DOM, no vault), so it is tested
 * with fake timers; user-activity.ts feeds it input events and the vault client arms it at
 * unlock and disarms it at lock.
 */
import type { PlatformLockSignal } from '../platform/platform';
import { DEFAULT_IDLE_LOCK_MINUTES, MAX_IDLE_LOCK_MINUTES, MIN_IDLE_LOCK_MINUTES } from './settings-limits';
import type { LockReason } from './vault-client';


/** The timer functions used; defaults to the global ones (which fake timers replace). */
export interface LockTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const globalTimers: LockTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Lock reasons the platform can send (a desktop signal or, on the web, a hidden page). */
const SIGNAL_REASON: Record<PlatformLockSignal, LockReason> = {
  suspend: 'suspend',
  'lock-screen': 'lock-screen',
  hidden: 'hidden',
};

/**
 * Decides when the vault locks and calls `onLock` once per armed period. While disarmed
 * (locked, first run) it ignores everything, so a stray signal cannot lock twice.
 */
export class LockManager {
  private handle: unknown = null;
  private idleMs = DEFAULT_IDLE_LOCK_MINUTES * 60_000;
  private isArmed = false;

  constructor(
    private readonly onLock: (reason: LockReason) => void,
    private readonly timers: LockTimers = globalTimers,
  ) {}

  /** True between `arm` and the next lock or `disarm`. */
  get armed(): boolean {
    return this.isArmed;
  }

  /** Starts watching (at unlock) with the vault's idle setting. */
  arm(idleMinutes: number): void {
    this.isArmed = true;
    this.setIdleMinutes(idleMinutes);
  }

  /** Stops watching (at lock); pending timers are cleared. */
  disarm(): void {
    this.isArmed = false;
    this.clear();
  }

  /** Applies a changed idle setting; the countdown restarts from now. */
  setIdleMinutes(minutes: number): void {
    const bounded = Math.min(MAX_IDLE_LOCK_MINUTES, Math.max(MIN_IDLE_LOCK_MINUTES, Math.round(minutes)));
    this.idleMs = bounded * 60_000;
    this.restart();
  }

  /**
   * The user did something (key, pointer, wheel, touch): restart the countdown. Cheap enough
   * to call on every event; the input events we listen to are not high-frequency ones.
   */
  activity(): void {
    this.restart();
  }

  /** A platform lock signal: lock now if armed. */
  signal(signal: PlatformLockSignal): void {
    this.fire(SIGNAL_REASON[signal]);
  }

  /** The lock shortcut or button. */
  lockNow(): void {
    this.fire('manual');
  }

  private restart(): void {
    if (!this.isArmed) return;
    this.clear();
    this.handle = this.timers.setTimeout(() => this.fire('idle'), this.idleMs);
  }

  private clear(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }

  private fire(reason: LockReason): void {
    if (!this.isArmed) return;
    this.disarm();
    this.onLock(reason);
  }
}
