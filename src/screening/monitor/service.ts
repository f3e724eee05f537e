/**
 * The monitoring use cases bound to their adapters: what the composition root hands to the CLI
 * and the HTTP API, so both call exactly the same functions.
 */
import type { Clock } from '../../shared/clock.js';
import { type DecideAlertInput, decideAlert } from './decide-alert.js';
import { type ImportSubjectsResult, importSubjectRows, importSubjects } from './import-subjects.js';
import type { AlertFilter, JobQueue, ListReader, MonitoringStore } from './ports.js';
import { onListImported, type RescreenRequest, requestRescreen } from './request-rescreen.js';
import { type RescreenOptions, runRescreenJob } from './rescreen.js';
import type { SubjectRow } from './subjects-csv.js';
import type { Alert, Decision, RescreenJob, Subject } from './types.js';
import { type WaitOptions, waitForJob } from './wait-for-job.js';

/** What a worker reports about the jobs it runs (for its log: which process ran which job). */
export interface WorkerEvents {
  started?(jobId: number): void;
  finished?(job: RescreenJob): void;
  failed?(jobId: number, error: unknown): void;
}

export interface MonitoringService {
  importSubjects(path: string, onProgress?: (rows: number) => void): Promise<ImportSubjectsResult>;
  importSubjectRows(
    rows: AsyncIterable<SubjectRow> | Iterable<SubjectRow>,
  ): Promise<ImportSubjectsResult>;
  /** One page of subjects in id order, after the subject id `afterId` (keyset paging). */
  listSubjects(afterId: number, limit: number): Promise<Subject[]>;
  countSubjects(): Promise<number>;
  requestRescreen(request: RescreenRequest): Promise<RescreenJob>;
  /**
   * After `lists import` / `lists update`: queues the delta of a new version when subjects are
   * under watch; `requestedBy` names the command (default `lists import`).
   */
  onListImported(
    imported: {
      readonly status: 'imported' | 'unchanged';
      readonly version: { readonly id: number };
    },
    requestedBy?: string,
  ): Promise<RescreenJob | null>;
  /** Starts running queued jobs in this process (a worker). */
  startWorker(events?: WorkerEvents): Promise<void>;
  waitForJob(jobId: number, options?: WaitOptions): Promise<RescreenJob>;
  getJob(jobId: number): Promise<RescreenJob | null>;
  listJobs(limit?: number): Promise<RescreenJob[]>;
  listAlerts(filter?: AlertFilter): Promise<Alert[]>;
  getAlert(alertId: number): Promise<Alert | null>;
  alertHistory(alertId: number): Promise<Decision[]>;
  decideAlert(input: DecideAlertInput): Promise<Alert>;
  /** Stops the worker (if started): the running job ends or is retried later. */
  close(): Promise<void>;
}

export function createMonitoringService(deps: {
  readonly store: MonitoringStore;
  readonly lists: ListReader;
  readonly queue: JobQueue;
  readonly clock: Clock;
  readonly options?: RescreenOptions;
}): MonitoringService {
  const { store, lists, queue, clock } = deps;
  const rescreenDeps = { store, lists, clock, ...(deps.options ? { options: deps.options } : {}) };
  return {
    importSubjects: (path, onProgress) => importSubjects({ store, clock }, { path }, onProgress),
    importSubjectRows: (rows) => importSubjectRows({ store, clock }, rows),
    listSubjects: (afterId, limit) => store.subjectPage(afterId, limit),
    countSubjects: () => store.countSubjects(),
    requestRescreen: (request) => requestRescreen({ store, lists, queue }, request),
    onListImported: (imported, requestedBy) =>
      onListImported({ store, lists, queue }, imported, requestedBy),
    startWorker: (events) =>
      queue.work(async (jobId) => {
        events?.started?.(jobId);
        let job: RescreenJob;
        try {
          job = await runRescreenJob(rescreenDeps, jobId);
        } catch (error) {
          events?.failed?.(jobId, error);
          throw error;
        }
        events?.finished?.(job);
      }),
    waitForJob: (jobId, options) => waitForJob(store, jobId, options),
    getJob: (jobId) => store.getJob(jobId),
    listJobs: (limit) => store.listJobs(limit),
    listAlerts: (filter) => store.listAlerts(filter),
    getAlert: (alertId) => store.getAlert(alertId),
    alertHistory: (alertId) => store.decisions(alertId),
    decideAlert: (input) => decideAlert({ store, clock }, input),
    close: () => queue.stop(),
  };
}
