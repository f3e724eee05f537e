import type { Explanation } from '../matching/score.js';
import { isSchemaName } from '../model/schemata.js';
import type {
  AlertFilter,
  MonitoringRepository,
  MonitoringStore,
  NewDecision,
  SubjectKeys,
  UpsertCounts,
} from '../screening/monitor/ports.js';
import {
  type Alert,
  type AlertStatus,
  type Decision,
  type DecisionAction,
  type Hit,
  isAlertStatus,
  type JobKind,
  type JobState,
  type NewRescreenJob,
  type RescreenJob,
  type Subject,
  type SubjectUpsert,
} from '../screening/monitor/types.js';
import type { ScreeningQuery } from '../screening/query.js';
import type { Db } from './db.js';

interface SubjectRow {
  id: number;
  external_id: string;
  schema: string;
  name: string;
  birth_date: string | null;
  nationality: string | null;
  id_number: string | null;
  created_at: string;
  updated_at: string;
}

interface AlertRow {
  id: number;
  subject_id: number;
  external_id: string;
  subject_name: string;
  entity_id: string;
  entity_caption: string;
  source: string;
  version_id: number;
  score: number;
  explanation: unknown;
  entity_hash: string;
  status: string;
  created_at: Date | string;
  updated_at: Date | string;
}

interface DecisionRow {
  id: number;
  alert_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor: string;
  reason: string | null;
  entity_hash: string;
  version_id: number;
  decided_at: Date | string;
}

interface JobRow {
  id: number;
  kind: string;
  source: string | null;
  version_id: number | null;
  state: string;
  processed: number;
  total: number;
  alerts_raised: number;
  alerts_closed: number;
  requested_by: string;
  created_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
  error: string | null;
}

const ALERT_SELECT = `SELECT a.id, a.subject_id, s.external_id, s.name AS subject_name, a.entity_id,
    a.entity_caption, a.source, a.version_id, a.score, a.explanation, a.entity_hash, a.status,
    a.created_at, a.updated_at
  FROM monitoring_alerts a JOIN monitored_subjects s ON s.id = a.subject_id`;

const SUBJECT_COLUMNS = `id, external_id, schema, name, birth_date, nationality, id_number,
  created_at, updated_at`;

const JOB_COLUMNS = `id, kind, source, version_id, state, processed, total, alerts_raised,
  alerts_closed, requested_by, created_at, started_at, finished_at, error`;

/** Lists of ids travel as one JSON parameter, so both drivers bind them the same way. */
const TEXT_ARRAY = 'ARRAY(SELECT jsonb_array_elements_text($1::jsonb))';

/** `MonitoringRepository` on the `Db` port: the same SQL on PGlite and PostgreSQL. */
export class MonitoringRepositoryDb implements MonitoringRepository {
  constructor(protected readonly db: Db) {}

  async upsertSubjects(subjects: readonly SubjectUpsert[], at: string): Promise<UpsertCounts> {
    if (subjects.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
    const rows = subjects.map(({ query, contentHash, matchKeys }) => ({
      e: query.id,
      s: query.schema,
      n: query.name,
      b: query.birthDate ?? null,
      na: query.nationality ?? null,
      i: query.idNumber ?? null,
      h: contentHash,
      k: matchKeys,
    }));
    // `xmax = 0` tells an inserted row from an updated one; an unchanged subject matches the
    // WHERE of DO UPDATE nowhere and returns no row at all.
    const result = await this.db.query<{ inserted: boolean }>(
      `INSERT INTO monitored_subjects (external_id, schema, name, birth_date, nationality, id_number,
              content_hash, match_keys, created_at, updated_at)
       SELECT r.e, r.s, r.n, r.b, r.na, r.i, r.h, ARRAY(SELECT jsonb_array_elements_text(r.k)),
              $2::timestamptz, $2::timestamptz
         FROM jsonb_to_recordset($1::jsonb)
           AS r(e text, s text, n text, b text, na text, i text, h text, k jsonb)
       ON CONFLICT (external_id) DO UPDATE
          SET schema = excluded.schema, name = excluded.name, birth_date = excluded.birth_date,
              nationality = excluded.nationality, id_number = excluded.id_number,
              content_hash = excluded.content_hash, match_keys = excluded.match_keys,
              updated_at = excluded.updated_at
        WHERE monitored_subjects.content_hash <> excluded.content_hash
       RETURNING (xmax = 0) AS inserted`,
      [JSON.stringify(rows), at],
    );
    const inserted = result.filter((row) => row.inserted).length;
    const updated = result.length - inserted;
    return { inserted, updated, unchanged: subjects.length - result.length };
  }

  async countSubjects(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM monitored_subjects',
    );
    return row?.n ?? 0;
  }

