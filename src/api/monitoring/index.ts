import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { alertRoutes } from './alerts.js';
import type { MonitoringRouteOptions } from './deps.js';
import { jobRoutes } from './jobs.js';
import { subjectRoutes } from './subjects.js';

export type { MonitoringRouteOptions } from './deps.js';

/**
 * Monitoring over HTTP: subjects under watch, re-screening jobs and their progress, alerts and
 * analysts' decisions. Every route needs the API key scope `monitor` (or `admin`): anonymous
 * access, where configured, stays limited to screening.
 */
export const monitoringRoutes: FastifyPluginAsyncTypebox<MonitoringRouteOptions> = async (
  app,
  options,
) => {
  await app.register(subjectRoutes, options);
  await app.register(jobRoutes, options);
  await app.register(alertRoutes, options);
};
