/**
 * The migration authority's side: submit an assessment request, read its outcome. The authority
 * learns the conclusion and nothing more (`assessmentView`), and only for its own agency's cases:
 * a case of another agency is "not found", never "forbidden", so ids cannot be probed.
 */
import { randomUUID } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../../shared/canonical-json.js';
import { ForbiddenError, NotFoundError } from '../../shared/errors.js';
import { requirePermission } from '../access.js';
import { externalStatus, isConcluded } from '../case-status.js';
import { parseAssessmentRequest } from '../request.js';
import type { AssessmentView, SubmitResult } from '../service.js';
import { deadlineFor } from '../sla.js';
import { type Actor, type AssessmentRequest, actorRef, type VettingCase } from '../types.js';
import { changeStatus, nowIso, type UseCaseDeps } from './context.js';

/** Exactly the five fields of issue 6's contract, in its order; nothing else leaves. */
export function assessmentView(vettingCase: VettingCase): AssessmentView {
  const concluded = isConcluded(vettingCase.status);
  return {
    id: vettingCase.id,
    external_id: vettingCase.externalId,
    status: externalStatus(vettingCase.status),
    conclusion: concluded ? vettingCase.conclusion : null,
    concluded_at: concluded ? vettingCase.concludedAt : null,
  };
}

/** Plain data as JSON (drops `undefined` members as storage does). */
function asJson(value: object): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

function officerAgency(actor: Actor): string {
  if (actor.kind !== 'user' || actor.agency === null) {
    throw new ForbiddenError('only an officer of a migration agency can do this');
  }
  return actor.agency;
}

/**
 * Registers a request as a new case, or returns the case the agency already submitted under
 * the same `external_id` (`created: false`): a retried POST never makes a duplicate. Two
 * concurrent submissions meet at the unique (agency, external_id) key; the loser reads the
 * winner's case.
 */
export async function submitAssessment(
  deps: UseCaseDeps,
  actor: Actor,
  body: unknown,
): Promise<SubmitResult> {
  requirePermission(actor, 'assessment.submit');
  const agency = officerAgency(actor);
  const request = parseAssessmentRequest(body);
  const at = nowIso(deps);
  const deadline = deadlineFor(request.permitType, at, deps.config.sla);
  const by = actorRef(actor);
  return deps.store.transaction(async (tx) => {
    const fresh = newCase({
      id: randomUUID(),
      request,
      agency,
      submittedBy: by,
      submittedAt: at,
      deadline,
    });
    let existing = await tx.caseByExternalId(agency, request.externalId);
    if (existing === null && (await tx.insertCase(fresh)) === null) {
      // A concurrent submission took the key between the lookup and the insert; the insert
      // waited for it to commit, so its case is visible now.
      existing = await tx.caseByExternalId(agency, request.externalId);
      if (existing === null)
        throw new Error(`case ${request.externalId} vanished after a conflict`);
    }
    if (existing !== null) {
      await tx.appendAudit(
        {
          actor: by,
          action: 'assessment.resubmitted',
          objectType: 'case',
          objectId: existing.id,
          details: {
            externalId: request.externalId,
            // A resubmission with other content is still the same request; the flag lets an
            // auditor find the authority's systems that reuse ids.
            identical:
              existing.permitType === request.permitType &&
              canonicalJson(asJson(existing.applicant)) ===
                canonicalJson(asJson(request.applicant)),
          },
        },
        at,
      );
      return { assessment: assessmentView(existing), created: false };
    }
    await tx.insertEvent({
      caseId: fresh.id,
      at,
      actor: by,
      kind: 'submitted',
      fromStatus: null,
      toStatus: 'new',
      details: { externalId: request.externalId, permitType: request.permitType, deadline },
    });
    await tx.appendAudit(
      {
        actor: by,
        action: 'assessment.submitted',
        objectType: 'case',
        objectId: fresh.id,
        details: { agency, externalId: request.externalId, permitType: request.permitType },
      },
      at,
    );
    return { assessment: assessmentView(fresh), created: true };
  });
}

/**
 * The outcome of one of the agency's requests. Reading an approved conclusion delivers it: the
 * case moves `approved -> delivered` in the same transaction as the audited read.
 */
export async function readAssessment(
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
): Promise<AssessmentView> {
  requirePermission(actor, 'assessment.read');
  const agency = officerAgency(actor);
  const at = nowIso(deps);
  const by = actorRef(actor);
  const view = await deps.store.transaction(async (tx) => {
    const found = await tx.caseById(id, { forUpdate: true });
    if (found === null || found.agency !== agency) {
      if (found !== null) {
        // Someone tried another agency's case: worth a trace, though the answer is "not found".
        await tx.appendAudit(
          {
            actor: by,
            action: 'assessment.read_refused',
            objectType: 'case',
            objectId: found.id,
            details: { agency },
          },
          at,
        );
      }
      return null;
    }
    await tx.appendAudit(
      { actor: by, action: 'assessment.read', objectType: 'case', objectId: found.id, details: {} },
      at,
    );
    if (found.status !== 'approved') return assessmentView(found);
    const delivered = await changeStatus(tx, found, 'delivered', {
      actor: by,
      at,
      kind: 'delivered',
      patch: { deliveredAt: at },
      details: { via: 'pull' },
    });
    await tx.appendAudit(
      {
        actor: by,
        action: 'case.delivered',
        objectType: 'case',
        objectId: found.id,
        details: { via: 'pull', conclusion: delivered.conclusion },
      },
      at,
    );
    return assessmentView(delivered);
  });
  if (view === null) throw new NotFoundError(`assessment ${id} not found`, { id });
  return view;
}

/** A case as submitted: `new`, nothing decided yet. The one place a case starts its life. */
export function newCase(input: {
  readonly id: string;
  readonly request: AssessmentRequest;
  readonly agency: string;
  readonly submittedBy: string;
  readonly submittedAt: string;
  readonly deadline: string;
}): VettingCase {
  const { request } = input;
  return {
    id: input.id,
    externalId: request.externalId,
    agency: input.agency,
    permitType: request.permitType,
    applicant: request.applicant,
    status: 'new',
    submittedBy: input.submittedBy,
    submittedAt: input.submittedAt,
    deadline: input.deadline,
    triage: null,
    assigneeUserId: null,
    assignee: null,
    proposal: null,
    approval: null,
    conclusion: null,
    concludedAt: null,
    deliveredAt: null,
    revision: 0,
  };
}
