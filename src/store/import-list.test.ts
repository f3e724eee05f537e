import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sharedData } from '../../test/support/shared-data.js';
import { diffVersions } from '../lists/diff-versions.js';
import { importList } from '../lists/import-list.js';
import { fixedClock } from '../shared/clock.js';
import { ParseError, ValidationError } from '../shared/errors.js';
import { sha256Hex } from '../shared/sha256.js';
import type { DbHandle } from './db.js';
import { ListRepository } from './list-repository.js';
import { DIALECTS, openTestDb, resetListTables } from './testing.js';

const unFile = (date: string): string => sharedData('lists', 'un', `${date}.xml`);

/** An independent count: the DATAIDs in the raw XML, read with a regular expression. */
async function rawDataIds(path: string): Promise<Set<string>> {
  const xml = await readFile(path, 'utf8');
  return new Set([...xml.matchAll(/<DATAID>\s*(\d+)\s*<\/DATAID>/g)].map((m) => `un:${m[1]}`));
}

function minus(a: Set<string>, b: Set<string>): string[] {
  return [...a].filter((id) => !b.has(id)).sort();
}

describe.each(DIALECTS)('importList with real UN lists on %s', (dialect) => {
  let db: DbHandle;
  let store: ListRepository;
  let scratch: string;
  const clock = fixedClock('2026-03-01T12:00:00Z');

  beforeAll(async () => {
    db = await openTestDb(dialect);
    scratch = await mkdtemp(join(tmpdir(), 'sargas-import-'));
  });
  afterAll(async () => {
    await db?.close();
    await rm(scratch, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await resetListTables(db);
    store = new ListRepository(db);
  });

  it('imports three publications as versions and diffs them exactly', async () => {
    const deps = { store, clock };
    const dates = ['2025-11-29', '2026-01-28', '2026-02-27'];
    const versions = [];
    for (const date of dates) {
      const result = await importList(deps, { dataset: 'un', path: unFile(date) });
      expect(result.status).toBe('imported');
      expect(result.version.entityCount).toBe((await rawDataIds(unFile(date))).size);
      expect(result.version.sha256).toBe(sha256Hex(await readFile(unFile(date))));
      expect(result.version.format).toBe('un-sc-xml');
      versions.push(result.version);
    }
    const [nov, jan, feb] = versions.map((version) => version.id) as [number, number, number];
    expect((await store.currentVersion('un'))?.id).toBe(feb);

    const [novIds, janIds, febIds] = await Promise.all(
      dates.map((date) => rawDataIds(unFile(date))),
    );
    const janToFeb = await diffVersions(store, 'un', jan, feb);
    expect(janToFeb.added).toEqual(['un:6909526', 'un:6909527', 'un:6909528', 'un:6909529']);
    expect(janToFeb.added).toEqual(minus(febIds!, janIds!));
    expect(janToFeb.removed).toEqual([]);
    expect(janToFeb.changed).toEqual([]);

    const novToJan = await diffVersions(store, 'un', nov, jan);
    expect(novToJan.removed).toEqual(['un:6908121']);
    expect(novToJan.removed).toEqual(minus(novIds!, janIds!));
    expect(novToJan.added).toEqual([]);
    expect(novToJan.changed).toEqual([]);
  });

  it('does not make a new version of an identical file', async () => {
    const deps = { store, clock };
    const first = await importList(deps, { dataset: 'un', path: unFile('2026-01-28') });
    const again = await importList(deps, { dataset: 'un', path: unFile('2026-01-28') });
    expect(again).toEqual({ status: 'unchanged', version: first.version });
    expect(await store.listVersions('un')).toHaveLength(1);
  });

  it('keeps the previous version current when a truncated copy fails to parse', async () => {
    const deps = { store, clock };
    const good = await importList(deps, { dataset: 'un', path: unFile('2026-01-28') });
    const bytes = await readFile(unFile('2026-02-27'));
    const truncated = join(scratch, 'un-truncated.xml');
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expect(importList(deps, { dataset: 'un', path: truncated })).rejects.toBeInstanceOf(
      ParseError,
    );
    expect(await store.listVersions('un')).toEqual([good.version]);
    expect(await store.currentVersion('un')).toEqual(good.version);
  });

  it('reports progress and rejects an invalid list name before reading anything', async () => {
    const seen: number[] = [];
    await importList(
      { store, clock },
      { dataset: 'un', path: unFile('2026-02-27') },
      (progress) => {
        seen.push(progress.entities);
        expect(progress.totalBytes).toBeGreaterThan(0);
      },
    );
    expect(seen.at(-1)).toBe(1003);
    for (const dataset of ['UN', '', 'un list', '../un']) {
      await expect(
        importList({ store, clock }, { dataset, path: unFile('2026-02-27') }),
      ).rejects.toMatchObject({ constructor: ValidationError, field: 'dataset' });
    }
  });
});
