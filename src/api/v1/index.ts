import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { assessmentRoutes } from './assessment-routes.js';
import { registerV1Auth } from './auth.js';
import { caseRoutes } from './case-routes.js';
import type { V1RouteOptions } from './deps.js';
import { oversightRoutes } from './oversight-routes.js';
import { sessionRoutes } from './session-routes.js';
import { userRoutes } from './user-routes.js';
import { watchlistRoutes } from './watchlist-routes.js';

export type { RouteAccess } from './auth.js';
export type { V1RouteOptions } from './deps.js';

/**
 * The vetting API, registered under `/api/v1`. Encapsulated (no `fastify-plugin`): its
 * authentication hook and request decoration apply to these routes only.
 */
export const v1Routes: FastifyPluginAsyncTypebox<V1RouteOptions> = async (app, options) => {
  registerV1Auth(app, options.vetting);
  // Only our own options go on: Fastify's (`prefix`) would apply a second time to each child.
  const routes: V1RouteOptions = {
    vetting: options.vetting,
    clock: options.clock,
    loginThrottle: options.loginThrottle,
    ...(options.onAssessmentSubmitted === undefined
      ? {}
      : { onAssessmentSubmitted: options.onAssessmentSubmitted }),
  };
  await app.register(sessionRoutes, routes);
  await app.register(assessmentRoutes, routes);
  await app.register(caseRoutes, routes);
  await app.register(watchlistRoutes, routes);
  await app.register(oversightRoutes, routes);
  await app.register(userRoutes, routes);
};
