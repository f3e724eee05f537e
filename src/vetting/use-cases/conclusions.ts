/**
 * Conclusions under four eyes: an analyst proposes, a different person approves (or returns it).
 * Clean cases that triage proposed `no_objection` for are signed off by a supervisor in bulk.
 */

import {
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  ValidationError,
} from '../../shared/errors.js';
import { sha256Hex } from '../../shared/sha256.js';
import { requirePermission } from '../access.js';
import { assertFourEyes, assertMayPropose } from '../four-eyes.js';
import type { VettingRepository } from '../ports.js';
import type { BulkSignOffResult } from '../service.js';
import {
  type Actor,
  type Approval,
  actorRef,
  isConclusion,
  type Proposal,
  type VettingCase,
} from '../types.js';
import { changeStatus, nowIso, TRIAGE_ACTOR, trimmed, type UseCaseDeps } from './context.js';

export const MAX_REASONING_LENGTH = 20_000;
export const MAX_BULK_SIGNOFF = 1_000;
const DEFAULT_BULK_COMMENT = 'bulk sign-off of clean cases proposed by automated triage';

/**
 * An analyst's proposal. From `triaged` the case passes through `in_review` (both moves are in
 * the timeline) and is assigned to the proposer; a case assigned to someone else is theirs to
 * propose.
 */
export async function propose(
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
  input: { readonly conclusion: string; readonly reasoning: string },
): Promise<VettingCase> {
  requirePermission(actor, 'case.propose');
  if (actor.kind !== 'user') throw new ForbiddenError('only a person can propose here');
  if (typeof input.conclusion !== 'string' || !isConclusion(input.conclusion)) {
    throw new ValidationError(
      `conclusion must be 'threat' or 'no_objection', not '${String(input.conclusion)}'`,
      'conclusion',
    );
  }
  const conclusion = input.conclusion;
  const reasoning = trimmed(input.reasoning);
  if (reasoning === null) throw new ValidationError('a proposal needs its reasoning', 'reasoning');
  if (reasoning.length > MAX_REASONING_LENGTH) {
    throw new ValidationError(
      `reasoning has at most ${MAX_REASONING_LENGTH} characters`,
      'reasoning',
    );
  }
  assertMayPropose(actor, conclusion);
  const at = nowIso(deps);
  const by = actorRef(actor);
  return deps.store.transaction(async (tx) => {
    let current = await lockCase(tx, id);
    if (current.assigneeUserId !== null && current.assigneeUserId !== actor.userId) {
      throw new ForbiddenError(
        `case ${id} is assigned to ${current.assignee}; only the assignee proposes`,
      );
    }
    const self = { assigneeUserId: actor.userId, assignee: actor.username };
    if (current.status === 'triaged') {
      current = await changeStatus(tx, current, 'in_review', {
        actor: by,
        at,
        kind: 'assigned',
        patch: self,
        details: { assigneeUserId: actor.userId, assignee: actor.username, previous: null },
      });
    }
    const proposal: Proposal = {
      conclusion,
      reasoning,
      proposedBy: by,
      proposedByUserId: actor.userId,
      proposedAt: at,
    };
    const next = await changeStatus(tx, current, 'proposed', {
      actor: by,
      at,
      kind: 'proposed',
      patch: { ...self, proposal },
      details: { conclusion },
    });
    await tx.appendAudit(
      {
        actor: by,
        action: 'case.proposed',
        objectType: 'case',
        objectId: next.id,
        // The reasoning may quote intelligence; its hash pins it without copying it here.
        details: { conclusion, reasoningSha256: sha256Hex(reasoning) },
      },
      at,
    );
    return next;
  });
}

/** A supervisor's decision on a proposal: approve (the conclusion is final) or return it. */
export async function decide(
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
  input: { readonly decision: string; readonly comment: string },
): Promise<VettingCase> {
  requirePermission(actor, 'case.decide');
  if (input.decision !== 'approve' && input.decision !== 'return') {
    throw new ValidationError(
      `decision must be 'approve' or 'return', not '${String(input.decision)}'`,
      'decision',
    );
  }
  const decision = input.decision;
  const comment = trimmed(input.comment) ?? '';
  if (decision === 'return' && comment === '') {
    throw new ValidationError('returning a proposal needs a comment saying why', 'comment');
  }
  if (comment.length > MAX_REASONING_LENGTH) {
    throw new ValidationError(`comment has at most ${MAX_REASONING_LENGTH} characters`, 'comment');
  }
  const at = nowIso(deps);
  return deps.store.transaction(async (tx) => {
    const current = await lockCase(tx, id);
    return decideLocked(tx, actor, current, { decision, comment, at, bulk: false });
  });
}

