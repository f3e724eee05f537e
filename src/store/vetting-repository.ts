import type { JsonValue } from '../shared/canonical-json.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import { auditHash } from '../vetting/audit/hash-chain.js';
import type {
  Agency,
  CaseFilter,
  Delivery,
  NewUser,
  StatisticsRow,
  VettingRepository,
  VettingStore,
} from '../vetting/ports.js';
import {
  type Applicant,
  type Approval,
  type AuditEntry,
  type AuditRecord,
  type CaseEvent,
  type CaseEvidence,
  type CaseNote,
  type CaseStatus,
  CLASSIFICATIONS,
  type Classification,
  type Conclusion,
  isCaseStatus,
  isClassification,
  isConclusion,
  isRole,
  type NewAuditEntry,
  type Proposal,
  type Role,
  type TriageResult,
  type User,
  type VettingCase,
  type WatchlistEntry,
  type WatchlistInput,
} from '../vetting/types.js';
import { type Db, sqlState, UNIQUE_VIOLATION } from './db.js';

/** Any constant, distinct from the migration lock: it serialises appends to the audit chain. */
const AUDIT_LOCK_KEY = 7_302_149_818;

/**
 * How long `dueDeliveries` claims a delivery for the worker that fetched it. A worker that dies
 * mid-send leaves the delivery due again once the claim expires, so nothing is lost, and another
 * worker never sends it while the first is still trying.
 */
const DELIVERY_CLAIM_MS = 5 * 60_000;

/** Rows per statement when the demo seed bulk-inserts cases. */
const INSERT_BATCH = 1_000;

/** Rows per page when statistics stream the cases of a year. */
const STATISTICS_PAGE = 5_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

type Timestamp = Date | string;

interface UserRow {
  id: number;
  username: string;
  password_hash: string;
  roles: string[];
  agency: string | null;
  active: boolean;
  created_at: Timestamp;
}

interface AgencyRow {
  code: string;
  name: string;
  webhook_url: string | null;
}

interface CaseRow {
  id: string;
  agency: string;
  external_id: string;
  permit_type: string;
  applicant: unknown;
  status: string;
  submitted_by: string;
  submitted_at: Timestamp;
  deadline: Timestamp;
  triage: unknown;
  assignee_user_id: number | null;
  assignee: string | null;
  proposal: unknown;
  approval: unknown;
  conclusion: string | null;
  concluded_at: Timestamp | null;
  delivered_at: Timestamp | null;
  revision: number;
}

interface EventRow {
  id: number;
  case_id: string;
  at: Timestamp;
  actor: string;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  details: unknown;
}

interface NoteRow {
  id: number;
  case_id: string;
  author: string;
  at: Timestamp;
  text: string;
}

interface EvidenceRow {
  id: number;
  case_id: string;
  added_by: string;
  at: Timestamp;
  title: string;
  content: string;
  classification: string;
}

