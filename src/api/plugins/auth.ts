import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ApiKeyVerifier, ApiScope, Principal } from '../api-keys.js';
import type { ErrorBody } from '../errors.js';

/** What a route needs: any one of these scopes (`admin` implies all), or nothing (`public`). */
export type RouteScopes = readonly ApiScope[] | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares it; a route without it is treated as admin-only (fail closed). */
    scopes?: RouteScopes;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface AuthOptions {
  /** `none`: no key needed (the local embedded default, bound to loopback). */
  readonly mode: 'required' | 'none';
  readonly verifier: ApiKeyVerifier | null;
}

/** The scopes a caller has when authentication is off: everything but administration. */
const ANONYMOUS: Principal = Object.freeze({
  keyId: null,
  name: 'anonymous',
  scopes: Object.freeze(['match', 'search'] as const),
});

/**
 * `Authorization: ApiKey <key>` (yente and the OpenSanctions API), `Bearer <key>`, or the bare
 * key, which OpenSanctions' own examples send.
 */
export function keyFromHeader(header: string | undefined): string | null {
  if (header === undefined) return null;
  const value = header.trim();
  if (value === '') return null;
  const match = /^(apikey|bearer|token)\s+(\S+)$/iu.exec(value);
  if (match) return match[2]!;
  return /\s/u.test(value) ? null : value;
}

function deny(reply: FastifyReply, status: 401 | 403, detail: string): FastifyReply {
  if (status === 401) reply.header('www-authenticate', 'ApiKey');
  return reply.status(status).send({ detail } satisfies ErrorBody);
}

/**
 * Authenticates every request once, in `onRequest`, then checks the route's declared scopes.
 * `principal` is declared up front so every request object has the same shape.
 */
export const authPlugin = fp(
  async (app: FastifyInstance, options: AuthOptions) => {
    app.decorateRequest('principal', null);
    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.is404) return;
      const required = request.routeOptions.config.scopes ?? (['admin'] as const);
      // A public route needs no key, so its Authorization header is not ours to judge: `/api/v1`
      // routes are public here and carry their own bearer session tokens (`api/v1/auth.ts`).
      if (required === 'public') return;
      const key = keyFromHeader(request.headers.authorization);
      if (key !== null && options.verifier !== null) {
        request.principal = await options.verifier.verify(key);
        if (request.principal === null) return deny(reply, 401, 'Invalid API key');
      } else if (key !== null) {
        return deny(reply, 401, 'Invalid API key');
      } else if (options.mode === 'none') {
        request.principal = ANONYMOUS;
      }
      const principal = request.principal;
      if (principal === null) return deny(reply, 401, 'Missing API key');
      if (principal.scopes.includes('admin')) return;
      if (!required.some((scope) => principal.scopes.includes(scope))) {
        return deny(reply, 403, `This API key lacks the scope ${required.join(' or ')}`);
      }
    });
  },
  { name: 'sargas-auth' },
);
