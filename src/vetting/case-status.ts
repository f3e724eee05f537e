/**
 * The life of a case as a state machine. The table below is the single statement of which moves
 * exist; the use cases call `assertTransition` before every change, and the database's transition
 * trigger mirrors `TRANSITION_PAIRS`, so a bug in either layer cannot move a case off the graph.
 */
import { InvalidTransitionError } from '../shared/errors.js';
import { CASE_STATUSES, type CaseStatus, type ExternalStatus } from './types.js';

/**
 * Where a case may go from each state. A clean case goes `triaged -> proposed` (triage proposes
 * `no_objection`); a flagged or sampled one goes through `in_review`. A returned proposal goes
 * back to an analyst, or is proposed again directly when the analyst only has to amend it.
 * `delivered` is final: a concluded case is never reopened, a new assessment is submitted instead.
 */
export const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = Object.freeze({
  new: ['triaged'],
  triaged: ['in_review', 'proposed'],
  in_review: ['proposed'],
  proposed: ['approved', 'returned'],
  returned: ['in_review', 'proposed'],
  approved: ['delivered'],
  delivered: [],
});

/** Every allowed move as a `[from, to]` pair, in table order (what the database trigger lists). */
export const TRANSITION_PAIRS: readonly (readonly [CaseStatus, CaseStatus])[] = Object.freeze(
  CASE_STATUSES.flatMap((from) =>
    TRANSITIONS[from].map((to) => Object.freeze([from, to] as const)),
  ),
);

/**
 * The allowed pairs as the rows of a SQL `VALUES` list: `('new', 'triaged'), ('triaged', ...)`.
 * The statuses are this module's constants, never user input, so inlining them is safe; a store
 * test compares its trigger's pairs with `TRANSITION_PAIRS`.
 */
export function transitionPairsSql(): string {
  return TRANSITION_PAIRS.map(([from, to]) => `('${from}', '${to}')`).join(', ');
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** An `InvalidTransitionError` that also names the case, so a log line or a 409 is actionable. */
export class CaseTransitionError extends InvalidTransitionError {
  override readonly details: Readonly<Record<string, unknown>>;

  constructor(
    readonly caseId: string,
    from: CaseStatus,
    to: CaseStatus,
  ) {
    super(from, to);
    this.message = `case ${caseId} cannot move from '${from}' to '${to}'`;
    this.details = Object.freeze({ caseId, from, to });
  }
}

/** Throws a `CaseTransitionError` (an `InvalidTransitionError`) unless `from -> to` is allowed. */
export function assertTransition(from: CaseStatus, to: CaseStatus, caseId: string): void {
  if (!canTransition(from, to)) throw new CaseTransitionError(caseId, from, to);
}

/**
 * What the migration authority may learn of a case's state. Every internal state between receipt
 * and conclusion maps to `in_progress`: telling `in_review` from `proposed` would reveal whether
 * triage flagged the person.
 */
export function externalStatus(status: CaseStatus): ExternalStatus {
  switch (status) {
    case 'new':
      return 'received';
    case 'triaged':
    case 'in_review':
    case 'proposed':
    case 'returned':
      return 'in_progress';
    case 'approved':
    case 'delivered':
      return 'concluded';
  }
}

/** A supervisor approved the conclusion: it is final and may be released to the authority. */
export function isConcluded(status: CaseStatus): boolean {
  return status === 'approved' || status === 'delivered';
}
