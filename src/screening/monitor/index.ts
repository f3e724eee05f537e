/** Monitoring: subjects under watch, delta re-screening, alerts and their suppression. */
export {
  type AnalystDecision,
  nextAlertStatus,
  type Reconciliation,
  reconcile,
} from './alert-rules.js';
export { type DecideAlertInput, decideAlert } from './decide-alert.js';
export {
  type ImportSubjectsInput,
  type ImportSubjectsResult,
  importSubjectRows,
  importSubjects,
  toSubjectUpsert,
} from './import-subjects.js';
export { addMatchKeys, matchKeys } from './match-keys.js';
export type {
  AlertFilter,
  JobHandler,
  JobQueue,
  ListReader,
  MonitoringRepository,
  MonitoringStore,
  NewDecision,
  SubjectKeys,
  UpsertCounts,
} from './ports.js';
export {
  onListImported,
  type RescreenDepsForRequest,
  type RescreenRequest,
  requestRescreen,
} from './request-rescreen.js';
export {
  applyHits,
  type RescreenDeps,
  type RescreenOptions,
  type RescreenProgress,
  runRescreenJob,
} from './rescreen.js';
export {
  createMonitoringService,
  type MonitoringService,
  type WorkerEvents,
} from './service.js';
export { readSubjectsCsv, readSubjectsCsvText, type SubjectRow } from './subjects-csv.js';
export * from './types.js';
export { type WaitOptions, waitForJob } from './wait-for-job.js';
