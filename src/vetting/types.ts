/**
 * The vetting vocabulary: users and roles, assessment requests, cases and their states, triage
 * results, the watchlist and the audit log. Plain data; the rules live in the files beside it.
 *
 * One assessment is one case: the migration authority calls it an assessment and sees only its
 * outcome; the security service works it as a case (same id). Keeping them one record means the
 * conclusion the authority reads is, by construction, the one that was approved.
 */
import type { JsonValue } from '../shared/canonical-json.js';

export const ROLES = ['migration_officer', 'analyst', 'supervisor', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export interface User {
  readonly id: number;
  readonly username: string;
  readonly roles: readonly Role[];
  /** The agency a migration officer works for (its requests only); null for the service's staff. */
  readonly agency: string | null;
  readonly active: boolean;
  readonly createdAt: string;
}

/**
 * Who acts. `system` is the automated triage: it can propose `no_objection` for a clean case, never
 * approve anything and never conclude `threat`.
 */
export type Actor =
  | {
      readonly kind: 'user';
      readonly userId: number;
      readonly username: string;
      readonly roles: readonly Role[];
      readonly agency: string | null;
    }
  | { readonly kind: 'system'; readonly name: 'triage' | 'delivery' };

/** How an actor appears in the audit log and timelines: `user:alice`, `system:triage`. */
export function actorRef(actor: Actor): string {
  return actor.kind === 'user' ? `user:${actor.username}` : `system:${actor.name}`;
}

export const CONCLUSIONS = ['threat', 'no_objection'] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];

export function isConclusion(value: string): value is Conclusion {
  return (CONCLUSIONS as readonly string[]).includes(value);
}

export const CASE_STATUSES = [
  'new',
  'triaged',
  'in_review',
  'proposed',
  'approved',
  'returned',
  'delivered',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export function isCaseStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value);
}

/**
 * What the migration authority sees of a case's progress. Internal states would leak whether a
 * person was flagged (a clean case goes `triaged -> proposed`, a flagged one `-> in_review`), so the
 * authority only learns received / in progress / concluded.
 */
export type ExternalStatus = 'received' | 'in_progress' | 'concluded';

export interface Employment {
  readonly employer: string;
  readonly position: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string | null;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly from: string | null;
  readonly to: string | null;
}

export interface Applicant {
  /** Any script; the first is the name as in the passport. */
  readonly names: readonly string[];
  readonly birthDate: string | null;
  /** ISO 3166-1 alpha-2, upper case. Used for statistics and to qualify a name hit, never alone. */
  readonly citizenship: readonly string[];
  readonly passportNumber: string | null;
  readonly employment: readonly Employment[];
}

export interface AssessmentRequest {
  readonly externalId: string;
  readonly permitType: string;
  readonly applicant: Applicant;
}

/** One screening hit found by triage, with the matcher's explanation. */
export interface TriageHit {
  /** `applicant` (a name of the person) or `employer` (the employer of `employmentIndex`). */
  readonly subject: 'applicant' | 'employer';
  readonly employmentIndex: number | null;
  /** `sanctions` (an official list) or `watchlist` (the service's own designations). */
  readonly source: 'sanctions' | 'watchlist';
  /** `eu:13`, `watchlist:42`. */
  readonly entityId: string;
  /** The list (`eu`, `un`, `ofac`, `uk`, `watchlist`). */
  readonly list: string;
  readonly caption: string;
  readonly score: number;
  readonly match: boolean;
  readonly explanation: JsonValue;
}

