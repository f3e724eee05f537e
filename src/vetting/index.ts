/**
 * The vetting domain's public surface: the vocabulary, the service the API and the CLI call and
 * its composition, the ports a store implements, the pure rules, and the two production adapters
 * that need no database (argon2 hashing, webhook sending).
 */

export { can, PERMISSIONS, type Permission, permissionsOf, requirePermission } from './access.js';
export { type Argon2Cost, argon2Hasher, DEFAULT_ARGON2_COST } from './argon2-hasher.js';
export { auditHash, GENESIS_HASH, verifyAuditChain } from './audit/hash-chain.js';
export {
  assertTransition,
  CaseTransitionError,
  canTransition,
  externalStatus,
  isConcluded,
  TRANSITION_PAIRS,
  TRANSITIONS,
} from './case-status.js';
export {
  createVettingService,
  DEFAULT_DELIVERY_MAX_ATTEMPTS,
  DEFAULT_QA_SAMPLE_RATE,
  DEFAULT_SESSION_HOURS,
  resolveVettingConfig,
  type VettingConfig,
  type VettingDeps,
} from './create-service.js';
export { assertFourEyes, assertMayPropose } from './four-eyes.js';
export * from './ports.js';
export { parseAssessmentRequest, REQUEST_LIMITS } from './request.js';
export * from './service.js';
export {
  DEFAULT_SLA_POLICY,
  deadlineFor,
  isOverdue,
  parseSlaPolicy,
  permitTypes,
  type SlaPolicy,
} from './sla.js';
export { computeStatistics, type StatisticsReport } from './statistics.js';
export {
  buildWatchlistIndex,
  DEFAULT_RISK_RULES,
  parseRiskRules,
  qaSampled,
  type RiskRule,
  type TriageContext,
  triageApplicant,
} from './triage/index.js';
export * from './types.js';
export { MIN_PASSWORD_LENGTH, USERNAME_PATTERN, userActor } from './use-cases/access.js';
export { assessmentView } from './use-cases/assessments.js';
export {
  DELIVERY_HEADER,
  retryDelayMinutes,
  SIGNATURE_HEADER,
  webhookSignature,
} from './use-cases/delivery.js';
export { DEFAULT_WEBHOOK_TIMEOUT_MS, fetchWebhookSender } from './webhook-sender.js';
