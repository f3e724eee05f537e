/**
 * Reads a subjects CSV: the `sargas screen` query columns (`id,schema,name,birth_date,nationality,
 * id_number`), where `id` is the subject's external id. Rows are checked by the same functions as
 * screening queries, so a subject and a query are the same thing to the matcher.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { CsvError, parse } from 'csv-parse';
import { ParseError } from '../../shared/errors.js';
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
export async function* readSubjectsCsv(path: string): AsyncGenerator<SubjectRow> {
  const file = basename(path);
  const parser = createReadStream(path).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  let header: QueryHeader | null = null;
  const seen = new Map<string, number>();
  let lastEnd = 0;
  let lastEmpty = 0;
  try {
    for await (const item of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; empty_lines: number };
    }>) {
      // The record starts after the previous one ended, plus any empty lines skipped between.
      const line = lastEnd + 1 + (item.info.empty_lines - lastEmpty);
      lastEnd = item.info.lines;
      lastEmpty = item.info.empty_lines;
      if (header === null) {
        header = parseQueryHeader(item.record, file);
        continue;
      }
      const query = parseQueryRow(item.record, header, file, line);
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
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new ParseError(
        { file, ...(line === undefined ? {} : { line }) },
        `malformed CSV: ${error.message}`,
      );
    }
    throw error;
  }
  if (header === null) throw new ParseError({ file, line: 1 }, 'the file is empty (no header row)');
}
