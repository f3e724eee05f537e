import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AnalystDecision, MonitoringService } from '../../screening/monitor/index.js';
import { NotFoundError } from '../../shared/errors.js';
import { actorOf, type MonitoringRouteOptions } from './deps.js';
import { presentAlert, presentDecision } from './present.js';
import {
  AlertParams,
  AlertsQuerystring,
  AlertsResponse,
  AlertWithHistory,
  type DecisionRequest,
  DecisionRequest as DecisionRequestSchema,
  ErrorResponse,
} from './schemas.js';

const DECISIONS: Readonly<Record<DecisionRequest['action'], AnalystDecision>> = {
  confirm: 'confirmed',
  dismiss: 'dismissed',
};

async function alertWithHistory(monitoring: MonitoringService, id: number) {
  const alert = await monitoring.getAlert(id);
  if (alert === null) throw new NotFoundError(`alert ${id} does not exist`, { id });
  const history = await monitoring.alertHistory(id);
  return { ...presentAlert(alert), history: history.map(presentDecision) };
}

/** Alerts, each with its history, and analysts' decisions on them. */
export const alertRoutes: FastifyPluginAsyncTypebox<MonitoringRouteOptions> = async (
  app,
  options,
) => {
  app.get(
    '/monitoring/alerts',
    {
      config: { scopes: ['monitor'] },
      schema: {
        summary: 'Alerts',
        description:
          'Pairs of a subject and a list entity that screening flagged, newest first; filter by `status` and by subject (your id).',
        tags: ['Monitoring'],
        querystring: AlertsQuerystring,
        response: {
          200: AlertsResponse,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
        },
      },
    },
    async (request) => {
      const { status, subject, limit } = request.query;
      const alerts = await options.monitoring.listAlerts({
        limit,
        ...(status === undefined ? {} : { status }),
        ...(subject === undefined ? {} : { subjectExternalId: subject }),
      });
      return { alerts: alerts.map(presentAlert) };
    },
  );

  app.get(
    '/monitoring/alerts/:id',
    {
      config: { scopes: ['monitor'] },
      schema: {
        summary: 'An alert with its history',
        tags: ['Monitoring'],
        params: AlertParams,
        response: {
          200: AlertWithHistory,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request) => alertWithHistory(options.monitoring, request.params.id),
  );

  app.post(
    '/monitoring/alerts/:id/decision',
    {
      config: { scopes: ['monitor'] },
      schema: {
        summary: 'Confirm or dismiss an alert',
        description:
          'Records who (the API key name), when and why. A dismissed pair stays suppressed until the list entity changes; 409 when the alert cannot take that decision (e.g. confirming a confirmed alert).',
        tags: ['Monitoring'],
        params: AlertParams,
        body: DecisionRequestSchema,
        response: {
          200: AlertWithHistory,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
        },
      },
    },
    async (request) => {
      const alertId = request.params.id;
      await options.monitoring.decideAlert({
        alertId,
        decision: DECISIONS[request.body.action],
        actor: actorOf(request),
        reason: request.body.reason,
      });
      request.log.info({ alertId, action: request.body.action }, 'alert decided');
      return alertWithHistory(options.monitoring, alertId);
    },
  );
};
