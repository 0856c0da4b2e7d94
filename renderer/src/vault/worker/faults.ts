/**
 * Fault-injection points for tests. Runs in the vault worker (or in-process in tests).
 *
 * Multi-step operations call `step(name)` between their steps, always outside any Dexie
 * transaction. The app passes no hooks; tests throw from a hook to simulate the process
 * being killed at that point, then open the same database and keyring again.
 */

/** Named points between the steps of multi-step operations. */
export type FaultStep =
  /** Ciphertext prepared, transaction not yet started (any record or settings write). */
  | 'write:sealed'
  /** New vault: keyring file written, database not yet initialised. */
  | 'create:keyring-written'
  /** Rotation: keyring with the new epochs written, no data key re-wrapped yet. */
  | 'rotation:keyring-written'
  /** Rotation: the new audit segment's first entry committed, its key not yet in the keyring. */
  | 'rotation:audit-segment-written'
  /** Rotation: one batch of re-wrapped keys committed. */
  | 'rotation:batch-written'
  /** Rotation: every key re-wrapped, old epochs not yet retired from the keyring. */
  | 'rotation:before-retire';

/** Hooks a test may install. */
export interface VaultFaults {
  step?(name: FaultStep): void | Promise<void>;
}

/** Runs the hook for `name`, if any. */
export async function faultPoint(faults: VaultFaults, name: FaultStep): Promise<void> {
  await faults.step?.(name);
}
