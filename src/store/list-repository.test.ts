import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { diffVersions } from '../lists/diff-versions.js';
import type { NewListVersion } from '../lists/ports.js';
import { newParseInfo, type ParseInfo } from '../lists/types.js';
import { Entity } from '../model/entity.js';
import { e } from '../model/testing.js';
import { ConflictError, NotFoundError, ParseError, ValidationError } from '../shared/errors.js';
import { sha256Hex } from '../shared/sha256.js';
import type { DbHandle } from './db.js';
import { ListRepository } from './list-repository.js';
import { DIALECTS, openTestDb, resetListTables } from './testing.js';

function newVersion(source: string, content: string, importedAt = '2026-03-01T10:00:00.000Z') {
  return {
    source,
    format: 'un-sc-xml',
    sha256: sha256Hex(content),
    files: [{ name: `${content}.xml`, sha256: sha256Hex(content), bytes: content.length }],
    importedAt,
  } satisfies NewListVersion;
}

/** Streams `entities`, throwing instead of yielding entity number `failAt` (0-based). */
async function* stream(entities: readonly Entity[], failAt?: number): AsyncGenerator<Entity> {
  for (const [index, entity] of entities.entries()) {
    await Promise.resolve();
    if (index === failAt) {
      throw new ParseError({ file: 'broken.xml', line: 120, field: 'DATAID' }, 'missing id');
    }
    yield entity;
  }
}

function info(publishedAt: string | null = null, warnings: string[] = []): ParseInfo {
  return { ...newParseInfo(), publishedAt, warnings };
}

async function collect(entities: AsyncIterable<Entity>): Promise<Entity[]> {
  const out: Entity[] = [];
  for await (const entity of entities) out.push(entity);
  return out;
}

const johnV1 = e(
  'Person',
  { name: 'John Doe', alias: ['J. Doe', 'Johnny D', 'Ivan Doe'], birthDate: '1975' },
  'un:1',
);
// The same record, published with its aliases in another order and at another line.
const johnV2 = Entity.create({
  ...johnV1,
  properties: { ...johnV1.properties, alias: ['Ivan Doe', 'J. Doe', 'Johnny D'] },
  source: { file: 'v2.xml', line: 99 },
});
const acmeV1 = e('Organization', { name: 'ACME Ltd', country: 'ru', program: 'UKR' }, 'un:2');
const acmeV2 = e(
  'Organization',
  { name: 'ACME Ltd', country: ['ru', 'by'], program: 'UKR', notes: 'Listed again' },
  'un:2',
);
const gone = e('Vessel', { name: 'SEA STAR', imoNumber: '9123456' }, 'un:3');
const newcomer = e('Person', { name: 'Jane Roe', nationality: 'ir' }, 'un:4');

