import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { catalogRoute } from './catalog.js';
import type { YenteRouteOptions } from './deps.js';
import { entitiesRoute } from './entities.js';
import { matchRoute } from './match.js';
import { searchRoute } from './search.js';
import { systemRoutes } from './system.js';

export type { CatalogSource, ScreeningSource, YenteRouteOptions } from './deps.js';

/** The yente-compatible routes, registered in a fixed order. */
export const yenteRoutes: FastifyPluginAsyncTypebox<YenteRouteOptions> = async (app, options) => {
  await app.register(systemRoutes, { screening: options.screening });
  await app.register(matchRoute, options);
  await app.register(searchRoute, options);
  await app.register(entitiesRoute, options);
  await app.register(catalogRoute, options);
};
