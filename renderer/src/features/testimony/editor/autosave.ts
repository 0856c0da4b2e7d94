/**
 * Autosave of a draft testimony: a pause of 1.5 s after the last change saves a new version.
 * Runs on the renderer's main thread; the encryption runs in the vault worker.
 *
 * Typing costs nothing here: each change only restarts a timer (no validation, no state
 * change after the first), and the status line reads this controller through
 * useSyncExternalStore, so the editor itself never re-renders on a keystroke. The draft is
 * validated once per pause. One save at a time: changes made while a save runs are saved
 * right after it.
 *
 * Nothing typed is ever dropped: after a failed save (disk full, a conflicting version, a
 * broken link) the form keeps every value and the next pause, or "Try again", saves again.
 */
import { LinkIntegrityError, LockedError, VaultStorageFullError, VersionConflictError, type LinkIssue } from '../../records';

/** What the status line says. */
export type AutosaveState =
  /** Nothing changed since the testimony was opened or last saved. */
  | { readonly phase: 'clean' }
  /** Changes wait for the pause (or, outside drafts, for "Save"). */
  | { readonly phase: 'pending' }
  | { readonly phase: 'saving' }
  /** Saved at `at`; `heldBack` incomplete entries are kept on screen and not saved yet. */
  | { readonly phase: 'saved'; readonly at: Date; readonly heldBack: number }
  /** Not saved: some fields need attention. */
  | { readonly phase: 'invalid' }
  | { readonly phase: 'storage-full' }
  /** Someone saved version `actualVersion` in the meantime; this one was not saved. */
  | { readonly phase: 'conflict'; readonly actualVersion: number }
  | { readonly phase: 'failed' };

/** Result of preparing the draft: the body to save, or why not. */
export type Prepared<T> = { readonly ok: true; readonly body: T; readonly heldBack: number } | { readonly ok: false };

export interface AutosaveOptions<T> {
  /** Validates the current values (once per pause). */
  prepare(): Prepared<T>;
  /** Saves a new version; rejects with the data layer's typed errors. */
  persist(body: T): Promise<void>;
  /** A save was refused for links to records that no longer exist. */
  onLinkIssues(issues: readonly LinkIssue[]): void;
  /** Milliseconds after the last change (1500 by default). */
  delayMs?: number;
  /** Injected timers (tests). */
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** The autosave state machine of one open testimony. */
export class AutosaveController<T> {
  private state: AutosaveState = { phase: 'clean' };
  private readonly listeners = new Set<() => void>();
  private timer: unknown = null;
  private running = false;
  private again = false;
  private automatic = true;
  private disposed = false;
  /** Goes up on every change, so a save can tell whether it saved the latest values. */
  private generation = 0;
  /** The generation last saved. */
  private savedGeneration = 0;
  /** The save in flight, if any. */
  private inFlight: Promise<void> | null = null;

  constructor(private readonly options: AutosaveOptions<T>) {}

  /** For useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): AutosaveState => this.state;

  /** Drafts save by themselves; other statuses wait for an explicit save. */
  setAutomatic(automatic: boolean): void {
    this.automatic = automatic;
    if (!automatic) this.cancelTimer();
  }

  /** A value changed. Cheap: called on every keystroke. */
  changed(): void {
    if (this.disposed) return;
    this.generation += 1;
    if (this.state.phase !== 'pending' && !this.running) this.set({ phase: 'pending' });
    if (!this.automatic) return;
    this.cancelTimer();
    const setTimer = this.options.setTimer ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
    this.timer = setTimer(() => {
      this.timer = null;
      void this.saveNow();
    }, this.options.delayMs ?? 1500);
  }

  /** The current values were saved some other way (status change, explicit save). */
  markSaved(heldBack = 0): void {
    this.cancelTimer();
    this.savedGeneration = this.generation;
    this.set({ phase: 'saved', at: new Date(), heldBack });
  }

  /** The values went back to what is stored (an amendment was cancelled): nothing to save. */
  reset(): void {
    this.cancelTimer();
    this.savedGeneration = this.generation;
    this.set({ phase: 'clean' });
  }

  /** Saves now (the pause elapsed, "Try again", or before leaving). */
  async saveNow(): Promise<void> {
    if (this.disposed) return;
    this.cancelTimer();
    if (this.running) {
      this.again = true;
      return;
    }
    const prepared = this.options.prepare();
    if (!prepared.ok) {
      this.set({ phase: 'invalid' });
      return;
    }
    this.running = true;
    const generation = this.generation;
    this.set({ phase: 'saving' });
    try {
      this.inFlight = this.options.persist(prepared.body);
      await this.inFlight;
      this.savedGeneration = generation;
      // Typed on during the save: those changes are not in this version yet.
      this.set(generation === this.generation ? { phase: 'saved', at: new Date(), heldBack: prepared.heldBack } : { phase: 'pending' });
    } catch (error) {
      this.set(this.failure(error));
    } finally {
      this.running = false;
      this.inFlight = null;
    }
    if (this.again && !this.disposed) {
      this.again = false;
      await this.saveNow();
    }
  }

  /** The editor is on screen (again): changes are saved. */
  activate(): void {
    this.disposed = false;
  }

  /**
   * The editor is leaving the screen (another screen was opened): stops the timer and saves
   * what was typed since the last save, if it can be saved, without waiting for the pause.
   * A lock is not a leave: by the time React unmounts, the vault is already locked.
   */
  leave(): void {
    const unsaved = this.generation !== this.savedGeneration;
    this.disposed = true;
    this.cancelTimer();
    if (!unsaved) return;
    // After a save in flight (the next version builds on it), never alongside it.
    const previous = (this.inFlight ?? Promise.resolve()).catch(() => undefined);
    void previous.then(() => {
      const prepared = this.options.prepare();
      if (prepared.ok) return this.options.persist(prepared.body).catch(() => undefined);
      return undefined;
    });
  }

  private failure(error: unknown): AutosaveState {
    if (error instanceof VaultStorageFullError) return { phase: 'storage-full' };
    if (error instanceof VersionConflictError) return { phase: 'conflict', actualVersion: error.actualVersion };
    if (error instanceof LinkIntegrityError) {
      this.options.onLinkIssues(error.issues);
      return { phase: 'invalid' };
    }
    // Locked: the editor is unmounting with the vault's state; nothing to show.
    if (error instanceof LockedError) return { phase: 'pending' };
    return { phase: 'failed' };
  }

  private cancelTimer(): void {
    if (this.timer === null) return;
    (this.options.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>)))(this.timer);
    this.timer = null;
  }

  private set(next: AutosaveState): void {
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}
