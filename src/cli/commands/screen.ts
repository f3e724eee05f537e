/**
 * `sargas screen --list eu=PATH [--list un=PATH ...] --input queries.csv --output results.jsonl
 * [--threshold T] [--limit N] [--on-error fail|skip]`: screens a CSV of queries against the
 * given list files only (no store, no bundled data) and writes one JSON line per query, in input
 * order. Scripts depend on this contract exactly.
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { readList } from '../../lists/read-list.js';
import { MatchIndex } from '../../matching/index/match-index.js';
import { readCsvRecords } from '../../screening/csv-records.js';
import {
  parseQueryHeader,
  parseQueryRow,
  type QueryHeader,
  type ScreeningQuery,
} from '../../screening/query.js';
import {
  DEFAULT_LIMIT,
  type ScreenError,
  type ScreenOptions,
  screenQuery,
} from '../../screening/screen-batch.js';
import { isSargasError, ParseError } from '../../shared/errors.js';
import type { CliIo } from '../io.js';
import { collectListArg, type ListArg } from '../list-option.js';
import { startProgress } from '../progress.js';
import type { CommandContext } from '../services.js';

export interface ScreenCommandOptions {
  readonly list: readonly ListArg[];
  readonly input: string;
  readonly output: string;
  readonly threshold?: number;
  readonly limit?: number;
  readonly onError?: 'fail' | 'skip';
}

export interface ScreenSummary {
  readonly queries: number;
  readonly errors: number;
  readonly withMatch: number;
  readonly entities: number;
}

function parseThreshold(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1) {
    throw new InvalidArgumentError(`threshold must be a number from 0 to 1, got '${value}'`);
  }
  return number;
}

function parseLimit(value: string): number {
  const number = Number(value);
  if (!/^\d+$/u.test(value.trim()) || number < 1) {
    throw new InvalidArgumentError(`limit must be a whole number of at least 1, got '${value}'`);
  }
  return number;
}

/** Loads the lists given with --list into one index (progress per list on a TTY). */
export async function loadIndex(lists: readonly ListArg[], io: CliIo): Promise<MatchIndex> {
  const index = new MatchIndex();
  for (const arg of lists) {
    const list = await readList({ dataset: arg.source, path: arg.path });
    const sizes = await Promise.all(list.files.map(async (file) => (await stat(file)).size));
    const progress = startProgress(
      io,
      arg.source,
      sizes.reduce((sum, size) => sum + size, 0),
    );
    let count = 0;
    try {
      for await (const entity of list.entities) {
        index.add(entity);
        count += 1;
        if (count % 500 === 0) progress.update(list.info.bytesRead, count);
      }
    } finally {
      progress.stop();
    }
    if (!io.isTTY) io.stderr.write(`loaded ${arg.source}: ${count} entities from ${list.format}\n`);
  }
  index.freeze();
  return index;
}

async function countDataLines(path: string): Promise<number> {
  let count = 0;
  for await (const chunk of createReadStream(path)) {
    for (const byte of chunk as Buffer) if (byte === 10) count++;
  }
  return Math.max(0, count - 1);
}

function write(stream: WriteStream, text: string): Promise<void> | null {
  if (stream.write(text)) return null;
  return new Promise((resolve) => stream.once('drain', resolve));
}

/** Runs the screen command (used by the CLI and by tests). */
export async function runScreen(options: ScreenCommandOptions, io: CliIo): Promise<ScreenSummary> {
  const file = basename(options.input);
  const onError = options.onError ?? 'fail';
  const index = await loadIndex(options.list, io);
  const screenOptions: ScreenOptions = {
    limit: options.limit ?? DEFAULT_LIMIT,
    ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
  };

  const total = io.isTTY ? await countDataLines(options.input) : 0;
  const bar = io.isTTY
    ? new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: 'screen [{bar}] {percentage}% | {value}/{total} queries | {eta_formatted} left',
          hideCursor: true,
          clearOnComplete: true,
          fps: 10,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(total, 0);

  const output = createWriteStream(options.output);
  const closed = new Promise<void>((resolve, reject) => {
    output.once('error', reject);
    output.once('finish', resolve);
  });
  let header: QueryHeader | null = null;
  let queries = 0;
  let errors = 0;
  let withMatch = 0;
  try {
    for await (const { line, cells } of readCsvRecords(options.input, file)) {
      if (header === null) {
        header = parseQueryHeader(cells, file);
        continue;
      }
      let query: ScreeningQuery;
      try {
        query = parseQueryRow(cells, header, file, line);
      } catch (error) {
        if (onError === 'fail' || !isSargasError(error)) throw error;
        const id = (cells[header.id] ?? '').trim();
        const entry: ScreenError = { id: id === '' ? null : id, line, error: error.message };
        errors += 1;
        await write(output, `${JSON.stringify(entry)}\n`);
        continue;
      }
      const result = screenQuery(index, query, screenOptions);
      queries += 1;
      if (result.matches.some((match) => match.match)) withMatch += 1;
      const pending = write(output, `${JSON.stringify(result)}\n`);
      if (pending !== null) await pending;
      if (bar !== null && queries % 50 === 0) bar.update(queries + errors);
    }
    if (header === null)
      throw new ParseError({ file, line: 1 }, 'the input is empty (no header row)');
  } finally {
    bar?.stop();
    output.end();
    await closed;
  }
  return { queries, errors, withMatch, entities: index.size };
}

/** Registers `sargas screen` on the program. */
export function registerScreenCommand(program: Command, ctx: CommandContext): void {
  program
    .command('screen')
    .description(
      'screen a CSV of queries (id,schema,name,birth_date,nationality,id_number) against list files; writes JSON lines',
    )
    .requiredOption('--list <source=path>', 'list name and file, repeatable', collectListArg)
    .requiredOption('--input <queries.csv>', 'queries, CSV with a header row')
    .requiredOption('--output <results.jsonl>', 'results, one JSON line per query in input order')
    .option(
      '--threshold <t>',
      'calibrated score from which a result is a match (0..1)',
      parseThreshold,
    )
    .option('--limit <n>', `matches per query, best first (default ${DEFAULT_LIMIT})`, parseLimit)
    .addOption(
      new Option('--on-error <mode>', 'a malformed row: fail (default) or skip and record it')
        .choices(['fail', 'skip'])
        .default('fail'),
    )
    .action(async (options: ScreenCommandOptions) => {
      const summary = await runScreen(options, ctx.io);
      ctx.io.stdout.write(
        `screened ${summary.queries} queries against ${summary.entities} entities: ${summary.withMatch} with a match` +
          `${summary.errors > 0 ? `, ${summary.errors} rows skipped` : ''} → ${options.output}\n`,
      );
    });
}
