import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { isOverdue } from '../../vetting/sla.js';
import type { VettingCase } from '../../vetting/types.js';
import { actorOf } from './auth.js';
import { V1_SECURITY, type V1RouteOptions } from './deps.js';
import { presentCaseDetail, presentCaseSummary, presentEvidence, presentNote } from './present.js';
import {
  ApprovalBody,
  AssignmentBody,
  BulkApprovalBody,
  BulkApprovalResponse,
  CaseDetail,
  CaseList,
  CaseListQuery,
  CaseSummary,
  ERRORS,
  EvidenceBody,
  EvidenceResponse,
  NoteBody,
  NoteResponse,
  ProposalBody,
  UuidParams,
} from './schemas.js';

const TAGS = ['Cases'];

/** Analysts' and supervisors' work on cases: list, open, assign, annotate, propose, decide. */
export const caseRoutes: FastifyPluginAsyncTypebox<V1RouteOptions> = async (app, options) => {
  const { vetting, clock } = options;
  const summary = (vettingCase: VettingCase) =>
    presentCaseSummary(vettingCase, isOverdue(vettingCase, clock.now().toISOString()));

  app.get(
    '/cases',
    {
      config: { scopes: 'public', access: 'case.list' },
      schema: {
        summary: 'List cases',
        description:
          "Cases in submission order, filtered by `status`, `overdue` (past the SLA deadline and not concluded) and `mine` (assigned to the caller). Page with `after` = the previous page's `next_after`.",
        tags: TAGS,
        security: V1_SECURITY,
        querystring: CaseListQuery,
        response: { 200: CaseList, ...ERRORS },
      },
    },
    async (request) => {
      const { status, overdue, mine, limit, after } = request.query;
      const cases = await vetting.listCases(actorOf(request), {
        limit,
        ...(status === undefined ? {} : { status }),
        ...(overdue === undefined ? {} : { overdue }),
        ...(mine === undefined ? {} : { mine }),
        ...(after === undefined ? {} : { after }),
      });
      const last = cases.at(-1);
      return {
        cases: cases.map(summary),
        next_after: cases.length === limit && last !== undefined ? last.id : null,
      };
    },
  );

  app.get(
    '/cases/:id',
    {
      config: { scopes: 'public', access: 'case.read' },
      schema: {
        summary: 'Open a case',
        description:
          'The applicant, triage hits with their explanations, risk indicators, proposal, decision, timeline, notes and evidence. Every read is recorded in the audit log.',
        tags: TAGS,
        security: V1_SECURITY,
        params: UuidParams,
        response: { 200: CaseDetail, ...ERRORS },
      },
    },
    async (request) =>
      presentCaseDetail(await vetting.getCase(actorOf(request), request.params.id)),
  );

  app.post(
    '/cases/:id/assignment',
    {
      config: { scopes: 'public', access: 'case.assign' },
      schema: {
        summary: 'Assign a case (or unassign it with null)',
        tags: TAGS,
        security: V1_SECURITY,
        params: UuidParams,
        body: AssignmentBody,
        response: { 200: CaseSummary, ...ERRORS },
      },
    },
    async (request) =>
      summary(
        await vetting.assignCase(
          actorOf(request),
          request.params.id,
          request.body.assignee_user_id,
        ),
      ),
  );

  app.post(
    '/cases/:id/notes',
    {
      config: { scopes: 'public', access: 'case.note' },
      schema: {
        summary: 'Add a note to a case',
        tags: TAGS,
        security: V1_SECURITY,
        params: UuidParams,
        body: NoteBody,
        response: { 201: NoteResponse, ...ERRORS },
      },
    },
    async (request, reply) => {
      const note = await vetting.addNote(actorOf(request), request.params.id, request.body.text);
      return reply.status(201).send(presentNote(note));
    },
  );

  app.post(
    '/cases/:id/evidence',
    {
      config: { scopes: 'public', access: 'case.evidence' },
      schema: {
        summary: 'Attach evidence to a case',
        description:
          'Evidence stays inside the service: it is never sent to the submitting agency.',
        tags: TAGS,
        security: V1_SECURITY,
        params: UuidParams,
        body: EvidenceBody,
        response: { 201: EvidenceResponse, ...ERRORS },
      },
    },
    async (request, reply) => {
      const evidence = await vetting.addEvidence(actorOf(request), request.params.id, request.body);
      return reply.status(201).send(presentEvidence(evidence));
    },
  );

  app.post(
    '/cases/:id/proposal',
    {
      config: { scopes: 'public', access: 'case.propose' },
      schema: {
        summary: 'Propose a conclusion',
        description: '`threat` or `no_objection`, with the reasoning; a supervisor decides.',
        tags: TAGS,
        security: V1_SECURITY,
        params: UuidParams,
        body: ProposalBody,
        response: { 200: CaseSummary, ...ERRORS },
      },
    },
    async (request) =>
      summary(await vetting.propose(actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/cases/:id/approval',
    {
      config: { scopes: 'public', access: 'case.decide' },
      schema: {
        summary: 'Approve or return a proposed conclusion',
        description:
          'Four eyes: whoever proposed the conclusion can never decide on it (403), whatever their roles.',
        tags: TAGS,
        security: V1_SECURITY,
        params: UuidParams,
        body: ApprovalBody,
        response: { 200: CaseSummary, ...ERRORS },
      },
    },
    async (request) =>
      summary(await vetting.decide(actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/cases/bulk-approval',
    {
      config: { scopes: 'public', access: 'case.bulk_signoff' },
      schema: {
        summary: 'Sign off clean cases in bulk',
        description:
          'Approves the `no_objection` that triage proposed for clean cases. Any other case in the list is skipped with the reason, untouched.',
        tags: TAGS,
        security: V1_SECURITY,
        body: BulkApprovalBody,
        response: { 200: BulkApprovalResponse, ...ERRORS },
      },
    },
    async (request) => {
      const result = await vetting.bulkSignOff(
        actorOf(request),
        request.body.case_ids,
        request.body.comment,
      );
      return {
        approved: [...result.approved],
        skipped: result.skipped.map((skip) => ({ id: skip.id, reason: skip.reason })),
      };
    },
  );
};
