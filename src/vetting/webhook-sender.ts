/**
 * `WebhookSender` over the global `fetch`: one POST of a JSON body, aborted after a timeout so a
 * receiver that never answers cannot hold a delivery run. Any HTTP status resolves (the caller
 * decides what counts as delivered); a network error or the timeout rejects. The body is sent as
 * canonical JSON, so a signature over `canonicalJson(body)` matches the bytes on the wire.
 */
import { canonicalJson, type JsonValue } from '../shared/canonical-json.js';
import type { WebhookSender } from './ports.js';

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;

export function fetchWebhookSender(options: { readonly timeoutMs?: number } = {}): WebhookSender {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  return {
    async post(url, body: JsonValue, headers) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        // Canonical JSON: the bytes the `x-sargas-signature` HMAC was computed over.
        body: canonicalJson(body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      // Drain the body so the connection can be reused; its content is not needed.
      await response.arrayBuffer().catch(() => undefined);
      return response.status;
    },
  };
}
