/**
 * The HTTP API's composition: `buildServer(deps)` returns a ready-to-listen Fastify instance and
 * never listens itself (that is `cli/commands/serve.ts`'s job, as fastify/demo splits `app.ts`
 * from `server.ts`). Registration order is explicit: infrastructure plugins, then route plugins
 * that receive their services as options, so domain types never augment `FastifyInstance`.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyInstance,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import type { MonitoringService } from '../screening/monitor/index.js';
import { type Clock, systemClock } from '../shared/clock.js';
import type { SubmitResult, VettingService } from '../vetting/service.js';
import type { ApiKeyVerifier } from './api-keys.js';
import { monitoringRoutes } from './monitoring/index.js';
import { authPlugin } from './plugins/auth.js';
import { errorsPlugin } from './plugins/errors.js';
import { openapiPlugin } from './plugins/openapi.js';
import { v1Routes } from './v1/index.js';
import { LoginThrottle, type LoginThrottleLimits } from './v1/login-throttle.js';
import { type CatalogSource, type ScreeningSource, yenteRoutes } from './yente/index.js';

export interface ServerConfig {
  /** `none` only for the local embedded default (bound to loopback): no key needed. */
  readonly auth: 'required' | 'none';
  /** Reported in the OpenAPI document. */
  readonly version?: string;
}

export interface ServerDeps {
  readonly screening: ScreeningSource;
  readonly lists: CatalogSource;
  /** Null: no key store (then only `auth: 'none'` lets anyone in). */
  readonly apiKeys: ApiKeyVerifier | null;
  readonly config: ServerConfig;
  /** The vetting use cases, served under `/api/v1`; absent: no `/api/v1` routes. */
  readonly vetting?: VettingService;
  /** Called after `/api/v1/assessments` created an assessment (the server starts its triage). */
  readonly onAssessmentSubmitted?: (result: SubmitResult) => void;
  /** "Now" for the vetting API's overdue flags; the system clock by default. */
  readonly clock?: Clock;
  /** Monitoring (subjects, jobs, alerts) under `/monitoring`; absent: no such routes. */
  readonly monitoring?: MonitoringService;
  /**
   * Limits of the sign-in throttle of `/api/v1/auth/login` (failures per username and per client
   * address in a window); unset fields keep `DEFAULT_LOGIN_THROTTLE`. Counted on `clock`.
   */
  readonly loginThrottle?: Partial<LoginThrottleLimits>;
  /** Pino options, or false for none (tests). JSON lines on stdout by default. */
  readonly logger?: FastifyServerOptions['logger'];
}

/**
 * What a request log line says about the request: method and path only. The query string can hold
 * a name (`/search?q=`), and headers hold API keys, so neither is logged.
 */
function requestSummary(request: FastifyRequest) {
  const url = request.url;
  const cut = url.indexOf('?');
  return { method: request.method, path: cut < 0 ? url : url.slice(0, cut) };
}

export function buildServer(deps: ServerDeps): FastifyInstance {
  const logger: FastifyServerOptions['logger'] =
    deps.logger === undefined || deps.logger === true ? { level: 'info' } : deps.logger;
  const app = Fastify({
    logger:
      logger === false
        ? false
        : {
            ...(typeof logger === 'object' ? logger : {}),
            redact: ['req.headers.authorization'],
            serializers: {
              req: (request: FastifyRequest) => requestSummary(request),
            },
          },
    // 100 queries with long name lists stay far below this; larger bodies are refused early.
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: true, useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.register(errorsPlugin);
  app.register(authPlugin, { mode: deps.config.auth, verifier: deps.apiKeys });
  app.register(openapiPlugin, { version: deps.config.version ?? '0.1.0' });
  app.register(yenteRoutes, { screening: deps.screening, lists: deps.lists });
  if (deps.monitoring !== undefined) {
    app.register(monitoringRoutes, { monitoring: deps.monitoring });
  }
  if (deps.vetting !== undefined) {
    const clock = deps.clock ?? systemClock;
    app.register(v1Routes, {
      prefix: '/api/v1',
      vetting: deps.vetting,
      clock,
      // Built here, before any request: a bad limit fails the start, not the first sign-in.
      loginThrottle: new LoginThrottle(clock, deps.loginThrottle),
      ...(deps.onAssessmentSubmitted === undefined
        ? {}
        : { onAssessmentSubmitted: deps.onAssessmentSubmitted }),
    });
  }
  return app;
}
