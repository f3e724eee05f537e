import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/support/shared-data.js';
import type { Entity } from '../../model/entity.js';
import { ParseError } from '../../shared/errors.js';
import { newParseInfo, type ParseInfo } from '../types.js';
import { countryCode, splitEnumerated } from './countries.js';
import { parseUkDate, parseUkOfsiCsv } from './uk-ofsi.js';

const UK = (file: string) => sharedData('lists', 'uk', file);

async function collect(files: string[]): Promise<{ entities: Entity[]; info: ParseInfo }> {
  const info = newParseInfo();
  const entities: Entity[] = [];
  for await (const entity of parseUkOfsiCsv({ dataset: 'uk', files, info })) entities.push(entity);
  return { entities, info };
}

function setSha256(ids: Iterable<number>): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  return createHash('sha256').update(sorted.join('\n')).digest('hex');
}

/**
 * The independent read: the raw text split into records on the record separator (CRLF in the
 * converted files, whose embedded newlines are bare LF; LF in 2018, which has none), the first
 * two rows dropped, and the Group ID / Group Type taken by counting commas from the end of the
 * record (those trailing columns never hold commas).
 */
function rawGroups(
  path: string,
  encoding: BufferEncoding,
  separator: string,
  typeFromEnd: number,
): { rows: number; groups: Map<number, string> } {
  const records = readFileSync(path, encoding)
    .split(separator)
    .slice(2)
    .filter((record) => record !== '');
  const groups = new Map<number, string>();
  for (const record of records) {
    const fields = record.split(',');
    groups.set(Number(fields.at(-1)), fields.at(-typeFromEnd) ?? '');
  }
  return { rows: records.length, groups };
}

const SCHEMA: Record<string, string> = {
  Individual: 'Person',
  Entity: 'Organization',
  Ship: 'Vessel',
};

