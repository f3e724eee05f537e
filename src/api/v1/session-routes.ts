import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { UnauthenticatedError } from '../../shared/errors.js';
import { HttpError } from '../errors.js';
import { v1Credential } from './auth.js';
import { V1_SECURITY, type V1RouteOptions } from './deps.js';
import { ErrorResponse, LoginBody, LoginResponse } from './schemas.js';

/** `POST /auth/login` → a bearer token; `POST /auth/logout` ends that session. */
export const sessionRoutes: FastifyPluginAsyncTypebox<V1RouteOptions> = async (app, options) => {
  app.post(
    '/auth/login',
    {
      config: { scopes: 'public', access: 'public' },
      schema: {
        summary: 'Sign in',
        description:
          'Checks the password and returns a session token for `Authorization: Bearer <token>`. A wrong username and a wrong password answer alike (401). Repeated failures for one username or from one client address are throttled: 429 with `Retry-After` (seconds), also for the right password, until the window has passed.',
        tags: ['Access'],
        security: [],
        body: LoginBody,
        response: {
          200: LoginResponse,
          400: ErrorResponse,
          401: ErrorResponse,
          429: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      // Before the password is checked: a locked attempt costs no argon2 work and is refused
      // whether or not the password is right, so it can confirm no guess.
      const attempt = options.loginThrottle.attempt(username, request.ip);
      if (!attempt.allowed) {
        // Throttled attempts never reach the use case, so the audit log does not see them; the
        // server log does (which counter refused is said here only, never to the client).
        request.log.warn(
          { ip: request.ip, lockedBy: attempt.lockedBy, retryAfter: attempt.retryAfterSeconds },
          'sign-in refused: too many failed attempts',
        );
        throw new HttpError(
          429,
          `too many failed sign-in attempts; try again in ${attempt.retryAfterSeconds} seconds`,
          { 'retry-after': String(attempt.retryAfterSeconds) },
        );
      }
      try {
        const session = await options.vetting.login(username, password);
        attempt.succeeded();
        return { token: session.token, expires_at: session.expiresAt };
      } catch (error) {
        if (error instanceof UnauthenticatedError) {
          // Stays counted as a failure. The error handler answers 401; a 401 names the scheme.
          reply.header('www-authenticate', 'Bearer');
          if (attempt.locksOnFailure.length > 0) {
            // This failure starts a lock: audited once, the refusals during it are not.
            const until = new Date(options.clock.now().getTime() + attempt.lockMs).toISOString();
            await options.vetting.recordSignInLock({
              username,
              address: request.ip,
              lockedBy: attempt.locksOnFailure,
              until,
            });
          }
        } else {
          // The store failed, not the caller: an outage must not lock users out.
          attempt.abandoned();
        }
        throw error;
      }
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { scopes: 'public', access: 'session' },
      schema: {
        summary: 'Sign out',
        description: 'Ends the session of the bearer token sent (an API key has no session).',
        tags: ['Access'],
        security: V1_SECURITY,
        response: { 204: { type: 'null' }, 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      const credential = v1Credential(request.headers.authorization);
      if (credential !== null && 'token' in credential) {
        await options.vetting.logout(credential.token);
      }
      return reply.status(204).send();
    },
  );
};
