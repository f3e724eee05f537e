import type { FastifyError, FastifyInstance, FastifySchemaValidationError } from 'fastify';
import fp from 'fastify-plugin';
import { isSargasError } from '../../shared/errors.js';
import { type ErrorBody, HTTP_STATUS, HttpError } from '../errors.js';

/** `/queries/q1/schema` + a missing property → `queries.q1.schema`. */
function fieldOf(error: FastifySchemaValidationError, context: string | undefined): string {
  const parts = error.instancePath
    .split('/')
    .filter((part) => part !== '')
    .map((part) => part.replace(/~1/gu, '/').replace(/~0/gu, '~'));
  const params = error.params as Record<string, unknown>;
  for (const key of ['missingProperty', 'additionalProperty', 'propertyName']) {
    const value = params[key];
    if (typeof value === 'string') parts.push(value);
  }
  if (parts.length > 0) return parts.join('.');
  return context ?? 'body';
}

function validationBody(error: FastifyError): ErrorBody {
  const first = error.validation?.[0];
  if (first === undefined) return { detail: error.message };
  const field = fieldOf(first, error.validationContext);
  return { detail: `${field}: ${first.message ?? 'is invalid'}`, field };
}

/**
 * The single error handler: Ajv validation errors become 400s naming the field, domain errors get
 * their status from `HTTP_STATUS`, Fastify's own client errors (bad JSON, body too large) keep
 * theirs, and anything else is a 500 with a generic body, logged once with the request id.
 */
export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
      if (error instanceof HttpError) {
        return reply
          .status(error.statusCode)
          .headers(error.headers)
          .send({ detail: error.message } satisfies ErrorBody);
      }
      if (error.validation) {
        return reply.status(400).send(validationBody(error));
      }
      if (isSargasError(error)) {
        const status = HTTP_STATUS[error.code];
        const field = typeof error.details.field === 'string' ? error.details.field : undefined;
        if (status >= 500) request.log.error({ err: error }, 'request failed');
        const body: ErrorBody = {
          detail: error.message,
          ...(field === undefined ? {} : { field }),
        };
        return reply.status(status).send(body);
      }
      const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
      if (status >= 400 && status < 500) {
        return reply.status(status).send({ detail: error.message } satisfies ErrorBody);
      }
      request.log.error({ err: error }, 'unexpected error');
      return reply
        .status(500)
        .send({ detail: `Internal server error (request ${request.id})` } satisfies ErrorBody);
    });
    app.setNotFoundHandler((_request, reply) => {
      return reply.status(404).send({ detail: 'Not Found' } satisfies ErrorBody);
    });
  },
  { name: 'sargas-errors' },
);
