/**
 * TypeBox schemas of `/api/v1`. Requests are validated against them and every response is
 * serialised through them: a field not declared here never leaves the server, which is how the
 * migration authority's view stays at exactly five fields (`AssessmentView`, additionalProperties
 * false). JSON is snake_case throughout.
 */
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import {
  CASE_STATUSES,
  CLASSIFICATIONS,
  CONCLUSIONS,
  RISK_CATEGORIES,
  ROLES,
} from '../../vetting/types.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** One of a domain's string constants, as a JSON Schema `enum` (typed as their union). */
const Strings = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
const Timestamp = Type.String({ format: 'date-time', examples: ['2026-03-01T08:00:00.000Z'] });
/** Any JSON: the matcher's explanations and audit details have their own, evolving shapes. */
const AnyJson = Type.Unknown();

export const ErrorResponse = Type.Object({
  detail: Type.String({ examples: ['applicant.names: must NOT have fewer than 1 items'] }),
  field: Type.Optional(Type.String({ description: 'The request field that is wrong' })),
});

/** The statuses a route can answer with besides its success, all with the `{detail}` body. */
export const ERRORS = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
} as const;

export const UuidParams = Type.Object({
  id: Type.String({ format: 'uuid', description: 'The assessment (= case) id' }),
});

export const IntegerIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

// Access.

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);

export const LoginResponse = Type.Object(
  {
    token: Type.String({ description: 'Send as `Authorization: Bearer <token>`' }),
    expires_at: Timestamp,
  },
  { additionalProperties: false },
);

export const User = Type.Object(
  {
    id: Type.Integer(),
    username: Type.String(),
    roles: Type.Array(Strings(ROLES)),
    agency: Nullable(Type.String()),
    active: Type.Boolean(),
    created_at: Timestamp,
  },
  { additionalProperties: false },
);

export const UserList = Type.Array(User);

export const CreateUserBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 1000 }),
    roles: Type.Array(Strings(ROLES), { minItems: 1, uniqueItems: true }),
    agency: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
  },
  { additionalProperties: false },
);

export const UserActiveBody = Type.Object(
  { active: Type.Boolean() },
  { additionalProperties: false },
);

// The migration authority.

const Employment = Type.Object({
  employer: Type.String({ examples: ['ОАО «Интеграл»'] }),
  position: Type.Optional(Nullable(Type.String())),
  country: Type.Optional(Nullable(Type.String({ examples: ['BY'] }))),
  from: Type.Optional(Nullable(Type.String({ examples: ['2015-09'] }))),
  to: Type.Optional(Nullable(Type.String())),
});

/**
 * Documents the request; the domain (`submitAssessment`) validates it in full and names the
 * offending field, so this schema only rejects what is not JSON of the right shape.
 */
export const AssessmentBody = Type.Object({
  external_id: Type.String({ examples: ['MD-2026-000123'] }),
  permit_type: Type.String({ examples: ['work'] }),
  applicant: Type.Object({
    names: Type.Array(Type.String(), { description: 'Any script; the passport name first' }),
    birth_date: Type.Optional(Nullable(Type.String({ examples: ['1971-07-03'] }))),
    citizenship: Type.Optional(Type.Array(Type.String({ examples: ['BY'] }))),
    passport_number: Type.Optional(Nullable(Type.String())),
    employment: Type.Optional(Type.Array(Employment)),
  }),
});

const ExternalStatus = Type.Union([
  Type.Literal('received'),
  Type.Literal('in_progress'),
  Type.Literal('concluded'),
]);

export const SubmitResponse = Type.Object(
  { id: Type.String({ format: 'uuid' }), status: ExternalStatus },
  { additionalProperties: false },
);

/** Exactly what the migration authority learns: no scores, hits, officers or evidence. */
export const AssessmentView = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    external_id: Type.String(),
    status: ExternalStatus,
    conclusion: Nullable(Strings(CONCLUSIONS)),
    concluded_at: Nullable(Timestamp),
  },
  { additionalProperties: false },
);
export type AssessmentView = Static<typeof AssessmentView>;

// Cases.

export const CaseListQuery = Type.Object({
  status: Type.Optional(Strings(CASE_STATUSES)),
  overdue: Type.Optional(Type.Boolean({ description: 'Only cases past their SLA deadline' })),
  mine: Type.Optional(Type.Boolean({ description: 'Only cases assigned to the caller' })),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  after: Type.Optional(
    Type.String({ format: 'uuid', description: 'Paging: the last id of the previous page' }),
  ),
});

