/**
 * The storage the vetting use cases need, declared on the consumer side (as Marble's use cases
 * declare their repositories). Implemented once in `store/vetting-repository.ts`, on PGlite and
 * PostgreSQL. Every method works inside or outside a transaction; every use case that changes
 * state runs in one `transaction`, and writes its audit entry in that same transaction, so a
 * change and its trace commit together or not at all.
 */
import type { JsonValue } from '../shared/canonical-json.js';
import type {
  AuditEntry,
  CaseEvent,
  CaseEvidence,
  CaseNote,
  CaseStatus,
  Classification,
  NewAuditEntry,
  Role,
  User,
  VettingCase,
  WatchlistEntry,
  WatchlistInput,
} from './types.js';

export interface NewUser {
  readonly username: string;
  readonly passwordHash: string;
  readonly roles: readonly Role[];
  readonly agency: string | null;
  readonly createdAt: string;
}

export interface Agency {
  readonly code: string;
  readonly name: string;
  /** Where approved conclusions are POSTed; null: pull only. */
  readonly webhookUrl: string | null;
}

export interface CaseFilter {
  readonly status?: CaseStatus;
  readonly assigneeUserId?: number;
  readonly agency?: string;
  /** Only cases past their deadline at this instant and not yet concluded. */
  readonly overdueAt?: string;
  readonly limit?: number;
  /** Keyset paging in submission order: cases submitted after this one. */
  readonly after?: string;
}

export interface Delivery {
  readonly caseId: string;
  readonly agency: string;
  readonly url: string;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
  readonly deliveredAt: string | null;
  /** When the attempts ran out (the agency can still pull the conclusion); null while retrying. */
  readonly gaveUpAt: string | null;
}

/** What statistics read of one case: no names, no evidence. */
export interface StatisticsRow {
  readonly caseId: string;
  readonly permitType: string;
  readonly citizenship: readonly string[];
  readonly status: CaseStatus;
  readonly conclusion: 'threat' | 'no_objection' | null;
  readonly submittedAt: string;
  readonly concludedAt: string | null;
  readonly deadline: string;
  /** The risk categories triage raised (empty: none). */
  readonly categories: readonly string[];
  readonly flagged: boolean;
}

export interface VettingRepository {
  // Users and sessions.
  /** Throws `ConflictError` when the username is taken. */
  insertUser(user: NewUser): Promise<User>;
  userByUsername(username: string): Promise<{ user: User; passwordHash: string } | null>;
  userById(id: number): Promise<User | null>;
  listUsers(): Promise<User[]>;
  setUserActive(id: number, active: boolean): Promise<boolean>;
  setUserPassword(id: number, passwordHash: string): Promise<boolean>;
  insertSession(session: {
    readonly tokenHash: string;
    readonly userId: number;
    readonly createdAt: string;
    readonly expiresAt: string;
  }): Promise<void>;
  /** The active user of an unexpired session, or null. */
  sessionUser(tokenHash: string, at: string): Promise<User | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /** The user an API key stands for (keys created for a system user), or null. */
  apiKeyUser(keyHash: string): Promise<User | null>;

  // Agencies (the submitting authorities).
  upsertAgency(agency: Agency): Promise<void>;
  agency(code: string): Promise<Agency | null>;
  listAgencies(): Promise<Agency[]>;

