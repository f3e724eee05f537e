import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../test/support/shared-data.js';
import { ValidationError } from '../shared/errors.js';
import { detectFormat } from './detect-format.js';
import type { ListFormat } from './types.js';

const REAL: readonly (readonly [string, ListFormat])[] = [
  ['eu/eu-fsf-2026-01-28.xml', 'eu-fsf-xml'],
  ['eu/samples/eu-fsf-sample-2026-08-05.xml', 'eu-fsf-xml'],
  ['un/2026-02-27.xml', 'un-sc-xml'],
  ['un/2025-11-29.xml', 'un-sc-xml'],
  ['eu/source/pakote_data-un-2026-01-28.xml', 'un-sc-xml'],
  ['ofac/consolidated/2026-01-08/consolidated.xml', 'ofac-xml'],
  ['ofac/consolidated/2024-05-06/consolidated.xml', 'ofac-xml'],
  ['ofac/sdn/2023-12-28/sdn.csv', 'ofac-sdn-csv'],
  ['ofac/sdn/2024-05-03/sdn.csv', 'ofac-sdn-csv'],
  ['ofac/consolidated/2025-12-18/cons_prim.csv', 'ofac-cons-csv'],
  ['ofac/sdn/2023-12-28', 'ofac-sdn-csv'],
  ['ofac/sdn/2021-07-07', 'ofac-sdn-csv'],
  ['ofac/consolidated/2025-12-18', 'ofac-cons-csv'],
  ['uk/ConList-2025-04-14.csv', 'uk-ofsi-csv'],
  ['uk/ConList-2023-06-05.csv', 'uk-ofsi-csv'],
  ['uk/sanctionsconlist-2018-04-13.csv', 'uk-ofsi-csv'],
  ['opensanctions/yente_fixtures/t1/entities.ftm.json', 'ftm-jsonl'],
  ['opensanctions/yente_fixtures/zala/entities.ftm.json', 'ftm-jsonl'],
  ['opensanctions/yente_fixtures/parteispenden/entities.ftm.json', 'ftm-jsonl'],
];

async function rejection(path: string): Promise<ValidationError> {
  try {
    await detectFormat(path);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error(`expected ${path} to be rejected`);
}

describe('detectFormat on the real files', () => {
  it.each(REAL)('%s → %s', async (path, format) => {
    expect(await detectFormat(sharedData('lists', ...path.split('/')))).toBe(format);
  });
});

describe('detectFormat on gzip copies and renamed files', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sargas-detect-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(REAL.filter(([path]) => path.includes('.')))('%s gzipped → %s', async (path, format) => {
    const source = sharedData('lists', ...path.split('/'));
    // Keep the base name: OFAC's sdn/cons distinction is made on the file name.
    const name = path.split('/').pop() ?? 'list';
    const sub = join(dir, path.replace(/[/.]/gu, '_'));
    await mkdir(sub, { recursive: true });
    const gz = join(sub, `${name}.gz`);
    await writeFile(gz, gzipSync(await readFile(source)));
    expect(await detectFormat(gz)).toBe(format);
  });

  it('judges content, not the extension', async () => {
    const path = join(dir, 'download.bin');
    await copyFile(sharedData('lists', 'eu', 'eu-fsf-2026-01-28.xml'), path);
    expect(await detectFormat(path)).toBe('eu-fsf-xml');
  });

  it('finds gzipped OFAC files in a folder', async () => {
    const folder = join(dir, 'ofac-gz');
    await mkdir(folder);
    for (const name of ['cons_prim.csv', 'cons_add.csv']) {
      const source = sharedData('lists', 'ofac', 'consolidated', '2025-12-18', name);
      await writeFile(join(folder, `${name}.gz`), gzipSync(await readFile(source)));
    }
    expect(await detectFormat(folder)).toBe('ofac-cons-csv');
  });

  it('rejects an unknown file, naming it and what it saw', async () => {
    const readme = sharedData('lists', 'eu', 'README.md');
    const error = await rejection(readme);
    expect(error.message).toContain(readme);
    expect(error.message).toContain("a first line '# EU Financial Sanctions Files");
    expect(error.field).toBe('path');
  });

  it('rejects an xlsx workbook, an OFAC companion file, other JSON and XML, a plain folder', async () => {
    expect(
      (await rejection(sharedData('lists', 'uk', 'ConList-2025-04-14.xlsx'))).message,
    ).toContain('ZIP archive');
    expect(
      (await rejection(sharedData('lists', 'ofac', 'sdn', '2023-12-28', 'alt.csv'))).message,
    ).toContain('OFAC companion file');
    expect(
      (await rejection(sharedData('lists', 'ofac', 'derived', 'sdn_entities_2025-11-26.jsonl')))
        .message,
    ).toContain('without "schema"');
    const xml = join(dir, 'other.xml');
    await writeFile(
      xml,
      '<?xml version="1.0"?>\n<!-- x -->\n<catalog version="1"><item/></catalog>\n',
    );
    expect((await rejection(xml)).message).toContain('XML with root element <catalog>');
    expect((await rejection(sharedData('lists', 'ofac'))).message).toContain(
      'folder without an OFAC',
    );
    const empty = join(dir, 'empty.csv');
    await writeFile(empty, '');
    expect((await rejection(empty)).message).toContain('empty');
    expect((await rejection(join(dir, 'missing.xml'))).message).toContain('not found');
  });
});