describe.each(DIALECTS)('ListRepository on %s', (dialect) => {
  let db: DbHandle;
  let store: ListRepository;

  beforeAll(async () => {
    db = await openTestDb(dialect);
  });
  afterAll(async () => {
    await db?.close();
  });
  beforeEach(async () => {
    await resetListTables(db);
    store = new ListRepository(db, { batchSize: 2, pageSize: 2 });
  });

  it('saves a version with its counts and makes it current', async () => {
    const version = await store.saveVersion(
      newVersion('un', 'v1'),
      stream([johnV1, acmeV1, gone]),
      info('2026-01-28', ['un.xml: <X> ignored']),
    );
    expect(version).toMatchObject({
      source: 'un',
      format: 'un-sc-xml',
      sha256: sha256Hex('v1'),
      files: [{ name: 'v1.xml', sha256: sha256Hex('v1'), bytes: 2 }],
      publishedAt: '2026-01-28',
      importedAt: '2026-03-01T10:00:00.000Z',
      entityCount: 3,
      countsBySchema: { Person: 1, Organization: 1, Vessel: 1 },
      // name + alias values only: John 1 + 3, ACME 1, SEA STAR 1.
      nameCount: 6,
      warnings: ['un.xml: <X> ignored'],
      current: true,
    });
    expect(await store.getVersion(version.id)).toEqual(version);
    expect(await store.currentVersion('un')).toEqual(version);
    expect(await store.findVersionBySha('un', sha256Hex('v1'))).toEqual(version);
    expect(await store.findVersionBySha('eu', sha256Hex('v1'))).toBeNull();
    expect(await store.getVersion(version.id + 100)).toBeNull();
    expect(await store.currentVersion('eu')).toBeNull();
  });

  it('keeps one current version per list and lists every version', async () => {
    const un1 = await store.saveVersion(newVersion('un', 'v1'), stream([johnV1]), info());
    const eu1 = await store.saveVersion(newVersion('eu', 'e1'), stream([acmeV1]), info());
    const un2 = await store.saveVersion(newVersion('un', 'v2'), stream([johnV2]), info());
    expect((await store.listVersions('un')).map((v) => [v.id, v.current])).toEqual([
      [un1.id, false],
      [un2.id, true],
    ]);
    expect((await store.listVersions()).map((v) => [v.source, v.id, v.current])).toEqual([
      ['eu', eu1.id, true],
      ['un', un1.id, false],
      ['un', un2.id, true],
    ]);
    expect((await store.currentVersion('un'))?.id).toBe(un2.id);
    expect((await store.currentVersion('eu'))?.id).toBe(eu1.id);
  });

  it('gives the entities back as saved, in id order, across pages', async () => {
    const entities = [newcomer, gone, johnV1, acmeV1, e('Aircraft', { name: 'X' }, 'un:10')];
    const version = await store.saveVersion(newVersion('un', 'v1'), stream(entities), info());
    const back = await collect(store.versionEntities(version.id));
    expect(back.map((entity) => entity.id)).toEqual(['un:1', 'un:10', 'un:2', 'un:3', 'un:4']);
    const byId = new Map(entities.map((entity) => [entity.id, entity]));
    for (const entity of back) expect(entity).toEqual(byId.get(entity.id));
  });

  it('refuses a second version of identical files', async () => {
    await store.saveVersion(newVersion('un', 'v1'), stream([johnV1]), info());
    await expect(
      store.saveVersion(newVersion('un', 'v1'), stream([johnV1]), info()),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await store.listVersions('un')).toHaveLength(1);
  });

  it('stores an entity unchanged between versions once', async () => {
    await store.saveVersion(newVersion('un', 'v1'), stream([johnV1, acmeV1]), info());
    await store.saveVersion(
      newVersion('un', 'v2'),
      stream([{ ...johnV1, source: { file: 'v2.xml', line: 7 } }, acmeV2]),
      info(),
    );
    const [records] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM entity_records',
    );
    expect(records?.n).toBe(3);
  });

  it('diffs two versions exactly: added, removed, changed with the changed properties', async () => {
    const v1 = await store.saveVersion(
      newVersion('un', 'v1'),
      stream([johnV1, acmeV1, gone]),
      info(),
    );
    const v2 = await store.saveVersion(
      newVersion('un', 'v2'),
      stream([newcomer, acmeV2, johnV2]),
      info(),
    );
    const stored = await store.diffVersions(v1.id, v2.id);
    expect(stored.added).toEqual([newcomer]);
    expect(stored.removed).toEqual([gone]);
    expect(stored.changed).toEqual([{ id: 'un:2', before: acmeV1, after: acmeV2 }]);

    expect(await diffVersions(store, 'un', v1.id, v2.id)).toEqual({
      source: 'un',
      from: v1.id,
      to: v2.id,
      added: ['un:4'],
      removed: ['un:3'],
      changed: [{ id: 'un:2', properties: ['country', 'notes'] }],
      counts: { added: 1, removed: 1, changed: 1, unchanged: 1 },
    });
    const back = await diffVersions(store, 'un', v2.id, v1.id);
    expect([back.added, back.removed]).toEqual([['un:3'], ['un:4']]);
    expect(await diffVersions(store, 'un', v2.id, v2.id)).toMatchObject({
      added: [],
      removed: [],
      changed: [],
      counts: { unchanged: 3 },
    });
  });

  it('refuses to diff a missing version or one of another list', async () => {
    const un = await store.saveVersion(newVersion('un', 'v1'), stream([johnV1]), info());
    const eu = await store.saveVersion(newVersion('eu', 'e1'), stream([johnV1]), info());
    await expect(diffVersions(store, 'un', un.id, un.id + 99)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(diffVersions(store, 'un', un.id, eu.id)).rejects.toMatchObject({
      constructor: ValidationError,
      field: 'to',
    });
  });

  it('leaves nothing of a failed import and keeps the previous version current', async () => {
    const v1 = await store.saveVersion(newVersion('un', 'v1'), stream([johnV1, acmeV1]), info());
    const before = await db.query<{ t: string; n: number }>(COUNT_ROWS);
    // Fails after two full batches have been written inside the transaction.
    const failing = stream([johnV2, acmeV2, gone, newcomer, e('Person', { name: 'X' }, 'un:9')], 4);
    await expect(store.saveVersion(newVersion('un', 'v2'), failing, info())).rejects.toThrow(
      /broken\.xml, line 120, field 'DATAID': missing id/,
    );
    expect(await db.query(COUNT_ROWS)).toEqual(before);
    expect(await store.currentVersion('un')).toEqual(v1);
    expect(await store.listVersions('un')).toEqual([v1]);
    // The same files can be imported once they are fixed.
    const v2 = await store.saveVersion(newVersion('un', 'v2'), stream([johnV2]), info());
    expect((await store.currentVersion('un'))?.id).toBe(v2.id);
  });

  it('rejects a duplicate entity id, naming it and where it was found', async () => {
    const duplicate = Entity.create({
      ...acmeV2,
      id: 'un:1',
      source: { file: 'un.xml', line: 42 },
    });
    const error = await store
      .saveVersion(newVersion('un', 'v1'), stream([johnV1, acmeV1, duplicate]), info())
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).message).toBe(
      "un.xml, line 42, field 'id': duplicate entity id 'un:1': the list holds two records with this id",
    );
    expect(await store.listVersions()).toEqual([]);
  });

  it('reports progress after each entity', async () => {
    const counts: number[] = [];
    await store.saveVersion(newVersion('un', 'v1'), stream([johnV1, acmeV1, gone]), info(), (n) =>
      counts.push(n),
    );
    expect(counts).toEqual([1, 2, 3]);
  });

  it('flips current safely when imports of one list run concurrently', async () => {
    const saves = Array.from({ length: 6 }, (_, index) =>
      store.saveVersion(
        newVersion('un', `c${index}`),
        stream([johnV1, acmeV1, gone, newcomer]),
        info(),
      ),
    );
    const versions = await Promise.all(saves);
    const all = await store.listVersions('un');
    expect(all).toHaveLength(6);
    expect(all.filter((version) => version.current)).toHaveLength(1);
    const current = await store.currentVersion('un');
    expect(versions.map((version) => version.id)).toContain(current?.id);
  });
});

const COUNT_ROWS = `SELECT 'list_versions' AS t, count(*)::int AS n FROM list_versions
  UNION ALL SELECT 'entity_records', count(*)::int FROM entity_records
  UNION ALL SELECT 'version_entities', count(*)::int FROM version_entities ORDER BY 1`;
