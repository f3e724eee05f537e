/**
 * What every use case receives, and the few steps they all take: the time, the audit actor, and
 * a status change written with its timeline event. Internal to `use-cases/`.
 */
import type { MatchService } from '../../screening/match-service.js';
import type { JsonValue } from '../../shared/canonical-json.js';
import type { Clock } from '../../shared/clock.js';
import { assertTransition } from '../case-status.js';
import type { PasswordHasher, VettingRepository, VettingStore, WebhookSender } from '../ports.js';
import type { SlaPolicy } from '../sla.js';
import type { RiskRule } from '../triage/index.js';
import { type Actor, actorRef, type CaseStatus, type VettingCase } from '../types.js';

export interface VettingConfig {
  readonly sla: SlaPolicy;
  readonly rules: readonly RiskRule[];
  /** Share of clean cases routed to an analyst anyway (quality assurance), 0..1. */
  readonly qaSampleRate: number;
  readonly sessionHours: number;
  /** HMAC-SHA256 key for `x-sargas-signature`; null sends webhooks unsigned. */
  readonly webhookSecret: string | null;
  readonly deliveryMaxAttempts: number;
}

export interface UseCaseDeps {
  readonly store: VettingStore;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
  /** The current sanctions index; null while it is being built. */
  readonly screening: () => MatchService | null;
  readonly webhook: WebhookSender | null;
  readonly config: VettingConfig;
  /** State kept between calls (caches); one per service. */
  readonly memory: ServiceMemory;
}

export interface ServiceMemory {
  /** The watchlist index of the last triage run and the revision it was built from. */
  watchlist: { readonly revision: number; readonly index: MatchService } | null;
  /** A hash of a random password, verified against when a login names no user (see login). */
  dummyHash: Promise<string> | null;
}

/** Who an audit entry names: the actor, or `cli` for the operator at the server's console. */
export function auditActor(actor: Actor | 'cli'): string {
  return actor === 'cli' ? 'cli' : actorRef(actor);
}

export function nowIso(deps: Pick<UseCaseDeps, 'clock'>): string {
  return deps.clock.now().toISOString();
}

export const TRIAGE_ACTOR: Actor = Object.freeze({ kind: 'system', name: 'triage' });
export const DELIVERY_ACTOR: Actor = Object.freeze({ kind: 'system', name: 'delivery' });

/**
 * Moves a case to `to` (checked against the transition table), applying `patch`, and records the
 * move in its timeline; returns the case as stored. The caller holds the row lock and writes the
 * audit entry in the same transaction.
 */
export async function changeStatus(
  tx: VettingRepository,
  current: VettingCase,
  to: CaseStatus,
  change: {
    readonly actor: string;
    readonly at: string;
    readonly kind: string;
    readonly patch?: Partial<Omit<VettingCase, 'id' | 'status' | 'revision'>>;
    readonly details?: JsonValue;
  },
): Promise<VettingCase> {
  assertTransition(current.status, to, current.id);
  const next: VettingCase = {
    ...current,
    ...change.patch,
    status: to,
    revision: current.revision + 1,
  };
  await tx.updateCase(next, current.revision);
  await tx.insertEvent({
    caseId: current.id,
    at: change.at,
    actor: change.actor,
    kind: change.kind,
    fromStatus: current.status,
    toStatus: to,
    details: change.details ?? {},
  });
  return next;
}

/** Writes a change that keeps the status (an assignment), with its timeline event. */
export async function changeCase(
  tx: VettingRepository,
  current: VettingCase,
  change: {
    readonly actor: string;
    readonly at: string;
    readonly kind: string;
    readonly patch: Partial<Omit<VettingCase, 'id' | 'status' | 'revision'>>;
    readonly details?: JsonValue;
  },
): Promise<VettingCase> {
  const next: VettingCase = { ...current, ...change.patch, revision: current.revision + 1 };
  await tx.updateCase(next, current.revision);
  await tx.insertEvent({
    caseId: current.id,
    at: change.at,
    actor: change.actor,
    kind: change.kind,
    fromStatus: null,
    toStatus: null,
    details: change.details ?? {},
  });
  return next;
}

/** Trimmed text, or a `ValidationError`-worthy null when empty. */
export function trimmed(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' ? null : text;
}
