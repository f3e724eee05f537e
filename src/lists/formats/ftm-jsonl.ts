/**
 * OpenSanctions / FollowTheMoney entities, one JSON object per line (`id`, `schema`,
 * `properties: {prop: [values]}`, optional `caption`, `datasets`, ...). Ids `os:<id>`.
 *
 * Decisions:
 * - Only the schemata Sargas models are kept: Person, Organization (and Company, PublicBody as
 *   Organization), LegalEntity, Vessel, Airplane/Aircraft (as Aircraft). Everything else (Sanction,
 *   Ownership, Address, Payment, Family, ...) is skipped and counted in one summary warning.
 * - Properties are FtM's own names, so most map one-to-one. A few FtM identifier properties we do
 *   not model are folded into ours (`innCode`/`vatCode` → `taxNumber`, `ogrnCode`/`okpoCode`/
 *   `leiCode` → `registrationNumber`) because matchers need identifiers. Any other property we do
 *   not model (topics, addressEntity, createdAt, summary, ...) is ignored: it is either a reference
 *   to an entity we skip or metadata with no bearing on screening.
 * - Country codes are upper-cased, as the other parsers write them (FtM writes `ru`).
 * - Every `name` value is a primary name; the JSON `caption` is the caption when present.
 */
import { createInterface } from 'node:readline';
import type { NameDetail, NameKind } from '../../model/entity.js';
import { Entity } from '../../model/entity.js';
import {
  isPropertyName,
  PROPERTIES,
  type PropertyName,
  type SchemaName,
} from '../../model/schemata.js';
import { ParseError, ValidationError } from '../../shared/errors.js';
import { detectScript } from '../../shared/script.js';
import { displayName, openListFile } from '../io.js';
import type { ListParser, ParseRequest } from '../types.js';

const SCHEMATA: Readonly<Record<string, SchemaName>> = {
  Person: 'Person',
  Organization: 'Organization',
  Company: 'Organization',
  PublicBody: 'Organization',
  LegalEntity: 'LegalEntity',
  Vessel: 'Vessel',
  Airplane: 'Aircraft',
  Aircraft: 'Aircraft',
};

/** FtM properties we do not model whose values belong in one of ours. */
const FOLDED: Readonly<Record<string, PropertyName>> = {
  innCode: 'taxNumber',
  vatCode: 'taxNumber',
  ogrnCode: 'registrationNumber',
  okpoCode: 'registrationNumber',
  leiCode: 'registrationNumber',
};

const NAME_KINDS: readonly (readonly [PropertyName, NameKind])[] = [
  ['name', 'primary'],
  ['alias', 'alias'],
  ['previousName', 'previous'],
  ['weakAlias', 'weak'],
];

/** Parses one FtM JSON lines file (`request.files[0]`, plain or gzip). */
export const parseFtmJsonl: ListParser = (request) => parseFtm(request);

async function* parseFtm(request: ParseRequest): AsyncGenerator<Entity> {
  const path = request.files[0];
  if (path === undefined) throw new ValidationError('the FtM parser needs one file', 'files');
  const file = displayName(path);
  const { info, dataset } = request;
  const skipped = new Map<string, number>();
  // Not `setEncoding`: the byte counter in `info.bytesRead` must keep seeing Buffers; readline
  // decodes UTF-8 itself.
  const stream = await openListFile(path, info);
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  try {
    for await (const text of lines) {
      line += 1;
      if (text.trim() === '') continue;
      const entity = toEntity(parseLine(text, file, line), file, line, dataset, skipped);
      if (entity !== undefined) yield entity;
    }
  } finally {
    lines.close();
    stream.destroy();
  }
  if (skipped.size > 0) {
    const total = [...skipped.values()].reduce((sum, count) => sum + count, 0);
    const bySchema = [...skipped.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([schema, count]) => `${schema} ${count}`)
      .join(', ');
    info.warnings.push(
      `${file}: skipped ${total} entities of schemata Sargas does not model (${bySchema})`,
    );
  }
}

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseLine(text: string, file: string, line: number): JsonRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    throw new ParseError({ file, line }, `invalid JSON: ${problem}`, { cause: error });
  }
  if (!isRecord(value)) throw new ParseError({ file, line }, 'expected a JSON object');
  return value;
}

function toEntity(
  record: JsonRecord,
  file: string,
  line: number,
  dataset: string,
  skipped: Map<string, number>,
): Entity | undefined {
  const id = record.id;
  if (typeof id !== 'string' || id.trim() === '') {
    throw new ParseError({ file, line, field: 'id' }, 'entity without an id');
  }
  const ftmSchema = record.schema;
  if (typeof ftmSchema !== 'string' || ftmSchema === '') {
    throw new ParseError({ file, line, element: id, field: 'schema' }, 'entity without a schema');
  }
  const raw = record.properties ?? {};
  if (!isRecord(raw)) {
    throw new ParseError(
      { file, line, element: id, field: 'properties' },
      'properties must be an object of value lists',
    );
  }
  const schema = SCHEMATA[ftmSchema];
  if (schema === undefined) {
    skipped.set(ftmSchema, (skipped.get(ftmSchema) ?? 0) + 1);
    return undefined;
  }

  const properties: Partial<Record<PropertyName, string[]>> = {};
  for (const [key, values] of Object.entries(raw)) {
    const property = isPropertyName(key) ? key : FOLDED[key];
    if (property === undefined) continue;
    if (!Array.isArray(values)) {
      throw new ParseError(
        { file, line, element: id, field: `properties.${key}` },
        'expected a list of values',
      );
    }
    const upper = PROPERTIES[property].type === 'country';
    const target = properties[property] ?? [];
    for (const value of values) {
      if (typeof value !== 'string') continue;
      target.push(upper && value.length === 2 ? value.toUpperCase() : value);
    }
    properties[property] = target;
  }

  const names: NameDetail[] = [];
  for (const [property, kind] of NAME_KINDS) {
    for (const full of properties[property] ?? []) {
      const script = detectScript(full);
      names.push(script === undefined ? { full, kind } : { full, kind, script });
    }
  }
  const caption = typeof record.caption === 'string' ? record.caption : undefined;
  return Entity.create({
    id: `os:${id}`,
    schema,
    ...(caption === undefined ? {} : { caption }),
    properties,
    names,
    datasets: [dataset],
    source: { file, line },
  });
}
