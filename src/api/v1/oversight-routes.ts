import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from './auth.js';
import { V1_SECURITY, type V1RouteOptions } from './deps.js';
import { presentAuditEntry, presentAuditVerification, presentStatistics } from './present.js';
import {
  AuditEntries,
  AuditQuery,
  AuditVerification,
  ERRORS,
  StatisticsQuery,
  StatisticsResponse,
} from './schemas.js';

/** What auditors read: the audit log, its verification, and the yearly statistics. */
export const oversightRoutes: FastifyPluginAsyncTypebox<V1RouteOptions> = async (app, options) => {
  const { vetting } = options;

  app.get(
    '/audit/verify',
    {
      config: { scopes: 'public', access: 'audit.read' },
      schema: {
        summary: 'Verify the audit hash chain',
        description:
          '`ok` false names the first entry that does not verify (`first_bad`: its `seq` and why): a changed, inserted or deleted row.',
        tags: ['Audit'],
        security: V1_SECURITY,
        response: { 200: AuditVerification, ...ERRORS },
      },
    },
    async (request) => presentAuditVerification(await vetting.verifyAudit(actorOf(request))),
  );

  app.get(
    '/audit',
    {
      config: { scopes: 'public', access: 'audit.read' },
      schema: {
        summary: 'Read the audit log',
        description: 'Entries in `seq` order after `after`, at most `limit`.',
        tags: ['Audit'],
        security: V1_SECURITY,
        querystring: AuditQuery,
        response: { 200: AuditEntries, ...ERRORS },
      },
    },
    async (request) =>
      (await vetting.auditLog(actorOf(request), request.query.after, request.query.limit)).map(
        presentAuditEntry,
      ),
  );

  app.get(
    '/statistics',
    {
      config: { scopes: 'public', access: 'statistics.read' },
      schema: {
        summary: 'Statistics of a year',
        description:
          'Assessments, threat conclusions and their share by citizenship and background category, processing time (median, p95) and SLA breaches.',
        tags: ['Statistics'],
        security: V1_SECURITY,
        querystring: StatisticsQuery,
        response: { 200: StatisticsResponse, ...ERRORS },
      },
    },
    async (request) =>
      presentStatistics(await vetting.statistics(actorOf(request), request.query.year)),
  );
};
