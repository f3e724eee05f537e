import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/support/shared-data.js';
import { Entity } from '../../model/entity.js';
import { ParseError } from '../../shared/errors.js';
import { newParseInfo, type ParseInfo } from '../types.js';
import { parseFtmJsonl } from './ftm-jsonl.js';

async function parseAll(path: string): Promise<{ entities: Entity[]; info: ParseInfo }> {
  const info = newParseInfo();
  const entities: Entity[] = [];
  for await (const entity of parseFtmJsonl({ dataset: 'os', files: [path], info })) {
    entities.push(entity);
  }
  return { entities, info };
}

/** Schema counts by a regex over the raw lines, independent of the parser. */
function rawSchemaCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const schema = /"schema":\s*"([A-Za-z]+)"/u.exec(line)?.[1];
    if (schema !== undefined) counts.set(schema, (counts.get(schema) ?? 0) + 1);
  }
  return counts;
}

const KEPT: Readonly<Record<string, string>> = {
  Person: 'Person',
  Organization: 'Organization',
  Company: 'Organization',
  PublicBody: 'Organization',
  LegalEntity: 'LegalEntity',
  Vessel: 'Vessel',
  Airplane: 'Aircraft',
};

describe('parseFtmJsonl on the yente fixtures', () => {
  it.each([
    ['t1', 6, 1],
    ['zala', 17, 74],
    ['parteispenden', 96, 379],
  ])(
    '%s: keeps the modelled schemata (%i), counts the rest (%i) in one warning',
    async (name, kept, skipped) => {
      const path = sharedData(
        'lists',
        'opensanctions',
        'yente_fixtures',
        name,
        'entities.ftm.json',
      );
      const raw = await readFile(path, 'utf8');
      const { entities, info } = await parseAll(path);
      const expected = new Map<string, number>();
      let rawSkipped = 0;
      for (const [schema, count] of rawSchemaCounts(raw)) {
        const ours = KEPT[schema];
        if (ours === undefined) rawSkipped += count;
        else expected.set(ours, (expected.get(ours) ?? 0) + count);
      }
      const got = new Map<string, number>();
      for (const entity of entities) got.set(entity.schema, (got.get(entity.schema) ?? 0) + 1);
      expect(got).toEqual(expected);
      expect(entities).toHaveLength(kept);
      expect(rawSkipped).toBe(skipped);
      expect(info.warnings).toHaveLength(1);
      expect(info.warnings[0]).toContain(`skipped ${skipped} entities`);
      for (const entity of entities) {
        expect(entity.id).toMatch(/^os:/u);
        expect(entity.source.file).toBe('entities.ftm.json');
        expect(raw.split('\n')[(entity.source.line ?? 0) - 1]).toContain(entity.id.slice(3));
      }
    },
  );

  it('maps properties, names with their scripts, and upper-cases country codes', async () => {
    const path = sharedData('lists', 'opensanctions', 'yente_fixtures', 't1', 'entities.ftm.json');
    const { entities } = await parseAll(path);
    const tobacco = entities.find((e) => e.id === 'os:NK-2GdmHtZTeNXjNVrBGEXZNj');
    expect(tobacco?.schema).toBe('Organization');
    expect(tobacco?.caption).toBe('RAB „Inter Tobacco“');
    expect(tobacco?.properties.country).toEqual(['BY']);
    expect(tobacco?.properties.registrationNumber).toEqual(['808000714']);
    expect(tobacco?.properties.name).toHaveLength(12);
    const scripts = new Set(tobacco?.names.map((n) => n.script));
    expect(scripts).toEqual(new Set(['Latn', 'Grek', 'Cyrl']));
    // Unmodelled properties (topics, addressEntity, createdAt) are ignored.
    expect(Object.keys(tobacco?.properties ?? {})).not.toContain('topics');
  });
});

describe('parseFtmJsonl on gzip and broken copies', () => {
  let dir: string;
  let raw: string;
  const path = () =>
    sharedData('lists', 'opensanctions', 'yente_fixtures', 'zala', 'entities.ftm.json');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sargas-ftm-'));
    raw = await readFile(path(), 'utf8');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a gzip copy to identical entities', async () => {
    const gz = join(dir, 'entities.ftm.json.gz');
    await writeFile(gz, gzipSync(raw));
    const plain = await parseAll(path());
    const zipped = await parseAll(gz);
    expect(zipped.entities.map((e) => Entity.contentHash(e))).toEqual(
      plain.entities.map((e) => Entity.contentHash(e)),
    );
    expect(zipped.info.warnings.map((w) => w.replace('.json.gz', '.json'))).toEqual(
      plain.info.warnings,
    );
  });

  async function failure(name: string, text: string): Promise<ParseError> {
    const file = join(dir, name);
    await writeFile(file, text);
    try {
      await parseAll(file);
    } catch (error) {
      expect(error).toBeInstanceOf(ParseError);
      return error as ParseError;
    }
    throw new Error('expected a ParseError');
  }

  it('names the line of invalid JSON (a truncated copy)', async () => {
    const lines = raw.split('\n');
    const text = `${lines.slice(0, 40).join('\n')}\n${lines[40]?.slice(0, 50)}`;
    const error = await failure('truncated.json', text);
    expect(error.location).toEqual({ file: 'truncated.json', line: 41 });
    expect(error.message).toMatch(/^truncated\.json, line 41: invalid JSON/u);
  });

  it('names the line and the field of an entity without id', async () => {
    const lines = raw.split('\n');
    lines[9] = (lines[9] ?? '').replace(/"id":\s*"[^"]*",?/u, '');
    const error = await failure('no-id.json', lines.join('\n'));
    expect(error.location).toEqual({ file: 'no-id.json', line: 10, field: 'id' });
  });
});
