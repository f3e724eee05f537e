import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/support/shared-data.js';
import type { Entity } from '../../model/entity.js';
import { ParseError } from '../../shared/errors.js';
import { type ListParser, newParseInfo, type ParseInfo } from '../types.js';
import { parseOfacConsCsv, parseOfacDob, parseOfacSdnCsv } from './ofac-csv.js';

const SDN = (date: string, file: string) => sharedData('lists', 'ofac', 'sdn', date, file);
const CONS = (file: string) => sharedData('lists', 'ofac', 'consolidated', '2025-12-18', file);

async function collect(
  parser: ListParser,
  files: string[],
): Promise<{ entities: Entity[]; info: ParseInfo }> {
  const info = newParseInfo();
  const entities: Entity[] = [];
  for await (const entity of parser({ dataset: 'ofac', files, info })) entities.push(entity);
  return { entities, info };
}

/** README's `*_set_sha256`: distinct ids sorted numerically, joined with `\n`. */
function setSha256(ids: Iterable<number>): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  return createHash('sha256').update(sorted.join('\n')).digest('hex');
}

/**
 * The independent count: the raw file split on CRLF, the 0x1A line dropped, ent_num = the text
 * before the first comma, SDN_Type = the field after the quoted name (matched by a regex, not
 * by csv-parse).
 */
function rawMainFile(path: string): { ents: number[]; types: Record<string, number> } {
  const lines = readFileSync(path, 'latin1')
    .split('\r\n')
    .filter((line) => line !== '' && line !== '\u001a');
  const types: Record<string, number> = {};
  const ents = lines.map((line) => {
    const type = /^\d+,"(?:[^"]|"")*",("[a-z]+"|-0- ),/u.exec(line)?.[1] ?? '?';
    types[type] = (types[type] ?? 0) + 1;
    return Number(line.slice(0, line.indexOf(',')));
  });
  return { ents, types };
}

function idNumbers(entities: readonly Entity[]): number[] {
  return entities.map((entity) => Number(entity.id.replace(/^ofac:/u, '')));
}

function bySchema(entities: readonly Entity[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const entity of entities) out[entity.schema] = (out[entity.schema] ?? 0) + 1;
  return out;
}

const tmp = () => mkdtempSync(join(tmpdir(), 'sargas-ofac-csv-'));

