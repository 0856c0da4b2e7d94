/**
 * Compartments and key epochs. Records live in a compartment (`general`, or `witness` for
 * identifying witness data) whose key changes epoch on rotation; data keys are wrapped by the
 * compartment key of one epoch.
 */

/** A compartment: each has its own key so witness identities can be shared or withheld separately. */
export type Compartment = 'general' | 'witness';

/** All compartments, in their on-disk order. */
export const COMPARTMENTS: readonly Compartment[] = Object.freeze(['general', 'witness'] as const);

/** Byte codes of compartments in the keyring body and in associated data. */
export const COMPARTMENT_CODE: Readonly<Record<Compartment, number>> = Object.freeze({ general: 1, witness: 2 });

/** Epochs are u32, starting at 1. */
export const MAX_EPOCH = 0xffffffff;

/** A compartment key of one epoch. Treat `key` as read-only; never keep it past `disposeKeyring`. */
export interface EpochKey {
  readonly epoch: number;
  readonly key: Uint8Array;
}

/** The current key of a compartment and the older ones still needed until every data key is re-wrapped. */
export interface CompartmentKeys {
  readonly current: EpochKey;
  /** Older epochs, newest first. */
  readonly previous: readonly EpochKey[];
}

/** True for a valid epoch number. */
export function isEpoch(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_EPOCH;
}
