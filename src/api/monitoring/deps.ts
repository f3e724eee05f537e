import type { FastifyRequest } from 'fastify';
import type { MonitoringService } from '../../screening/monitor/index.js';

export interface MonitoringRouteOptions {
  readonly monitoring: MonitoringService;
}

/**
 * Who acts, as recorded in an alert's history: the name of the API key that authenticated the
 * request. Never taken from the body, so a decision cannot be attributed to someone else.
 */
export function actorOf(request: FastifyRequest): string {
  const principal = request.principal;
  // The auth hook admits no request to a `monitor` route without a principal.
  if (principal === null) throw new Error('a monitoring route ran without a principal');
  return principal.name;
}
