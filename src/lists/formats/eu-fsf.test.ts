import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/support/shared-data.js';
import { Entity } from '../../model/entity.js';
import { ParseError } from '../../shared/errors.js';
import { newParseInfo, type ParseInfo } from '../types.js';
import { parseEuFsfXml } from './eu-fsf.js';

const FULL = sharedData('lists', 'eu', 'eu-fsf-2026-01-28.xml');
const SAMPLE = sharedData('lists', 'eu', 'samples', 'eu-fsf-sample-2026-08-05.xml');

async function parseAll(path: string): Promise<{ entities: Entity[]; info: ParseInfo }> {
  const info = newParseInfo();
  const entities: Entity[] = [];
  for await (const entity of parseEuFsfXml({ dataset: 'eu', files: [path], info })) {
    entities.push(entity);
  }
  return { entities, info };
}

async function parseError(path: string): Promise<ParseError> {
  try {
    await parseAll(path);
  } catch (error) {
    expect(error).toBeInstanceOf(ParseError);
    return error as ParseError;
  }
  throw new Error(`expected ${path} to fail`);
}

/** SHA-256 of the distinct ids sorted numerically, joined by \n (the shared README's set hash). */
function setSha256(ids: Iterable<string>): string {
  const sorted = [...new Set(ids)].sort((a, b) => Number(a) - Number(b));
  return createHash('sha256').update(sorted.join('\n')).digest('hex');
}

/** The raw text of each `<sanctionEntity ...>...</sanctionEntity>` block, found by regex. */
function rawBlocks(xml: string): string[] {
  return xml.match(/<sanctionEntity [\s\S]*?<\/sanctionEntity>/gu) ?? [];
}

