/**
 * The storage and queue monitoring needs, declared on the consumer side (as Marble's use cases
 * declare their repositories). Implemented once in `store/`, on PGlite and PostgreSQL.
 */
import type { ListStore } from '../../lists/ports.js';
import type {
  Alert,
  AlertStatus,
  Decision,
  Hit,
  NewRescreenJob,
  RescreenJob,
  Subject,
  SubjectUpsert,
} from './types.js';

/** What monitoring reads from the lists: versions, their entities and the diff between two. */
export type ListReader = Pick<
  ListStore,
  'getVersion' | 'listVersions' | 'currentVersion' | 'versionEntities' | 'diffVersions'
>;

export interface UpsertCounts {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

export interface AlertFilter {
  readonly status?: AlertStatus;
  readonly subjectExternalId?: string;
  readonly limit?: number;
}

/** A decision before the store gives it an id. */
export type NewDecision = Omit<Decision, 'id'>;

/** A subject's id and lookup keys: what a delta reads to choose the subjects to re-screen. */
export interface SubjectKeys {
  readonly id: number;
  readonly keys: readonly string[];
}

/** Subjects, alerts, decisions and jobs. Every method works inside or outside a transaction. */
export interface MonitoringRepository {
  /** Inserts new subjects and updates those whose content hash differs, keyed by external id. */
  upsertSubjects(subjects: readonly SubjectUpsert[], at: string): Promise<UpsertCounts>;
  countSubjects(): Promise<number>;
  /** One page of subjects in id order, after `afterId` (keyset paging). */
  subjectPage(afterId: number, limit: number): Promise<Subject[]>;
  /** One page of subjects' lookup keys in id order, after `afterId`. */
  subjectKeyPage(afterId: number, limit: number): Promise<SubjectKeys[]>;
  subjectsByIds(ids: readonly number[]): Promise<Subject[]>;

  /** The alerts of these pairs, locked for update inside a transaction. */
  alertsForPairs(
    pairs: readonly { readonly subjectId: number; readonly entityId: string }[],
  ): Promise<Alert[]>;
  /** Inserts an open alert; null when a concurrent job raised the same pair first. */
  insertAlert(hit: Hit, at: string): Promise<number | null>;
  /** Rewrites what screening found (score, explanation, hash, version) and the status. */
  updateAlertFinding(id: number, hit: Hit, status: AlertStatus, at: string): Promise<void>;
  setAlertStatus(id: number, status: AlertStatus, at: string): Promise<void>;
  getAlert(id: number, forUpdate?: boolean): Promise<Alert | null>;
  listAlerts(filter?: AlertFilter): Promise<Alert[]>;
  /** Open alerts on these entities of one list, locked for update inside a transaction. */
  openAlertsForEntities(source: string, entityIds: readonly string[]): Promise<Alert[]>;
  appendDecisions(decisions: readonly NewDecision[]): Promise<void>;
  decisions(alertId: number): Promise<Decision[]>;

  createJob(job: NewRescreenJob, at: string): Promise<RescreenJob>;
  getJob(id: number): Promise<RescreenJob | null>;
  listJobs(limit?: number): Promise<RescreenJob[]>;
  /** Marks a job running with its total; resets its counters (a retried job starts over). */
  startJob(id: number, total: number, at: string): Promise<void>;
  addProgress(id: number, processed: number, raised: number, closed: number): Promise<void>;
  finishJob(id: number, state: 'completed' | 'failed', at: string, error?: string): Promise<void>;
}

export interface MonitoringStore extends MonitoringRepository {
  transaction<T>(fn: (tx: MonitoringRepository) => Promise<T>): Promise<T>;
}

/** Runs one persisted job by id (bound by the composition root to `runRescreenJob`). */
export type JobHandler = (jobId: number) => Promise<void>;

/**
 * Where re-screening jobs wait and run. Both implementations keep the job's row in
 * `rescreen_jobs`, so progress reads the same everywhere: pg-boss on PostgreSQL (jobs survive a
 * restart; any number of worker processes), an in-process runner on PGlite.
 */
export interface JobQueue {
  /** Records the job (state `queued`) and hands it to the workers, atomically. */
  enqueue(job: NewRescreenJob): Promise<RescreenJob>;
  /** Starts running jobs in this process, including jobs left unfinished by a previous run. */
  work(handler: JobHandler): Promise<void>;
  /** Stops taking jobs; waits for the running one to end. */
  stop(): Promise<void>;
}
