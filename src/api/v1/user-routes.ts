import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from './auth.js';
import { V1_SECURITY, type V1RouteOptions } from './deps.js';
import { presentUser } from './present.js';
import {
  CreateUserBody,
  ERRORS,
  IntegerIdParams,
  User,
  UserActiveBody,
  UserList,
} from './schemas.js';

const TAGS = ['Users'];

/** User administration (admin): never returns a password hash. */
export const userRoutes: FastifyPluginAsyncTypebox<V1RouteOptions> = async (app, options) => {
  const { vetting } = options;

  app.get(
    '/users',
    {
      config: { scopes: 'public', access: 'users.manage' },
      schema: {
        summary: 'List users',
        tags: TAGS,
        security: V1_SECURITY,
        response: { 200: UserList, ...ERRORS },
      },
    },
    async (request) => (await vetting.listUsers(actorOf(request))).map(presentUser),
  );

  app.post(
    '/users',
    {
      config: { scopes: 'public', access: 'users.manage' },
      schema: {
        summary: 'Create a user',
        description:
          'A migration officer needs the `agency` whose assessments it submits and reads; staff have none.',
        tags: TAGS,
        security: V1_SECURITY,
        body: CreateUserBody,
        response: { 201: User, ...ERRORS },
      },
    },
    async (request, reply) => {
      const { username, password, roles, agency } = request.body;
      const user = await vetting.createUser(actorOf(request), {
        username,
        password,
        roles,
        agency: agency ?? null,
      });
      return reply.status(201).send(presentUser(user));
    },
  );

  app.post(
    '/users/:id/active',
    {
      config: { scopes: 'public', access: 'users.manage' },
      schema: {
        summary: 'Activate or deactivate a user',
        description: 'A deactivated user can no longer sign in, and its sessions stop working.',
        tags: TAGS,
        security: V1_SECURITY,
        params: IntegerIdParams,
        body: UserActiveBody,
        response: { 200: User, ...ERRORS },
      },
    },
    async (request) =>
      presentUser(
        await vetting.setUserActive(actorOf(request), request.params.id, request.body.active),
      ),
  );
};
