import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../server.js';
import { openRealLists, type RealListsFixture } from '../testing.js';

/**
 * The yente-compatible routes over the real UN (2026-02-27) and EU (2026-01-28) lists in PGlite.
 * The index is built once for the file (it takes a few seconds: the EU list has ~5,800 entities
 * with names in many scripts).
 */
let fixture: RealListsFixture;
let app: FastifyInstance;

beforeAll(async () => {
  fixture = await openRealLists();
  app = buildServer({
    screening: fixture.holder,
    lists: fixture.store,
    apiKeys: null,
    config: { auth: 'none' },
    logger: false,
  });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await fixture?.db.close();
});

async function match(dataset: string, body: unknown, query = '') {
  return app.inject({ method: 'POST', url: `/match/${dataset}${query}`, payload: body as object });
}

interface MatchResult {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  score: number;
  match: boolean;
  features: Record<string, number>;
  explanations: Record<string, { score: number; detail?: string }>;
  explanation: { algorithm: string; matched_name: string | null; features: unknown[] };
}
interface QueryResponse {
  status: number;
  results: MatchResult[];
  total: { value: number; relation: string };
  query: { schema: string; properties: Record<string, string[]> };
}
interface MatchBody {
  responses: Record<string, QueryResponse>;
  limit: number;
}

