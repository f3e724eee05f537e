/**
 * The four-eyes rule on conclusions: no single person both proposes and approves one. It is
 * checked on the people, not on their roles, because one user may hold both the analyst and the
 * supervisor role; the database repeats it with a CHECK on the approver and the proposer.
 */
import { ForbiddenError } from '../shared/errors.js';
import { requirePermission } from './access.js';
import type { Actor, Conclusion, Proposal } from './types.js';

/**
 * Throws a `ForbiddenError` unless `approver` may approve `proposal`: a person (never a system
 * actor) other than the one who proposed it. A proposal from triage (`proposedByUserId` null) can
 * be approved by any human supervisor; the supervisor role itself is checked by the caller with
 * `requirePermission(actor, 'case.decide')`.
 */
export function assertFourEyes(proposal: Proposal, approver: Actor): void {
  if (approver.kind !== 'user') {
    throw new ForbiddenError('only a person can approve a conclusion', { approver: approver.name });
  }
  if (proposal.proposedByUserId !== null && proposal.proposedByUserId === approver.userId) {
    throw new ForbiddenError('the user who proposed this conclusion cannot approve it', {
      userId: approver.userId,
    });
  }
}

/**
 * Throws a `ForbiddenError` unless `actor` may propose `conclusion`. Triage may propose only
 * `no_objection` for a clean case: a `threat` conclusion is always a human analyst's judgement,
 * never a score. Other system actors propose nothing; users need `case.propose` (analysts).
 */
export function assertMayPropose(actor: Actor, conclusion: Conclusion): void {
  if (actor.kind === 'user') {
    requirePermission(actor, 'case.propose');
    return;
  }
  if (actor.name !== 'triage') {
    throw new ForbiddenError(`system:${actor.name} cannot propose a conclusion`, {
      actor: actor.name,
    });
  }
  if (conclusion !== 'no_objection') {
    throw new ForbiddenError(
      `automated triage may only propose 'no_objection'; '${conclusion}' needs a human analyst`,
      { conclusion },
    );
  }
}
