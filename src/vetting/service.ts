/**
 * What the HTTP API and the CLI call: the vetting use cases bound to their adapters
 * (`createVettingService` in `create-service.ts`). Every method takes the acting `Actor` and checks
 * its roles itself (`access.ts`), so the rules hold whichever interface calls them; the API checks
 * roles again per route (defence in depth, and a 403 before any work).
 */

import type { Agency } from './ports.js';
import type { StatisticsReport } from './statistics.js';
import type {
  Actor,
  AuditEntry,
  AuditVerification,
  CaseEvent,
  CaseEvidence,
  CaseNote,
  CaseStatus,
  Classification,
  Conclusion,
  ExternalStatus,
  Role,
  User,
  VettingCase,
  WatchlistEntry,
  WatchlistInput,
} from './types.js';

/** Exactly what the migration authority may see of an assessment (issue 6's contract). */
export interface AssessmentView {
  readonly id: string;
  readonly external_id: string;
  readonly status: ExternalStatus;
  readonly conclusion: Conclusion | null;
  readonly concluded_at: string | null;
}

export interface SubmitResult {
  readonly assessment: AssessmentView;
  /** False when the agency had already submitted this `external_id` (the existing one is returned). */
  readonly created: boolean;
}

/** A case as analysts and supervisors see it: hits with explanations, indicators, timeline. */
export interface CaseDetail {
  readonly case: VettingCase;
  readonly overdue: boolean;
  readonly timeline: readonly CaseEvent[];
  readonly notes: readonly CaseNote[];
  readonly evidence: readonly CaseEvidence[];
}

export interface CaseListQuery {
  readonly status?: CaseStatus;
  readonly overdue?: boolean;
  readonly mine?: boolean;
  readonly limit?: number;
  readonly after?: string;
}

export interface Session {
  readonly token: string;
  readonly user: User;
  readonly expiresAt: string;
}

export interface TriageRunSummary {
  readonly triaged: number;
  readonly flagged: number;
  readonly qaSample: number;
  readonly clean: number;
}

export interface BulkSignOffResult {
  readonly approved: readonly string[];
  /** Cases that were not clean pending proposals (left as they were), with why. */
  readonly skipped: readonly { readonly id: string; readonly reason: string }[];
}

export interface VettingService {
  // Access.
  login(username: string, password: string): Promise<Session>;
  /** Audits that failed sign-ins locked a username or client address until `until`. */
  recordSignInLock(lock: {
    readonly username: string;
    readonly address: string;
    readonly lockedBy: readonly ('username' | 'address')[];
    readonly until: string;
  }): Promise<void>;
  logout(token: string): Promise<void>;
  /** The actor of a bearer session token or an API key bound to a user; null when neither. */
  authenticate(credential: {
    readonly token?: string;
    readonly apiKey?: string;
  }): Promise<Actor | null>;
  createUser(
    actor: Actor | 'cli',
    input: {
      readonly username: string;
      readonly password: string;
      readonly roles: readonly Role[];
      readonly agency: string | null;
    },
  ): Promise<User>;
  listUsers(actor: Actor): Promise<User[]>;
  setUserActive(actor: Actor | 'cli', userId: number, active: boolean): Promise<User>;
  upsertAgency(actor: Actor | 'cli', agency: Agency): Promise<void>;

  // The migration authority.
  submitAssessment(actor: Actor, request: unknown): Promise<SubmitResult>;
  readAssessment(actor: Actor, id: string): Promise<AssessmentView>;

  // Triage (the server runs it after each submission and sweeps `new` cases periodically).
  triagePending(limit?: number): Promise<TriageRunSummary>;

  // Analysts and supervisors.
  listCases(actor: Actor, query: CaseListQuery): Promise<VettingCase[]>;
  /** Audited as a read of the case. */
  getCase(actor: Actor, id: string): Promise<CaseDetail>;
  assignCase(actor: Actor, id: string, assigneeUserId: number | null): Promise<VettingCase>;
  addNote(actor: Actor, id: string, text: string): Promise<CaseNote>;
  addEvidence(
    actor: Actor,
    id: string,
    input: {
      readonly title: string;
      readonly content: string;
      readonly classification: Classification;
    },
  ): Promise<CaseEvidence>;
  propose(
    actor: Actor,
    id: string,
    input: { readonly conclusion: string; readonly reasoning: string },
  ): Promise<VettingCase>;
  decide(
    actor: Actor,
    id: string,
    input: { readonly decision: string; readonly comment: string },
  ): Promise<VettingCase>;
  /** A supervisor signs off clean cases triage proposed `no_objection` for (see README). */
  bulkSignOff(actor: Actor, ids: readonly string[], comment: string): Promise<BulkSignOffResult>;

  // Watchlist.
  listWatchlist(actor: Actor): Promise<WatchlistEntry[]>;
  createWatchlistEntry(actor: Actor, input: WatchlistInput): Promise<WatchlistEntry>;
  updateWatchlistEntry(actor: Actor, id: number, input: WatchlistInput): Promise<WatchlistEntry>;
  deleteWatchlistEntry(actor: Actor, id: number): Promise<void>;

  // Delivery.
  /** Sends due webhooks once; returns how many were delivered. */
  deliverDue(): Promise<number>;

  // Audit.
  verifyAudit(actor: Actor | 'cli'): Promise<AuditVerification>;
  auditLog(actor: Actor, afterSeq: number, limit: number): Promise<AuditEntry[]>;

  // Statistics (auditor, supervisor).
  statistics(actor: Actor | 'cli', year: number): Promise<StatisticsReport>;
}