  async subjectPage(afterId: number, limit: number): Promise<Subject[]> {
    // One JSON text per page: PGlite's cost is per row returned.
    const [row] = await this.db.query<{ page: string | null }>(
      `SELECT json_agg(p ORDER BY p.id)::text AS page
         FROM (SELECT ${SUBJECT_COLUMNS} FROM monitored_subjects
                WHERE id > $1 ORDER BY id LIMIT $2) p`,
      [afterId, limit],
    );
    return parsePage<SubjectRow>(row?.page ?? null).map(rowToSubject);
  }

  async subjectKeyPage(afterId: number, limit: number): Promise<SubjectKeys[]> {
    const [row] = await this.db.query<{ page: string | null }>(
      `SELECT json_agg(json_build_array(p.id, p.match_keys) ORDER BY p.id)::text AS page
         FROM (SELECT id, match_keys FROM monitored_subjects
                WHERE id > $1 ORDER BY id LIMIT $2) p`,
      [afterId, limit],
    );
    return parsePage<[number, string[]]>(row?.page ?? null).map(([id, keys]) => ({ id, keys }));
  }

  async subjectsByIds(ids: readonly number[]): Promise<Subject[]> {
    if (ids.length === 0) return [];
    const [row] = await this.db.query<{ page: string | null }>(
      `SELECT json_agg(p ORDER BY p.id)::text AS page
         FROM (SELECT ${SUBJECT_COLUMNS} FROM monitored_subjects
                WHERE id IN (SELECT value::int FROM jsonb_array_elements_text($1::jsonb))) p`,
      [JSON.stringify(ids)],
    );
    return parsePage<SubjectRow>(row?.page ?? null).map(rowToSubject);
  }

  async alertsForPairs(
    pairs: readonly { readonly subjectId: number; readonly entityId: string }[],
  ): Promise<Alert[]> {
    if (pairs.length === 0) return [];
    const rows = await this.db.query<AlertRow>(
      `${ALERT_SELECT}
         JOIN jsonb_to_recordset($1::jsonb) AS p(s integer, e text)
           ON a.subject_id = p.s AND a.entity_id = p.e
       ORDER BY a.id
       FOR UPDATE OF a`,
      [JSON.stringify(pairs.map((pair) => ({ s: pair.subjectId, e: pair.entityId })))],
    );
    return rows.map(rowToAlert);
  }

  async insertAlert(hit: Hit, at: string): Promise<number | null> {
    const rows = await this.db.query<{ id: number }>(
      `INSERT INTO monitoring_alerts (subject_id, entity_id, entity_caption, source, version_id,
              score, explanation, entity_hash, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, 'open', $9::timestamptz, $9::timestamptz)
       ON CONFLICT (subject_id, entity_id) DO NOTHING
       RETURNING id`,
      [
        hit.subjectId,
        hit.entityId,
        hit.entityCaption,
        hit.source,
        hit.versionId,
        hit.score,
        JSON.stringify(hit.explanation),
        hit.entityHash,
        at,
      ],
    );
    return rows[0]?.id ?? null;
  }

  async updateAlertFinding(id: number, hit: Hit, status: AlertStatus, at: string): Promise<void> {
    await this.db.query(
      `UPDATE monitoring_alerts
          SET entity_caption = $2, source = $3, version_id = $4, score = $5, explanation = $6::jsonb,
              entity_hash = $7, status = $8, updated_at = $9::timestamptz
        WHERE id = $1`,
      [
        id,
        hit.entityCaption,
        hit.source,
        hit.versionId,
        hit.score,
        JSON.stringify(hit.explanation),
        hit.entityHash,
        status,
        at,
      ],
    );
  }

  async setAlertStatus(id: number, status: AlertStatus, at: string): Promise<void> {
    await this.db.query(
      'UPDATE monitoring_alerts SET status = $2, updated_at = $3::timestamptz WHERE id = $1',
      [id, status, at],
    );
  }