describe('parseEuFsfXml on the full 2026-01-28 list', () => {
  let raw: string;
  let entities: Entity[];
  let info: ParseInfo;

  beforeAll(async () => {
    raw = await readFile(FULL, 'utf8');
    ({ entities, info } = await parseAll(FULL));
  });

  it('reads every sanctionEntity, by subject type, with the same id set as the raw file', () => {
    const blocks = rawBlocks(raw);
    // The README's figures, and the same figures counted in the raw text.
    expect(entities).toHaveLength(5795);
    expect(blocks).toHaveLength(entities.length);
    const persons = raw.match(/<subjectType code="person"/gu)?.length;
    const enterprises = raw.match(/<subjectType code="enterprise"/gu)?.length;
    expect(persons).toBe(4302);
    expect(enterprises).toBe(1493);
    expect(entities.filter((e) => e.schema === 'Person')).toHaveLength(persons ?? -1);
    expect(entities.filter((e) => e.schema === 'Organization')).toHaveLength(enterprises ?? -1);

    const rawIds = blocks.map((block) => /logicalId="(\d+)"/u.exec(block)?.[1] ?? '');
    const parsedIds = entities.map((e) => e.id.replace(/^eu:/u, ''));
    expect(new Set(parsedIds).size).toBe(parsedIds.length);
    expect(setSha256(parsedIds)).toBe(setSha256(rawIds));
  });

  it('keeps every nameAlias, birthdate and identification', () => {
    const aliases = raw.match(/<nameAlias /gu)?.length ?? 0;
    expect(aliases).toBe(29581);
    expect(entities.reduce((sum, e) => sum + e.names.length, 0)).toBe(aliases);

    const identifications = raw.match(/<identification /gu)?.length ?? 0;
    expect(identifications).toBe(2416);
    expect(entities.reduce((sum, e) => sum + e.documents.length, 0)).toBe(identifications);

    // Birth dates are distinct per entity in `properties`, so compare per entity.
    let rawDates = 0;
    for (const block of rawBlocks(raw)) {
      rawDates += new Set(block.match(/ birthdate="[^"]+"/gu) ?? []).size;
    }
    expect(raw.match(/<birthdate /gu)?.length).toBe(3436);
    const parsedDates = entities.reduce((sum, e) => sum + Entity.values(e, 'birthDate').length, 0);
    expect(parsedDates).toBe(rawDates);
  });

  it('names the first alias primary, detects scripts, and records the source', () => {
    const lukashenko = entities.find((e) => e.id === 'eu:126365');
    expect(lukashenko?.names[0]).toEqual({
      full: 'Аляксандр Рыгоравіч ЛУКАШЭНКА',
      kind: 'primary',
      script: 'Cyrl',
    });
    expect(lukashenko?.caption).toBe('Аляксандр Рыгоравіч ЛУКАШЭНКА');
    expect(lukashenko?.properties.birthDate).toEqual(['1954-08-30']);
    const first = entities[0];
    expect(first?.source).toEqual({
      file: 'eu-fsf-2026-01-28.xml',
      element: 'sanctionEntity[logicalId=13]',
      line: 14,
    });
    expect(info.publishedAt).toBe('2026-01-28T06:31:48.762+00:00');
    expect(info.warnings).toEqual([]);
    expect(info.bytesRead).toBe(Buffer.byteLength(raw));
  });
});

describe('parseEuFsfXml on the verbatim EU sample', () => {
  let entities: Entity[];
  let info: ParseInfo;

  beforeAll(async () => {
    ({ entities, info } = await parseAll(SAMPLE));
  });

  it('keeps the fields the real export has', () => {
    expect(entities.map((e) => e.id)).toEqual(['eu:13', 'eu:191', 'eu:980', 'eu:330', 'eu:999999']);
    const saddam = entities[0];
    expect(saddam?.schema).toBe('Person');
    expect(saddam?.properties).toMatchObject({
      name: ['Saddam Hussein Al-Tikriti'],
      alias: ['Abu Ali', 'Abou Ali'],
      firstName: ['Saddam'],
      lastName: ['Hussein Al-Tikriti'],
      gender: ['male'],
      citizenship: ['IQ'],
      birthDate: ['1937-04-28'],
      birthPlace: ['al-Awja, near Tikrit, IRAQ'],
      birthCountry: ['IQ'],
      program: ['IRQ'],
      reference: ['EU.27.28'],
      notes: ['UNSC RESOLUTION 1483'],
      listingDate: ['2003-07-08'],
      sourceUrl: [
        'http://eur-lex.europa.eu/LexUriServ/LexUriServ.do?uri=OJ:L:2003:169:0006:0023:EN:PDF',
      ],
    });
    expect(saddam?.names[2]).toEqual({
      full: 'Abou Ali',
      kind: 'alias',
      lang: 'fr',
      script: 'Latn',
    });

    const mohammed = entities[1];
    expect(mohammed?.documents).toEqual([
      { type: 'passport', number: '488555', note: 'National passport' },
    ]);
    expect(mohammed?.properties.passportNumber).toEqual(['488555']);
    expect(mohammed?.properties.birthDate).toEqual(['1965-04-14', '1964-03-01']);

    const trust = entities[3];
    expect(trust?.schema).toBe('Organization');
    // designationDate wins over the regulation dates.
    expect(trust?.properties.listingDate).toEqual(['2001-10-06']);
    expect(trust?.properties.address).toHaveLength(11);
    expect(trust?.properties.phone).toContain('662 38 14');
    expect(trust?.properties.notes?.[0]).toMatch(/^Banned in Pakistan since October 2001/u);
    const bulgarian = trust?.names.find((n) => n.lang === 'bg');
    expect(bulgarian).toMatchObject({ kind: 'alias', script: 'Cyrl' });
  });

  it('keeps an entity with no nameAlias, captioned by its id, and warns naming the element', () => {
    const nameless = entities[4];
    expect(nameless?.names).toEqual([]);
    expect(nameless?.caption).toBe('eu:999999');
    expect(nameless?.properties.reference).toEqual(['EU.0.0']);
    expect(info.warnings).toHaveLength(1);
    expect(info.warnings[0]).toContain('sanctionEntity[logicalId=999999]');
    expect(info.warnings[0]).toContain('no nameAlias');
    expect(info.publishedAt).toBe('2026-08-05T16:47:04.449+02:00');
  });
});

describe('parseEuFsfXml on gzip and on broken copies', () => {
  let dir: string;
  let raw: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sargas-eu-'));
    raw = await readFile(FULL, 'utf8');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a gzip copy to identical entities', async () => {
    const gz = join(dir, 'eu-fsf-2026-01-28.xml.gz');
    await writeFile(gz, gzipSync(raw));
    const plain = await parseAll(FULL);
    const zipped = await parseAll(gz);
    expect(zipped.entities).toHaveLength(plain.entities.length);
    for (let i = 0; i < plain.entities.length; i++) {
      const a = plain.entities[i]!;
      const b = zipped.entities[i]!;
      expect(Entity.contentHash(b)).toBe(Entity.contentHash(a));
      expect({ ...b.source, file: '' }).toEqual({ ...a.source, file: '' });
    }
    expect(zipped.info.publishedAt).toBe(plain.info.publishedAt);
    expect(zipped.info.bytesRead).toBeLessThan(plain.info.bytesRead);
  });

  it('fails on a file truncated mid-element, naming file, line and element', async () => {
    const cut = raw.indexOf('<nameAlias', raw.indexOf('logicalId="126365"')) + 40;
    const path = join(dir, 'truncated.xml');
    await writeFile(path, raw.slice(0, cut));
    const error = await parseError(path);
    const line = raw.slice(0, cut).split('\n').length;
    expect(error.location.file).toBe('truncated.xml');
    expect(error.location.line).toBe(line);
    // Cut inside the tag: saxes never opened it, so the entity is the innermost open element.
    expect(error.location.element).toBe('sanctionEntity[logicalId=126365]');
    expect(error.message).toMatch(
      /^truncated\.xml, line \d+, element <sanctionEntity\[logicalId=126365\]/u,
    );
  });

  it('fails on a sanctionEntity without logicalId, naming the line and the field', async () => {
    const at = raw.indexOf('logicalId="126365"');
    const path = join(dir, 'no-id.xml');
    await writeFile(path, raw.slice(0, at) + raw.slice(at + 'logicalId="126365"'.length));
    const error = await parseError(path);
    expect(error.location).toEqual({
      file: 'no-id.xml',
      line: raw.slice(0, at).split('\n').length,
      element: 'sanctionEntity',
      field: 'logicalId',
    });
    expect(error.message).toContain("field 'logicalId'");
  });

  it('fails on invalid XML (a mismatched close tag) with the line', async () => {
    const at = raw.indexOf('</sanctionEntity>', raw.indexOf('logicalId="20"'));
    const path = join(dir, 'invalid.xml');
    await writeFile(path, `${raw.slice(0, at)}</sanctionEntiti>${raw.slice(at + 17)}`);
    const error = await parseError(path);
    expect(error.location.line).toBe(raw.slice(0, at).split('\n').length);
    expect(error.location.element).toContain('sanctionEntity[logicalId=20]');
    expect(error.message).toContain('invalid XML');
  });

  it('refuses a file that is not an EU export', async () => {
    const error = await parseError(sharedData('lists', 'un', '2026-02-27.xml'));
    expect(error.location.element).toBe('CONSOLIDATED_LIST');
    expect(error.message).toContain('not an EU FSF export');
  });
});