describe('parseOfacSdnCsv on the real SDN files', () => {
  it.each([
    ['2024-05-03', ['sdn.csv'], 14_965],
    ['2023-12-28', ['sdn.csv', 'add.csv', 'alt.csv'], 13_821],
    ['2021-07-07', ['sdn.csv', 'add.csv', 'alt.csv', 'sdn_comments.csv'], 8_976],
  ])(
    '%s: the id set and schemata match an independent read of the raw file',
    async (date, names, readmeCount) => {
      const files = names.map((name) => SDN(date, name));
      const { entities, info } = await collect(parseOfacSdnCsv, files);
      const raw = rawMainFile(files[0] as string);

      expect(raw.ents.length).toBe(readmeCount);
      expect(entities.length).toBe(raw.ents.length);
      expect(setSha256(idNumbers(entities))).toBe(setSha256(raw.ents));
      expect(bySchema(entities)).toEqual({
        Person: raw.types['"individual"'],
        Organization: raw.types['-0- '],
        Vessel: raw.types['"vessel"'],
        Aircraft: raw.types['"aircraft"'],
      });
      expect(info.publishedAt).toBeNull();
      // Every missing companion is reported, and only those.
      const missing = ['add.csv', 'alt.csv', 'sdn_comments.csv'].filter((n) => !names.includes(n));
      expect(info.warnings.length).toBe(missing.length);
      for (const name of missing) expect(info.warnings.join('\n')).toContain(name);
      // Every entity says where it came from.
      for (const entity of entities) {
        expect(entity.source.file).toBe('sdn.csv');
        expect(entity.source.line).toBeGreaterThan(0);
      }
    },
  );

  it('2024-05-03 matches the README reference counts by type', async () => {
    const { entities } = await collect(parseOfacSdnCsv, [SDN('2024-05-03', 'sdn.csv')]);
    expect(bySchema(entities)).toEqual({
      Person: 6_854,
      Organization: 6_884,
      Vessel: 851,
      Aircraft: 376,
    });
  });

  it('2023-12-28: aliases and addresses come from alt.csv and add.csv, counted independently', async () => {
    const files = ['sdn.csv', 'add.csv', 'alt.csv'].map((name) => SDN('2023-12-28', name));
    const { entities } = await collect(parseOfacSdnCsv, files);
    // Raw alt.csv read with a regex: one alias per line, (ent_num, kind, name) distinct.
    const kinds: Record<string, string> = { aka: 'alias', fka: 'previous', nka: 'alias' };
    const altLines = readFileSync(files[2] as string, 'latin1')
      .split('\r\n')
      .filter((line) => line !== '' && line !== '\u001a');
    const rawAlts = new Set(
      altLines.map((line) => {
        const [, ent, type = '', name = ''] =
          /^(\d+),\d+,"([a-z]+)","((?:[^"]|"")*)"/u.exec(line) ?? [];
        return `ofac:${ent}|${kinds[type]}|${name.replaceAll('""', '"')}`;
      }),
    );
    const parsed = new Set(
      entities.flatMap((e) =>
        e.names
          .filter((n) => n.kind === 'alias' || n.kind === 'previous')
          .map((n) => `${e.id}|${n.kind}|${n.full}`),
      ),
    );
    expect(altLines.length).toBe(17_091);
    expect(parsed).toEqual(rawAlts);
    const withAlias = entities.filter((e) =>
      e.names.some((n) => n.kind === 'alias' || n.kind === 'previous'),
    );
    expect(withAlias.length).toBe(6_667);

    const withAddress = entities.filter((e) => (e.properties.address?.length ?? 0) > 0);
    // add.csv: 18,990 rows, 2,652 of them all `-0-`; every ent_num has at least one row.
    expect(withAddress.length).toBeGreaterThan(11_000);
    expect(withAddress.length).toBeLessThanOrEqual(13_821);
  });

  it('maps one known record completely (ent_num 12300, 2021-07-07, Remarks continued in sdn_comments.csv)', async () => {
    const files = ['sdn.csv', 'add.csv', 'alt.csv', 'sdn_comments.csv'].map((name) =>
      SDN('2021-07-07', name),
    );
    const { entities } = await collect(parseOfacSdnCsv, files);
    const entity = entities.find((e) => e.id === 'ofac:12300');
    expect(entity).toBeDefined();
    if (entity === undefined) return;
    expect(entity.schema).toBe('Person');
    expect(entity.caption).toBe('CIFUENTES VILLA, Jorge Milton');
    expect(entity.names[0]).toMatchObject({
      full: 'CIFUENTES VILLA, Jorge Milton',
      kind: 'primary',
      lastName: 'CIFUENTES VILLA',
      firstName: 'Jorge Milton',
    });
    expect(entity.properties.birthDate).toEqual(['1965-05-13', '1968-04-13', '1964-07-07']);
    expect(entity.properties.birthCountry).toEqual(['CO', 'MX']);
    expect(entity.properties.passportNumber).toEqual(['AL720622']);
    expect(entity.documents).toContainEqual({
      type: 'passport',
      number: 'AL720622',
      country: 'CO',
    });
    expect(entity.documents).toContainEqual({
      type: 'id',
      number: '172489729-1',
      country: 'EC',
      note: 'Cedula No.',
    });
    // The comments file continues Remarks mid-word: "PROMO RAI" + "Z S.A.S.; ...".
    const notes = entity.properties.notes?.[0] ?? '';
    expect(notes).toContain('Linked To: PROMO RAIZ S.A.S.; Linked To: RED MUNDIAL');
    expect(notes.endsWith('Linked To: R D I S.A.')).toBe(true);
    expect(entity.properties.program).toEqual(['SDNTK']);
    expect(entity.source).toEqual({ file: 'sdn.csv', line: 2575 });
  });

  it('reads weak aliases, vessel facts and multiple programmes from the 2024-05-03 Remarks', async () => {
    const { entities } = await collect(parseOfacSdnCsv, [SDN('2024-05-03', 'sdn.csv')]);
    const bnc = entities.find((e) => e.id === 'ofac:306');
    expect(bnc?.properties.weakAlias).toEqual(['BNC']);
    expect(bnc?.names.find((n) => n.kind === 'weak')).toEqual({ full: 'BNC', kind: 'weak' });
    const vessels = entities.filter((e) => e.schema === 'Vessel');
    const withImo = vessels.filter((e) => (e.properties.imoNumber?.length ?? 0) > 0);
    // Independent count: vessel rows whose raw line states a 7-digit IMO number (OFAC writes
    // "IMO 1234567", "IMO  1234567" or the bare number; "RS 150443 (Russia)" is not one).
    const raw = readFileSync(SDN('2024-05-03', 'sdn.csv'), 'latin1')
      .split('\r\n')
      .filter(
        (line) =>
          /^\d+,"(?:[^"]|"")*","vessel",/u.test(line) &&
          /(?:Vessel Registration Identification (?:IMO +)?|IMO +)\d{7}\b/u.test(line),
      );
    expect(withImo.length).toBe(raw.length);
    for (const vessel of withImo) {
      for (const imo of vessel.properties.imoNumber ?? []) expect(imo).toMatch(/^IMO\d{7}$/u);
    }
    const multi = entities.filter((e) => (e.properties.program?.length ?? 0) > 1);
    const rawMulti = readFileSync(SDN('2024-05-03', 'sdn.csv'), 'latin1')
      .split('\r\n')
      .filter((line) => line.includes('] ['));
    expect(multi.length).toBe(rawMulti.length);
    const male = entities.filter((e) => e.properties.gender?.[0] === 'male').length;
    const rawMale =
      readFileSync(SDN('2024-05-03', 'sdn.csv'), 'latin1').split('Gender Male').length - 1;
    expect(male).toBe(rawMale);
  });
});