  async getAlert(id: number, forUpdate = false): Promise<Alert | null> {
    const rows = await this.db.query<AlertRow>(
      `${ALERT_SELECT} WHERE a.id = $1${forUpdate ? ' FOR UPDATE OF a' : ''}`,
      [id],
    );
    return rows[0] ? rowToAlert(rows[0]) : null;
  }

  async listAlerts(filter: AlertFilter = {}): Promise<Alert[]> {
    const rows = await this.db.query<AlertRow>(
      `${ALERT_SELECT}
        WHERE ($1::text IS NULL OR a.status = $1) AND ($2::text IS NULL OR s.external_id = $2)
        ORDER BY a.id
        LIMIT $3`,
      [filter.status ?? null, filter.subjectExternalId ?? null, filter.limit ?? 1000],
    );
    return rows.map(rowToAlert);
  }

  async openAlertsForEntities(source: string, entityIds: readonly string[]): Promise<Alert[]> {
    if (entityIds.length === 0) return [];
    const rows = await this.db.query<AlertRow>(
      `${ALERT_SELECT}
        WHERE a.status = 'open' AND a.source = $2 AND a.entity_id = ANY(${TEXT_ARRAY})
        ORDER BY a.id
        FOR UPDATE OF a`,
      [JSON.stringify(entityIds), source],
    );
    return rows.map(rowToAlert);
  }

  async appendDecisions(decisions: readonly NewDecision[]): Promise<void> {
    if (decisions.length === 0) return;
    await this.db.query(
      `INSERT INTO alert_decisions (alert_id, action, from_status, to_status, actor, reason,
              entity_hash, version_id, decided_at)
       SELECT d.alert_id, d.action, d.from_status, d.to_status, d.actor, d.reason, d.entity_hash,
              d.version_id, d.at
         FROM jsonb_to_recordset($1::jsonb) AS d(alert_id integer, action text, from_status text,
              to_status text, actor text, reason text, entity_hash text, version_id integer,
              at timestamptz)`,
      [
        JSON.stringify(
          decisions.map((decision) => ({
            alert_id: decision.alertId,
            action: decision.action,
            from_status: decision.fromStatus,
            to_status: decision.toStatus,
            actor: decision.actor,
            reason: decision.reason,
            entity_hash: decision.entityHash,
            version_id: decision.versionId,
            at: decision.at,
          })),
        ),
      ],
    );
  }

  async decisions(alertId: number): Promise<Decision[]> {
    const rows = await this.db.query<DecisionRow>(
      `SELECT id, alert_id, action, from_status, to_status, actor, reason, entity_hash, version_id,
              decided_at
         FROM alert_decisions WHERE alert_id = $1 ORDER BY id`,
      [alertId],
    );
    return rows.map(rowToDecision);
  }

  async createJob(job: NewRescreenJob, at: string): Promise<RescreenJob> {
    const rows = await this.db.query<JobRow>(
      `INSERT INTO rescreen_jobs (kind, source, version_id, state, requested_by, created_at)
       VALUES ($1, $2, $3, 'queued', $4, $5::timestamptz)
       RETURNING ${JOB_COLUMNS}`,
      [job.kind, job.source, job.versionId, job.requestedBy, at],
    );
    return rowToJob(rows[0]!);
  }

  async setQueueJobId(id: number, queueJobId: string): Promise<void> {
    await this.db.query('UPDATE rescreen_jobs SET queue_job_id = $2 WHERE id = $1', [
      id,
      queueJobId,
    ]);
  }

  async getJob(id: number): Promise<RescreenJob | null> {
    const rows = await this.db.query<JobRow>(
      `SELECT ${JOB_COLUMNS} FROM rescreen_jobs WHERE id = $1`,
      [id],
    );
    return rows[0] ? rowToJob(rows[0]) : null;
  }

  async listJobs(limit = 50): Promise<RescreenJob[]> {
    const rows = await this.db.query<JobRow>(
      `SELECT ${JOB_COLUMNS} FROM rescreen_jobs ORDER BY id DESC LIMIT $1`,
      [limit],
    );
    return rows.map(rowToJob);
  }