export const RISK_CATEGORIES = [
  'designated_employer',
  'internal_affairs',
  'armed_forces',
  'military_industry',
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/** A risk indicator raised by one rule on one declared employment. */
export interface RiskIndicator {
  readonly ruleId: string;
  readonly category: RiskCategory;
  readonly employmentIndex: number;
  /** Human-readable: which rule, what in the declaration made it fire. */
  readonly explanation: string;
  /** The text that matched (employer or position) or the list entity the employer matched. */
  readonly evidence: string;
}

/** How triage routed a case, and why. */
export type Routing =
  /** Hits or indicators: an analyst must review it. */
  | 'flagged'
  /** Clean, but drawn for the quality-assurance sample: an analyst reviews it anyway. */
  | 'qa_sample'
  /** Clean: triage proposes `no_objection`; a supervisor must still sign it off. */
  | 'clean';

export interface TriageResult {
  readonly at: string;
  /** The list versions screened against (`eu@12`) and the watchlist revision. */
  readonly screenedAgainst: readonly string[];
  readonly hits: readonly TriageHit[];
  readonly indicators: readonly RiskIndicator[];
  readonly routing: Routing;
  /** One line per reason, in order (shown to the analyst). */
  readonly reasons: readonly string[];
}

export interface Proposal {
  readonly conclusion: Conclusion;
  readonly reasoning: string;
  readonly proposedBy: string;
  /** The proposing user's id; null for the automated triage. Four-eyes compares it. */
  readonly proposedByUserId: number | null;
  readonly proposedAt: string;
}

export interface Approval {
  readonly decision: 'approve' | 'return';
  readonly comment: string;
  readonly decidedBy: string;
  readonly decidedByUserId: number;
  readonly decidedAt: string;
}

export interface VettingCase {
  /** A UUID, also the assessment id the migration authority holds. */
  readonly id: string;
  readonly externalId: string;
  /** The submitting agency: only its officers read the conclusion. */
  readonly agency: string;
  readonly permitType: string;
  readonly applicant: Applicant;
  readonly status: CaseStatus;
  readonly submittedBy: string;
  readonly submittedAt: string;
  /** The SLA deadline of the permit type, counted from submission. */
  readonly deadline: string;
  readonly triage: TriageResult | null;
  readonly assigneeUserId: number | null;
  readonly assignee: string | null;
  readonly proposal: Proposal | null;
  /** The latest supervisor decision (a returned case keeps it until the next one). */
  readonly approval: Approval | null;
  readonly conclusion: Conclusion | null;
  readonly concludedAt: string | null;
  readonly deliveredAt: string | null;
  /** Incremented by every change; updates check it (optimistic concurrency). */
  readonly revision: number;
}

export interface CaseNote {
  readonly id: number;
  readonly caseId: string;
  readonly author: string;
  readonly at: string;
  readonly text: string;
}

/** Intelligence attached to a case. Never leaves the service (not in any authority response). */
export interface CaseEvidence {
  readonly id: number;
  readonly caseId: string;
  readonly addedBy: string;
  readonly at: string;
  readonly title: string;
  readonly content: string;
  readonly classification: Classification;
}

/** A timeline entry: every state change and every note, evidence and assignment. */
export interface CaseEvent {
  readonly id: number;
  readonly caseId: string;
  readonly at: string;
  readonly actor: string;
  readonly kind: string;
  readonly fromStatus: CaseStatus | null;
  readonly toStatus: CaseStatus | null;
  readonly details: JsonValue;
}

export const CLASSIFICATIONS = ['unclassified', 'restricted', 'confidential', 'secret'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export function isClassification(value: string): value is Classification {
  return (CLASSIFICATIONS as readonly string[]).includes(value);
}

/** A person or organisation the service itself designates. */
export interface WatchlistEntry {
  readonly id: number;
  readonly schema: 'Person' | 'Organization';
  readonly names: readonly string[];
  readonly birthDate: string | null;
  readonly countries: readonly string[];
  readonly reason: string;
  readonly classification: Classification;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type WatchlistInput = Omit<WatchlistEntry, 'id' | 'createdBy' | 'createdAt' | 'updatedAt'>;

/** One audit log entry as hashed: everything but its own hash and the previous one. */
export interface AuditRecord {
  /** 1, 2, 3 ... without gaps: a gap is a deleted row. */
  readonly seq: number;
  /** ISO 8601 with milliseconds, UTC (`Date.toISOString()`). */
  readonly at: string;
  readonly actor: string;
  /** `case.read`, `case.proposed`, `watchlist.created`, `user.login` ... */
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly details: JsonValue;
}

export interface AuditEntry extends AuditRecord {
  readonly prevHash: string;
  readonly hash: string;
}

export type NewAuditEntry = Omit<AuditRecord, 'seq' | 'at'>;

export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  /** The seq of the first entry that does not verify, with why; null when all do. */
  readonly firstBad: { readonly seq: number; readonly reason: string } | null;
}
