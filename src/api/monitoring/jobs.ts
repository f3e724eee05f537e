import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { RescreenRequest } from '../../screening/monitor/index.js';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import { actorOf, type MonitoringRouteOptions } from './deps.js';
import { presentJob } from './present.js';
import {
  ErrorResponse,
  Job,
  JobParams,
  JobRequest,
  JobsQuerystring,
  JobsResponse,
} from './schemas.js';

/** The use case's field names → the request body's. */
const BODY_FIELDS: Readonly<Record<string, string>> = { version: 'version_id', source: 'source' };

/** A validation error of the use case, re-aimed at the body field the client sent. */
function inBodyTerms(error: unknown): unknown {
  if (!(error instanceof ValidationError) || error.field === undefined) return error;
  const field = BODY_FIELDS[error.field];
  return field === undefined ? error : new ValidationError(error.message, field);
}

/**
 * `POST /monitoring/jobs` queues a re-screen; `GET /monitoring/jobs[/{id}]` shows progress, read
 * from the job's row, whichever process (this server or a `sargas monitor worker`) runs it.
 */
export const jobRoutes: FastifyPluginAsyncTypebox<MonitoringRouteOptions> = async (
  app,
  options,
) => {
  app.post(
    '/monitoring/jobs',
    {
      config: { scopes: ['monitor'] },
      schema: {
        summary: 'Queue a re-screening job',
        description:
          'A `full` re-screen runs every subject against every current list (after importing subjects). A `delta` runs the subjects against what one list version added or changed: `version_id`, the current version of `source`, or by default the newest imported version. Returns the queued job at once (202); follow it at `GET /monitoring/jobs/{id}`.',
        tags: ['Monitoring'],
        body: JobRequest,
        response: {
          202: Job,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const { kind, version_id: versionId, source } = request.body;
      const rescreen: RescreenRequest = {
        kind,
        requestedBy: actorOf(request),
        ...(versionId === undefined ? {} : { versionId }),
        ...(source === undefined ? {} : { source }),
      };
      const job = await options.monitoring.requestRescreen(rescreen).catch((error: unknown) => {
        throw inBodyTerms(error);
      });
      reply.status(202).header('location', `/monitoring/jobs/${job.id}`);
      return presentJob(job);
    },
  );

  app.get(
    '/monitoring/jobs',
    {
      config: { scopes: ['monitor'] },
      schema: {
        summary: 'Re-screening jobs',
        description: 'Newest first, with their progress.',
        tags: ['Monitoring'],
        querystring: JobsQuerystring,
        response: { 200: JobsResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => ({
      jobs: (await options.monitoring.listJobs(request.query.limit)).map(presentJob),
    }),
  );

  app.get(
    '/monitoring/jobs/:id',
    {
      config: { scopes: ['monitor'] },
      schema: {
        summary: 'A re-screening job and its progress',
        description:
          '`state` goes queued → running → completed (or failed, with `error`); `processed` of `total` subjects, and the alerts raised and closed so far.',
        tags: ['Monitoring'],
        params: JobParams,
        response: {
          200: Job,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request) => {
      const job = await options.monitoring.getJob(request.params.id);
      if (job === null) {
        throw new NotFoundError(`job ${request.params.id} does not exist`, {
          id: request.params.id,
        });
      }
      return presentJob(job);
    },
  );
};