interface WatchlistRow {
  id: number;
  schema: string;
  names: string[];
  birth_date: string | null;
  countries: string[];
  reason: string;
  classification: string;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

interface AuditRow {
  seq: number | string | bigint;
  at: Timestamp;
  actor: string;
  action: string;
  object_type: string;
  object_id: string;
  details: unknown;
  prev_hash: string;
  hash: string;
}

interface DeliveryRow {
  case_id: string;
  agency: string;
  url: string;
  attempts: number;
  next_attempt_at: Timestamp;
  last_error: string | null;
  delivered_at: Timestamp | null;
  gave_up_at: Timestamp | null;
}

/** A statistics row as `json_agg` returns it (timestamps already ISO text). */
interface StatisticsJsonRow {
  id: string;
  permit_type: string;
  citizenship: string[] | null;
  status: string;
  conclusion: string | null;
  submitted_at: string;
  concluded_at: string | null;
  deadline: string;
  categories: string[] | null;
  routing: string | null;
}

const USER_COLUMNS = 'id, username, password_hash, roles, agency, active, created_at';

const CASE_SELECT = `SELECT c.id::text AS id, c.agency, c.external_id, c.permit_type, c.applicant,
    c.status, c.submitted_by, c.submitted_at, c.deadline, c.triage, c.assignee_user_id,
    u.username AS assignee, c.proposal, c.approval, c.conclusion, c.concluded_at, c.delivered_at,
    c.revision
  FROM cases c LEFT JOIN users u ON u.id = c.assignee_user_id`;

const WATCHLIST_COLUMNS = `id, schema, names, birth_date, countries, reason, classification,
  created_by, created_at, updated_at`;

const AUDIT_COLUMNS = 'seq, at, actor, action, object_type, object_id, details, prev_hash, hash';

const DELIVERY_COLUMNS = `case_id::text AS case_id, agency, url, attempts, next_attempt_at,
  last_error, delivered_at, gave_up_at`;

/**
 * The filter of `listCases` and `countCases` as SQL over `$1..$4`; a null parameter leaves its
 * condition out (the planner folds `NULL IS NULL` away, since each call is planned with its values).
 */
const CASE_FILTER = `($1::text IS NULL OR c.status = $1)
    AND ($2::int IS NULL OR c.assignee_user_id = $2)
    AND ($3::text IS NULL OR c.agency = $3)
    AND ($4::timestamptz IS NULL
         OR (c.deadline < $4 AND c.status NOT IN ('approved', 'delivered')))`;

function caseFilterParams(filter: CaseFilter): unknown[] {
  return [
    filter.status ?? null,
    filter.assigneeUserId ?? null,
    filter.agency ?? null,
    filter.overdueAt ?? null,
  ];
}

/**
 * `VettingRepository` on the `Db` port: the same SQL on PGlite and PostgreSQL. `inTransaction`
 * tells whether `db` is a transaction, so `appendAudit` knows whether it must open its own.
 */
export class VettingRepositoryDb implements VettingRepository {
  /** The last entry this transaction appended (see `lockAuditHead`); null before the first. */
  private auditTip: { seq: number; hash: string } | null = null;

  constructor(
    protected readonly db: Db,
    private readonly inTransaction = false,
  ) {}

  // Users and sessions.

  async insertUser(user: NewUser): Promise<User> {
    try {
      const rows = await this.db.query<UserRow>(
        `INSERT INTO users (username, password_hash, roles, agency, created_at)
         VALUES ($1, $2, $3::text[], $4, $5::timestamptz) RETURNING ${USER_COLUMNS}`,
        [user.username, user.passwordHash, [...user.roles], user.agency, user.createdAt],
      );
      return rowToUser(rows[0]!);
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) {
        throw new ConflictError(`the username '${user.username}' is taken`, {
          username: user.username,
        });
      }
      throw error;
    }
  }

  async userByUsername(username: string): Promise<{ user: User; passwordHash: string } | null> {
    const rows = await this.db.query<UserRow>(
      `SELECT ${USER_COLUMNS} FROM users WHERE username = $1`,
      [username],
    );
    const row = rows[0];
    return row === undefined ? null : { user: rowToUser(row), passwordHash: row.password_hash };
  }

