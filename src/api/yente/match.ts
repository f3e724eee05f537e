import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { exampleEntity, type MatchOptions } from '../../screening/match-service.js';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import { requireIndex, type YenteRouteOptions } from './deps.js';
import { presentQuery, presentScored } from './present.js';
import {
  DatasetParams,
  ErrorResponse,
  MatchBody,
  MatchQuerystring,
  type MatchResponse,
  MatchResponse as MatchResponseSchema,
} from './schemas.js';

/** Lets other requests run between the queries of a large batch (scoring is CPU-bound). */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `POST /match/{dataset}`: yente's query-by-example matcher. */
export const matchRoute: FastifyPluginAsyncTypebox<YenteRouteOptions> = async (app, options) => {
  app.post(
    '/match/:dataset',
    {
      config: { scopes: ['match'] },
      schema: {
        summary: 'Query by example matcher',
        description:
          'Screens up to 100 example entities (`queries`, keyed by names the client chooses) against a dataset. Each response lists the best results with their score, whether it is a `match`, the score of each feature and an explanation. `total.value` counts the matches.',
        tags: ['Matching'],
        params: DatasetParams,
        querystring: MatchQuerystring,
        body: MatchBody,
        response: {
          200: MatchResponseSchema,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          503: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const service = requireIndex(options.screening);
      const { dataset } = request.params;
      if (!service.hasDataset(dataset)) throw new NotFoundError('No such dataset.', { dataset });
      const query = request.query;
      const matchOptions: MatchOptions = {
        limit: query.limit,
        cutoff: query.cutoff,
        ...(query.threshold === undefined ? {} : { threshold: query.threshold }),
        ...(query.algorithm === undefined ? {} : { algorithm: query.algorithm }),
        ...(request.body.weights === undefined ? {} : { weights: request.body.weights }),
        ...(request.body.config === undefined ? {} : { config: request.body.config }),
        excludeEntityIds: query.exclude_entity_ids,
        includeDatasets: query.include_dataset,
        excludeDatasets: query.exclude_dataset,
      };
      service.checkOptions(matchOptions);

      const responses: MatchResponse['responses'] = {};
      let results = 0;
      let first = true;
      for (const [key, example] of Object.entries(request.body.queries)) {
        if (!first) await yieldToLoop();
        first = false;
        const entity = parseExample(key, example);
        const outcome = service.match(dataset, entity, matchOptions);
        results += outcome.results.length;
        responses[key] = {
          status: 200,
          results: outcome.results.map(presentScored),
          total: { value: outcome.matches, relation: 'eq' },
          query: presentQuery(entity, example.id),
        };
      }
      // Counts only: query names are personal data and stay out of the logs.
      request.log.info({ dataset, queries: Object.keys(responses).length, results }, 'match');
      reply.header('x-batch-size', String(Object.keys(responses).length));
      return { responses, limit: query.limit };
    },
  );
};

function parseExample(key: string, example: Parameters<typeof exampleEntity>[0]) {
  try {
    return exampleEntity(example);
  } catch (error) {
    if (error instanceof ValidationError) {
      const field = error.field === undefined ? `queries.${key}` : `queries.${key}.${error.field}`;
      throw new ValidationError(`Cannot parse example entity: ${error.message}`, field);
    }
    throw error;
  }
}
