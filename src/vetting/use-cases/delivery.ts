/**
 * Webhook delivery of approved conclusions (an outbox). Each due delivery is POSTed as the same
 * five-field view the authority pulls, signed with HMAC-SHA256 when a secret is configured; a 2xx
 * delivers the case, anything else is retried after 1, 2, 4, 8 ... minutes until the attempts
 * run out. Pulling (`readAssessment`) works whatever happens here.
 */
import { createHmac } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json.js';
import { actorRef } from '../types.js';
import { assessmentView } from './assessments.js';
import { changeStatus, DELIVERY_ACTOR, nowIso, type UseCaseDeps } from './context.js';

/** Deliveries claimed per run; `deliverDue` is called again by the server's loop. */
const DELIVERY_BATCH = 50;
const MINUTE_MS = 60_000;

export const SIGNATURE_HEADER = 'x-sargas-signature';
export const DELIVERY_HEADER = 'x-sargas-delivery';

/** `sha256=<hex>`: HMAC-SHA256 of the exact body bytes with the shared secret. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Minutes before attempt `failedAttempts + 1`: 1, 2, 4, 8 ... */
export function retryDelayMinutes(failedAttempts: number): number {
  return 2 ** Math.max(0, failedAttempts - 1);
}

/** Sends the due webhooks once; returns how many were delivered. */
export async function deliverDue(deps: UseCaseDeps): Promise<number> {
  const webhook = deps.webhook;
  if (webhook === null) return 0;
  const by = actorRef(DELIVERY_ACTOR);
  const due = await deps.store.dueDeliveries(nowIso(deps), DELIVERY_BATCH);
  let delivered = 0;
  for (const delivery of due) {
    const vettingCase = await deps.store.caseById(delivery.caseId);
    if (vettingCase === null) continue;
    const view = assessmentView(vettingCase);
    const headers: Record<string, string> = { [DELIVERY_HEADER]: vettingCase.id };
    if (deps.config.webhookSecret !== null) {
      headers[SIGNATURE_HEADER] = webhookSignature(
        deps.config.webhookSecret,
        canonicalJson({ ...view }),
      );
    }
    let error: string | null = null;
    try {
      const status = await webhook.post(delivery.url, { ...view }, headers);
      if (status < 200 || status > 299) error = `HTTP ${status}`;
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
    }
    const at = nowIso(deps);
    const attempts = delivery.attempts + 1;
    if (error === null) {
      delivered += 1;
      await deps.store.transaction(async (tx) => {
        await tx.recordDeliveryAttempt(delivery.caseId, { ok: true, at });
        const current = await tx.caseById(delivery.caseId, { forUpdate: true });
        if (current?.status === 'approved') {
          await changeStatus(tx, current, 'delivered', {
            actor: by,
            at,
            kind: 'delivered',
            patch: { deliveredAt: at },
            details: { via: 'webhook', attempts },
          });
          await tx.appendAudit(
            {
              actor: by,
              action: 'case.delivered',
              objectType: 'case',
              objectId: delivery.caseId,
              details: { via: 'webhook', attempts, conclusion: current.conclusion },
            },
            at,
          );
        } else {
          // Pulled meanwhile: the webhook still went out, and the trace says so.
          await tx.appendAudit(
            {
              actor: by,
              action: 'delivery.sent',
              objectType: 'case',
              objectId: delivery.caseId,
              details: { attempts },
            },
            at,
          );
        }
      });
      continue;
    }
    const giveUp = attempts >= deps.config.deliveryMaxAttempts;
    const retryAt = giveUp
      ? null
      : new Date(Date.parse(at) + retryDelayMinutes(attempts) * MINUTE_MS).toISOString();
    await deps.store.transaction(async (tx) => {
      await tx.recordDeliveryAttempt(delivery.caseId, { ok: false, at, error, retryAt });
      if (giveUp) {
        await tx.appendAudit(
          {
            actor: by,
            action: 'delivery.failed',
            objectType: 'case',
            objectId: delivery.caseId,
            details: { attempts, lastError: error, url: delivery.url },
          },
          at,
        );
      }
    });
  }
  return delivered;
}
