/**
 * Errors of the case-records layer, on top of the vault's (re-exported from index.ts).
 * Runs on the renderer's main thread. Branch on `instanceof`; every error carries codes and
 * paths, never record contents, so the UI can put a translated message on the right field.
 */
import type { TestimonyStatus } from '../../../../shared/domain';
import type { Id } from '../../vault/vault-client';

/** Why a link was refused. */
export type LinkProblem =
  | 'missing-facility'
  | 'missing-perpetrator'
  | 'missing-witness'
  | 'missing-consent'
  /** A facility's parent chain would loop back to itself. */
  | 'parent-cycle';

/** One refused link, at its field (a react-hook-form path such as `allegations.2.perpetratorId`). */
export interface LinkIssue {
  readonly path: readonly (string | number)[];
  readonly problem: LinkProblem;
  readonly targetId: Id;
}

/**
 * A save referred to a record that does not exist (deleted, merged away, never saved).
 * Nothing was written; the form keeps its input and shows each issue at its field.
 */
export class LinkIntegrityError extends Error {
  override readonly name = 'LinkIntegrityError';
  readonly code = 'link-integrity';
  constructor(readonly issues: readonly LinkIssue[]) {
    super(`refused: ${issues.length} link(s) to missing records`);
  }
}

/** Where a record is still referred to. */
export interface RecordUsage {
  readonly testimonyIds: readonly Id[];
  readonly facilityIds: readonly Id[];
  readonly perpetratorIds: readonly Id[];
}

/**
 * Deleting a facility, alleged perpetrator, witness or consent that other records still link
 * to. Nothing was deleted; offer to merge it into another record instead (or unlink first).
 */
export class RecordInUseError extends Error {
  override readonly name = 'RecordInUseError';
  readonly code = 'in-use';
  constructor(readonly usage: RecordUsage) {
    super('refused: the record is still linked');
  }
}

/** A status change the flow does not allow (see status-flow.ts). */
export class StatusTransitionError extends Error {
  override readonly name = 'StatusTransitionError';
  readonly code = 'status-transition';
  constructor(
    readonly from: TestimonyStatus,
    readonly to: TestimonyStatus,
  ) {
    super(`status cannot go from ${from} to ${to}`);
  }
}

/**
 * A sealed testimony was to be edited or deleted. It can only be amended: `amendTestimony`
 * with a reason writes a new version that references the sealed one.
 */
export class SealedTestimonyError extends Error {
  override readonly name = 'SealedTestimonyError';
  readonly code = 'sealed';
  constructor() {
    super('a sealed testimony is only amended, never edited');
  }
}

/** A field that may not change on update changed (id, reference code, amendment, pseudonym). */
export class ImmutableFieldError extends Error {
  override readonly name = 'ImmutableFieldError';
  readonly code = 'immutable-field';
  constructor(readonly field: string) {
    super(`field ${field} cannot change`);
  }
}

/** A merge or undo that cannot run (same record twice, already undone, not of that kind, changed since). */
export class MergeError extends Error {
  override readonly name = 'MergeError';
  constructor(readonly code: 'same-record' | 'not-found' | 'already-undone' | 'not-finished' | 'cycle') {
    super(`merge refused: ${code}`);
  }
}

/** The case file is not loaded (still loading after unlock, or dropped at lock). */
export class CaseFileClosedError extends Error {
  override readonly name = 'CaseFileClosedError';
  readonly code = 'closed';
  constructor() {
    super('the case file is not open');
  }
}

/** A reference or pseudonym code given by hand is already used by another record. */
export class CodeTakenError extends Error {
  override readonly name = 'CodeTakenError';
  readonly code = 'code-taken';
  constructor(readonly field: 'referenceCode' | 'pseudonymCode') {
    super(`${field} is already in use`);
  }
}
