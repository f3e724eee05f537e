import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Entity } from '../model/entity.js';
import { ValidationError } from '../shared/errors.js';
import { detectFormat, findOfacMain, plainName } from './detect-format.js';
import { parseEuFsfXml } from './formats/eu-fsf.js';
import { parseFtmJsonl } from './formats/ftm-jsonl.js';
import { parseOfacConsCsv, parseOfacSdnCsv } from './formats/ofac-csv.js';
import { parseOfacXml } from './formats/ofac-xml.js';
import { parseUkOfsiCsv } from './formats/uk-ofsi.js';
import { parseUnScXml } from './formats/un-sc.js';
import { type ListFormat, type ListParser, newParseInfo, type ParseInfo } from './types.js';

export interface ReadListInput {
  /** The list (dataset) name the entities belong to, e.g. `eu`. */
  readonly dataset: string;
  /** A list file, or (OFAC CSV) the folder holding `sdn.csv` / `cons_prim.csv`. */
  readonly path: string;
  /** Detected from the content when omitted. */
  readonly format?: ListFormat;
}

export interface ListRead {
  readonly format: ListFormat;
  /** Every file the list is read from, main file first, in a fixed order (version hashes rely on it). */
  readonly files: readonly string[];
  /** Filled in while `entities` is iterated; complete once it has finished. */
  readonly info: ParseInfo;
  /** The entities, streamed; iterate once. */
  readonly entities: AsyncIterable<Entity>;
}

export const PARSERS: Readonly<Record<ListFormat, ListParser>> = {
  'eu-fsf-xml': parseEuFsfXml,
  'un-sc-xml': parseUnScXml,
  'ofac-sdn-csv': parseOfacSdnCsv,
  'ofac-cons-csv': parseOfacConsCsv,
  'ofac-xml': parseOfacXml,
  'uk-ofsi-csv': parseUkOfsiCsv,
  'ftm-jsonl': parseFtmJsonl,
};

/** The companions of each OFAC CSV main file, in the fixed order they are handed to the parser. */
const OFAC_COMPANIONS: Readonly<Record<'ofac-sdn-csv' | 'ofac-cons-csv', readonly string[]>> = {
  'ofac-sdn-csv': ['add.csv', 'alt.csv', 'sdn_comments.csv'],
  'ofac-cons-csv': ['cons_add.csv', 'cons_alt.csv', 'cons_comments.csv'],
};

/**
 * Opens a list for reading: resolves its files (OFAC CSV: the main file and whichever of its
 * companions sit beside it), detects the format when not given, and returns the parser's entity
 * stream. Nothing is parsed until `entities` is iterated.
 */
export async function readList(input: ReadListInput): Promise<ListRead> {
  const format = input.format ?? (await detectFormat(input.path));
  const files = await resolveFiles(input.path, format);
  const info = newParseInfo();
  const entities = PARSERS[format]({ dataset: input.dataset, files, info });
  return { format, files, info, entities };
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (error) {
    throw new ValidationError(`list file not found: ${path}`, 'path', { cause: error });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function resolveFiles(path: string, format: ListFormat): Promise<string[]> {
  const folder = await isDirectory(path);
  if (format !== 'ofac-sdn-csv' && format !== 'ofac-cons-csv') {
    if (folder) {
      throw new ValidationError(
        `${path} is a folder; the ${format} format is read from one file`,
        'path',
      );
    }
    return [path];
  }
  let main = path;
  if (folder) {
    const found = await findOfacMain(path, format);
    if (found === undefined) {
      throw new ValidationError(
        `${path} holds no ${format === 'ofac-sdn-csv' ? 'sdn.csv' : 'cons_prim.csv'}`,
        'path',
      );
    }
    main = found;
  }
  // The companions sit beside the main file, gzipped if the main file is.
  const dir = dirname(main);
  const gz = plainName(main) !== main.slice(dir.length + 1).toLowerCase();
  const files = [main];
  for (const companion of OFAC_COMPANIONS[format]) {
    for (const candidate of gz ? [`${companion}.gz`, companion] : [companion, `${companion}.gz`]) {
      const file = join(dir, candidate);
      if (await exists(file)) {
        files.push(file);
        break;
      }
    }
  }
  return files;
}