describe('parseOfacConsCsv on the real 2025-12-18 consolidated CSV set', () => {
  it('reads 442 entities whose id set hashes like the raw file and the README', async () => {
    const files = ['cons_prim.csv', 'cons_alt.csv', 'cons_comments.csv', 'cons_add.csv'].map(CONS);
    const { entities, info } = await collect(parseOfacConsCsv, files);
    const raw = rawMainFile(CONS('cons_prim.csv'));
    expect(entities.length).toBe(442);
    expect(setSha256(idNumbers(entities))).toBe(setSha256(raw.ents));
    // count_lists.py's ent_num_set_sha256 for this file.
    expect(setSha256(idNumbers(entities))).toBe(
      'e36abd35423d3b8e45de85066e9cd5b4b9fb86bf7290f9e938d099aa115423e7',
    );
    expect(bySchema(entities)).toEqual({ Organization: 363, Person: 79 });
    expect(info.warnings).toEqual([]);
  });
});

describe('parseOfacDob', () => {
  it.each([
    ['30 Aug 1954', { date: '1954-08-30' }],
    ['Aug 1954', { date: '1954-08' }],
    ['1954', { date: '1954' }],
    ['circa 1960', { date: '1960' }],
    ['1950 to 1955', { range: '1950/1955' }],
    ['01 Jan 1961 to 31 Dec 1962', { range: '1961-01-01/1962-12-31' }],
    ['sometime', undefined],
  ])('%s', (text, expected) => {
    expect(parseOfacDob(text)).toEqual(expected);
  });
});

