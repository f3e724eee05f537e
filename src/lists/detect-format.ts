import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ValidationError } from '../shared/errors.js';
import { readHead } from './io.js';
import type { ListFormat } from './types.js';

/** How many (uncompressed) bytes of a file detection looks at: past the EU file's long comment. */
const HEAD_BYTES = 16_384;

/** The main file of the OFAC CSV families, as OFAC names them; `.gz` copies are accepted too. */
export const OFAC_MAIN_FILES: Readonly<Record<'ofac-sdn-csv' | 'ofac-cons-csv', string>> = {
  'ofac-sdn-csv': 'sdn.csv',
  'ofac-cons-csv': 'cons_prim.csv',
};

/** A file's name without a trailing `.gz`, lower-cased: what OFAC's file naming is judged on. */
export function plainName(path: string): string {
  return basename(path).replace(/\.gz$/iu, '').toLowerCase();
}

/**
 * The format of a list file (or of an OFAC folder), judged from its content: the first bytes,
 * gunzipped when the file is gzip. A folder must hold OFAC's `sdn.csv` or `cons_prim.csv`.
 */
export async function detectFormat(path: string): Promise<ListFormat> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    throw new ValidationError(`list file not found: ${path}`, 'path', { cause: error });
  }
  if (info.isDirectory()) return detectFolder(path);

  const head = (await readHead(path, HEAD_BYTES)).toString('utf8').replace(/^\uFEFF/u, '');
  const format = detectText(head, plainName(path));
  if (typeof format === 'string') return format;
  throw new ValidationError(
    `cannot tell the list format of ${path}: ${format.seen}. Known formats: EU FSF XML, UN SC XML, OFAC XML, OFAC SDN/consolidated CSV, UK OFSI CSV, FollowTheMoney JSON lines`,
    'path',
  );
}

async function detectFolder(path: string): Promise<ListFormat> {
  const names = await readdir(path);
  const lower = new Set(names.map((name) => name.toLowerCase()));
  for (const format of ['ofac-sdn-csv', 'ofac-cons-csv'] as const) {
    const main = OFAC_MAIN_FILES[format];
    if (lower.has(main) || lower.has(`${main}.gz`)) return format;
  }
  const shown = names.slice(0, 10).join(', ') + (names.length > 10 ? ', ...' : '');
  throw new ValidationError(
    `${path} is a folder without an OFAC sdn.csv or cons_prim.csv (it holds: ${shown || 'nothing'}); pass a list file instead`,
    'path',
  );
}

/** The format, or what was seen instead (for the error message). */
function detectText(head: string, name: string): ListFormat | { seen: string } {
  const text = head.trimStart();
  if (text === '') return { seen: 'the file is empty' };
  if (text.startsWith('PK\u0003\u0004')) {
    return { seen: 'a ZIP archive (an .xlsx workbook?); export the sheet as CSV' };
  }
  if (text.startsWith('<')) return detectXml(text);
  if (text.startsWith('{')) return detectJson(text);
  return detectCsv(text, name);
}

function detectXml(text: string): ListFormat | { seen: string } {
  // Skip the declaration, comments, processing instructions and a doctype to reach the root.
  const withoutProlog = text
    .replace(/<\?[\s\S]*?\?>/gu, '')
    .replace(/<!--[\s\S]*?-->/gu, '')
    .replace(/<!DOCTYPE[^>]*>/iu, '');
  const root = /<([A-Za-z_][\w.:-]*)([^>]*)>?/u.exec(withoutProlog);
  if (root === null) return { seen: 'XML without a root element in its first 16 KB' };
  const [, name = '', attributes = ''] = root;
  if (name === 'export' && attributes.includes('http://eu.europa.ec/fpi/fsd/export')) {
    return 'eu-fsf-xml';
  }
  if (name === 'CONSOLIDATED_LIST') return 'un-sc-xml';
  if (name === 'sdnList' || name.endsWith(':sdnList')) return 'ofac-xml';
  return { seen: `XML with root element <${name}>` };
}

function detectJson(text: string): ListFormat | { seen: string } {
  const firstLine = text.split('\n', 1)[0] ?? '';
  try {
    const value: unknown = JSON.parse(firstLine);
    if (typeof value === 'object' && value !== null && 'schema' in value && 'properties' in value) {
      return 'ftm-jsonl';
    }
    return { seen: 'a JSON object without "schema" and "properties" on its first line' };
  } catch {
    // A first line longer than the head: judge by the keys an FtM entity starts with.
    if (/"schema"\s*:/u.test(firstLine) && /"(?:id|properties)"\s*:/u.test(firstLine)) {
      return 'ftm-jsonl';
    }
    return { seen: 'JSON that is not one FollowTheMoney entity per line' };
  }
}

/** Splits one CSV line into fields, honouring double quotes (enough for a header or first row). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

function detectCsv(text: string, name: string): ListFormat | { seen: string } {
  const firstLine = (text.split(/\r?\n/u, 1)[0] ?? '').trim();
  const fields = csvFields(firstLine);
  const first = fields[0]?.trim() ?? '';
  if (first === 'Last Updated' || first === 'Name 6') return 'uk-ofsi-csv';
  if (/^\d+$/u.test(first)) {
    // OFAC legacy CSV: no header, `ent_num` first, `-0-` for empty cells.
    if (fields.length === 12) {
      return name.startsWith('cons_') ? 'ofac-cons-csv' : 'ofac-sdn-csv';
    }
    return {
      seen: `what looks like an OFAC companion file (${fields.length} columns: add/alt/comments); pass the folder or its sdn.csv / cons_prim.csv`,
    };
  }
  // Control characters or undecodable bytes: not a text list (checked last: the 2018 OFSI CSV is
  // Windows-1252, whose curly quotes do not decode as UTF-8).
  if (looksBinary(text.slice(0, 512))) return { seen: 'binary content' };
  const shown = firstLine.length > 80 ? `${firstLine.slice(0, 80)}...` : firstLine;
  return { seen: `a first line '${shown}'` };
}

/** For callers that resolved a folder: the main file of an OFAC family inside it, if present. */
export async function findOfacMain(
  folder: string,
  format: 'ofac-sdn-csv' | 'ofac-cons-csv',
): Promise<string | undefined> {
  const names = await readdir(folder);
  const main = OFAC_MAIN_FILES[format];
  const found =
    names.find((entry) => entry.toLowerCase() === main) ??
    names.find((entry) => entry.toLowerCase() === `${main}.gz`);
  return found === undefined ? undefined : join(folder, found);
}

function looksBinary(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)) return true;
  }
  return false;
}
