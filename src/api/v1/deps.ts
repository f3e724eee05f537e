import type { Clock } from '../../shared/clock.js';
import type { SubmitResult, VettingService } from '../../vetting/service.js';
import type { LoginThrottle } from './login-throttle.js';

export interface V1RouteOptions {
  readonly vetting: VettingService;
  /** "Now" for the overdue flag of case lists. */
  readonly clock: Clock;
  /**
   * Called after a request created a new assessment (not on an idempotent replay), so that the
   * server can start its triage at once rather than at the next sweep. Must not throw.
   */
  readonly onAssessmentSubmitted?: (result: SubmitResult) => void;
  /** Counts failed sign-ins and refuses guessing (`login-throttle.ts`); one per server. */
  readonly loginThrottle: LoginThrottle;
}

/** OpenAPI: the v1 routes take a session token or a user-bound API key. */
export const V1_SECURITY: readonly Readonly<Record<string, readonly string[]>>[] = [
  { bearer: [] },
  { apiKey: [] },
];
