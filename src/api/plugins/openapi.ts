import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export interface OpenApiOptions {
  readonly version: string;
}

/**
 * OpenAPI 3 generated from the route schemas: the document at `/openapi.json` (yente's path) and
 * Swagger UI at `/docs`. Registered before the routes so that it sees them all.
 */
export const openapiPlugin = fp(
  async (app: FastifyInstance, options: OpenApiOptions) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Sargas screening API',
          version: options.version,
          description:
            'Sanctions screening on the EU, UN, OFAC and UK lists. `/match`, `/search`, `/entities` and `/catalog` follow the yente API, so yente clients work unchanged.',
        },
        components: {
          securitySchemes: {
            apiKey: {
              type: 'apiKey',
              in: 'header',
              name: 'Authorization',
              description: '`ApiKey <key>` or `Bearer <key>`',
            },
            bearer: {
              type: 'http',
              scheme: 'bearer',
              description: '`/api/v1`: the session token of `POST /api/v1/auth/login`',
            },
          },
        },
        security: [{ apiKey: [] }],
        tags: [
          { name: 'Matching', description: 'Screening by example and by name' },
          { name: 'Data access', description: 'Entities and the list catalog' },
          { name: 'System information', description: 'Health and readiness' },
          { name: 'Access', description: 'Vetting: sign in and out' },
          { name: 'Assessments', description: 'Vetting: requests of the migration authority' },
          { name: 'Cases', description: 'Vetting: review, proposals and four-eyes decisions' },
          { name: 'Watchlist', description: "Vetting: the service's own designations" },
          { name: 'Audit', description: 'Vetting: the hash-chained audit log' },
          { name: 'Statistics', description: 'Vetting: yearly figures' },
          { name: 'Users', description: 'Vetting: user administration' },
        ],
      },
    });
    // Swagger UI's own routes (HTML, assets) are public, like the document they render.
    await app.register(async (docs) => {
      docs.addHook('onRoute', (route) => {
        route.config = { ...route.config, scopes: 'public' };
      });
      await docs.register(swaggerUi, { routePrefix: '/docs' });
    });
    app.get('/openapi.json', { schema: { hide: true }, config: { scopes: 'public' } }, async () =>
      app.swagger(),
    );
  },
  { name: 'sargas-openapi' },
);
