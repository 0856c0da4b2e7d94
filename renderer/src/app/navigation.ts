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
export type Section = 'audit' | 'settings';
/** Screens opened on top of whatever is shown, with a way back. */
export type OverlayScreen = 'vault-setup' | 'about';
export type NavigationScreen = Section | OverlayScreen;

type Status = VaultState['status'];

export interface Navigation {
  /** The open screen, or null for the home screen of the current status. */
  readonly current: NavigationScreen | null;
  /** True once something happened after the first load; new screens then take focus. */
  readonly moved: boolean;
  /** Opens a screen on top (Back returns). Opening the screen already shown does nothing. */
  open(screen: NavigationScreen): void;
  /** Goes to a section of the open vault, or home (null), from anywhere. */
  go(section: Section | null): void;
  back(): void;
}

interface NavigationState {
  readonly stack: readonly NavigationScreen[];
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
  const open = useCallback((screen: NavigationScreen) => {
    setStored((previous) => (previous.stack.at(-1) === screen ? previous : { ...previous, stack: [...previous.stack, screen], moved: true }));
  }, []);
  const go = useCallback((section: Section | null) => {
    setStored((previous) => ({ ...previous, stack: section ? [section] : [], moved: true }));
  }, []);
  const back = useCallback(() => {
    setStored((previous) => ({ ...previous, stack: previous.stack.slice(0, -1), moved: true }));
  }, []);
  return { current: state.stack.at(-1) ?? null, moved: state.moved, open, go, back };
}
