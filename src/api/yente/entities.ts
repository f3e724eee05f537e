import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NotFoundError } from '../../shared/errors.js';
import { requireIndex, type YenteRouteOptions } from './deps.js';
import { presentEntity } from './present.js';
import { EntityParams, EntityResponse, ErrorResponse } from './schemas.js';

/** `GET /entities/{id}`: one entity of the current list versions. */
export const entitiesRoute: FastifyPluginAsyncTypebox<YenteRouteOptions> = async (app, options) => {
  app.get(
    '/entities/:id',
    {
      config: { scopes: ['search', 'match'] },
      schema: {
        summary: 'Retrieve an entity',
        tags: ['Data access'],
        params: EntityParams,
        response: {
          200: EntityResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          503: ErrorResponse,
        },
      },
    },
    async (request) => {
      const entity = requireIndex(options.screening).entity(request.params.id);
      if (entity === null) throw new NotFoundError('No such entity!', { id: request.params.id });
      return presentEntity(entity);
    },
  );
};