describe('parseUkOfsiCsv on the real OFSI files', () => {
  it.each([
    // file, encoding, separator, Group Type position from the end, README data rows, groups, sha
    [
      'ConList-2025-04-14.csv',
      'utf8',
      '\r\n',
      8,
      18_798,
      { Person: 3_663, Organization: 1_010, Vessel: 15 },
      'c7a86a1d49fa9e5031c15fb57768b48531aaf399ad826b508b6ec047a40d672c',
      '2025-04-14',
    ],
    [
      'ConList-2023-06-05.csv',
      'utf8',
      '\r\n',
      8,
      16_823,
      { Person: 3_231, Organization: 747, Vessel: 15 },
      '2cb9a8731fb5cac13de97eca19f34f112f082e234bfbadade660c67cad9d8ed1',
      '2023-06-05',
    ],
    [
      'sanctionsconlist-2018-04-13.csv',
      'latin1',
      '\n',
      6,
      9_487,
      { Person: 1_426, Organization: 680 },
      '0a1206a64261a6ea2b65ae3b4d3aecee7539674a75c36251c51d8e6d3b9fbd8b',
      '2018-04-13',
    ],
  ] as const)(
    '%s: one entity per Group ID, matching an independent read of the raw file',
    async (file, encoding, separator, typeFromEnd, rows, schemata, sha, published) => {
      const { entities, info } = await collect([UK(file)]);
      const raw = rawGroups(UK(file), encoding, separator, typeFromEnd);
      expect(raw.rows).toBe(rows);

      const ids = entities.map((e) => Number(e.id.replace(/^uk:/u, '')));
      expect(ids.length).toBe(raw.groups.size);
      expect(new Set(ids).size).toBe(ids.length);
      expect(setSha256(ids)).toBe(setSha256(raw.groups.keys()));
      // count_lists.py's group_id_set_sha256.
      expect(setSha256(ids)).toBe(sha);

      const rawSchemata: Record<string, number> = {};
      for (const type of raw.groups.values()) {
        const schema = SCHEMA[type] ?? type;
        rawSchemata[schema] = (rawSchemata[schema] ?? 0) + 1;
      }
      const parsed: Record<string, number> = {};
      for (const entity of entities) {
        parsed[entity.schema] = (parsed[entity.schema] ?? 0) + 1;
        expect(raw.groups.get(Number(entity.id.slice(3)))).toBeDefined();
        expect(SCHEMA[raw.groups.get(Number(entity.id.slice(3))) ?? '']).toBe(entity.schema);
        expect(entity.source.file).toBe(file);
      }
      expect(parsed).toEqual(rawSchemata);
      expect(parsed).toEqual(schemata);
      expect(info.publishedAt).toBe(published);
    },
  );

  it('2025: each group has its primary name, its regimes and its UK reference', async () => {
    const { entities } = await collect([UK('ConList-2025-04-14.csv')]);
    // Groups with no `Primary name` row, found independently (Alias Type is 7th from the end).
    const records = readFileSync(UK('ConList-2025-04-14.csv'), 'utf8').split('\r\n').slice(2);
    const primary = new Set<string>();
    const all = new Set<string>();
    for (const record of records.filter((r) => r !== '')) {
      const fields = record.split(',');
      all.add(`uk:${fields.at(-1)}`);
      if (fields.at(-7) === 'Primary name') primary.add(`uk:${fields.at(-1)}`);
    }
    const rawWithout = [...all].filter((id) => !primary.has(id)).sort();
    const withoutPrimary = entities.filter((e) => !e.names.some((n) => n.kind === 'primary'));
    // Two real groups (16601, 16789) list only "Primary name variation" rows.
    expect(withoutPrimary.map((e) => e.id).sort()).toEqual(rawWithout);
    expect(rawWithout.length).toBe(2);
    for (const entity of withoutPrimary) expect(entity.caption).not.toBe('');
    // README: 15 Group IDs appear under more than one regime (14 under two, 10638 under three);
    // each is one entity with all its programmes.
    expect(entities.filter((e) => (e.properties.program?.length ?? 0) > 1).length).toBe(15);
    expect(entities.find((e) => e.id === 'uk:10638')?.properties.program).toEqual(
      expect.arrayContaining(['Iran', 'Iran (Nuclear)', 'Syria']),
    );
    // References: every group whose raw rows carry "(UK Sanctions List Ref):" has one.
    const withRef = new Set(
      records
        .filter((r) => r.includes('(UK Sanctions List Ref):'))
        .map((r) => `uk:${r.split(',').at(-1)}`),
    );
    const references = entities.filter((e) =>
      /^[A-Z][A-Za-z]{1,3}\.?\d{3,5}$/u.test(e.properties.reference?.[0] ?? ''),
    );
    expect(new Set(references.map((e) => e.id))).toEqual(withRef);
    // Non-Latin names keep their script; Russian is the most common declared language.
    const cyrillic = entities.flatMap((e) => e.names.filter((n) => n.script === 'Cyrl'));
    expect(cyrillic.length).toBeGreaterThan(500);
    expect(cyrillic.some((n) => n.lang === 'ru')).toBe(true);
  });

  it('2025: one known group, whose rows are spread over the file, is mapped completely', async () => {
    // Independent: the physical line where the first record of group 14156 starts.
    const text = readFileSync(UK('ConList-2025-04-14.csv'), 'utf8');
    const firstRecordEnd = text.search(/,14156\r\n/u);
    const recordStart = text.lastIndexOf('\r\n', firstRecordEnd) + 2;
    const firstLine = text.slice(0, recordStart).split('\n').length;
    const rows = text.split(/,14156\r\n/u).length - 1;
    expect(rows).toBeGreaterThan(1);
    const { entities } = await collect([UK('ConList-2025-04-14.csv')]);
    const entity = entities.find((e) => e.id === 'uk:14156');
    expect(entity?.schema).toBe('Person');
    expect(entity?.caption).toBe('Alina Sergeevna KASYANCHYK');
    expect(entity?.names.find((n) => n.kind === 'primary')).toEqual({
      full: 'Alina Sergeevna KASYANCHYK',
      kind: 'primary',
      firstName: 'Alina',
      middleName: 'Sergeevna',
      lastName: 'KASYANCHYK',
    });
    expect(entity?.names).toContainEqual(
      expect.objectContaining({ full: 'Аліна Сяргееўна КАСЬЯНЧЫК', script: 'Cyrl' }),
    );
    expect(entity?.properties.birthDate).toEqual(['1998-03-12']);
    expect(entity?.properties.nationality).toEqual(['BY']);
    expect(entity?.properties.gender).toEqual(['female']);
    expect(entity?.properties.program).toEqual(['Belarus']);
    expect(entity?.properties.listingDate).toEqual(['2021-12-02']);
    expect(entity?.properties.reference).toEqual(['BEL0113']);
    expect(entity?.source).toEqual({ file: 'ConList-2025-04-14.csv', line: firstLine });
  });

  it('2018 (Windows-1252): curly quotes and accents decode, and the switch is reported', async () => {
    const { entities, info } = await collect([UK('sanctionsconlist-2018-04-13.csv')]);
    expect(info.warnings).toEqual([
      'sanctionsconlist-2018-04-13.csv: not valid UTF-8; read as Windows-1252',
    ]);
    const text = entities.flatMap((e) => [
      ...(e.properties.notes ?? []),
      ...e.names.map((n) => n.full),
    ]);
    expect(text.some((value) => /[\u2018\u2019\u201c\u201d]/u.test(value))).toBe(true);
    expect(text.some((value) => value.includes('é'))).toBe(true);
    expect(text.some((value) => /[\u0080-\u009f\ufffd]/u.test(value))).toBe(false);
    // The leading space of " AL-QAHTANI" is not part of the name.
    expect(entities.flatMap((e) => e.names).every((n) => n.full === n.full.trim())).toBe(true);
  });
});

