/**
 * The vocabulary of monitoring: subjects under watch, the alerts screening raises on them, the
 * analysts' decisions on those alerts, and the re-screening jobs. Plain readonly data.
 */
import type { Explanation } from '../../matching/score.js';
import type { ScreeningQuery } from '../query.js';

/**
 * A person or organisation under watch. `externalId` is the caller's own id (the `id` column of
 * the subjects CSV); the other fields are the `sargas screen` query columns.
 */
export interface Subject {
  /** Sargas's own id. */
  readonly id: number;
  readonly externalId: string;
  readonly query: ScreeningQuery;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A subject as imported, with what the store keeps to find it again cheaply. */
export interface SubjectUpsert {
  readonly query: ScreeningQuery;
  /** Hash of the query fields: a re-import that changes nothing writes nothing. */
  readonly contentHash: string;
  /**
   * The subject's name lookup keys (spelling and phonetic keys of every name variant). A delta
   * re-screen selects the subjects sharing a key with the changed list entities through an index
   * on these, instead of preparing every subject again.
   */
  readonly matchKeys: readonly string[];
}

/**
 * `open`: waits for an analyst. `confirmed`: a true match. `dismissed`: a false positive, suppressed
 * until the list entity's content changes. `list_removed`: closed by Sargas because the entity left
 * the list while the alert was still open (confirmed and dismissed alerts keep their decision).
 */
export const ALERT_STATUSES = ['open', 'confirmed', 'dismissed', 'list_removed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export function isAlertStatus(value: string): value is AlertStatus {
  return (ALERT_STATUSES as readonly string[]).includes(value);
}

/** One (subject, list entity) pair that screening flagged, with its current state. */
export interface Alert {
  readonly id: number;
  readonly subjectId: number;
  readonly externalId: string;
  readonly subjectName: string;
  readonly entityId: string;
  readonly entityCaption: string;
  /** The list (dataset) and the version of it the alert was raised or last refreshed on. */
  readonly source: string;
  readonly versionId: number;
  readonly score: number;
  readonly explanation: Explanation;
  /** `Entity.contentHash` of the list entity when the alert was raised or last refreshed. */
  readonly entityHash: string;
  readonly status: AlertStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * What happened to an alert. `raised`, `refreshed` (the entity changed while the alert was open),
 * `reopened` (the entity changed after a decision) and `list_removed` are Sargas's own; `confirmed`
 * and `dismissed` are analysts'.
 */
export type DecisionAction =
  | 'raised'
  | 'refreshed'
  | 'reopened'
  | 'list_removed'
  | 'confirmed'
  | 'dismissed';

/** One entry of an alert's history: who did what, when and why. Append-only. */
export interface Decision {
  readonly id: number;
  readonly alertId: number;
  readonly action: DecisionAction;
  readonly fromStatus: AlertStatus | null;
  readonly toStatus: AlertStatus;
  readonly actor: string;
  readonly reason: string | null;
  readonly entityHash: string;
  readonly versionId: number;
  readonly at: string;
}

/** The actor recorded for Sargas's own decisions. */
export const SYSTEM_ACTOR = 'system';

/** A match found by screening, before it meets the existing alerts. */
export interface Hit {
  readonly subjectId: number;
  readonly entityId: string;
  readonly entityCaption: string;
  readonly source: string;
  readonly versionId: number;
  readonly entityHash: string;
  readonly score: number;
  readonly explanation: Explanation;
}

export type JobKind = 'delta' | 'full';
export type JobState = 'queued' | 'running' | 'completed' | 'failed';

/** A re-screening job as persisted in `rescreen_jobs`: what any process shows as progress. */
export interface RescreenJob {
  readonly id: number;
  readonly kind: JobKind;
  /** Delta: the list version re-screened against (its added and changed entities). */
  readonly versionId: number | null;
  readonly source: string | null;
  readonly state: JobState;
  readonly processed: number;
  readonly total: number;
  readonly alertsRaised: number;
  readonly alertsClosed: number;
  readonly requestedBy: string;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly error: string | null;
}

export interface NewRescreenJob {
  readonly kind: JobKind;
  readonly versionId: number | null;
  readonly source: string | null;
  readonly requestedBy: string;
}

/** What one page of a re-screen wrote. */
export interface ReconcileCounts {
  readonly raised: number;
  readonly refreshed: number;
  readonly reopened: number;
  readonly suppressed: number;
}
