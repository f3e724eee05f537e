import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { ParseError } from '../shared/errors.js';

/** One CSV record with the line it starts on (header = line 1). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
}

/**
 * Streams the records of a queries or subjects CSV with the physical line each starts on, so that
 * an error can name it even when cells hold line breaks. Malformed CSV (an unterminated quote, a
 * stray quote) becomes a `ParseError` naming `file` and the line csv-parse reports.
 */
export async function* readCsvRecords(path: string, file: string): AsyncGenerator<CsvRecord> {
  yield* readCsvStream(createReadStream(path), file);
}

/** The same for CSV already in memory (an HTTP request body); `file` names it in errors. */
export async function* readCsvText(text: string, file: string): AsyncGenerator<CsvRecord> {
  yield* readCsvStream(Readable.from([text]), file);
}

async function* readCsvStream(input: Readable, file: string): AsyncGenerator<CsvRecord> {
  const parser = input.pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
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
      yield { line, cells: item.record };
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
}
