/**
 * Analysts' and supervisors' work on cases: lists, the audited case view, assignment, notes and
 * evidence. Every read that shows a case's content is an audit entry.
 */
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../shared/errors.js';
import { can, requirePermission } from '../access.js';
import type { CaseFilter } from '../ports.js';
import type { CaseDetail, CaseListQuery } from '../service.js';
import { isOverdue } from '../sla.js';
import {
  type Actor,
  actorRef,
  type CaseEvidence,
  type CaseNote,
  type Classification,
  isCaseStatus,
  isClassification,
  type VettingCase,
} from '../types.js';
import { changeCase, changeStatus, nowIso, trimmed, type UseCaseDeps } from './context.js';

export const MAX_LIST_LIMIT = 500;
const DEFAULT_LIST_LIMIT = 100;
export const MAX_NOTE_LENGTH = 20_000;
export const MAX_EVIDENCE_LENGTH = 200_000;

function userId(actor: Actor): number {
  if (actor.kind !== 'user') throw new ForbiddenError('only a person can do this');
  return actor.userId;
}

export async function listCases(
  deps: UseCaseDeps,
  actor: Actor,
  query: CaseListQuery,
): Promise<VettingCase[]> {
  requirePermission(actor, 'case.list');
  if (query.status !== undefined && !isCaseStatus(query.status)) {
    throw new ValidationError(`unknown status '${String(query.status)}'`, 'status');
  }
  const limit = query.limit ?? DEFAULT_LIST_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
    throw new ValidationError(`limit must be 1 to ${MAX_LIST_LIMIT}`, 'limit');
  }
  const at = nowIso(deps);
  const filter: CaseFilter = {
    limit,
    ...(query.status === undefined ? {} : { status: query.status }),
    ...(query.overdue === true ? { overdueAt: at } : {}),
    ...(query.mine === true ? { assigneeUserId: userId(actor) } : {}),
    ...(query.after === undefined ? {} : { after: query.after }),
  };
  const cases = await deps.store.listCases(filter);
  // A list shows applicants' names: it is a read of each case listed.
  await deps.store.appendAudit(
    {
      actor: actorRef(actor),
      action: 'case.list',
      objectType: 'case',
      objectId: '*',
      details: {
        filter: { ...query },
        caseIds: cases.map((item) => item.id),
      },
    },
    at,
  );
  return cases;
}

/** One case with its timeline, notes and evidence; every call is an audited read. */
export async function getCase(deps: UseCaseDeps, actor: Actor, id: string): Promise<CaseDetail> {
  requirePermission(actor, 'case.read');
  const at = nowIso(deps);
  const detail = await deps.store.transaction(async (tx) => {
    const found = await tx.caseById(id);
    if (found === null) return null;
    await tx.appendAudit(
      {
        actor: actorRef(actor),
        action: 'case.read',
        objectType: 'case',
        objectId: found.id,
        details: {},
      },
      at,
    );
    return {
      case: found,
      overdue: isOverdue(found, at),
      timeline: await tx.caseEvents(found.id),
      notes: await tx.caseNotes(found.id),
      evidence: await tx.caseEvidence(found.id),
    };
  });
  if (detail === null) throw new NotFoundError(`case ${id} not found`, { id });
  return detail;
}

/**
 * Assigns a case (or, with null, releases it). A supervisor assigns any active analyst; an
 * analyst takes an unassigned case for themself. Taking a triaged or returned case starts its
 * review (`-> in_review`).
 */
