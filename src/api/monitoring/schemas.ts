/**
 * TypeBox schemas of the monitoring routes (`/monitoring/...`, snake_case JSON). Responses are
 * serialised through them: a field not declared here never leaves the server.
 */
import { type Static, Type } from '@sinclair/typebox';
import { SCHEMA_NAMES } from '../../model/schemata.js';
import { ALERT_STATUSES } from '../../screening/monitor/index.js';
import { Explanation } from '../yente/schemas.js';

export { ErrorResponse } from '../yente/schemas.js';

/** Subjects one request may import; larger populations go in several requests or the CLI. */
export const MAX_SUBJECTS_PER_REQUEST = 100_000;
/** Bodies of that many subjects, with room to spare (the server's default limit is 2 MiB). */
export const SUBJECTS_BODY_LIMIT = 32 * 1024 * 1024;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const Timestamp = Type.String({ format: 'date-time', examples: ['2026-03-01T08:00:00.000Z'] });

/** One subject in a JSON import: the `sargas screen` query fields plus the caller's own id. */
export const SubjectInput = Type.Object({
  external_id: Type.String({
    minLength: 1,
    maxLength: 200,
    description: 'Your id for the subject: a re-import updates the subject with this id',
    examples: ['permit-000123'],
  }),
  schema: Type.Optional(
    Type.Union(
      SCHEMA_NAMES.map((name) => Type.Literal(name)),
      { description: 'Person by default' },
    ),
  ),
  name: Type.Optional(Type.String({ maxLength: 1000, examples: ['Germain Katanga'] })),
  birth_date: Type.Optional(
    Type.String({ description: 'YYYY, YYYY-MM or YYYY-MM-DD', examples: ['1978-04-28'] }),
  ),
  nationality: Type.Optional(
    Type.String({ description: 'ISO country codes, several separated by `;`', examples: ['cd'] }),
  ),
  id_number: Type.Optional(
    Type.String({ maxLength: 200, description: 'An identity document or registration number' }),
  ),
});
export type SubjectInput = Static<typeof SubjectInput>;

export const SubjectsJsonBody = Type.Object({
  subjects: Type.Array(SubjectInput, { minItems: 1, maxItems: MAX_SUBJECTS_PER_REQUEST }),
});
export type SubjectsJsonBody = Static<typeof SubjectsJsonBody>;

export const SubjectsCsvBody = Type.String({
  description:
    'CSV with a header row: `id,schema,name,birth_date,nationality,id_number` (the `sargas screen` columns; `id`, or `external_id`, is your id for the subject)',
  examples: [
    'id,schema,name,birth_date,nationality,id_number\npermit-1,Person,Germain Katanga,1978,cd,\n',
  ],
});

export const ImportResponse = Type.Object({
  rows: Type.Integer({ description: 'Subjects in the request' }),
  inserted: Type.Integer(),
  updated: Type.Integer({ description: 'Known by their id, and something changed' }),
  unchanged: Type.Integer(),
});

export const Subject = Type.Object({
  id: Type.Integer({ description: "Sargas's own id (the `after` of the next page)" }),
  external_id: Type.String(),
  schema: Type.String(),
  name: Type.String(),
  birth_date: Nullable(Type.String()),
  nationality: Nullable(Type.String()),
  id_number: Nullable(Type.String()),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type Subject = Static<typeof Subject>;

export const SubjectsQuerystring = Type.Object({
  after: Type.Integer({ minimum: 0, default: 0, description: 'Subjects with an id above this' }),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
});

export const SubjectsResponse = Type.Object({
  subjects: Type.Array(Subject),
  total: Type.Integer({ description: 'Subjects under watch in all' }),
  next_after: Nullable(
    Type.Integer({ description: 'The `after` of the next page; null on the last page' }),
  ),
});

export const JobRequest = Type.Object({
  kind: Type.Union([Type.Literal('full'), Type.Literal('delta')], {
    description:
      '`full`: every subject against every current list. `delta`: the changes of one list version',
  }),
  version_id: Type.Optional(
    Type.Integer({ minimum: 1, description: 'Delta: the list version (default: the newest)' }),
  ),
  source: Type.Optional(
    Type.String({
      minLength: 1,
      description: "Delta: that list's current version",
      examples: ['un'],
    }),
  ),
});
export type JobRequest = Static<typeof JobRequest>;

export const Job = Type.Object({
  id: Type.Integer(),
  kind: Type.String({ examples: ['delta'] }),
  version_id: Nullable(Type.Integer()),
  source: Nullable(Type.String()),
  state: Type.Union(
    ['queued', 'running', 'completed', 'failed'].map((state) => Type.Literal(state)),
  ),
  processed: Type.Integer({ description: 'Subjects screened so far' }),
  total: Type.Integer({ description: 'Subjects this job screens (known once it runs)' }),
  progress: Type.Number({ minimum: 0, maximum: 1, description: 'processed / total' }),
  alerts_raised: Type.Integer(),
  alerts_closed: Type.Integer(),
  requested_by: Type.String(),
  created_at: Timestamp,
  started_at: Nullable(Timestamp),
  finished_at: Nullable(Timestamp),
  error: Nullable(Type.String()),
});
export type Job = Static<typeof Job>;

export const JobParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const JobsQuerystring = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 20 }),
});

export const JobsResponse = Type.Object({ jobs: Type.Array(Job) });

const AlertStatus = Type.Union(ALERT_STATUSES.map((status) => Type.Literal(status)));

export const Alert = Type.Object({
  id: Type.Integer(),
  subject_id: Type.Integer(),
  external_id: Type.String({ description: "The subject's id (yours)" }),
  subject_name: Type.String(),
  entity_id: Type.String({ examples: ['un:6908555'] }),
  entity_caption: Type.String(),
  source: Type.String({ description: 'The list' }),
  version_id: Type.Integer({ description: 'The list version it was raised or refreshed on' }),
  score: Type.Number(),
  explanation: Explanation,
  status: AlertStatus,
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type Alert = Static<typeof Alert>;

export const Decision = Type.Object({
  id: Type.Integer(),
  action: Type.String({ examples: ['dismissed'] }),
  from_status: Nullable(AlertStatus),
  to_status: AlertStatus,
  actor: Type.String({ description: "The API key's name, or `system` for Sargas's own" }),
  reason: Nullable(Type.String()),
  version_id: Type.Integer(),
  at: Timestamp,
});
export type Decision = Static<typeof Decision>;

export const AlertWithHistory = Type.Object({
  ...Alert.properties,
  history: Type.Array(Decision, { description: 'Oldest first: who did what, when and why' }),
});

export const AlertParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const AlertsQuerystring = Type.Object({
  status: Type.Optional(AlertStatus),
  subject: Type.Optional(Type.String({ description: "Only this subject's alerts (your id)" })),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
});

export const AlertsResponse = Type.Object({ alerts: Type.Array(Alert) });

export const DecisionRequest = Type.Object({
  action: Type.Union([Type.Literal('confirm'), Type.Literal('dismiss')], {
    description:
      '`confirm`: a true match. `dismiss`: a false positive, suppressed until the list entity changes. A decision may be reversed by the other action',
  }),
  reason: Type.String({
    minLength: 1,
    maxLength: 2000,
    description: 'Why; recorded with the API key name as the actor',
  }),
});
export type DecisionRequest = Static<typeof DecisionRequest>;
