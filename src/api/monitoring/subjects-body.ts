/**
 * The JSON form of a subjects import, checked row by row by the same function as a CSV row, so a
 * subject means the same whichever way it arrives. Errors name the offending field as a path into
 * the body (`subjects.3.birth_date`).
 */
import {
  parseQueryRow,
  QUERY_COLUMNS,
  type QueryColumn,
  type QueryHeader,
} from '../../screening/index.js';
import type { SubjectRow } from '../../screening/monitor/index.js';
import { ParseError, ValidationError } from '../../shared/errors.js';
import type { SubjectInput } from './schemas.js';

/** The JSON fields in the order of the CSV columns (`id` is `external_id` in JSON). */
const FIELDS: Readonly<Record<QueryColumn, keyof SubjectInput>> = {
  id: 'external_id',
  schema: 'schema',
  name: 'name',
  birth_date: 'birth_date',
  nationality: 'nationality',
  id_number: 'id_number',
};

const HEADER: QueryHeader = Object.freeze({
  ...Object.fromEntries(QUERY_COLUMNS.map((column, index) => [column, index])),
  width: QUERY_COLUMNS.length,
}) as QueryHeader;

export function subjectRowsFromJson(subjects: readonly SubjectInput[]): SubjectRow[] {
  const seen = new Map<string, number>();
  return subjects.map((subject, index) => {
    const path = `subjects.${index}`;
    const cells = QUERY_COLUMNS.map((column) => subject[FIELDS[column]] ?? '');
    let query: SubjectRow['query'];
    try {
      query = parseQueryRow(cells, HEADER, 'body', index + 1);
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      const column = error.location.field as QueryColumn | undefined;
      const field = column === undefined ? path : `${path}.${FIELDS[column]}`;
      throw new ValidationError(`${field}: ${String(error.details.problem)}`, field);
    }
    const first = seen.get(query.id);
    if (first !== undefined) {
      const field = `${path}.external_id`;
      throw new ValidationError(
        `${field}: '${query.id}' is also subjects.${first}; give each subject once`,
        field,
      );
    }
    seen.set(query.id, index);
    return { line: index + 1, query };
  });
}