describe('helpers', () => {
  it.each([
    ['28/06/1960', '1960-06-28'],
    ['00/06/1960', '1960-06'],
    ['00/00/1960', '1960'],
    ['06/1960', '1960-06'],
    ['1960', '1960'],
    ['31/13/1960', undefined],
    ['circa 1960', undefined],
  ])('parseUkDate(%s)', (text, expected) => {
    expect(parseUkDate(text)).toBe(expected);
  });

  it('splits enumerated cells and maps the countries the lists write', () => {
    expect(splitEnumerated('(1) Central African Republic. (2) South Sudan')).toEqual([
      'Central African Republic',
      'South Sudan',
    ]);
    expect(splitEnumerated('1) Saudi Arabia 2) Qatar')).toEqual(['Saudi Arabia', 'Qatar']);
    expect(splitEnumerated('Russia')).toEqual(['Russia']);
    expect(countryCode('Korea, North')).toBe('KP');
    expect(countryCode('Congo (Democratic Republic)')).toBe('CD');
    expect(countryCode('Iraq (previous address)')).toBe('IQ');
    expect(countryCode('Ukrainian SSR (now Ukraine)')).toBe('UA');
    expect(countryCode('Afghan')).toBe('AF');
    expect(countryCode('Atlantis')).toBeUndefined();
  });
});

describe('broken copies of the real 2025 file', () => {
  const real = () => readFileSync(UK('ConList-2025-04-14.csv'), 'utf8');
  const write = (text: string | Buffer, name = 'ConList.csv') => {
    const path = join(mkdtempSync(join(tmpdir(), 'sargas-uk-')), name);
    writeFileSync(path, text);
    return path;
  };
  async function failure(path: string): Promise<ParseError> {
    try {
      await collect([path]);
    } catch (error) {
      expect(error).toBeInstanceOf(ParseError);
      return error as ParseError;
    }
    throw new Error('expected a ParseError');
  }
  /** Physical line (1-based) at a character offset. */
  const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

  it('a file truncated inside a quoted cell names the file, the record line and the field', async () => {
    const text = real();
    // Cut inside the quoted `Other Information` of a record about half-way through the file.
    const start = text.indexOf('\r\n', text.length / 2) + 2;
    const quote = text.indexOf(',"(UK Sanctions List Ref)', start);
    const cut = text.slice(0, quote + 40);
    const error = await failure(write(cut));
    expect(error.location.file).toBe('ConList.csv');
    const recordStart = cut.lastIndexOf('\r\n', quote) + 2;
    expect(error.location.line).toBe(lineAt(cut, recordStart));
    expect(error.location.field).toBe('Other Information');
    expect(error.message).toMatch(/^ConList\.csv, line \d+, field 'Other Information': /u);
  });

  it('a row whose Group ID is empty names file, line and field', async () => {
    const text = real();
    const at = text.indexOf('\r\n', text.length / 3) + 2;
    const end = text.indexOf('\r\n', at);
    const broken = `${text.slice(0, end).replace(/,\d+$/u, ',')}${text.slice(end)}`;
    const error = await failure(write(broken));
    expect(error.location).toEqual({
      file: 'ConList.csv',
      line: lineAt(text, text.lastIndexOf('\r\n', end - 1) + 2),
      field: 'Group ID',
    });
  });

  it('a non-numeric Group ID is rejected', async () => {
    const text = real();
    const end = text.indexOf('\r\n', text.indexOf('\r\n', 1000) + 2);
    const broken = `${text.slice(0, end).replace(/,(\d+)$/u, ',G$1')}${text.slice(end)}`;
    const error = await failure(write(broken));
    expect(error.location.field).toBe('Group ID');
    expect(error.message).toContain('not a number');
  });

  it('a gzip copy parses exactly like the plain file', async () => {
    const path = write(
      gzipSync(readFileSync(UK('ConList-2023-06-05.csv'))),
      'ConList-2023-06-05.csv.gz',
    );
    const plain = await collect([UK('ConList-2023-06-05.csv')]);
    const zipped = await collect([path]);
    expect(zipped.entities.length).toBe(3_993);
    expect(zipped.entities).toEqual(plain.entities);
    expect(zipped.info.publishedAt).toBe(plain.info.publishedAt);
  });
});
