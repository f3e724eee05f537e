import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WatchlistInput } from '../../vetting/types.js';
import { actorOf } from './auth.js';
import { V1_SECURITY, type V1RouteOptions } from './deps.js';
import { presentWatchlistEntry } from './present.js';
import {
  ERRORS,
  IntegerIdParams,
  WatchlistBody,
  type WatchlistBody as WatchlistBodyType,
  WatchlistEntries,
  WatchlistEntry,
} from './schemas.js';

const TAGS = ['Watchlist'];

function watchlistInput(body: WatchlistBodyType): WatchlistInput {
  return {
    schema: body.schema,
    names: body.names,
    birthDate: body.birth_date ?? null,
    countries: body.countries ?? [],
    reason: body.reason,
    classification: body.classification,
  };
}

/** The service's own designations, screened by triage beside the sanctions lists. */
export const watchlistRoutes: FastifyPluginAsyncTypebox<V1RouteOptions> = async (app, options) => {
  const { vetting } = options;

  app.get(
    '/watchlist',
    {
      config: { scopes: 'public', access: 'watchlist.read' },
      schema: {
        summary: 'List the watchlist',
        description: "Entries up to the caller's classification level.",
        tags: TAGS,
        security: V1_SECURITY,
        response: { 200: WatchlistEntries, ...ERRORS },
      },
    },
    async (request) => (await vetting.listWatchlist(actorOf(request))).map(presentWatchlistEntry),
  );

  app.post(
    '/watchlist',
    {
      config: { scopes: 'public', access: 'watchlist.write' },
      schema: {
        summary: 'Designate a person or organisation',
        tags: TAGS,
        security: V1_SECURITY,
        body: WatchlistBody,
        response: { 201: WatchlistEntry, ...ERRORS },
      },
    },
    async (request, reply) => {
      const entry = await vetting.createWatchlistEntry(
        actorOf(request),
        watchlistInput(request.body),
      );
      return reply.status(201).send(presentWatchlistEntry(entry));
    },
  );

  app.put(
    '/watchlist/:id',
    {
      config: { scopes: 'public', access: 'watchlist.write' },
      schema: {
        summary: 'Change a watchlist entry',
        tags: TAGS,
        security: V1_SECURITY,
        params: IntegerIdParams,
        body: WatchlistBody,
        response: { 200: WatchlistEntry, ...ERRORS },
      },
    },
    async (request) =>
      presentWatchlistEntry(
        await vetting.updateWatchlistEntry(
          actorOf(request),
          request.params.id,
          watchlistInput(request.body),
        ),
      ),
  );

  app.delete(
    '/watchlist/:id',
    {
      config: { scopes: 'public', access: 'watchlist.write' },
      schema: {
        summary: 'Remove a watchlist entry',
        description: 'Triage stops screening against it; the audit log keeps its history.',
        tags: TAGS,
        security: V1_SECURITY,
        params: IntegerIdParams,
        response: { 204: { type: 'null' }, ...ERRORS },
      },
    },
    async (request, reply) => {
      await vetting.deleteWatchlistEntry(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
};
