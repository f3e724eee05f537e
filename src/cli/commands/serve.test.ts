import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/support/shared-data.js';
import { buildServer } from '../../api/server.js';
import { importList } from '../../lists/import-list.js';
import { MatchServiceHolder } from '../../screening/match-service.js';
import { fixedClock } from '../../shared/clock.js';
import type { DbHandle } from '../../store/db.js';
import { ListRepository } from '../../store/list-repository.js';
import { openTestDb } from '../../store/testing.js';
import { refreshIndex } from './serve.js';

/**
 * `sargas serve` picks up a list version imported while it runs (by another process or a CLI
 * command): the periodic check is called directly here, no timer and no sleeping.
 */
let db: DbHandle;
let store: ListRepository;
let holder: MatchServiceHolder;
let app: FastifyInstance;

const un = (date: string) => sharedData('lists', 'un', `${date}.xml`);
const deps = () => ({ store, clock: fixedClock('2026-03-01T08:00:00Z') });

beforeAll(async () => {
  db = await openTestDb('pglite');
  store = new ListRepository(db);
  await importList(deps(), { dataset: 'un', path: un('2026-01-28') });
  holder = new MatchServiceHolder();
  await holder.reload(store);
  app = buildServer({
    screening: holder,
    lists: store,
    apiKeys: null,
    config: { auth: 'none' },
    logger: false,
  });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await db?.close();
});

async function matchIds(name: string): Promise<string[]> {
  const response = await app.inject({
    method: 'POST',
    url: '/match/default',
    payload: { queries: { q1: { schema: 'Person', properties: { name: [name] } } } },
  });
  expect(response.statusCode).toBe(200);
  const body = response.json<{
    responses: Record<string, { results: { id: string; match: boolean }[] }>;
  }>();
  return body.responses.q1!.results.filter((result) => result.match).map((result) => result.id);
}

async function outdated(): Promise<string[]> {
  return (await app.inject({ url: '/catalog' })).json<{ outdated: string[] }>().outdated;
}

describe('refreshIndex (the periodic check of sargas serve)', () => {
  it('rebuilds the index once a new list version is current, and only then', async () => {
    const lines: { details: object; message: string }[] = [];
    const log = { info: (details: object, message: string) => lines.push({ details, message }) };

    // Up to date: nothing rebuilt, nothing logged.
    expect(await refreshIndex(holder, store, log)).toBeNull();
    expect(lines).toEqual([]);
    expect(await matchIds('GEDO HAMDAN AHMED')).not.toContain('un:6909526');

    // The next UN publication adds four Sudan entities (un:6909526..6909529).
    const imported = await importList(deps(), { dataset: 'un', path: un('2026-02-27') });
    expect(imported.status).toBe('imported');
    expect(await outdated()).toEqual(['un']);
    const before = holder.current();

    const rebuilt = await refreshIndex(holder, store, log);
    expect(rebuilt).not.toBeNull();
    expect(holder.current()).toBe(rebuilt);
    expect(holder.current()).not.toBe(before);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.message).toBe('screening index rebuilt for new list versions');
    expect(lines[0]!.details).toMatchObject({ versions: [`un ${imported.version.id}`] });

    expect(await matchIds('GEDO HAMDAN AHMED')).toContain('un:6909526');
    expect(await outdated()).toEqual([]);

    // Checked again: already current.
    expect(await refreshIndex(holder, store, log)).toBeNull();
    expect(lines).toHaveLength(1);
  });
});
