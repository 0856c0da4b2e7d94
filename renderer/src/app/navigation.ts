/**
 * In-memory navigation: which screen is shown over the one the vault's state decides. No URL
 * router: the desktop app has no address bar, and a URL is one more place state could leak to.
 *
 * Navigation starts over whenever the vault's status changes (locked, unlocked, wiped): after
 * a lock nothing remembers which unlocked screen was open, and every status has its own home.
 */
import { useCallback, useState } from 'react';
import type { VaultState } from '../vault/vault-client';

/** Screens of the open vault, reached from the header. */
export type Section = 'audit' | 'settings' | 'testimonies' | 'facilities' | 'perpetrators' | 'duplicates' | 'search' | 'contacts' | 'export' | 'import';
/** Screens opened on top of whatever is shown, with a way back. */
export type OverlayScreen = 'vault-setup' | 'vault-restore' | 'about' | 'identity';
/**
 * Screens about one record, opened on top with its id (`open('perpetrator', id)`); an editor
 * opened without an id creates a new record.
 */
export type RecordScreen = 'facility' | 'facility-edit' | 'perpetrator' | 'perpetrator-edit' | 'testimony';
export type NavigationScreen = Section | OverlayScreen | RecordScreen;

type Status = VaultState['status'];

export interface Navigation {
  /** The open screen, or null for the home screen of the current status. */
  readonly current: NavigationScreen | null;
  /** The record the open screen is about (RecordScreen), else null. */
  readonly currentId: string | null;
  /** True once something happened after the first load; new screens then take focus. */
  readonly moved: boolean;
  /** Opens a screen on top (Back returns), about record `id` if given. Opening the screen already shown does nothing. */
  open(screen: NavigationScreen, id?: string): void;
  /** Goes to a section of the open vault, or home (null), from anywhere. */
  go(section: Section | null): void;
  back(): void;
}

interface StackEntry {
  readonly screen: NavigationScreen;
  readonly id: string | null;
}

interface NavigationState {
  readonly stack: readonly StackEntry[];
  readonly moved: boolean;
  readonly status: Status;
}

/** Navigation state for the shell, reset when the vault's `status` changes. */
export function useNavigation(status: Status): Navigation {
  const [stored, setStored] = useState<NavigationState>({ stack: [], moved: false, status });
  let state = stored;
  if (stored.status !== status) {
    // Reset during render (not in an effect), so no frame shows a screen from the old status.
    // Leaving "starting" is the first load, not a move: focus stays where the browser put it.
    state = { stack: [], moved: stored.moved || stored.status !== 'starting', status };
    setStored(state);
  }
  const open = useCallback((screen: NavigationScreen, id?: string) => {
    setStored((previous) => {
      const top = previous.stack.at(-1);
      if (top?.screen === screen && top.id === (id ?? null)) return previous;
      return { ...previous, stack: [...previous.stack, { screen, id: id ?? null }], moved: true };
    });
  }, []);
  const go = useCallback((section: Section | null) => {
    setStored((previous) => ({ ...previous, stack: section ? [{ screen: section, id: null }] : [], moved: true }));
  }, []);
  const back = useCallback(() => {
    setStored((previous) => ({ ...previous, stack: previous.stack.slice(0, -1), moved: true }));
  }, []);
  const top = state.stack.at(-1);
  return { current: top?.screen ?? null, currentId: top?.id ?? null, moved: state.moved, open, go, back };
}
