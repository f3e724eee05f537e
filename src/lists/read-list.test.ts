import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../test/support/shared-data.js';
import type { Entity } from '../model/entity.js';
import { ValidationError } from '../shared/errors.js';
import { readList } from './read-list.js';

async function collect(entities: AsyncIterable<Entity>): Promise<Entity[]> {
  const out: Entity[] = [];
  for await (const entity of entities) out.push(entity);
  return out;
}

describe('readList resolves files and dispatches by format', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sargas-read-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the EU list, detecting its format, with the publication date', async () => {
    const path = sharedData('lists', 'eu', 'eu-fsf-2026-01-28.xml');
    const list = await readList({ dataset: 'eu', path });
    expect(list.format).toBe('eu-fsf-xml');
    expect(list.files).toEqual([path]);
    expect(list.info.publishedAt).toBeNull();
    const entities = await collect(list.entities);
    expect(entities).toHaveLength(5795);
    expect(entities[0]?.datasets).toEqual(['eu']);
    expect(list.info.publishedAt).toBe('2026-01-28T06:31:48.762+00:00');
  });

  it('resolves the OFAC SDN triple from its folder or its sdn.csv, in a fixed order', async () => {
    const folder = sharedData('lists', 'ofac', 'sdn', '2021-07-07');
    const expected = ['sdn.csv', 'add.csv', 'alt.csv', 'sdn_comments.csv'].map((f) =>
      join(folder, f),
    );
    const byFolder = await readList({ dataset: 'ofac', path: folder });
    expect(byFolder.format).toBe('ofac-sdn-csv');
    expect(byFolder.files).toEqual(expected);
    const byFile = await readList({ dataset: 'ofac', path: join(folder, 'sdn.csv') });
    expect(byFile.files).toEqual(expected);
    // sdn.csv alone (no companions exist for that date).
    const alone = sharedData('lists', 'ofac', 'sdn', '2024-05-03', 'sdn.csv');
    expect((await readList({ dataset: 'ofac', path: alone })).files).toEqual([alone]);
  });

  it('resolves the consolidated cons_* set and parses it', async () => {
    const folder = sharedData('lists', 'ofac', 'consolidated', '2025-12-18');
    const list = await readList({ dataset: 'ofac-cons', path: join(folder, 'cons_prim.csv') });
    expect(list.format).toBe('ofac-cons-csv');
    expect(list.files.map((f) => basename(f))).toEqual([
      'cons_prim.csv',
      'cons_add.csv',
      'cons_alt.csv',
      'cons_comments.csv',
    ]);
    const raw = await readFile(join(folder, 'cons_prim.csv'), 'latin1');
    const rows = raw.split('\r\n').filter((line) => /^\d+,/u.test(line)).length;
    expect(await collect(list.entities)).toHaveLength(rows);
  });

  it('finds gzipped companions beside a gzipped main file', async () => {
    const source = sharedData('lists', 'ofac', 'sdn', '2023-12-28');
    const folder = join(dir, 'sdn-gz');
    await mkdir(folder);
    for (const name of ['sdn.csv', 'add.csv', 'alt.csv']) {
      await writeFile(join(folder, `${name}.gz`), gzipSync(await readFile(join(source, name))));
    }
    const list = await readList({ dataset: 'ofac', path: folder });
    expect(list.files.map((f) => basename(f))).toEqual(['sdn.csv.gz', 'add.csv.gz', 'alt.csv.gz']);
  });

  it('dispatches UN, UK, OFAC XML and FtM files to their parsers', async () => {
    const cases = [
      [sharedData('lists', 'un', '2026-02-27.xml'), 'un-sc-xml', 1003],
      [
        sharedData('lists', 'ofac', 'consolidated', '2026-01-08', 'consolidated.xml'),
        'ofac-xml',
        442,
      ],
      [sharedData('lists', 'uk', 'ConList-2025-04-14.csv'), 'uk-ofsi-csv', 4688],
      [
        sharedData('lists', 'opensanctions', 'yente_fixtures', 'zala', 'entities.ftm.json'),
        'ftm-jsonl',
        17,
      ],
    ] as const;
    for (const [path, format, count] of cases) {
      const list = await readList({ dataset: 'x', path });
      expect(list.format).toBe(format);
      expect(await collect(list.entities)).toHaveLength(count);
    }
  });

  it('refuses a folder for a one-file format and a missing path', async () => {
    await expect(
      readList({ dataset: 'eu', path: sharedData('lists', 'eu'), format: 'eu-fsf-xml' }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(readList({ dataset: 'eu', path: join(dir, 'nope.xml') })).rejects.toThrow(
      /not found/u,
    );
  });
});
