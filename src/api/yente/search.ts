import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NotFoundError } from '../../shared/errors.js';
import { requireIndex, type YenteRouteOptions } from './deps.js';
import { presentEntity } from './present.js';
import { DatasetParams, ErrorResponse, SearchQuerystring, SearchResponse } from './schemas.js';

/** `GET /search/{dataset}?q=`: name search through the screening index. */
export const searchRoute: FastifyPluginAsyncTypebox<YenteRouteOptions> = async (app, options) => {
  app.get(
    '/search/:dataset',
    {
      config: { scopes: ['search', 'match'] },
      schema: {
        summary: 'Simple entity search',
        description:
          'Finds entities by name, with the same cross-script matching as `/match`, best first. Without `q`, lists the dataset in id order.',
        tags: ['Matching'],
        params: DatasetParams,
        querystring: SearchQuerystring,
        response: {
          200: SearchResponse,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          503: ErrorResponse,
        },
      },
    },
    async (request) => {
      const service = requireIndex(options.screening);
      const { dataset } = request.params;
      if (!service.hasDataset(dataset)) throw new NotFoundError('No such dataset.', { dataset });
      const { q, limit, offset, schema } = request.query;
      const outcome = service.search(dataset, q, {
        limit,
        offset,
        ...(schema === undefined ? {} : { schema }),
      });
      // The length of the text, never the text: it is usually a person's name.
      request.log.info({ dataset, length: q.length, results: outcome.total }, 'search');
      return {
        results: outcome.results.map(presentEntity),
        total: { value: outcome.total, relation: 'eq' },
        limit,
        offset,
        facets: {},
      };
    },
  );
};