export async function assignCase(
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
  assigneeUserId: number | null,
): Promise<VettingCase> {
  requirePermission(actor, 'case.assign');
  const actorId = userId(actor);
  const supervisor = can(actor, 'case.decide');
  if (!supervisor && assigneeUserId !== null && assigneeUserId !== actorId) {
    throw new ForbiddenError('an analyst can only assign a case to themself');
  }
  const at = nowIso(deps);
  const by = actorRef(actor);
  return deps.store.transaction(async (tx) => {
    const found = await tx.caseById(id, { forUpdate: true });
    if (found === null) throw new NotFoundError(`case ${id} not found`, { id });
    if (!['triaged', 'returned', 'in_review'].includes(found.status)) {
      throw new ConflictError(`case ${id} is ${found.status}: only cases under work are assigned`, {
        status: found.status,
      });
    }
    if (!supervisor && found.assigneeUserId !== null && found.assigneeUserId !== actorId) {
      throw new ForbiddenError(
        `case ${id} is assigned to ${found.assignee}; a supervisor can reassign it`,
      );
    }
    let assignee: string | null = null;
    if (assigneeUserId !== null) {
      const user = await tx.userById(assigneeUserId);
      if (user === null || !user.active || !user.roles.includes('analyst')) {
        throw new ValidationError(
          `user ${assigneeUserId} is not an active analyst`,
          'assignee_user_id',
        );
      }
      assignee = user.username;
    }
    const patch = { assigneeUserId, assignee };
    const details = { assigneeUserId, assignee, previous: found.assignee };
    const next =
      assigneeUserId !== null && (found.status === 'triaged' || found.status === 'returned')
        ? await changeStatus(tx, found, 'in_review', {
            actor: by,
            at,
            kind: 'assigned',
            patch,
            details,
          })
        : await changeCase(tx, found, {
            actor: by,
            at,
            kind: assigneeUserId === null ? 'released' : 'assigned',
            patch,
            details,
          });
    await tx.appendAudit(
      {
        actor: by,
        action: assigneeUserId === null ? 'case.released' : 'case.assigned',
        objectType: 'case',
        objectId: found.id,
        details: { assigneeUserId, assignee, status: next.status },
      },
      at,
    );
    return next;
  });
}

export async function addNote(
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
  text: string,
): Promise<CaseNote> {
  requirePermission(actor, 'case.note');
  const body = trimmed(text);
  if (body === null) throw new ValidationError('a note needs text', 'text');
  if (body.length > MAX_NOTE_LENGTH) {
    throw new ValidationError(`a note has at most ${MAX_NOTE_LENGTH} characters`, 'text');
  }
  const at = nowIso(deps);
  const by = actorRef(actor);
  return deps.store.transaction(async (tx) => {
    const found = await tx.caseById(id);
    if (found === null) throw new NotFoundError(`case ${id} not found`, { id });
    const note = await tx.insertNote({ caseId: found.id, author: by, at, text: body });
    await tx.insertEvent({
      caseId: found.id,
      at,
      actor: by,
      kind: 'note_added',
      fromStatus: null,
      toStatus: null,
      details: { noteId: note.id },
    });
    await tx.appendAudit(
      {
        actor: by,
        action: 'case.note_added',
        objectType: 'case',
        objectId: found.id,
        details: { noteId: note.id },
      },
      at,
    );
    return note;
  });
}

export async function addEvidence(
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
  input: {
    readonly title: string;
    readonly content: string;
    readonly classification: Classification;
  },
): Promise<CaseEvidence> {
  requirePermission(actor, 'case.evidence');
  const title = trimmed(input.title);
  if (title === null) throw new ValidationError('evidence needs a title', 'title');
  if (typeof input.content !== 'string' || input.content.length > MAX_EVIDENCE_LENGTH) {
    throw new ValidationError(
      `evidence content is text of at most ${MAX_EVIDENCE_LENGTH} characters`,
      'content',
    );
  }
  if (typeof input.classification !== 'string' || !isClassification(input.classification)) {
    throw new ValidationError(
      `unknown classification '${String(input.classification)}'`,
      'classification',
    );
  }
  const at = nowIso(deps);
  const by = actorRef(actor);
  return deps.store.transaction(async (tx) => {
    const found = await tx.caseById(id);
    if (found === null) throw new NotFoundError(`case ${id} not found`, { id });
    const evidence = await tx.insertEvidence({
      caseId: found.id,
      addedBy: by,
      at,
      title,
      content: input.content,
      classification: input.classification,
    });
    const details = { evidenceId: evidence.id, classification: evidence.classification };
    await tx.insertEvent({
      caseId: found.id,
      at,
      actor: by,
      kind: 'evidence_added',
      fromStatus: null,
      toStatus: null,
      details,
    });
    await tx.appendAudit(
      { actor: by, action: 'case.evidence_added', objectType: 'case', objectId: found.id, details },
      at,
    );
    return evidence;
  });
}
