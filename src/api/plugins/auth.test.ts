import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e } from '../../model/testing.js';
import { fixedClock } from '../../shared/clock.js';
import { ApiKeyRepository } from '../../store/api-key-repository.js';
import type { DbHandle } from '../../store/db.js';
import { openTestDb } from '../../store/testing.js';
import { createApiKey, storedKeyVerifier } from '../api-keys.js';
import { buildServer } from '../server.js';
import { holderOf } from '../testing.js';
import { keyFromHeader, type RouteScopes } from './auth.js';

const entities = [
  e('Person', { name: 'Germain Katanga', birthDate: '1978-04-28' }, 'un:1'),
  e('Organization', { name: 'Stroygazmontazh' }, 'eu:2'),
];
const noLists = { listVersions: async () => [] };

let db: DbHandle;
let repository: ApiKeyRepository;
let app: FastifyInstance;
const keys: Record<'match' | 'search' | 'admin' | 'revoked', string> = {
  match: '',
  search: '',
  admin: '',
  revoked: '',
};
/** Route options as registered; read after `ready()`, when every onRoute hook has run. */
const registered: RouteOptions[] = [];
function routeTable(): { method: string; url: string; scopes: RouteScopes | undefined }[] {
  return registered.flatMap((route) =>
    (Array.isArray(route.method) ? route.method : [route.method]).map((method) => ({
      method,
      url: route.url,
      scopes: route.config?.scopes,
    })),
  );
}

beforeAll(async () => {
  db = await openTestDb('pglite');
  repository = new ApiKeyRepository(db);
  const deps = { store: repository, clock: fixedClock('2026-03-01T00:00:00Z') };
  keys.match = (await createApiKey(deps, { name: 'matcher', scopes: ['match'] })).key;
  keys.search = (await createApiKey(deps, { name: 'searcher', scopes: ['search'] })).key;
  keys.admin = (await createApiKey(deps, { name: 'ops', scopes: ['admin'] })).key;
  const revoked = await createApiKey(deps, { name: 'old', scopes: ['match'] });
  keys.revoked = revoked.key;
  await repository.revoke(revoked.record.id, '2026-03-02T00:00:00Z');

  app = buildServer({
    screening: holderOf(entities),
    lists: noLists,
    apiKeys: storedKeyVerifier(repository),
    config: { auth: 'required' },
    logger: false,
  });
  app.addHook('onRoute', (route) => {
    registered.push(route);
  });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await db?.close();
});

const matchBody = {
  queries: { q: { schema: 'Person', properties: { name: ['Germain Katanga'] } } },
};

function post(authorization?: string) {
  return app.inject({
    method: 'POST',
    url: '/match/default',
    payload: matchBody,
    ...(authorization === undefined ? {} : { headers: { authorization } }),
  });
}

describe('API key authentication', () => {
  it('refuses a request without a key with 401 and a challenge', async () => {
    const response = await post();
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('ApiKey');
    expect(response.json()).toEqual({ detail: 'Missing API key' });
  });

  it('refuses a wrong or revoked key with 401', async () => {
    expect((await post('ApiKey sargas_not-a-real-key')).statusCode).toBe(401);
    expect((await post('ApiKey something-else')).statusCode).toBe(401);
    expect((await post(`ApiKey ${keys.revoked}`)).statusCode).toBe(401);
  });

  it('refuses a key without the route scope with 403', async () => {
    const response = await post(`ApiKey ${keys.search}`);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ detail: 'This API key lacks the scope match' });
  });

  it('accepts the key as ApiKey, Bearer or bare, and admin everywhere', async () => {
    expect((await post(`ApiKey ${keys.match}`)).statusCode).toBe(200);
    expect((await post(`Bearer ${keys.match}`)).statusCode).toBe(200);
    expect((await post(keys.match)).statusCode).toBe(200);
    expect((await post(`apikey ${keys.admin}`)).statusCode).toBe(200);
    const search = await app.inject({
      url: '/search/default?q=Katanga',
      headers: { authorization: `Bearer ${keys.search}` },
    });
    expect(search.statusCode).toBe(200);
  });

  it('leaves health, readiness and the API documents public', async () => {
    for (const url of ['/healthz', '/readyz', '/openapi.json', '/docs/']) {
      expect((await app.inject({ url })).statusCode, url).toBe(200);
    }
  });

  it('declares scopes on every registered route (no route is reachable by accident)', () => {
    const routes = routeTable();
    expect(routes.length).toBeGreaterThan(8);
    const undeclared = routes.filter((route) => route.scopes === undefined);
    expect(undeclared).toEqual([]);
    const byRoute = Object.fromEntries(
      routes
        .filter((route) => !route.url.startsWith('/docs'))
        .map((route) => [`${route.method} ${route.url}`, route.scopes]),
    );
    expect(byRoute).toMatchObject({
      'POST /match/:dataset': ['match'],
      'GET /search/:dataset': ['search', 'match'],
      'GET /entities/:id': ['search', 'match'],
      'GET /catalog': ['search', 'match'],
      'GET /healthz': 'public',
      'GET /readyz': 'public',
      'GET /openapi.json': 'public',
    });
  });
});

describe('unauthenticated mode (local embedded default)', () => {
  it('lets requests without a key in, but still refuses a bad key', async () => {
    const open = buildServer({
      screening: holderOf(entities),
      lists: noLists,
      apiKeys: storedKeyVerifier(repository),
      config: { auth: 'none' },
      logger: false,
    });
    try {
      expect(
        (await open.inject({ method: 'POST', url: '/match/default', payload: matchBody }))
          .statusCode,
      ).toBe(200);
      const bad = await open.inject({
        method: 'POST',
        url: '/match/default',
        payload: matchBody,
        headers: { authorization: 'ApiKey sargas_wrong' },
      });
      expect(bad.statusCode).toBe(401);
      expect(
        (
          await open.inject({
            method: 'POST',
            url: '/match/default',
            payload: matchBody,
            headers: { authorization: `ApiKey ${keys.match}` },
          })
        ).statusCode,
      ).toBe(200);
    } finally {
      await open.close();
    }
  });

  it('answers 503 on /readyz and /match while the index is being built', async () => {
    const building = buildServer({
      screening: { current: () => null },
      lists: noLists,
      apiKeys: null,
      config: { auth: 'none' },
      logger: false,
    });
    try {
      expect((await building.inject({ url: '/readyz' })).statusCode).toBe(503);
      expect((await building.inject({ url: '/healthz' })).statusCode).toBe(200);
      const response = await building.inject({
        method: 'POST',
        url: '/match/default',
        payload: matchBody,
      });
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
    } finally {
      await building.close();
    }
  });
});

describe('keyFromHeader', () => {
  it('reads ApiKey, Bearer, Token and bare keys', () => {
    expect(keyFromHeader('ApiKey abc')).toBe('abc');
    expect(keyFromHeader('Bearer abc')).toBe('abc');
    expect(keyFromHeader('token abc')).toBe('abc');
    expect(keyFromHeader('abc')).toBe('abc');
    expect(keyFromHeader('Basic a b')).toBeNull();
    expect(keyFromHeader(undefined)).toBeNull();
    expect(keyFromHeader('  ')).toBeNull();
  });
});
