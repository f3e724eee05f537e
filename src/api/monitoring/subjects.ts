import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { readSubjectsCsvText } from '../../screening/monitor/index.js';
import type { MonitoringRouteOptions } from './deps.js';
import { presentSubject } from './present.js';
import {
  ErrorResponse,
  ImportResponse,
  SUBJECTS_BODY_LIMIT,
  SubjectsCsvBody,
  type SubjectsJsonBody,
  SubjectsJsonBody as SubjectsJsonBodySchema,
  SubjectsQuerystring,
  SubjectsResponse,
} from './schemas.js';
import { subjectRowsFromJson } from './subjects-body.js';

/** How a CSV body is named in error messages (`subjects.csv, line 3, field 'birth_date': ...`). */
const CSV_BODY_NAME = 'subjects.csv';

/** `POST /monitoring/subjects` (CSV or JSON) and `GET /monitoring/subjects` (keyset pages). */
export const subjectRoutes: FastifyPluginAsyncTypebox<MonitoringRouteOptions> = async (
  app,
  options,
) => {
  // Only in this plugin's context: a CSV body reaches the handler as one string, and plain text
  // is refused (415) instead of being taken for CSV or failing the JSON schema.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => {
    done(null, body);
  });

  app.post(
    '/monitoring/subjects',
    {
      config: { scopes: ['monitor'] },
      bodyLimit: SUBJECTS_BODY_LIMIT,
      schema: {
        summary: 'Import subjects under watch',
        description:
          'Adds subjects, or updates those already known by their id, in one transaction: a bad row (named by its line in CSV, by its path in JSON) imports nothing. New and changed subjects are screened by the next full re-screen (`POST /monitoring/jobs`).',
        tags: ['Monitoring'],
        body: {
          content: {
            'text/csv': { schema: SubjectsCsvBody },
            'application/json': { schema: SubjectsJsonBodySchema },
          },
        },
        response: {
          200: ImportResponse,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          413: ErrorResponse,
          415: ErrorResponse,
        },
      },
    },
    async (request) => {
      // The body was validated against the schema of its content type.
      const body = request.body as string | SubjectsJsonBody;
      const rows =
        typeof body === 'string'
          ? readSubjectsCsvText(body, CSV_BODY_NAME)
          : subjectRowsFromJson(body.subjects);
      const result = await options.monitoring.importSubjectRows(rows);
      request.log.info({ ...result }, 'subjects imported');
      return result;
    },
  );

  app.get(
    '/monitoring/subjects',
    {
      config: { scopes: ['monitor'] },
      schema: {
        summary: 'Subjects under watch',
        description: 'In id order, a page at a time: pass `next_after` as `after` for the next.',
        tags: ['Monitoring'],
        querystring: SubjectsQuerystring,
        response: {
          200: SubjectsResponse,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
        },
      },
    },
    async (request) => {
      const { after, limit } = request.query;
      const [subjects, total] = await Promise.all([
        options.monitoring.listSubjects(after, limit),
        options.monitoring.countSubjects(),
      ]);
      const last = subjects.at(-1);
      return {
        subjects: subjects.map(presentSubject),
        total,
        next_after: subjects.length === limit && last !== undefined ? last.id : null,
      };
    },
  );
};
