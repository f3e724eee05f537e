/**
 * Screening queries: the rows of `queries.csv` (`id,schema,name,birth_date,nationality,id_number`)
 * validated into `ScreeningQuery` values. Pure: the CLI reads the file, this checks the cells.
 */
import { Entity } from '../model/entity.js';
import { isSchemaName, SCHEMA_NAMES, type SchemaName } from '../model/schemata.js';
import { ParseError } from '../shared/errors.js';

export interface ScreeningQuery {
  readonly id: string;
  readonly schema: SchemaName;
  readonly name: string;
  readonly birthDate?: string;
  readonly nationality?: string;
  readonly idNumber?: string;
}

/** The columns of `queries.csv`; extra columns are allowed and ignored. */
export const QUERY_COLUMNS = [
  'id',
  'schema',
  'name',
  'birth_date',
  'nationality',
  'id_number',
] as const;
export type QueryColumn = (typeof QUERY_COLUMNS)[number];

/** Column positions found in the header row. */
export type QueryHeader = Readonly<Record<QueryColumn, number>> & { readonly width: number };

export function parseQueryHeader(cells: readonly string[], file: string): QueryHeader {
  const position = new Map<string, number>();
  cells.forEach((cell, index) => {
    const name = cell
      .trim()
      .replace(/^\uFEFF/u, '')
      .toLowerCase();
    if (!position.has(name)) position.set(name, index);
  });
  const missing = QUERY_COLUMNS.filter((column) => !position.has(column));
  if (missing.length > 0) {
    throw new ParseError(
      { file, line: 1 },
      `header must have the columns ${QUERY_COLUMNS.join(',')}; missing ${missing.join(', ')}`,
    );
  }
  const header: Record<string, number> = { width: cells.length };
  for (const column of QUERY_COLUMNS) header[column] = position.get(column)!;
  return header as QueryHeader;
}

const BIRTH_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u;

function validBirthDate(value: string): boolean {
  const m = BIRTH_DATE.exec(value);
  if (!m) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const days = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= days;
}

/**
 * Validates one data row (`line` is its line number in the file, header = line 1). Throws a
 * `ParseError` naming file, line and field for a malformed row.
 */
export function parseQueryRow(
  cells: readonly string[],
  header: QueryHeader,
  file: string,
  line: number,
): ScreeningQuery {
  if (cells.length !== header.width) {
    throw new ParseError(
      { file, line },
      `expected ${header.width} columns as in the header, found ${cells.length}`,
    );
  }
  const cell = (column: QueryColumn) => (cells[header[column]] ?? '').trim();
  const id = cell('id');
  if (id === '') throw new ParseError({ file, line, field: 'id' }, 'the query id is empty');
  const schema = cell('schema') === '' ? 'Person' : cell('schema');
  if (!isSchemaName(schema)) {
    throw new ParseError(
      { file, line, field: 'schema' },
      `unknown schema '${schema}' (expected one of ${SCHEMA_NAMES.join(', ')})`,
    );
  }
  const name = cell('name');
  const birthDate = cell('birth_date');
  if (birthDate !== '' && !validBirthDate(birthDate)) {
    throw new ParseError(
      { file, line, field: 'birth_date' },
      `birth date '${birthDate}' is not YYYY, YYYY-MM or YYYY-MM-DD`,
    );
  }
  const nationality = cell('nationality');
  const idNumber = cell('id_number');
  if (name === '' && idNumber === '') {
    throw new ParseError(
      { file, line, field: 'name' },
      'the query has neither a name nor an id_number',
    );
  }
  return {
    id,
    schema,
    name,
    ...(birthDate === '' ? {} : { birthDate }),
    ...(nationality === '' ? {} : { nationality }),
    ...(idNumber === '' ? {} : { idNumber }),
  };
}

/** The query as an entity, so that it is prepared exactly as list entities are. */
export function queryEntity(query: ScreeningQuery): Entity {
  const nationality = query.nationality
    ?.split(/[;|]/u)
    .map((value) => value.trim())
    .filter((value) => value !== '');
  return Entity.create({
    id: query.id,
    schema: query.schema,
    properties: {
      name: query.name === '' ? [] : [query.name],
      ...(query.birthDate === undefined ? {} : { birthDate: [query.birthDate] }),
      ...(nationality === undefined ? {} : { nationality }),
      ...(query.idNumber === undefined ? {} : { idNumber: [query.idNumber] }),
    },
    datasets: ['query'],
    source: { file: 'query' },
  });
}
