/**
 * Pairs a person marked "not the same", held in memory while the vault is open (locking
 * unmounts the provider). Runs on the main thread. Nothing is stored: after the next unlock
 * the suggestion may come back, which errs on the side of asking again rather than hiding a
 * possible duplicate for good without an audited record of the decision.
 */
import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react';

interface Dismissed {
  readonly has: (a: string, b: string) => boolean;
  readonly dismiss: (a: string, b: string) => void;
}

const DismissedContext = createContext<Dismissed | null>(null);

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

function useDismissedState(): Dismissed {
  const [keys, setKeys] = useState<ReadonlySet<string>>(new Set());
  const dismiss = useCallback((a: string, b: string) => setKeys((previous) => new Set(previous).add(pairKey(a, b))), []);
  return useMemo(() => ({ has: (a, b) => keys.has(pairKey(a, b)), dismiss }), [keys, dismiss]);
}

/** Holds dismissals for the screens below it (mount inside the unlocked subtree). */
export function DismissedPairsProvider({ children }: { children: ReactNode }) {
  const state = useDismissedState();
  return <DismissedContext value={state}>{children}</DismissedContext>;
}

/** The dismissals (this component's own when no provider is above). */
export function useDismissedPairs(): Dismissed {
  const shared = use(DismissedContext);
  const own = useDismissedState();
  return shared ?? own;
}