  /** Jobs not finished, oldest first: what an in-process runner resumes after a restart. */
  async unfinishedJobs(): Promise<RescreenJob[]> {
    const rows = await this.db.query<JobRow>(
      `SELECT ${JOB_COLUMNS} FROM rescreen_jobs WHERE state IN ('queued', 'running') ORDER BY id`,
    );
    return rows.map(rowToJob);
  }

  async startJob(id: number, total: number, at: string): Promise<void> {
    await this.db.query(
      `UPDATE rescreen_jobs
          SET state = 'running', total = $2, processed = 0, alerts_raised = 0, alerts_closed = 0,
              started_at = $3::timestamptz, finished_at = NULL, error = NULL
        WHERE id = $1`,
      [id, total, at],
    );
  }

  async addProgress(id: number, processed: number, raised: number, closed: number): Promise<void> {
    await this.db.query(
      `UPDATE rescreen_jobs
          SET processed = processed + $2, alerts_raised = alerts_raised + $3,
              alerts_closed = alerts_closed + $4
        WHERE id = $1`,
      [id, processed, raised, closed],
    );
  }

  async finishJob(
    id: number,
    state: 'completed' | 'failed',
    at: string,
    error?: string,
  ): Promise<void> {
    await this.db.query(
      `UPDATE rescreen_jobs SET state = $2, finished_at = $3::timestamptz, error = $4 WHERE id = $1`,
      [id, state, at, error ?? null],
    );
  }
}

/** The store with transactions: `transaction` hands the use case a repository on `tx`. */
export class MonitoringRepositoryStore extends MonitoringRepositoryDb implements MonitoringStore {
  transaction<T>(fn: (tx: MonitoringRepositoryDb) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(new MonitoringRepositoryDb(tx)));
  }
}

function parsePage<Row>(text: string | null): Row[] {
  return text === null ? [] : (JSON.parse(text) as Row[]);
}

function iso(value: Date | string): string {
  return new Date(value).toISOString();
}

function rowToSubject(row: SubjectRow): Subject {
  if (!isSchemaName(row.schema)) {
    throw new Error(`stored subject ${row.external_id} has unknown schema '${row.schema}'`);
  }
  const query: ScreeningQuery = {
    id: row.external_id,
    schema: row.schema,
    name: row.name,
    ...(row.birth_date === null ? {} : { birthDate: row.birth_date }),
    ...(row.nationality === null ? {} : { nationality: row.nationality }),
    ...(row.id_number === null ? {} : { idNumber: row.id_number }),
  };
  return {
    id: row.id,
    externalId: row.external_id,
    query,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

function alertStatus(value: string): AlertStatus {
  if (!isAlertStatus(value)) throw new Error(`stored alert status '${value}' is unknown`);
  return value;
}

function rowToAlert(row: AlertRow): Alert {
  return {
    id: row.id,
    subjectId: row.subject_id,
    externalId: row.external_id,
    subjectName: row.subject_name,
    entityId: row.entity_id,
    entityCaption: row.entity_caption,
    source: row.source,
    versionId: row.version_id,
    score: Number(row.score),
    // Written by `insertAlert` from an `Explanation`; only read back here.
    explanation: row.explanation as Explanation,
    entityHash: row.entity_hash,
    status: alertStatus(row.status),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

function rowToDecision(row: DecisionRow): Decision {
  return {
    id: row.id,
    alertId: row.alert_id,
    action: row.action as DecisionAction,
    fromStatus: row.from_status === null ? null : alertStatus(row.from_status),
    toStatus: alertStatus(row.to_status),
    actor: row.actor,
    reason: row.reason,
    entityHash: row.entity_hash,
    versionId: row.version_id,
    at: iso(row.decided_at),
  };
}

function rowToJob(row: JobRow): RescreenJob {
  return {
    id: row.id,
    kind: row.kind as JobKind,
    versionId: row.version_id,
    source: row.source,
    state: row.state as JobState,
    processed: row.processed,
    total: row.total,
    alertsRaised: row.alerts_raised,
    alertsClosed: row.alerts_closed,
    requestedBy: row.requested_by,
    createdAt: iso(row.created_at),
    startedAt: row.started_at === null ? null : iso(row.started_at),
    finishedAt: row.finished_at === null ? null : iso(row.finished_at),
    error: row.error,
  };
}
