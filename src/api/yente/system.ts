import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ScreeningSource } from './deps.js';
import { StatusResponse } from './schemas.js';

/** `/healthz` (the process answers) and `/readyz` (the screening index is built). */
export const systemRoutes: FastifyPluginAsyncTypebox<{
  readonly screening: ScreeningSource;
}> = async (app, options) => {
  app.get(
    '/healthz',
    {
      config: { scopes: 'public' },
      schema: {
        summary: 'Liveness',
        tags: ['System information'],
        response: { 200: StatusResponse },
      },
    },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    {
      config: { scopes: 'public' },
      schema: {
        summary: 'Readiness: the screening index is built',
        tags: ['System information'],
        response: { 200: StatusResponse, 503: StatusResponse },
      },
    },
    async (_request, reply) => {
      if (options.screening.current() === null) {
        return reply.status(503).send({ status: 'loading' });
      }
      return { status: 'ok' };
    },
  );
};