const Applicant = Type.Object(
  {
    names: Type.Array(Type.String()),
    birth_date: Nullable(Type.String()),
    citizenship: Type.Array(Type.String()),
    passport_number: Nullable(Type.String()),
    employment: Type.Array(
      Type.Object({
        employer: Type.String(),
        position: Nullable(Type.String()),
        country: Nullable(Type.String()),
        from: Nullable(Type.String()),
        to: Nullable(Type.String()),
      }),
    ),
  },
  { additionalProperties: false },
);

const TriageHit = Type.Object(
  {
    subject: Type.Union([Type.Literal('applicant'), Type.Literal('employer')]),
    employment_index: Nullable(Type.Integer()),
    source: Type.Union([Type.Literal('sanctions'), Type.Literal('watchlist')]),
    entity_id: Type.String(),
    list: Type.String(),
    caption: Type.String(),
    score: Type.Number(),
    match: Type.Boolean(),
    explanation: AnyJson,
  },
  { additionalProperties: false },
);

const RiskIndicator = Type.Object(
  {
    rule_id: Type.String(),
    category: Strings(RISK_CATEGORIES),
    employment_index: Type.Integer(),
    explanation: Type.String(),
    evidence: Type.String(),
  },
  { additionalProperties: false },
);

const Triage = Type.Object(
  {
    at: Timestamp,
    screened_against: Type.Array(Type.String()),
    hits: Type.Array(TriageHit),
    indicators: Type.Array(RiskIndicator),
    routing: Type.Union([
      Type.Literal('flagged'),
      Type.Literal('qa_sample'),
      Type.Literal('clean'),
    ]),
    reasons: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);

const Proposal = Type.Object(
  {
    conclusion: Strings(CONCLUSIONS),
    reasoning: Type.String(),
    proposed_by: Type.String(),
    proposed_at: Timestamp,
  },
  { additionalProperties: false },
);

const Approval = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('return')]),
    comment: Type.String(),
    decided_by: Type.String(),
    decided_at: Timestamp,
  },
  { additionalProperties: false },
);

const caseFields = {
  id: Type.String({ format: 'uuid' }),
  external_id: Type.String(),
  agency: Type.String(),
  permit_type: Type.String(),
  status: Strings(CASE_STATUSES),
  submitted_at: Timestamp,
  deadline: Timestamp,
  overdue: Type.Boolean(),
  routing: Nullable(Type.String()),
  assignee_user_id: Nullable(Type.Integer()),
  assignee: Nullable(Type.String()),
  conclusion: Nullable(Strings(CONCLUSIONS)),
  concluded_at: Nullable(Timestamp),
  delivered_at: Nullable(Timestamp),
  revision: Type.Integer(),
};

/** A case in a list: no applicant details, no hits (open the case for those; that is audited). */
export const CaseSummary = Type.Object(caseFields, { additionalProperties: false });
export const CaseList = Type.Object(
  {
    cases: Type.Array(CaseSummary),
    next_after: Nullable(Type.String({ description: 'Pass as `after` for the next page' })),
  },
  { additionalProperties: false },
);

const Note = Type.Object(
  { id: Type.Integer(), author: Type.String(), at: Timestamp, text: Type.String() },
  { additionalProperties: false },
);

const Evidence = Type.Object(
  {
    id: Type.Integer(),
    added_by: Type.String(),
    at: Timestamp,
    title: Type.String(),
    content: Type.String(),
    classification: Strings(CLASSIFICATIONS),
  },
  { additionalProperties: false },
);

const TimelineEvent = Type.Object(
  {
    id: Type.Integer(),
    at: Timestamp,
    actor: Type.String(),
    kind: Type.String(),
    from_status: Nullable(Strings(CASE_STATUSES)),
    to_status: Nullable(Strings(CASE_STATUSES)),
    details: AnyJson,
  },
  { additionalProperties: false },
);

export const CaseDetail = Type.Object(
  {
    ...caseFields,
    submitted_by: Type.String(),
    applicant: Applicant,
    triage: Nullable(Triage),
    proposal: Nullable(Proposal),
    approval: Nullable(Approval),
    timeline: Type.Array(TimelineEvent),
    notes: Type.Array(Note),
    evidence: Type.Array(Evidence),
  },
  { additionalProperties: false },
);

