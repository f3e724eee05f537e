/**
 * The pure rules of alerts: what a new screening hit does to the pair's existing alert, and which
 * status changes an analyst may make. Use cases apply them; the store only persists the outcome.
 */
import { InvalidTransitionError } from '../../shared/errors.js';
import type { Alert, AlertStatus, Hit } from './types.js';

export type Reconciliation =
  /** No alert for the pair yet: raise one. */
  | { readonly kind: 'raise' }
  /** Open alert, entity changed: update what was found, keep it open. */
  | { readonly kind: 'refresh' }
  /** Decided or closed alert, entity changed (or came back to the list): open it again. */
  | { readonly kind: 'reopen' }
  | { readonly kind: 'skip'; readonly why: 'suppressed' | 'unchanged' | 'stale' };

/**
 * A pair already decided is not raised again unless the list entity's content changed, which is
 * what `entityHash` tells. A hit from an older version of the same list than the alert's is stale
 * (two workers ran the deltas of consecutive versions out of order) and changes nothing.
 */
export function reconcile(existing: Alert | null, hit: Hit): Reconciliation {
  if (existing === null) return { kind: 'raise' };
  if (existing.source === hit.source && hit.versionId < existing.versionId) {
    return { kind: 'skip', why: 'stale' };
  }
  const changed = existing.entityHash !== hit.entityHash;
  switch (existing.status) {
    case 'open':
      return changed ? { kind: 'refresh' } : { kind: 'skip', why: 'unchanged' };
    case 'confirmed':
    case 'dismissed':
      return changed ? { kind: 'reopen' } : { kind: 'skip', why: 'suppressed' };
    case 'list_removed':
      // The entity is back on the list (a hit means it is in the version screened against).
      return { kind: 'reopen' };
  }
}

/** Analysts' decisions: an open alert is confirmed or dismissed; a decision may be reversed. */
const ANALYST_TRANSITIONS: Readonly<Record<AlertStatus, readonly AlertStatus[]>> = {
  open: ['confirmed', 'dismissed'],
  confirmed: ['dismissed'],
  dismissed: ['confirmed'],
  list_removed: [],
};

export type AnalystDecision = 'confirmed' | 'dismissed';

/** Checks an analyst's status change; throws `InvalidTransitionError` when it is not allowed. */
export function nextAlertStatus(from: AlertStatus, to: AnalystDecision): AnalystDecision {
  if (!ANALYST_TRANSITIONS[from].includes(to)) throw new InvalidTransitionError(from, to);
  return to;
}
