/**
 * Reads a subjects CSV: the `sargas screen` query columns (`id,schema,name,birth_date,nationality,
 * id_number`), where `id` is the subject's external id (a column `external_id` may stand in for
 * it). Rows are checked by the same functions as screening queries, so a subject and a query are
 * the same thing to the matcher.
 */
import { basename } from 'node:path';
import { ParseError } from '../../shared/errors.js';
import { type CsvRecord, readCsvRecords, readCsvText } from '../csv-records.js';
import {
  parseQueryHeader,
  parseQueryRow,
  type QueryHeader,
  type ScreeningQuery,
} from '../query.js';

export interface SubjectRow {
  /** Line of the row in the file (header = line 1). */
  readonly line: number;
  readonly query: ScreeningQuery;
}

/**
 * Streams the valid rows of a subjects file. A malformed row throws a `ParseError` naming the
 * file, its line and the field; so does an external id given twice (a re-import updates a
 * subject, but one file saying two things about one subject is a mistake).
 */
export function readSubjectsCsv(path: string): AsyncGenerator<SubjectRow> {
  const file = basename(path);
  return subjectRows(readCsvRecords(path, file), file);
}

/** The same for a CSV text in memory (the HTTP API's request body); `file` names it in errors. */
export function readSubjectsCsvText(text: string, file: string): AsyncGenerator<SubjectRow> {
  return subjectRows(readCsvText(text, file), file);
}

/** A header without `id` but with `external_id` (the API's name for it) reads the latter. */
function subjectHeader(cells: readonly string[], file: string): QueryHeader {
  const names = cells.map((cell) =>
    cell
      .trim()
      .replace(/^\uFEFF/u, '')
      .toLowerCase(),
  );
  if (names.includes('id') || !names.includes('external_id')) return parseQueryHeader(cells, file);
  return parseQueryHeader(
    names.map((name) => (name === 'external_id' ? 'id' : name)),
    file,
  );
}

async function* subjectRows(
  records: AsyncIterable<CsvRecord>,
  file: string,
): AsyncGenerator<SubjectRow> {
  let header: QueryHeader | null = null;
  const seen = new Map<string, number>();
  for await (const { line, cells } of records) {
    if (header === null) {
      header = subjectHeader(cells, file);
      continue;
    }
    const query = parseQueryRow(cells, header, file, line);
    const first = seen.get(query.id);
    if (first !== undefined) {
      throw new ParseError(
        { file, line, field: 'id' },
        `subject id '${query.id}' appears twice (first on line ${first})`,
      );
    }
    seen.set(query.id, line);
    yield { line, query };
  }
  if (header === null) throw new ParseError({ file, line: 1 }, 'the file is empty (no header row)');
}
