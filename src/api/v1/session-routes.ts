import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { UnauthenticatedError } from '../../shared/errors.js';
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
          'Checks the password and returns a session token for `Authorization: Bearer <token>`. A wrong username and a wrong password answer alike (401).',
        tags: ['Access'],
        security: [],
        body: LoginBody,
        response: { 200: LoginResponse, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      try {
        const { username, password } = request.body;
        const session = await options.vetting.login(username, password);
        return { token: session.token, expires_at: session.expiresAt };
      } catch (error) {
        // The error handler answers 401; a 401 names the scheme to authenticate with.
        if (error instanceof UnauthenticatedError) reply.header('www-authenticate', 'Bearer');
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
