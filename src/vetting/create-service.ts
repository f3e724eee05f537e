/**
 * The composition of the vetting use cases: `createVettingService(deps)` binds each use case to
 * the adapters and configuration once, and returns the `VettingService` the API and the CLI call.
 */
import type { MatchService } from '../screening/match-service.js';
import type { Clock } from '../shared/clock.js';
import type { PasswordHasher, VettingStore, WebhookSender } from './ports.js';
import type { VettingService } from './service.js';
import type { SlaPolicy } from './sla.js';
import type { RiskRule } from './triage/index.js';
import {
  authenticate,
  createUser,
  listUsers,
  login,
  logout,
  recordSignInLock,
  setUserActive,
  upsertAgency,
} from './use-cases/access.js';
import { readAssessment, submitAssessment } from './use-cases/assessments.js';
import { auditLog, statistics, verifyAudit } from './use-cases/audit.js';
import { addEvidence, addNote, assignCase, getCase, listCases } from './use-cases/cases.js';
import { bulkSignOff, decide, propose } from './use-cases/conclusions.js';
import type { UseCaseDeps, VettingConfig } from './use-cases/context.js';
import { deliverDue } from './use-cases/delivery.js';
import { triagePending } from './use-cases/triage-run.js';
import {
  createWatchlistEntry,
  deleteWatchlistEntry,
  listWatchlist,
  updateWatchlistEntry,
} from './use-cases/watchlist.js';

export type { VettingConfig } from './use-cases/context.js';

export const DEFAULT_QA_SAMPLE_RATE = 0.05;
export const DEFAULT_SESSION_HOURS = 8;
export const DEFAULT_DELIVERY_MAX_ATTEMPTS = 8;

export interface VettingDeps {
  readonly store: VettingStore;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
  /** The current sanctions index; null while it is being built (triage then waits). */
  readonly screening: () => MatchService | null;
  /** Null: no webhooks are sent (agencies pull their conclusions). */
  readonly webhook: WebhookSender | null;
  readonly config: {
    readonly sla: SlaPolicy;
    readonly rules: readonly RiskRule[];
    /** Share of clean cases an analyst reviews anyway (default 0.05). */
    readonly qaSampleRate?: number;
    /** Lifetime of a login session (default 8). */
    readonly sessionHours?: number;
    /** Signs webhooks (`x-sargas-signature`); null sends them unsigned. */
    readonly webhookSecret: string | null;
    /** Attempts before a webhook delivery is given up (default 8: the last after ~2 hours). */
    readonly deliveryMaxAttempts?: number;
  };
}

export function resolveVettingConfig(config: VettingDeps['config']): VettingConfig {
  const resolved: VettingConfig = {
    sla: config.sla,
    rules: config.rules,
    qaSampleRate: config.qaSampleRate ?? DEFAULT_QA_SAMPLE_RATE,
    sessionHours: config.sessionHours ?? DEFAULT_SESSION_HOURS,
    webhookSecret: config.webhookSecret,
    deliveryMaxAttempts: config.deliveryMaxAttempts ?? DEFAULT_DELIVERY_MAX_ATTEMPTS,
  };
  if (!(resolved.qaSampleRate >= 0 && resolved.qaSampleRate <= 1)) {
    throw new RangeError(`qaSampleRate must be within 0..1, not ${resolved.qaSampleRate}`);
  }
  if (!(resolved.sessionHours > 0)) {
    throw new RangeError(`sessionHours must be positive, not ${resolved.sessionHours}`);
  }
  if (!Number.isInteger(resolved.deliveryMaxAttempts) || resolved.deliveryMaxAttempts < 1) {
    throw new RangeError(
      `deliveryMaxAttempts must be a whole number ≥ 1, not ${resolved.deliveryMaxAttempts}`,
    );
  }
  return Object.freeze(resolved);
}

export function createVettingService(deps: VettingDeps): VettingService {
  const d: UseCaseDeps = {
    store: deps.store,
    hasher: deps.hasher,
    clock: deps.clock,
    screening: deps.screening,
    webhook: deps.webhook,
    config: resolveVettingConfig(deps.config),
    memory: { watchlist: null, dummyHash: null },
  };
  return {
    login: (username, password) => login(d, username, password),
    recordSignInLock: (lock) => recordSignInLock(d, lock),
    logout: (token) => logout(d, token),
    authenticate: (credential) => authenticate(d, credential),
    createUser: (actor, input) => createUser(d, actor, input),
    listUsers: (actor) => listUsers(d, actor),
    setUserActive: (actor, userId, active) => setUserActive(d, actor, userId, active),
    upsertAgency: (actor, agency) => upsertAgency(d, actor, agency),
    submitAssessment: (actor, request) => submitAssessment(d, actor, request),
    readAssessment: (actor, id) => readAssessment(d, actor, id),
    triagePending: (limit) => triagePending(d, limit),
    listCases: (actor, query) => listCases(d, actor, query),
    getCase: (actor, id) => getCase(d, actor, id),
    assignCase: (actor, id, assigneeUserId) => assignCase(d, actor, id, assigneeUserId),
    addNote: (actor, id, text) => addNote(d, actor, id, text),
    addEvidence: (actor, id, input) => addEvidence(d, actor, id, input),
    propose: (actor, id, input) => propose(d, actor, id, input),
    decide: (actor, id, input) => decide(d, actor, id, input),
    bulkSignOff: (actor, ids, comment) => bulkSignOff(d, actor, ids, comment),
    listWatchlist: (actor) => listWatchlist(d, actor),
    createWatchlistEntry: (actor, input) => createWatchlistEntry(d, actor, input),
    updateWatchlistEntry: (actor, id, input) => updateWatchlistEntry(d, actor, id, input),
    deleteWatchlistEntry: (actor, id) => deleteWatchlistEntry(d, actor, id),
    deliverDue: () => deliverDue(d),
    verifyAudit: (actor) => verifyAudit(d, actor),
    auditLog: (actor, afterSeq, limit) => auditLog(d, actor, afterSeq, limit),
    statistics: (actor, year) => statistics(d, actor, year),
  };
}
