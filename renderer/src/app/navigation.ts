/**
 * In-memory navigation: a stack of screens opened on top of the home screen. No URL router:
 * the desktop app has no address bar, and a URL is one more place state could leak to.
 */
import { useCallback, useState } from 'react';

/** Screens that open over the home screen (first run or lock, decided by the vault's state). */
export type OverlayScreen = 'vault-setup' | 'about';

export interface Navigation {
  /** The open screen, or null for the home screen. */
  readonly current: OverlayScreen | null;
  /** True once the user has moved at least once; new screens then take focus. */
  readonly moved: boolean;
  open(screen: OverlayScreen): void;
  back(): void;
}

interface NavigationState {
  stack: readonly OverlayScreen[];
  moved: boolean;
}

/** Navigation state for the shell. Opening the screen already shown does nothing. */
export function useNavigation(): Navigation {
  const [state, setState] = useState<NavigationState>({ stack: [], moved: false });
  const open = useCallback((screen: OverlayScreen) => {
    setState((previous) =>
      previous.stack.at(-1) === screen ? previous : { stack: [...previous.stack, screen], moved: true },
    );
  }, []);
  const back = useCallback(() => {
    setState((previous) => ({ stack: previous.stack.slice(0, -1), moved: true }));
  }, []);
  return { current: state.stack.at(-1) ?? null, moved: state.moved, open, back };
}