  // Cases.
  /** Inserts a case; returns null (and inserts nothing) when its agency already used `externalId`. */
  insertCase(vettingCase: VettingCase): Promise<VettingCase | null>;
  caseByExternalId(agency: string, externalId: string): Promise<VettingCase | null>;
  /** `forUpdate` locks the row until the transaction ends. */
  caseById(id: string, options?: { readonly forUpdate?: boolean }): Promise<VettingCase | null>;
  /**
   * Writes `next` (whose `revision` is `expectedRevision + 1`). Throws `ConflictError` when the
   * stored revision is not `expectedRevision` (someone else changed the case meanwhile).
   */
  updateCase(next: VettingCase, expectedRevision: number): Promise<void>;
  listCases(filter: CaseFilter): Promise<VettingCase[]>;
  /**
   * Up to `limit` cases in `status`, oldest first, locked `FOR UPDATE SKIP LOCKED` until the
   * transaction ends: several servers sweeping at once never take the same case.
   */
  claimCases(status: CaseStatus, limit: number): Promise<VettingCase[]>;
  countCases(filter: CaseFilter): Promise<number>;
  insertEvent(event: Omit<CaseEvent, 'id'>): Promise<CaseEvent>;
  caseEvents(caseId: string): Promise<CaseEvent[]>;
  insertNote(note: Omit<CaseNote, 'id'>): Promise<CaseNote>;
  caseNotes(caseId: string): Promise<CaseNote[]>;
  insertEvidence(evidence: Omit<CaseEvidence, 'id'>): Promise<CaseEvidence>;
  caseEvidence(caseId: string): Promise<CaseEvidence[]>;

  // The service's own watchlist (soft-deleted rows stay for the audit trail).
  insertWatchlist(input: WatchlistInput, createdBy: string, at: string): Promise<WatchlistEntry>;
  updateWatchlist(id: number, input: WatchlistInput, at: string): Promise<WatchlistEntry | null>;
  deleteWatchlist(id: number, at: string): Promise<boolean>;
  watchlistEntry(id: number): Promise<WatchlistEntry | null>;
  listWatchlist(filter?: {
    readonly maxClassification?: Classification;
  }): Promise<WatchlistEntry[]>;
  /** Changes with every insert, update and delete (triage names the revision it screened). */
  watchlistRevision(): Promise<number>;

  // The audit log.
  /**
   * Appends one entry: serialised against concurrent appends (a lock held to the end of the
   * transaction), `seq` = last + 1, `prevHash` = last hash (64 zeros for the first), `hash` =
   * `auditHash(prevHash, record)` from `audit/hash-chain.ts`.
   */
  appendAudit(entry: NewAuditEntry, at: string): Promise<AuditEntry>;
  /** Entries in `seq` order after `afterSeq`, at most `limit`. */
  auditEntries(afterSeq: number, limit: number): Promise<AuditEntry[]>;
  /** The last entry's seq and hash as recorded beside the log (detects a deleted tail). */
  auditHead(): Promise<{ readonly seq: number; readonly hash: string } | null>;

  // Delivery of approved conclusions by webhook (an outbox, retried with backoff).
  enqueueDelivery(
    delivery: Omit<Delivery, 'attempts' | 'lastError' | 'deliveredAt' | 'gaveUpAt'>,
  ): Promise<void>;
  /**
   * Deliveries due at `at`, claimed (`SKIP LOCKED`, and their next attempt moved past a short
   * lease) so several workers never send one twice; a worker that dies leaves them due again.
   */
  dueDeliveries(at: string, limit: number): Promise<Delivery[]>;
  recordDeliveryAttempt(
    caseId: string,
    outcome:
      | { readonly ok: true; readonly at: string }
      | {
          readonly ok: false;
          readonly at: string;
          readonly error: string;
          readonly retryAt: string | null;
        },
  ): Promise<void>;
  deliveryOf(caseId: string): Promise<Delivery | null>;

  // Statistics.
  statisticsRows(fromInclusive: string, toExclusive: string): AsyncIterable<StatisticsRow>;
  /** Bulk insert for the demo seed (one statement per batch); same rules as `insertCase`. */
  insertCases(cases: readonly VettingCase[]): Promise<number>;
}

export interface VettingStore extends VettingRepository {
  transaction<T>(fn: (tx: VettingRepository) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in a read-only transaction on one snapshot (REPEATABLE READ): every read sees the
   * same state, e.g. the audit head and the entries it must match, whatever is appended meanwhile.
   */
  readConsistent<T>(fn: (tx: VettingRepository) => Promise<T>): Promise<T>;
}

/** Password hashing (argon2id in production, behind this port so the domain stays pure). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** Sends one webhook; resolves with the HTTP status, rejects on a network error. */
export interface WebhookSender {
  post(url: string, body: JsonValue, headers: Readonly<Record<string, string>>): Promise<number>;
}
