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
import { parseUnScXml } from './un-sc.js';

const NEWEST = sharedData('lists', 'un', '2026-02-27.xml');

async function parseAll(path: string): Promise<{ entities: Entity[]; info: ParseInfo }> {
  const info = newParseInfo();
  const entities: Entity[] = [];
  for await (const entity of parseUnScXml({ dataset: 'un', files: [path], info })) {
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

function setSha256(ids: Iterable<string>): string {
  const sorted = [...new Set(ids)].sort((a, b) => Number(a) - Number(b));
  return createHash('sha256').update(sorted.join('\n')).digest('hex');
}

/** Raw `<TAG>...</TAG>` record blocks, found by regex (an independent reading of the file). */
function rawRecords(xml: string, tag: 'INDIVIDUAL' | 'ENTITY'): string[] {
  return xml.match(new RegExp(`<${tag}>[\\s\\S]*?</${tag}>`, 'gu')) ?? [];
}

function rawIds(xml: string): string[] {
  return [...xml.matchAll(/<DATAID>(\d+)<\/DATAID>/gu)].map((match) => match[1] ?? '');
}

/** Non-empty ALIAS_NAME values of one alias element kind, counted in the raw text. */
function rawAliases(xml: string, tag: 'INDIVIDUAL_ALIAS' | 'ENTITY_ALIAS'): number {
  const blocks = xml.match(new RegExp(`<${tag}>[\\s\\S]*?</${tag}>`, 'gu')) ?? [];
  return blocks.filter((block) => /<ALIAS_NAME>\s*\S[\s\S]*?<\/ALIAS_NAME>/u.test(block)).length;
}

describe('parseUnScXml on the three real UN lists', () => {
  it.each([
    ['2026-02-27.xml', 730, 273, '2026-02-27T00:00:09.554Z'],
    ['2026-01-28.xml', 726, 273, '2026-01-28T00:00:11.197Z'],
    ['2025-11-29.xml', 727, 273, '2025-11-29T00:00:06.501Z'],
  ])('%s: %i individuals, %i entities, the raw DATAID set', async (name, people, orgs, date) => {
    const path = sharedData('lists', 'un', name);
    const raw = await readFile(path, 'utf8');
    const { entities, info } = await parseAll(path);
    expect(rawRecords(raw, 'INDIVIDUAL')).toHaveLength(people);
    expect(rawRecords(raw, 'ENTITY')).toHaveLength(orgs);
    expect(entities.filter((e) => e.schema === 'Person')).toHaveLength(people);
    expect(entities.filter((e) => e.schema === 'Organization')).toHaveLength(orgs);
    const ids = entities.map((e) => e.id.replace(/^un:/u, ''));
    expect(new Set(ids).size).toBe(people + orgs);
    expect(setSha256(ids)).toBe(setSha256(rawIds(raw)));
    expect(info.publishedAt).toBe(date);
    expect(info.warnings).toEqual([]);
  });

  it('sees the README diffs between versions (by DATAID)', async () => {
    const ids = async (name: string) =>
      new Set((await parseAll(sharedData('lists', 'un', name))).entities.map((e) => e.id));
    const [nov, jan, feb] = await Promise.all([
      ids('2025-11-29.xml'),
      ids('2026-01-28.xml'),
      ids('2026-02-27.xml'),
    ]);
    expect([...nov].filter((id) => !jan.has(id))).toEqual(['un:6908121']);
    expect([...jan].filter((id) => !nov.has(id))).toEqual([]);
    expect([...feb].filter((id) => !jan.has(id)).sort()).toEqual([
      'un:6909526',
      'un:6909527',
      'un:6909528',
      'un:6909529',
    ]);
  });
});

describe('parseUnScXml on 2026-02-27: the content of the records', () => {
  let raw: string;
  let entities: Entity[];
  let byId: Map<string, Entity>;

  beforeAll(async () => {
    raw = await readFile(NEWEST, 'utf8');
    ({ entities } = await parseAll(NEWEST));
    byId = new Map(entities.map((e) => [e.id, e]));
  });

  it('keeps every non-empty alias, by quality (README: 2,139 / 613)', () => {
    const aliasNames = (schema: string) =>
      entities
        .filter((e) => e.schema === schema)
        .flatMap((e) => e.names)
        .filter((n) => n.kind !== 'primary' && n.note !== 'original script');
    expect(rawAliases(raw, 'INDIVIDUAL_ALIAS')).toBe(2139);
    expect(rawAliases(raw, 'ENTITY_ALIAS')).toBe(613);
    expect(aliasNames('Person')).toHaveLength(2139);
    expect(aliasNames('Organization')).toHaveLength(613);
    const lows = raw.match(/<QUALITY>Low<\/QUALITY>/gu)?.length;
    expect(entities.flatMap((e) => e.names).filter((n) => n.kind === 'weak')).toHaveLength(
      lows ?? -1,
    );
    const fkas = raw.match(/<QUALITY>f\.k\.a\.<\/QUALITY>/gu)?.length;
    expect(entities.flatMap((e) => e.names).filter((n) => n.kind === 'previous')).toHaveLength(
      fkas ?? -1,
    );
  });

  it('reads each kind of birth date, with ranges for BETWEEN', () => {
    const betweens = raw.match(/<TYPE_OF_DATE>BETWEEN<\/TYPE_OF_DATE>/gu)?.length ?? 0;
    const ranges = entities.reduce((n, e) => n + Entity.values(e, 'birthDateRange').length, 0);
    expect(ranges).toBe(betweens);
    for (const entity of entities) {
      for (const date of Entity.values(entity, 'birthDate')) {
        expect(date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/u);
      }
      for (const date of Entity.values(entity, 'listingDate')) {
        expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
      }
    }
  });

  it('maps a full individual record', () => {
    const person = byId.get('un:6908406');
    expect(person?.schema).toBe('Person');
    expect(person?.caption).toBe('RAHMATULLAH SHAH NAWAZ');
    expect(person?.properties).toMatchObject({
      name: ['RAHMATULLAH SHAH NAWAZ'],
      alias: ['Qari Rahmat', 'Kari Rahmat', 'رحمت الله شاه نواز'],
      title: ['Alhaj'],
      nationality: ['AF'],
      birthDate: ['1981', '1982'],
      birthCountry: ['AF'],
      program: ['Taliban'],
      reference: ['TAi.172'],
      listingDate: ['2014-08-21'],
    });
    expect(person?.names.find((n) => n.script === 'Arab')).toMatchObject({
      full: 'رحمت الله شاه نواز',
      kind: 'alias',
    });
    expect(person?.source).toMatchObject({
      file: '2026-02-27.xml',
      element: 'INDIVIDUAL[DATAID=6908406]',
    });
    const line = person?.source.line ?? 0;
    expect(raw.split('\n')[line - 1]).toContain('<INDIVIDUAL>');
    expect(raw.split('\n')[line]).toContain('<DATAID>6908406</DATAID>');
  });

  it('keeps documents with their type, number, country and note', () => {
    const docs = raw.match(/<NUMBER>[^<]+<\/NUMBER>/gu)?.length ?? 0;
    expect(entities.reduce((n, e) => n + e.documents.length, 0)).toBe(docs);
    const chad = entities.flatMap((e) => e.documents).find((d) => d.number === '103-00653129-22');
    expect(chad).toEqual({
      type: 'National Identification Number',
      number: '103-00653129-22',
      country: 'TD',
      note: 'national identity card no.; issued 2009-04-21; expires on 21 April 2019',
    });
  });
});

describe('parseUnScXml on gzip and on broken copies', () => {
  let dir: string;
  let raw: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sargas-un-'));
    raw = await readFile(NEWEST, 'utf8');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a gzip copy to identical entities', async () => {
    const gz = join(dir, '2026-02-27.xml.gz');
    await writeFile(gz, gzipSync(raw));
    const plain = await parseAll(NEWEST);
    const zipped = await parseAll(gz);
    expect(zipped.entities.map((e) => Entity.contentHash(e))).toEqual(
      plain.entities.map((e) => Entity.contentHash(e)),
    );
    expect(zipped.entities.map((e) => e.source.line)).toEqual(
      plain.entities.map((e) => e.source.line),
    );
    expect(zipped.info.publishedAt).toBe(plain.info.publishedAt);
  });

  it('reads a character split between two decoding slices to identical entities', async () => {
    // The driver decodes 64 KiB of bytes at a time. Pad the real file with a comment (no line
    // breaks, so lines stay put) until the first original-script name straddles that boundary.
    const SLICE = 1 << 16;
    const tag = '<NAME_ORIGINAL_SCRIPT>';
    const at = raw.indexOf(tag) + tag.length;
    const firstChar = String.fromCodePoint(raw.codePointAt(at) ?? 0);
    expect(Buffer.byteLength(firstChar)).toBeGreaterThan(1);
    const insertAt = raw.indexOf('<INDIVIDUALS>');
    const shifted = Buffer.byteLength(raw.slice(0, at)) + '<!---->'.length;
    const boundary = Math.ceil((shifted + 1) / SLICE) * SLICE;
    const padded = `${raw.slice(0, insertAt)}<!--${'x'.repeat(boundary - 1 - shifted)}-->${raw.slice(insertAt)}`;
    const split = Buffer.from(padded);
    // The character's first byte ends one slice; the rest begins the next.
    const charBytes = Buffer.byteLength(firstChar);
    expect(split.subarray(boundary - 1, boundary - 1 + charBytes).toString()).toBe(firstChar);
    const path = join(dir, 'split.xml');
    await writeFile(path, split);
    const plain = await parseAll(NEWEST);
    const parsed = await parseAll(path);
    expect(parsed.entities.map((e) => Entity.contentHash(e))).toEqual(
      plain.entities.map((e) => Entity.contentHash(e)),
    );
    expect(parsed.entities.map((e) => e.source.line)).toEqual(
      plain.entities.map((e) => e.source.line),
    );
  });

  it('fails on a file truncated mid-record, naming file, line and element', async () => {
    const cut = raw.indexOf('<INDIVIDUAL_ALIAS>', raw.indexOf('<DATAID>6908406</DATAID>')) + 10;
    const path = join(dir, 'truncated.xml');
    await writeFile(path, raw.slice(0, cut));
    const error = await parseError(path);
    expect(error.location.file).toBe('truncated.xml');
    expect(error.location.line).toBe(raw.slice(0, cut).split('\n').length);
    expect(error.location.element).toBe('INDIVIDUAL[DATAID=6908406]');
    expect(error.message).toMatch(
      /^truncated\.xml, line \d+, element <INDIVIDUAL\[DATAID=6908406\]>/u,
    );
  });

  it('fails on a record without DATAID, naming the record line and the field', async () => {
    const tag = '<DATAID>6908406</DATAID>';
    const at = raw.indexOf(tag);
    const path = join(dir, 'no-dataid.xml');
    await writeFile(path, raw.slice(0, at) + raw.slice(at + tag.length));
    const error = await parseError(path);
    const recordLine = raw.slice(0, raw.lastIndexOf('<INDIVIDUAL>', at)).split('\n').length;
    expect(error.location).toEqual({
      file: 'no-dataid.xml',
      line: recordLine,
      element: 'INDIVIDUAL',
      field: 'DATAID',
    });
  });

  it('fails on invalid XML (an undefined entity) with line and element', async () => {
    const at = raw.indexOf('FRANK KAKORERE');
    const path = join(dir, 'invalid.xml');
    await writeFile(path, `${raw.slice(0, at)}&bogus;${raw.slice(at)}`);
    const error = await parseError(path);
    expect(error.location.line).toBe(raw.slice(0, at).split('\n').length);
    expect(error.location.element).toBe('INDIVIDUAL[DATAID=6907994]/INDIVIDUAL_ALIAS');
    expect(error.message).toContain('invalid XML');
  });

  it('refuses a file that is not a UN list', async () => {
    const error = await parseError(sharedData('lists', 'eu', 'eu-fsf-2026-01-28.xml'));
    expect(error.location.element).toBe('export');
  });
});
