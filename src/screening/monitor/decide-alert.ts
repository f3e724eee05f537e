import type { Clock } from '../../shared/clock.js';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import { type AnalystDecision, nextAlertStatus } from './alert-rules.js';
import type { MonitoringStore } from './ports.js';
import { type Alert, SYSTEM_ACTOR } from './types.js';

export interface DecideAlertInput {
  readonly alertId: number;
  readonly decision: AnalystDecision;
  /** Who decides: recorded with the decision. */
  readonly actor: string;
  /** Why: required, so that every suppression can be explained later. */
  readonly reason: string;
}

/**
 * An analyst confirms an alert as a true match or dismisses it as a false positive. A dismissed
 * pair stays suppressed until the list entity's content changes (see `reconcile`). The status
 * change and its history entry commit together.
 */
export async function decideAlert(
  deps: { readonly store: MonitoringStore; readonly clock: Clock },
  input: DecideAlertInput,
): Promise<Alert> {
  const actor = input.actor.trim();
  const reason = input.reason.trim();
  if (actor === '') throw new ValidationError('the actor is empty: say who decides', 'actor');
  if (actor === SYSTEM_ACTOR) {
    throw new ValidationError(`'${SYSTEM_ACTOR}' is reserved for Sargas's own decisions`, 'actor');
  }
  if (reason === '') throw new ValidationError('the reason is empty: say why', 'reason');
  const at = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const alert = await tx.getAlert(input.alertId, true);
    if (alert === null) {
      throw new NotFoundError(`alert ${input.alertId} does not exist`, { alertId: input.alertId });
    }
    const status = nextAlertStatus(alert.status, input.decision);
    await tx.setAlertStatus(alert.id, status, at);
    await tx.appendDecisions([
      {
        alertId: alert.id,
        action: input.decision,
        fromStatus: alert.status,
        toStatus: status,
        actor,
        reason,
        entityHash: alert.entityHash,
        versionId: alert.versionId,
        at,
      },
    ]);
    return (await tx.getAlert(alert.id))!;
  });
}