describe('POST /match/{dataset}', () => {
  it('finds a UN-listed person by name, birth date and nationality', async () => {
    const response = await match('default', {
      queries: {
        q1: {
          schema: 'Person',
          properties: {
            name: ['Germain Katanga'],
            birthDate: ['1978-04-28'],
            nationality: ['cd'],
          },
        },
      },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<MatchBody>();
    expect(body.limit).toBe(5);
    const q1 = body.responses.q1!;
    expect(q1.status).toBe(200);
    // He is on both lists: the UN record and the EU's own record of him.
    expect(
      q1.results
        .slice(0, 2)
        .map((result) => result.id)
        .sort(),
    ).toEqual(['eu:3183', 'un:6907998']);
    const top = q1.results.find((result) => result.id === 'un:6907998')!;
    expect(top.caption).toBe('GERMAIN KATANGA');
    expect(top.schema).toBe('Person');
    expect(top.datasets).toEqual(['un']);
    expect(top.properties.birthDate).toEqual(['1978-04-28']);
    expect(top.match).toBe(true);
    expect(top.score).toBeGreaterThan(0.9);
    expect(q1.total).toEqual({ value: expect.any(Number), relation: 'eq' });
    expect(q1.total.value).toBeGreaterThanOrEqual(1);
    // features: feature name → score; explanations and explanation say why.
    expect(top.features.dob_exact).toBe(1);
    expect(Object.values(top.features).every((score) => typeof score === 'number')).toBe(true);
    expect(top.explanations.dob_exact?.score).toBe(1);
    expect(top.explanation.algorithm).toBe('sargas-v1');
    expect(top.explanation.matched_name).toBe('GERMAIN KATANGA');
    expect(q1.query).toEqual({
      schema: 'Person',
      properties: { name: ['Germain Katanga'], birthDate: ['1978-04-28'], nationality: ['cd'] },
    });
    expect(response.headers['x-batch-size']).toBe('1');
  });

  it('sends only the declared fields (response schema as the need-to-know boundary)', async () => {
    const response = await match('un', {
      queries: { q: { schema: 'Person', properties: { name: 'Germain Katanga' } } },
    });
    const top = response.json<MatchBody>().responses.q!.results[0]!;
    expect(Object.keys(top).sort()).toEqual(
      [
        'caption',
        'datasets',
        'explanation',
        'explanations',
        'features',
        'id',
        'match',
        'properties',
        'referents',
        'schema',
        'score',
        'target',
      ].sort(),
    );
    // The entity's source location and parsed name details stay inside.
    expect(JSON.stringify(top)).not.toContain('"source"');
    expect(JSON.stringify(top)).not.toContain('"names"');
  });

  it('matches across scripts: a Cyrillic-only query finds the EU record', async () => {
    const response = await match('eu', {
      queries: { q: { schema: 'Person', properties: { name: ['Ротенберг Аркадий Романович'] } } },
    });
    const top = response.json<MatchBody>().responses.q!.results[0]!;
    expect(top.match).toBe(true);
    expect(top.caption.toLowerCase()).toContain('rotenberg');
  });

  it('restricts results to a list: the dataset path, include_dataset and exclude_dataset', async () => {
    const body = {
      queries: { q: { schema: 'Person', properties: { name: ['Germain Katanga'] } } },
    };
    const ids = async (dataset: string, query = '') =>
      (await match(dataset, body, query))
        .json<MatchBody>()
        .responses.q!.results.map((result) => result.id);
    expect(await ids('un')).toContain('un:6907998');
    expect((await ids('eu')).every((id) => id.startsWith('eu:'))).toBe(true);
    expect((await ids('default', '?include_dataset=eu')).every((id) => id.startsWith('eu:'))).toBe(
      true,
    );
    expect((await ids('default', '?exclude_dataset=un')).some((id) => id.startsWith('un:'))).toBe(
      false,
    );
    expect(await ids('default', '?exclude_entity_ids=un:6907998')).not.toContain('un:6907998');
  });

  it('applies threshold, cutoff and limit as yente does', async () => {
    const body = {
      queries: { q: { schema: 'Person', properties: { name: ['Germain Katanga'] } } },
    };
    const strict = (await match('default', body, '?threshold=1')).json<MatchBody>();
    expect(strict.responses.q!.results[0]?.match).toBe(false);
    expect(strict.responses.q!.total.value).toBe(0);
    const one = (await match('default', body, '?limit=1')).json<MatchBody>();
    expect(one.limit).toBe(1);
    expect(one.responses.q!.results).toHaveLength(1);
    const cut = (await match('default', body, '?cutoff=0.5')).json<MatchBody>();
    expect(cut.responses.q!.results.every((result) => result.score > 0.5)).toBe(true);
  });

  it('accepts yente algorithm names and rejects unknown ones with a 400', async () => {
    const body = { queries: { q: { schema: 'Person', properties: { name: ['Katanga'] } } } };
    expect((await match('default', body, '?algorithm=logic-v2')).statusCode).toBe(200);
    expect((await match('default', body, '?algorithm=sargas-v1')).statusCode).toBe(200);
    const bad = await match('default', body, '?algorithm=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ detail: 'Invalid algorithm: nope', field: 'algorithm' });
  });

  it('rejects an unknown weight with a 400 naming it', async () => {
    const bad = await match('default', {
      weights: { no_such_feature: 0.5 },
      queries: { q: { schema: 'Person', properties: { name: ['Katanga'] } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ field: string }>().field).toBe('weights.no_such_feature');
  });

  it('answers 404 for an unknown dataset', async () => {
    const response = await match('nope', {
      queries: { q: { schema: 'Person', properties: { name: ['x'] } } },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ detail: 'No such dataset.' });
  });

  it('takes 100 queries and refuses 101', async () => {
    const queries = (count: number) =>
      Object.fromEntries(
        Array.from({ length: count }, (_, i) => [
          `q${i}`,
          { schema: 'Person', properties: { name: [`Person Number ${i}`] } },
        ]),
      );
    const ok = await match('un', { queries: queries(100) });
    expect(ok.statusCode).toBe(200);
    expect(Object.keys(ok.json<MatchBody>().responses)).toHaveLength(100);
    const tooMany = await match('un', { queries: queries(101) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json<{ field: string; detail: string }>()).toEqual({
      field: 'queries',
      detail: 'queries: must NOT have more than 100 properties',
    });
  });

  it('names the wrong field in validation errors', async () => {
    const cases: [unknown, string, string][] = [
      [{}, '', 'queries'],
      [{ queries: {} }, '', 'queries'],
      [{ queries: { q1: { properties: { name: ['x'] } } } }, '', 'queries.q1.schema'],
      [{ queries: { q1: { schema: 'Person' } } }, '', 'queries.q1.properties'],
      [{ queries: { q1: { schema: 42, properties: {} } } }, '', 'queries.q1.schema'],
      [
        { queries: { q1: { schema: 'Person', properties: { name: [{ a: 1 }] } } } },
        '',
        'queries.q1.properties.name',
      ],
      [{ queries: { q1: { schema: 'Dragon', properties: {} } } }, '', 'queries.q1.schema'],
      [
        { queries: { q1: { schema: 'Person', properties: { shoeSize: ['44'] } } } },
        '',
        'queries.q1.properties.shoeSize',
      ],
      [{ queries: { q1: { schema: 'Person', properties: {} } } }, '?limit=0', 'limit'],
      [{ queries: { q1: { schema: 'Person', properties: {} } } }, '?threshold=abc', 'threshold'],
      [{ queries: { q1: { schema: 'Person', properties: {} } } }, '?limit=501', 'limit'],
    ];
    for (const [body, query, field] of cases) {
      const response = await match('default', body, query);
      expect(response.statusCode, `${JSON.stringify(body)} ${query}`).toBe(400);
      const error = response.json<{ detail: string; field: string }>();
      expect(error.field, JSON.stringify(error)).toBe(field);
      expect(error.detail).toEqual(expect.any(String));
    }
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/match/default',
      headers: { 'content-type': 'application/json' },
      payload: '{"queries": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ detail: string }>().detail).toEqual(expect.any(String));
  });
});

describe("requests shaped exactly like yente's documentation examples", () => {
  it('the /match docstring example (a Person and a Company)', async () => {
    // From yente's routers/match.py OpenAPI description.
    const response = await match('default', {
      queries: {
        entity1: {
          schema: 'Person',
          properties: {
            name: ['John Doe'],
            birthDate: ['1975-04-21'],
            nationality: ['us'],
          },
        },
        entity2: {
          schema: 'Company',
          properties: {
            name: ['Brilliant Amazing Limited'],
            jurisdiction: ['hk'],
            registrationNumber: ['84BA99810'],
          },
        },
      },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<MatchBody>();
    expect(Object.keys(body.responses).sort()).toEqual(['entity1', 'entity2']);
    for (const key of ['entity1', 'entity2']) {
      const item = body.responses[key]!;
      expect(item.status).toBe(200);
      expect(item.total.relation).toBe('eq');
      // Neither is a listed party.
      expect(item.results.some((result) => result.match)).toBe(false);
    }
    // A Company query is matched as an organisation.
    expect(body.responses.entity2!.query.schema).toBe('Organization');
  });

  it('the quickstart tutorial (name parts only, ApiKey header)', async () => {
    // opensanctions.org/docs/api/quickstart: firstName + lastName + birthDate, `ApiKey` auth.
    const response = await app.inject({
      method: 'POST',
      url: '/match/default',
      headers: { authorization: 'ApiKey any-key-when-auth-is-off' },
      payload: {
        queries: {
          q: {
            schema: 'Person',
            properties: { firstName: ['Aleksandr'], lastName: ['Zacharov'], birthDate: ['1965'] },
          },
        },
      },
    });
    // Auth is off here, but a key that is not ours is still refused rather than ignored.
    expect(response.statusCode).toBe(401);
    const anonymous = await match('default', {
      queries: {
        q: {
          schema: 'Person',
          properties: { firstName: ['Aleksandr'], lastName: ['Zacharov'], birthDate: ['1965'] },
        },
      },
    });
    expect(anonymous.statusCode).toBe(200);
    const q = anonymous.json<MatchBody>().responses.q!;
    // The name parts are joined into a name to match on.
    expect(q.query.properties.name).toEqual(['Aleksandr Zacharov']);
    expect(q.results.length).toBeGreaterThan(0);
  });

  it('the api-examples multiple_queries.py request (two scripts, a Company)', async () => {
    const response = await match('default', {
      queries: {
        'query-A': {
          schema: 'Person',
          properties: {
            name: ['Arkadiii Romanovich Rotenberg', 'Ротенберг Аркадий'],
            birthDate: ['1951'],
          },
        },
        'query-B': {
          schema: 'Company',
          properties: { name: ['Stroygazmontazh'], jurisdiction: ['Russia'] },
        },
      },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<MatchBody>();
    const rotenberg = body.responses['query-A']!.results[0]!;
    expect(rotenberg.match).toBe(true);
    expect(rotenberg.caption.toLowerCase()).toContain('rotenberg');
    const sgm = body.responses['query-B']!.results[0]!;
    expect(sgm.match).toBe(true);
    expect(sgm.datasets).toEqual(['eu']);
  });

  it('the api-examples match_name.py request (a single name)', async () => {
    const response = await match('default', {
      queries: { q1: { schema: 'Person', properties: { name: ['Barack Obama'] } } },
    });
    expect(response.statusCode).toBe(200);
    const q1 = response.json<MatchBody>().responses.q1!;
    expect(q1.results.some((result) => result.match)).toBe(false);
  });
});

describe('GET /search/{dataset}', () => {
  it('finds entities by name, best first, with paging fields', async () => {
    const response = await app.inject({ url: '/search/default?q=Katanga&limit=3' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      results: { id: string }[];
      total: { value: number; relation: string };
      limit: number;
      offset: number;
    }>();
    expect(body.results.map((result) => result.id)).toEqual(
      expect.arrayContaining(['un:6907998', 'eu:3183']),
    );
    expect(body.results.length).toBeLessThanOrEqual(3);
    expect(body.limit).toBe(3);
    expect(body.offset).toBe(0);
    expect(body.total.value).toBeGreaterThanOrEqual(body.results.length);
  });

  it('lists a dataset in id order without q, with offset', async () => {
    const first = (await app.inject({ url: '/search/un?limit=2' })).json<{
      results: { id: string }[];
      total: { value: number };
    }>();
    expect(first.total.value).toBeGreaterThan(900);
    const second = (await app.inject({ url: '/search/un?limit=1&offset=1' })).json<{
      results: { id: string }[];
    }>();
    expect(second.results[0]?.id).toBe(first.results[1]?.id);
  });

  it('answers 404 for an unknown dataset and 400 for a bad limit', async () => {
    expect((await app.inject({ url: '/search/nope?q=x' })).statusCode).toBe(404);
    const bad = await app.inject({ url: '/search/default?q=x&limit=-1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ field: string }>().field).toBe('limit');
  });
});

describe('GET /entities/{id}', () => {
  it('returns one entity with FtM fields only', async () => {
    const response = await app.inject({ url: '/entities/un:6907998' });
    expect(response.statusCode).toBe(200);
    const body = response.json<Record<string, unknown>>();
    expect(body.id).toBe('un:6907998');
    expect(body.caption).toBe('GERMAIN KATANGA');
    expect(Object.keys(body).sort()).toEqual(
      ['caption', 'datasets', 'id', 'properties', 'referents', 'schema', 'target'].sort(),
    );
  });

  it('answers 404 for an unknown id', async () => {
    const response = await app.inject({ url: '/entities/un:0' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ detail: 'No such entity!' });
  });
});

describe('GET /catalog', () => {
  it('lists default and each list with version, counts and last import', async () => {
    const response = await app.inject({ url: '/catalog' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      datasets: {
        name: string;
        children: string[];
        entity_count: number;
        last_import: string | null;
        published_at: string | null;
        version: string | null;
        index_current: boolean;
      }[];
      current: string[];
      outdated: string[];
      index_stale: boolean;
    }>();
    expect(body.datasets.map((dataset) => dataset.name)).toEqual(['default', 'eu', 'un']);
    const [all, eu, un] = body.datasets;
    expect(all!.children).toEqual(['eu', 'un']);
    expect(all!.entity_count).toBe(eu!.entity_count + un!.entity_count);
    expect(un!.entity_count).toBeGreaterThan(900);
    expect(un!.last_import).toBe('2026-03-01T08:00:00.000Z');
    expect(un!.version).toMatch(/^un-\d+$/u);
    expect(un!.index_current).toBe(true);
    expect(body.current).toEqual(['eu', 'un']);
    expect(body.outdated).toEqual([]);
    expect(body.index_stale).toBe(false);
  });
});

describe('system routes', () => {
  it('/healthz and /readyz answer ok once the index is built', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ok' });
  });

  it('/openapi.json documents the yente routes and /docs serves Swagger UI', async () => {
    const response = await app.inject({ url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./u);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/match/{dataset}',
        '/search/{dataset}',
        '/entities/{id}',
        '/catalog',
        '/healthz',
        '/readyz',
      ]),
    );
    const docs = await app.inject({ url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('answers unknown paths with a yente-style 404', async () => {
    const response = await app.inject({ url: '/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ detail: 'Not Found' });
  });
});
