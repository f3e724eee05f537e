import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/support/shared-data.js';
import { readList } from '../../lists/read-list.js';
import type { Entity } from '../../model/entity.js';
import { buildServer } from '../server.js';
import { holderOf } from '../testing.js';

/**
 * `/match` with identifiers and no name, over the real UN list (2026-02-27): Floribert Ngabu
 * Njabu (`un:6908012`) carries the passport `OB 0243318`.
 */
let app: FastifyInstance;

beforeAll(async () => {
  const list = await readList({ dataset: 'un', path: sharedData('lists', 'un', '2026-02-27.xml') });
  const entities: Entity[] = [];
  for await (const entity of list.entities) entities.push(entity);
  app = buildServer({
    screening: holderOf(entities),
    lists: { listVersions: async () => [] },
    apiKeys: null,
    config: { auth: 'none' },
    logger: false,
  });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
});

interface Result {
  id: string;
  match: boolean;
  score: number;
  features: Record<string, number>;
  explanations: Record<string, { score: number; detail?: string }>;
  explanation: { query_name: string | null; features: { name: string; kind: string }[] };
}

async function match(properties: Record<string, string[]>) {
  const response = await app.inject({
    method: 'POST',
    url: '/match/default',
    payload: { queries: { q1: { schema: 'Person', properties } } },
  });
  expect(response.statusCode).toBe(200);
  return response.json<{
    responses: { q1: { results: Result[]; total: { value: number } } };
  }>().responses.q1;
}

describe('POST /match with identifiers only', () => {
  it('returns the entity carrying an idNumber, matched and explained by identifier_match', async () => {
    const q1 = await match({ idNumber: ['OB 0243318'] });
    expect(q1.total.value).toBe(1);
    expect(q1.results).toHaveLength(1);
    const [top] = q1.results;
    expect(top).toMatchObject({ id: 'un:6908012', match: true, features: { identifier_match: 1 } });
    expect(top!.explanations.identifier_match!.detail).toBe('Identifier OB0243318 on both sides');
    expect(top!.explanation.query_name).toBeNull();
    expect(top!.explanation.features.map((feature) => feature.name)).toEqual(['identifier_match']);
  });

  it('does the same for passportNumber, with qualifiers scored only after the identifier matched', async () => {
    const q1 = await match({
      passportNumber: ['ob0243318'],
      birthDate: ['1971-05-23'],
      nationality: ['cd'],
    });
    expect(q1.results[0]).toMatchObject({
      id: 'un:6908012',
      features: { identifier_match: 1, dob_exact: 1 },
    });
  });

  it('finds nothing from qualifiers alone', async () => {
    const q1 = await match({ birthDate: ['1971-05-23'], nationality: ['cd'] });
    expect(q1.results).toEqual([]);
    expect(q1.total.value).toBe(0);
  });
});