describe('broken copies of the real files', () => {
  const realSdn = () => readFileSync(SDN('2021-07-07', 'sdn.csv'), 'latin1');
  const linesOf = (text: string) => text.split('\r\n');

  async function failure(parser: ListParser, files: string[]): Promise<ParseError> {
    try {
      await collect(parser, files);
    } catch (error) {
      expect(error).toBeInstanceOf(ParseError);
      return error as ParseError;
    }
    throw new Error('expected a ParseError');
  }

  it('a file truncated inside a quoted field names the file, the line and the field', async () => {
    const lines = linesOf(realSdn());
    // Cut line 1000 in the middle of its quoted SDN_Name: the quote never closes.
    const head = lines.slice(0, 999).join('\r\n');
    const line1000 = lines[999] as string;
    const cut = `${head}\r\n${line1000.slice(0, line1000.indexOf('"') + 4)}`;
    const dir = tmp();
    writeFileSync(join(dir, 'sdn.csv'), cut, 'latin1');
    const error = await failure(parseOfacSdnCsv, [join(dir, 'sdn.csv')]);
    expect(error.location).toEqual({ file: 'sdn.csv', line: 1000, field: 'SDN_Name' });
    expect(error.message).toMatch(/^sdn\.csv, line 1000, field 'SDN_Name': /u);
  });

  it('a row whose ent_num is empty names file, line and field', async () => {
    const lines = linesOf(realSdn());
    lines[499] = (lines[499] as string).replace(/^\d+/u, '');
    const dir = tmp();
    writeFileSync(join(dir, 'sdn.csv'), lines.join('\r\n'), 'latin1');
    const error = await failure(parseOfacSdnCsv, [join(dir, 'sdn.csv')]);
    expect(error.location).toEqual({ file: 'sdn.csv', line: 500, field: 'ent_num' });
    expect(error.message).toContain('sdn.csv, line 500');
  });

  it('a non-numeric ent_num in a companion file names that file', async () => {
    const alt = readFileSync(SDN('2021-07-07', 'alt.csv'), 'latin1').split('\r\n');
    alt[41] = `X${alt[41]}`;
    const dir = tmp();
    writeFileSync(join(dir, 'alt.csv'), alt.join('\r\n'), 'latin1');
    const error = await failure(parseOfacSdnCsv, [
      SDN('2021-07-07', 'sdn.csv'),
      join(dir, 'alt.csv'),
    ]);
    expect(error.location).toEqual({ file: 'alt.csv', line: 42, field: 'ent_num' });
    expect(error.message).toMatch(/not a number/u);
  });

  it('a row with missing fields is rejected', async () => {
    const lines = linesOf(realSdn());
    lines[9] = (lines[9] as string).split(',').slice(0, 4).join(',');
    const dir = tmp();
    writeFileSync(join(dir, 'sdn.csv'), lines.join('\r\n'), 'latin1');
    const error = await failure(parseOfacSdnCsv, [join(dir, 'sdn.csv')]);
    expect(error.location.line).toBe(10);
    expect(error.location.field).toBeDefined();
  });
});

describe('gzip copies', () => {
  it('parse exactly like the plain files', async () => {
    const names = ['sdn.csv', 'add.csv', 'alt.csv', 'sdn_comments.csv'];
    const dir = tmp();
    const gz = names.map((name) => {
      const path = join(dir, `${name}.gz`);
      writeFileSync(path, gzipSync(readFileSync(SDN('2021-07-07', name))));
      return path;
    });
    const plain = await collect(
      parseOfacSdnCsv,
      names.map((name) => SDN('2021-07-07', name)),
    );
    const zipped = await collect(parseOfacSdnCsv, gz);
    expect(zipped.entities.length).toBe(8_976);
    expect(zipped.entities).toEqual(plain.entities);
    expect(zipped.info.warnings).toEqual(plain.info.warnings);
  });
});