  async userById(id: number): Promise<User | null> {
    const rows = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [
      id,
    ]);
    return rows[0] ? rowToUser(rows[0]) : null;
  }

  async listUsers(): Promise<User[]> {
    const rows = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY id`);
    return rows.map(rowToUser);
  }

  async setUserActive(id: number, active: boolean): Promise<boolean> {
    const rows = await this.db.query('UPDATE users SET active = $2 WHERE id = $1 RETURNING id', [
      id,
      active,
    ]);
    return rows.length > 0;
  }

  async setUserPassword(id: number, passwordHash: string): Promise<boolean> {
    const rows = await this.db.query(
      'UPDATE users SET password_hash = $2 WHERE id = $1 RETURNING id',
      [id, passwordHash],
    );
    return rows.length > 0;
  }

  async insertSession(session: {
    readonly tokenHash: string;
    readonly userId: number;
    readonly createdAt: string;
    readonly expiresAt: string;
  }): Promise<void> {
    await this.db.query(
      `INSERT INTO sessions (token_hash, user_id, created_at, expires_at)
       VALUES ($1, $2, $3::timestamptz, $4::timestamptz)`,
      [session.tokenHash, session.userId, session.createdAt, session.expiresAt],
    );
  }

  async sessionUser(tokenHash: string, at: string): Promise<User | null> {
    const rows = await this.db.query<UserRow>(
      `SELECT ${prefixed('u', USER_COLUMNS)}
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > $2::timestamptz AND u.active`,
      [tokenHash, at],
    );
    return rows[0] ? rowToUser(rows[0]) : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  async apiKeyUser(keyHash: string): Promise<User | null> {
    const rows = await this.db.query<UserRow>(
      `SELECT ${prefixed('u', USER_COLUMNS)}
         FROM api_keys k JOIN users u ON u.id = k.user_id
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND u.active`,
      [keyHash],
    );
    return rows[0] ? rowToUser(rows[0]) : null;
  }

  // Agencies.

  async upsertAgency(agency: Agency): Promise<void> {
    await this.db.query(
      `INSERT INTO agencies (code, name, webhook_url) VALUES ($1, $2, $3)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, webhook_url = excluded.webhook_url`,
      [agency.code, agency.name, agency.webhookUrl],
    );
  }

  async agency(code: string): Promise<Agency | null> {
    const rows = await this.db.query<AgencyRow>(
      'SELECT code, name, webhook_url FROM agencies WHERE code = $1',
      [code],
    );
    return rows[0] ? rowToAgency(rows[0]) : null;
  }

  async listAgencies(): Promise<Agency[]> {
    const rows = await this.db.query<AgencyRow>(
      'SELECT code, name, webhook_url FROM agencies ORDER BY code',
    );
    return rows.map(rowToAgency);
  }

  // Cases.

  async insertCase(vettingCase: VettingCase): Promise<VettingCase | null> {
    const inserted = await this.insertCaseRows([vettingCase]);
    if (inserted === 0) return null;
    return this.caseById(vettingCase.id);
  }

  async caseByExternalId(agency: string, externalId: string): Promise<VettingCase | null> {
    const rows = await this.db.query<CaseRow>(
      `${CASE_SELECT} WHERE c.agency = $1 AND c.external_id = $2`,
      [agency, externalId],
    );
    return rows[0] ? rowToCase(rows[0]) : null;
  }

  async caseById(
    id: string,
    options?: { readonly forUpdate?: boolean },
  ): Promise<VettingCase | null> {
    // An id that is not a UUID names no case; asking the database would be a type error.
    if (!UUID.test(id)) return null;
    const rows = await this.db.query<CaseRow>(
      `${CASE_SELECT} WHERE c.id = $1::uuid${options?.forUpdate === true ? ' FOR UPDATE OF c' : ''}`,
      [id],
    );
    return rows[0] ? rowToCase(rows[0]) : null;
  }

  async updateCase(next: VettingCase, expectedRevision: number): Promise<void> {
    if (next.revision !== expectedRevision + 1) {
      throw new Error(
        `case ${next.id}: revision ${next.revision} does not follow ${expectedRevision}`,
      );
    }
    const rows = await this.db.query(
      `UPDATE cases
          SET permit_type = $3, applicant = $4::jsonb, status = $5, deadline = $6::timestamptz,
              triage = $7::jsonb, routing = $8, assignee_user_id = $9, proposal = $10::jsonb,
              approval = $11::jsonb, conclusion = $12, concluded_at = $13::timestamptz,
              delivered_at = $14::timestamptz, revision = $15
        WHERE id = $1::uuid AND revision = $2
        RETURNING id`,
      [
        next.id,
        expectedRevision,
        next.permitType,
        JSON.stringify(next.applicant),
        next.status,
        next.deadline,
        jsonOrNull(next.triage),
        next.triage?.routing ?? null,
        next.assigneeUserId,
        jsonOrNull(next.proposal),
        jsonOrNull(next.approval),
        next.conclusion,
        next.concludedAt,
        next.deliveredAt,
        next.revision,
      ],
    );
    if (rows.length > 0) return;
    const current = await this.db.query<{ revision: number }>(
      'SELECT revision FROM cases WHERE id = $1::uuid',
      [next.id],
    );
    if (current[0] === undefined) throw new NotFoundError(`case ${next.id} not found`);
    throw new ConflictError(
      `case ${next.id} was changed meanwhile (revision ${current[0].revision}, expected ${expectedRevision}); reload it and try again`,
      { caseId: next.id, revision: current[0].revision, expectedRevision },
    );
  }

  async listCases(filter: CaseFilter): Promise<VettingCase[]> {
    const after = filter.after !== undefined && UUID.test(filter.after) ? filter.after : null;
    if (filter.after !== undefined && after === null) return [];
    const rows = await this.db.query<CaseRow>(
      `${CASE_SELECT}
        WHERE ${CASE_FILTER}
          AND ($5::uuid IS NULL
               OR (c.submitted_at, c.id) > (SELECT submitted_at, id FROM cases WHERE id = $5::uuid))
        ORDER BY c.submitted_at, c.id
        LIMIT $6`,
      [...caseFilterParams(filter), after, filter.limit ?? 100],
    );
    return rows.map(rowToCase);
  }

  async claimCases(status: CaseStatus, limit: number): Promise<VettingCase[]> {
    // Locks only `cases` (the assignee join is read as is): SKIP LOCKED then passes over the
    // cases another transaction holds instead of waiting for it.
    const rows = await this.db.query<CaseRow>(
      `${CASE_SELECT}
        WHERE c.status = $1
        ORDER BY c.submitted_at, c.id
        LIMIT $2
        FOR UPDATE OF c SKIP LOCKED`,
      [status, limit],
    );
    return rows.map(rowToCase);
  }

  async countCases(filter: CaseFilter): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM cases c WHERE ${CASE_FILTER}`,
      caseFilterParams(filter),
    );
    return row?.n ?? 0;
  }

  async insertEvent(event: Omit<CaseEvent, 'id'>): Promise<CaseEvent> {
    const rows = await this.db.query<EventRow>(
      `INSERT INTO case_events (case_id, at, actor, kind, from_status, to_status, details)
       VALUES ($1::uuid, $2::timestamptz, $3, $4, $5, $6, $7::jsonb)
       RETURNING id, case_id::text AS case_id, at, actor, kind, from_status, to_status, details`,
      [
        event.caseId,
        event.at,
        event.actor,
        event.kind,
        event.fromStatus,
        event.toStatus,
        JSON.stringify(event.details ?? {}),
      ],
    );
    return rowToEvent(rows[0]!);
  }

  async caseEvents(caseId: string): Promise<CaseEvent[]> {
    if (!UUID.test(caseId)) return [];
    const rows = await this.db.query<EventRow>(
      `SELECT id, case_id::text AS case_id, at, actor, kind, from_status, to_status, details
         FROM case_events WHERE case_id = $1::uuid ORDER BY id`,
      [caseId],
    );
    return rows.map(rowToEvent);
  }

  async insertNote(note: Omit<CaseNote, 'id'>): Promise<CaseNote> {
    const rows = await this.db.query<NoteRow>(
      `INSERT INTO case_notes (case_id, author, at, text)
       VALUES ($1::uuid, $2, $3::timestamptz, $4)
       RETURNING id, case_id::text AS case_id, author, at, text`,
      [note.caseId, note.author, note.at, note.text],
    );
    return rowToNote(rows[0]!);
  }

  async caseNotes(caseId: string): Promise<CaseNote[]> {
    if (!UUID.test(caseId)) return [];
    const rows = await this.db.query<NoteRow>(
      `SELECT id, case_id::text AS case_id, author, at, text
         FROM case_notes WHERE case_id = $1::uuid ORDER BY id`,
      [caseId],
    );
    return rows.map(rowToNote);
  }

  async insertEvidence(evidence: Omit<CaseEvidence, 'id'>): Promise<CaseEvidence> {
    const rows = await this.db.query<EvidenceRow>(
      `INSERT INTO case_evidence (case_id, added_by, at, title, content, classification)
       VALUES ($1::uuid, $2, $3::timestamptz, $4, $5, $6)
       RETURNING id, case_id::text AS case_id, added_by, at, title, content, classification`,
      [
        evidence.caseId,
        evidence.addedBy,
        evidence.at,
        evidence.title,
        evidence.content,
        evidence.classification,
      ],
    );
    return rowToEvidence(rows[0]!);
  }

  async caseEvidence(caseId: string): Promise<CaseEvidence[]> {
    if (!UUID.test(caseId)) return [];
    const rows = await this.db.query<EvidenceRow>(
      `SELECT id, case_id::text AS case_id, added_by, at, title, content, classification
         FROM case_evidence WHERE case_id = $1::uuid ORDER BY id`,
      [caseId],
    );
    return rows.map(rowToEvidence);
  }

  // The watchlist.

  async insertWatchlist(
    input: WatchlistInput,
    createdBy: string,
    at: string,
  ): Promise<WatchlistEntry> {
    const rows = await this.db.query<WatchlistRow>(
      `INSERT INTO watchlist (schema, names, birth_date, countries, reason, classification,
              created_by, created_at, updated_at)
       VALUES ($1, $2::text[], $3, $4::text[], $5, $6, $7, $8::timestamptz, $8::timestamptz)
       RETURNING ${WATCHLIST_COLUMNS}`,
      [
        input.schema,
        [...input.names],
        input.birthDate,
        [...input.countries],
        input.reason,
        input.classification,
        createdBy,
        at,
      ],
    );
    return rowToWatchlist(rows[0]!);
  }

  async updateWatchlist(
    id: number,
    input: WatchlistInput,
    at: string,
  ): Promise<WatchlistEntry | null> {
    const rows = await this.db.query<WatchlistRow>(
      `UPDATE watchlist
          SET schema = $2, names = $3::text[], birth_date = $4, countries = $5::text[], reason = $6,
              classification = $7, updated_at = $8::timestamptz
        WHERE id = $1 AND deleted_at IS NULL
        RETURNING ${WATCHLIST_COLUMNS}`,
      [
        id,
        input.schema,
        [...input.names],
        input.birthDate,
        [...input.countries],
        input.reason,
        input.classification,
        at,
      ],
    );
    return rows[0] ? rowToWatchlist(rows[0]) : null;
  }

  async deleteWatchlist(id: number, at: string): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE watchlist SET deleted_at = $2::timestamptz, updated_at = $2::timestamptz
        WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
      [id, at],
    );
    return rows.length > 0;
  }

  async watchlistEntry(id: number): Promise<WatchlistEntry | null> {
    const rows = await this.db.query<WatchlistRow>(
      `SELECT ${WATCHLIST_COLUMNS} FROM watchlist WHERE id = $1 AND deleted_at IS NULL`,
      [id],
    );
    return rows[0] ? rowToWatchlist(rows[0]) : null;
  }

  async listWatchlist(filter?: {
    readonly maxClassification?: Classification;
  }): Promise<WatchlistEntry[]> {
    const levels = [...CLASSIFICATIONS];
    const rows = await this.db.query<WatchlistRow>(
      `SELECT ${WATCHLIST_COLUMNS} FROM watchlist
        WHERE deleted_at IS NULL
          AND ($1::text IS NULL
               OR array_position($2::text[], classification) <= array_position($2::text[], $1))
        ORDER BY id`,
      [filter?.maxClassification ?? null, levels],
    );
    return rows.map(rowToWatchlist);
  }

  async watchlistRevision(): Promise<number> {
    const [row] = await this.db.query<{ revision: number }>(
      'SELECT revision::int AS revision FROM watchlist_revision',
    );
    return row?.revision ?? 0;
  }

  // The audit log.

  async appendAudit(entry: NewAuditEntry, at: string): Promise<AuditEntry> {
    if (!this.inTransaction) {
      return this.db.transaction((tx) => new VettingRepositoryDb(tx, true).appendAudit(entry, at));
    }
    const tip = this.auditTip ?? (await this.lockAuditHead());
    const record: AuditRecord = {
      seq: tip.seq + 1,
      at: new Date(at).toISOString(),
      actor: entry.actor,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId,
      // What the database will give back: `undefined` members dropped, non-finite numbers null.
      details: JSON.parse(JSON.stringify(entry.details ?? null)) as JsonValue,
    };
    const hash = auditHash(tip.hash, record);
    await this.db.query(
      `WITH appended AS (
         INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, details, prev_hash,
                hash)
         VALUES ($1, $2::timestamptz, $3, $4, $5, $6, $7::jsonb, $8, $9)
         RETURNING seq, hash)
       UPDATE audit_head SET seq = appended.seq, hash = appended.hash FROM appended`,
      [
        record.seq,
        record.at,
        record.actor,
        record.action,
        record.objectType,
        record.objectId,
        JSON.stringify(record.details),
        tip.hash,
        hash,
      ],
    );
    this.auditTip = { seq: record.seq, hash };
    return { ...record, prevHash: tip.hash, hash };
  }

  /**
   * Takes the audit lock (held to the end of the transaction) and reads the head. While this
   * transaction holds the lock no one else appends, so later appends in it start from the tip it
   * wrote last instead of asking again: triage appends several entries per transaction.
   */
  private async lockAuditHead(): Promise<{ seq: number; hash: string }> {
    await this.db.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
    const [head] = await this.db.query<{ seq: number | string | bigint; hash: string }>(
      'SELECT seq, hash FROM audit_head',
    );
    if (head === undefined) throw new Error('audit_head has no row (migration 0004 not applied?)');
    return { seq: Number(head.seq), hash: head.hash };
  }

  async auditEntries(afterSeq: number, limit: number): Promise<AuditEntry[]> {
    const rows = await this.db.query<AuditRow>(
      `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [afterSeq, limit],
    );
    return rows.map(rowToAudit);
  }

  async auditHead(): Promise<{ readonly seq: number; readonly hash: string } | null> {
    const [row] = await this.db.query<{ seq: number | string | bigint; hash: string }>(
      'SELECT seq, hash FROM audit_head',
    );
    if (row === undefined || Number(row.seq) === 0) return null;
    return { seq: Number(row.seq), hash: row.hash };
  }

  // Webhook deliveries.

  async enqueueDelivery(
    delivery: Omit<Delivery, 'attempts' | 'lastError' | 'deliveredAt' | 'gaveUpAt'>,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO deliveries (case_id, agency, url, next_attempt_at)
       VALUES ($1::uuid, $2, $3, $4::timestamptz)
       ON CONFLICT (case_id) DO NOTHING`,
      [delivery.caseId, delivery.agency, delivery.url, delivery.nextAttemptAt],
    );
  }

  async dueDeliveries(at: string, limit: number): Promise<Delivery[]> {
    // Claims the due rows in one statement: SKIP LOCKED passes over rows another worker is
    // claiming right now, and moving `next_attempt_at` past the claim keeps them from being
    // fetched again while this worker sends them.
    const claimUntil = new Date(new Date(at).getTime() + DELIVERY_CLAIM_MS).toISOString();
    const rows = await this.db.query<DeliveryRow>(
      `UPDATE deliveries SET next_attempt_at = $3::timestamptz
        WHERE case_id IN (
          SELECT case_id FROM deliveries
           WHERE delivered_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= $1::timestamptz
           ORDER BY next_attempt_at, case_id
           LIMIT $2
           FOR UPDATE SKIP LOCKED)
        RETURNING ${DELIVERY_COLUMNS}`,
      [at, limit, claimUntil],
    );
    return rows.map(rowToDelivery).sort((a, b) => compareText(a.caseId, b.caseId));
  }

  async recordDeliveryAttempt(
    caseId: string,
    outcome:
      | { readonly ok: true; readonly at: string }
      | {
          readonly ok: false;
          readonly at: string;
          readonly error: string;
          readonly retryAt: string | null;
        },
  ): Promise<void> {
    if (outcome.ok) {
      await this.db.query(
        `UPDATE deliveries
            SET attempts = attempts + 1, delivered_at = $2::timestamptz, last_error = NULL
          WHERE case_id = $1::uuid`,
        [caseId, outcome.at],
      );
      return;
    }
    await this.db.query(
      `UPDATE deliveries
          SET attempts = attempts + 1, last_error = $2,
              next_attempt_at = coalesce($3::timestamptz, next_attempt_at),
              gave_up_at = CASE WHEN $3::timestamptz IS NULL THEN $4::timestamptz END
        WHERE case_id = $1::uuid`,
      [caseId, outcome.error, outcome.retryAt, outcome.at],
    );
  }

  async deliveryOf(caseId: string): Promise<Delivery | null> {
    if (!UUID.test(caseId)) return null;
    const rows = await this.db.query<DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE case_id = $1::uuid`,
      [caseId],
    );
    return rows[0] ? rowToDelivery(rows[0]) : null;
  }

  // Statistics and the demo seed.

  async *statisticsRows(fromInclusive: string, toExclusive: string): AsyncIterable<StatisticsRow> {
    let afterId: string | null = null;
    for (;;) {
      // One JSON text per page: PGlite's cost is per row returned, and the keyset on
      // (submitted_at, id) keeps every page an index range scan however deep into the year.
      const rows = await this.db.query<{ page: string | null }>(
        `SELECT json_agg(p ORDER BY p.submitted_at, p.id)::text AS page
           FROM (SELECT c.id::text AS id, c.permit_type, c.status, c.conclusion, c.routing,
                        to_char(c.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                          AS submitted_at,
                        to_char(c.concluded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                          AS concluded_at,
                        to_char(c.deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                          AS deadline,
                        ARRAY(SELECT jsonb_array_elements_text(c.applicant -> 'citizenship'))
                          AS citizenship,
                        ARRAY(SELECT DISTINCT i ->> 'category'
                                FROM jsonb_array_elements(coalesce(c.triage -> 'indicators', '[]'))
                                  AS i
                               ORDER BY 1) AS categories
                   FROM cases c
                  WHERE c.submitted_at >= $1::timestamptz AND c.submitted_at < $2::timestamptz
                    AND ($3::uuid IS NULL
                         OR (c.submitted_at, c.id)
                            > (SELECT submitted_at, id FROM cases WHERE id = $3::uuid))
                  ORDER BY c.submitted_at, c.id
                  LIMIT $4) p`,
        [fromInclusive, toExclusive, afterId, STATISTICS_PAGE],
      );
      const text = rows[0]?.page ?? null;
      const page: StatisticsJsonRow[] = text === null ? [] : JSON.parse(text);
      for (const item of page) yield jsonToStatisticsRow(item);
      if (page.length < STATISTICS_PAGE) return;
      afterId = page[page.length - 1]!.id;
    }
  }

  async insertCases(cases: readonly VettingCase[]): Promise<number> {
    let inserted = 0;
    for (let start = 0; start < cases.length; start += INSERT_BATCH) {
      inserted += await this.insertCaseRows(cases.slice(start, start + INSERT_BATCH));
    }
    return inserted;
  }

  /** One multi-row INSERT; cases whose (agency, external id) exists already are skipped. */
  private async insertCaseRows(cases: readonly VettingCase[]): Promise<number> {
    if (cases.length === 0) return 0;
    const rows = cases.map((item) => ({
      id: item.id,
      agency: item.agency,
      external_id: item.externalId,
      permit_type: item.permitType,
      applicant: item.applicant,
      status: item.status,
      submitted_by: item.submittedBy,
      submitted_at: item.submittedAt,
      deadline: item.deadline,
      triage: item.triage,
      routing: item.triage?.routing ?? null,
      assignee_user_id: item.assigneeUserId,
      proposal: item.proposal,
      approval: item.approval,
      conclusion: item.conclusion,
      concluded_at: item.concludedAt,
      delivered_at: item.deliveredAt,
      revision: item.revision,
    }));
    const result = await this.db.query<{ id: string }>(
      `INSERT INTO cases (id, agency, external_id, permit_type, applicant, status, submitted_by,
              submitted_at, deadline, triage, routing, assignee_user_id, proposal, approval,
              conclusion, concluded_at, delivered_at, revision)
       SELECT r.id, r.agency, r.external_id, r.permit_type, r.applicant, r.status, r.submitted_by,
              r.submitted_at, r.deadline, nullif(r.triage, 'null'), r.routing, r.assignee_user_id,
              nullif(r.proposal, 'null'), nullif(r.approval, 'null'), r.conclusion, r.concluded_at,
              r.delivered_at, r.revision
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, agency text, external_id text,
              permit_type text, applicant jsonb, status text, submitted_by text,
              submitted_at timestamptz, deadline timestamptz, triage jsonb, routing text,
              assignee_user_id integer, proposal jsonb, approval jsonb, conclusion text,
              concluded_at timestamptz, delivered_at timestamptz, revision integer)
       ON CONFLICT (agency, external_id) DO NOTHING
       RETURNING id::text AS id`,
      [JSON.stringify(rows)],
    );
    return result.length;
  }
}

/** The store with transactions: `transaction` hands the use case a repository on `tx`. */
export class VettingRepositoryStore extends VettingRepositoryDb implements VettingStore {
  transaction<T>(fn: (tx: VettingRepository) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(new VettingRepositoryDb(tx, true)));
  }

  readConsistent<T>(fn: (tx: VettingRepository) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      // Must be the transaction's first statement: the snapshot is taken at the first query.
      await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      return fn(new VettingRepositoryDb(tx, true));
    });
  }
}

function prefixed(alias: string, columns: string): string {
  return columns
    .split(',')
    .map((column) => `${alias}.${column.trim()}`)
    .join(', ');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function jsonOrNull(value: object | null): string | null {
  return value === null ? null : JSON.stringify(value);
}

function iso(value: Timestamp): string {
  return new Date(value).toISOString();
}

function isoOrNull(value: Timestamp | null): string | null {
  return value === null ? null : iso(value);
}

function roles(values: readonly string[]): Role[] {
  return values.map((value) => {
    if (!isRole(value)) throw new Error(`stored role '${value}' is unknown`);
    return value;
  });
}

function status(value: string): CaseStatus {
  if (!isCaseStatus(value)) throw new Error(`stored case status '${value}' is unknown`);
  return value;
}

function statusOrNull(value: string | null): CaseStatus | null {
  return value === null ? null : status(value);
}

function conclusion(value: string | null): Conclusion | null {
  if (value === null) return null;
  if (!isConclusion(value)) throw new Error(`stored conclusion '${value}' is unknown`);
  return value;
}

function classification(value: string): Classification {
  if (!isClassification(value)) throw new Error(`stored classification '${value}' is unknown`);
  return value;
}

function rowToUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    roles: roles(row.roles),
    agency: row.agency,
    active: row.active,
    createdAt: iso(row.created_at),
  };
}

function rowToAgency(row: AgencyRow): Agency {
  return { code: row.code, name: row.name, webhookUrl: row.webhook_url };
}

function rowToCase(row: CaseRow): VettingCase {
  return {
    id: row.id,
    externalId: row.external_id,
    agency: row.agency,
    permitType: row.permit_type,
    // The JSON columns are written from these domain types by this repository only.
    applicant: row.applicant as Applicant,
    status: status(row.status),
    submittedBy: row.submitted_by,
    submittedAt: iso(row.submitted_at),
    deadline: iso(row.deadline),
    triage: (row.triage ?? null) as TriageResult | null,
    assigneeUserId: row.assignee_user_id,
    assignee: row.assignee,
    proposal: (row.proposal ?? null) as Proposal | null,
    approval: (row.approval ?? null) as Approval | null,
    conclusion: conclusion(row.conclusion),
    concludedAt: isoOrNull(row.concluded_at),
    deliveredAt: isoOrNull(row.delivered_at),
    revision: row.revision,
  };
}

function rowToEvent(row: EventRow): CaseEvent {
  return {
    id: row.id,
    caseId: row.case_id,
    at: iso(row.at),
    actor: row.actor,
    kind: row.kind,
    fromStatus: statusOrNull(row.from_status),
    toStatus: statusOrNull(row.to_status),
    details: row.details as JsonValue,
  };
}

function rowToNote(row: NoteRow): CaseNote {
  return { id: row.id, caseId: row.case_id, author: row.author, at: iso(row.at), text: row.text };
}

function rowToEvidence(row: EvidenceRow): CaseEvidence {
  return {
    id: row.id,
    caseId: row.case_id,
    addedBy: row.added_by,
    at: iso(row.at),
    title: row.title,
    content: row.content,
    classification: classification(row.classification),
  };
}

function rowToWatchlist(row: WatchlistRow): WatchlistEntry {
  if (row.schema !== 'Person' && row.schema !== 'Organization') {
    throw new Error(`stored watchlist schema '${row.schema}' is unknown`);
  }
  return {
    id: row.id,
    schema: row.schema,
    names: [...row.names],
    birthDate: row.birth_date,
    countries: [...row.countries],
    reason: row.reason,
    classification: classification(row.classification),
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

function rowToAudit(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    at: iso(row.at),
    actor: row.actor,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    details: row.details as JsonValue,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function rowToDelivery(row: DeliveryRow): Delivery {
  return {
    caseId: row.case_id,
    agency: row.agency,
    url: row.url,
    attempts: row.attempts,
    nextAttemptAt: iso(row.next_attempt_at),
    lastError: row.last_error,
    deliveredAt: isoOrNull(row.delivered_at),
    gaveUpAt: isoOrNull(row.gave_up_at),
  };
}

function jsonToStatisticsRow(row: StatisticsJsonRow): StatisticsRow {
  return {
    caseId: row.id,
    permitType: row.permit_type,
    citizenship: row.citizenship ?? [],
    status: status(row.status),
    conclusion: conclusion(row.conclusion),
    submittedAt: row.submitted_at,
    concludedAt: row.concluded_at,
    deadline: row.deadline,
    categories: row.categories ?? [],
    flagged: row.routing === 'flagged',
  };
}
