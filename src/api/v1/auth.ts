/**
 * Authentication and the per-route permission check of `/api/v1`, as one `onRequest` hook that is
 * registered inside the v1 context only (encapsulated: the yente routes never see it).
 *
 * Every v1 route declares `config.access`: a `Permission` (the caller must hold it), `'session'`
 * (any signed-in user: logout) or `'public'` (login). A route without one is refused to everyone,
 * so a forgotten declaration fails closed. The use cases check their permissions again, so this is
 * defence in depth that also answers 403 before any work is done.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, type Permission } from '../../vetting/access.js';
import type { VettingService } from '../../vetting/service.js';
import type { Actor } from '../../vetting/types.js';
import type { ErrorBody } from '../errors.js';

export type RouteAccess = Permission | 'session' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call a `/api/v1` route (see `api/v1/auth.ts`); required on every v1 route. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** The authenticated caller of a `/api/v1` route; null elsewhere and on public routes. */
    vettingActor: Actor | null;
  }
}

/** The credential of `Authorization: Bearer <session token>` or `ApiKey <key>`; null otherwise. */
export function v1Credential(
  header: string | undefined,
): { readonly token: string } | { readonly apiKey: string } | null {
  if (header === undefined) return null;
  const match = /^\s*(bearer|apikey)\s+(\S+)\s*$/iu.exec(header);
  if (match === null) return null;
  const value = match[2]!;
  return match[1]!.toLowerCase() === 'bearer' ? { token: value } : { apiKey: value };
}

function deny(reply: FastifyReply, status: 401 | 403, detail: string): FastifyReply {
  if (status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.status(status).send({ detail } satisfies ErrorBody);
}

/** Registers the hook on `app` (the v1 context). */
export function registerV1Auth(app: FastifyInstance, vetting: VettingService): void {
  app.decorateRequest('vettingActor', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.is404) return;
    const access = request.routeOptions.config.access;
    if (access === undefined) {
      return deny(reply, 403, 'This route declares no permission and is closed');
    }
    if (access === 'public') return;
    const credential = v1Credential(request.headers.authorization);
    if (credential === null) {
      return deny(reply, 401, 'Sign in (POST /api/v1/auth/login) and send the bearer token');
    }
    const actor = await vetting.authenticate(credential);
    if (actor === null) return deny(reply, 401, 'The token or API key is invalid or has expired');
    request.vettingActor = actor;
    if (access === 'session') return;
    if (!can(actor, access)) return deny(reply, 403, `This requires the permission ${access}`);
  });
}

/** The caller of an authenticated v1 route (the hook has run; a public route has none). */
export function actorOf(request: FastifyRequest): Actor {
  const actor = request.vettingActor;
  if (actor === null) throw new Error('actorOf called on a route without authentication');
  return actor;
}
