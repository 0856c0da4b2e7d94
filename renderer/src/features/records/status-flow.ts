/**
 * The life cycle of a testimony (DESIGN.md §4): draft → complete → reviewed → sealed. Before
 * sealing a step back is allowed (a reviewer sends it back); a sealed testimony never changes
 * again except by amendment: a new version, still sealed, that says why and which sealed
 * version it amends. Pure; enforced by the case store on every save, whatever the screen.
 *
 * Who and when: the vault stamps each version with its save time; it records no author, so
 * history shows "this device". Status changes and amendments are also written to the audit
 * trail (`testimony.status`, `testimony.amend`).
 */
import { isDeepStrictEqual } from './deep-equal';
import type { Testimony, TestimonyStatus } from '../../../../shared/domain';
import { ImmutableFieldError, SealedTestimonyError, StatusTransitionError } from './errors';

/** What the status flow reads of a testimony (its summary has every one of these). */
type FlowFields = Pick<Testimony, 'id' | 'referenceCode' | 'status' | 'amendment'>;

/** Allowed next statuses from each status (staying put is always allowed before sealing). */
export const STATUS_FLOW: Readonly<Record<TestimonyStatus, readonly TestimonyStatus[]>> = Object.freeze({
  draft: ['complete'],
  complete: ['draft', 'reviewed'],
  reviewed: ['complete', 'sealed'],
  sealed: [],
});

/** Statuses a new testimony may start in (review and sealing are separate acts). */
export const INITIAL_STATUSES: readonly TestimonyStatus[] = ['draft', 'complete'];

/** True if a save may move a testimony from `from` to `to`. */
export function canTransition(from: TestimonyStatus, to: TestimonyStatus): boolean {
  if (from === 'sealed') return false;
  return from === to || STATUS_FLOW[from].includes(to);
}

/** The statuses a screen may offer next for a testimony in `from`. */
export function allowedNextStatuses(from: TestimonyStatus): readonly TestimonyStatus[] {
  return STATUS_FLOW[from];
}

/** Checks a new testimony's status and that it carries no amendment. */
export function checkNewTestimony(input: Pick<Testimony, 'status'> & { readonly amendment?: unknown }): void {
  if (!INITIAL_STATUSES.includes(input.status)) throw new StatusTransitionError('draft', input.status);
  if (input.amendment !== undefined) throw new ImmutableFieldError('amendment');
}

/**
 * Checks an ordinary update from `stored` to `next`: not sealed, an allowed status move,
 * same id and reference code, no amendment added.
 */
export function checkTestimonyUpdate<T extends FlowFields>(stored: FlowFields, next: T): void {
  if (stored.status === 'sealed') throw new SealedTestimonyError();
  if (next.id !== stored.id) throw new ImmutableFieldError('id');
  if (next.referenceCode !== stored.referenceCode) throw new ImmutableFieldError('referenceCode');
  if (!isDeepStrictEqual(next.amendment, stored.amendment)) throw new ImmutableFieldError('amendment');
  if (!canTransition(stored.status, next.status)) throw new StatusTransitionError(stored.status, next.status);
}

/** Checks a deletion: a sealed testimony is evidence and is never deleted. */
export function checkTestimonyDelete(stored: Pick<Testimony, 'status'>): void {
  if (stored.status === 'sealed') throw new SealedTestimonyError();
}

/**
 * The body of an amendment of `stored` (sealed, at `storedVersion`) by `edited`: still sealed,
 * same id and reference code, with the reason and the version it amends.
 */
export function amendedBody(stored: FlowFields, storedVersion: number, edited: Testimony, reason: string): Testimony {
  if (stored.status !== 'sealed') throw new StatusTransitionError(stored.status, 'sealed');
  if (edited.id !== stored.id) throw new ImmutableFieldError('id');
  if (edited.referenceCode !== stored.referenceCode) throw new ImmutableFieldError('referenceCode');
  return { ...edited, status: 'sealed', amendment: { reason, amends: { testimonyId: stored.id, version: storedVersion } } };
}