/**
 * Approves each case that is a clean case proposed `no_objection` by triage and still waiting;
 * anything else is skipped with the reason (and left as it was). Each case is its own
 * transaction, so one conflict does not undo the others.
 */
export async function bulkSignOff(
  deps: UseCaseDeps,
  actor: Actor,
  ids: readonly string[],
  comment: string,
): Promise<BulkSignOffResult> {
  requirePermission(actor, 'case.bulk_signoff');
  if (!Array.isArray(ids)) throw new ValidationError('ids must be a list of case ids', 'ids');
  const unique = [...new Set(ids)];
  if (unique.length > MAX_BULK_SIGNOFF) {
    throw new ValidationError(`at most ${MAX_BULK_SIGNOFF} cases per sign-off`, 'ids');
  }
  const text = trimmed(comment) ?? DEFAULT_BULK_COMMENT;
  const approved: string[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const id of unique) {
    const at = nowIso(deps);
    try {
      const reason = await deps.store.transaction(async (tx) => {
        const current = await tx.caseById(id, { forUpdate: true });
        if (current === null) return 'not found';
        const refusal = bulkRefusal(current);
        if (refusal !== null) return refusal;
        await decideLocked(tx, actor, current, {
          decision: 'approve',
          comment: text,
          at,
          bulk: true,
        });
        return null;
      });
      if (reason === null) approved.push(id);
      else skipped.push({ id, reason });
    } catch (error) {
      if (
        error instanceof ForbiddenError ||
        error instanceof ConflictError ||
        error instanceof InvalidTransitionError
      ) {
        skipped.push({ id, reason: error.message });
        continue;
      }
      throw error;
    }
  }
  return { approved, skipped };
}

/** Why a case is not a clean case waiting for sign-off, or null when it is one. */
function bulkRefusal(current: VettingCase): string | null {
  if (current.status !== 'proposed') return `status is ${current.status}, not proposed`;
  if (current.triage?.routing !== 'clean') {
    return `triage routing is ${current.triage?.routing ?? 'none'}, not clean`;
  }
  const proposal = current.proposal;
  if (proposal === null || proposal.proposedByUserId !== null) {
    return 'proposed by a person: approve it on its own';
  }
  if (proposal.proposedBy !== actorRef(TRIAGE_ACTOR)) {
    return `proposed by ${proposal.proposedBy}, not by automated triage`;
  }
  if (proposal.conclusion !== 'no_objection') return `proposal is ${proposal.conclusion}`;
  return null;
}

async function lockCase(tx: VettingRepository, id: string): Promise<VettingCase> {
  const found = await tx.caseById(id, { forUpdate: true });
  if (found === null) throw new NotFoundError(`case ${id} not found`, { id });
  return found;
}

async function decideLocked(
  tx: VettingRepository,
  actor: Actor,
  current: VettingCase,
  input: {
    readonly decision: 'approve' | 'return';
    readonly comment: string;
    readonly at: string;
    readonly bulk: boolean;
  },
): Promise<VettingCase> {
  const { decision, comment, at, bulk } = input;
  if (actor.kind !== 'user') throw new ForbiddenError('only a person can decide');
  const target = decision === 'approve' ? 'approved' : 'returned';
  if (current.status !== 'proposed' || current.proposal === null) {
    throw new InvalidTransitionError(current.status, target);
  }
  assertFourEyes(current.proposal, actor);
  const by = actorRef(actor);
  const approval: Approval = {
    decision,
    comment,
    decidedBy: by,
    decidedByUserId: actor.userId,
    decidedAt: at,
  };
  if (decision === 'return') {
    const next = await changeStatus(tx, current, 'returned', {
      actor: by,
      at,
      kind: 'returned',
      patch: { approval },
      details: { comment },
    });
    await tx.appendAudit(
      {
        actor: by,
        action: 'case.returned',
        objectType: 'case',
        objectId: current.id,
        details: { proposedBy: current.proposal.proposedBy },
      },
      at,
    );
    return next;
  }
  const conclusion = current.proposal.conclusion;
  const next = await changeStatus(tx, current, 'approved', {
    actor: by,
    at,
    kind: 'approved',
    patch: { approval, conclusion, concludedAt: at },
    details: { conclusion, ...(bulk ? { bulk: true } : {}) },
  });
  await tx.appendAudit(
    {
      actor: by,
      action: 'case.approved',
      objectType: 'case',
      objectId: current.id,
      details: { conclusion, proposedBy: current.proposal.proposedBy, bulk },
    },
    at,
  );
  const agency = await tx.agency(current.agency);
  if (agency?.webhookUrl) {
    await tx.enqueueDelivery({
      caseId: current.id,
      agency: agency.code,
      url: agency.webhookUrl,
      nextAttemptAt: at,
    });
  }
  return next;
}