export const AssignmentBody = Type.Object(
  {
    assignee_user_id: Nullable(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const NoteBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 20_000 }) },
  { additionalProperties: false },
);
export const NoteResponse = Note;

export const EvidenceBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 500 }),
    content: Type.String({ minLength: 1, maxLength: 200_000 }),
    classification: Strings(CLASSIFICATIONS),
  },
  { additionalProperties: false },
);
export const EvidenceResponse = Evidence;

export const ProposalBody = Type.Object(
  {
    conclusion: Strings(CONCLUSIONS),
    reasoning: Type.String({ minLength: 1, maxLength: 20_000 }),
  },
  { additionalProperties: false },
);

export const ApprovalBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('return')]),
    comment: Type.String({ maxLength: 20_000 }),
  },
  { additionalProperties: false },
);

export const BulkApprovalBody = Type.Object(
  {
    case_ids: Type.Array(Type.String({ format: 'uuid' }), {
      minItems: 1,
      maxItems: 1000,
      uniqueItems: true,
    }),
    comment: Type.String({ maxLength: 20_000 }),
  },
  { additionalProperties: false },
);

export const BulkApprovalResponse = Type.Object(
  {
    approved: Type.Array(Type.String()),
    skipped: Type.Array(Type.Object({ id: Type.String(), reason: Type.String() })),
  },
  { additionalProperties: false },
);

// Watchlist.

const WatchlistFields = {
  schema: Type.Union([Type.Literal('Person'), Type.Literal('Organization')]),
  names: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
  birth_date: Nullable(Type.String()),
  countries: Type.Array(Type.String()),
  reason: Type.String({ minLength: 1 }),
  classification: Strings(CLASSIFICATIONS),
};

export const WatchlistBody = Type.Object(
  {
    ...WatchlistFields,
    birth_date: Type.Optional(WatchlistFields.birth_date),
    countries: Type.Optional(WatchlistFields.countries),
  },
  { additionalProperties: false },
);
export type WatchlistBody = Static<typeof WatchlistBody>;

export const WatchlistEntry = Type.Object(
  {
    id: Type.Integer(),
    ...WatchlistFields,
    created_by: Type.String(),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { additionalProperties: false },
);

export const WatchlistEntries = Type.Array(WatchlistEntry);

// Audit and statistics.

export const AuditVerification = Type.Object(
  {
    ok: Type.Boolean(),
    entries: Type.Integer(),
    first_bad: Nullable(
      Type.Object({ seq: Type.Integer(), reason: Type.String() }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);

export const AuditQuery = Type.Object({
  after: Type.Integer({ minimum: 0, default: 0, description: 'Entries after this seq' }),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
});

export const AuditEntry = Type.Object(
  {
    seq: Type.Integer(),
    at: Timestamp,
    actor: Type.String(),
    action: Type.String(),
    object_type: Type.String(),
    object_id: Type.String(),
    details: AnyJson,
    prev_hash: Type.String(),
    hash: Type.String(),
  },
  { additionalProperties: false },
);

export const AuditEntries = Type.Array(AuditEntry);

export const StatisticsQuery = Type.Object({
  year: Type.Integer({ minimum: 1990, maximum: 2200 }),
});

const Breakdown = (key: string) =>
  Type.Array(
    Type.Object({
      [key]: Type.String(),
      assessments: Type.Integer(),
      threats: Type.Integer(),
      share_of_threats: Type.Number(),
    }),
  );

export const StatisticsResponse = Type.Object({
  year: Type.Integer(),
  generated_at: Timestamp,
  assessments: Type.Integer(),
  concluded: Type.Integer(),
  threats: Type.Integer(),
  no_objections: Type.Integer(),
  pending: Type.Integer(),
  flagged: Type.Integer({
    description: 'Cases triage routed to an analyst for hits or indicators',
  }),
  by_citizenship: Breakdown('citizenship'),
  by_category: Breakdown('category'),
  processing_days: Type.Object({ median: Nullable(Type.Number()), p95: Nullable(Type.Number()) }),
  sla_breaches: Type.Integer(),
  sla_breach_detail: Type.Object({
    concluded_late: Type.Integer(),
    open_overdue: Type.Integer(),
  }),
  sla_cutoff: Timestamp,
  monthly: Type.Array(
    Type.Object({ month: Type.Integer(), assessments: Type.Integer(), threats: Type.Integer() }),
  ),
});
