import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { type ListFormat, readList } from '../../lists/index.js';
import { NAME_PROPERTIES } from '../../model/schemata.js';
import { isSargasError } from '../../shared/errors.js';
import { parseFormat } from '../format-option.js';
import { collectListArg, type ListArg } from '../list-option.js';
import { startProgress } from '../progress.js';
import { day, describeCounts, table } from '../render.js';
import type { CommandContext } from '../services.js';

interface StatsOptions {
  readonly list: readonly ListArg[];
  readonly format?: ListFormat;
  readonly json?: boolean;
}

/** The `--json` shape; scripts depend on it exactly. */
export interface ListStats {
  readonly source: string;
  readonly entities: Record<string, number>;
  readonly names: number;
  readonly errors: string[];
}

interface StatsDetail {
  readonly stats: ListStats;
  readonly format: string | null;
  readonly files: readonly string[];
  readonly publishedAt: string | null;
  readonly warnings: readonly string[];
  /** The parse error, kept to rethrow it after the output is written (exit code, stderr). */
  readonly failure: unknown;
}

/** Parses one list without a store: entities by schema and matchable name values. */
async function collectStats(
  ctx: CommandContext,
  arg: ListArg,
  format: ListFormat | undefined,
): Promise<StatsDetail> {
  const entities: Record<string, number> = {};
  let names = 0;
  let list: Awaited<ReturnType<typeof readList>> | null = null;
  try {
    list = await readList({
      dataset: arg.source,
      path: arg.path,
      ...(format === undefined ? {} : { format }),
    });
    const sizes = await Promise.all(list.files.map(async (file) => (await stat(file)).size));
    const progress = startProgress(
      ctx.io,
      arg.source,
      sizes.reduce((sum, size) => sum + size, 0),
    );
    let count = 0;
    for await (const entity of list.entities) {
      entities[entity.schema] = (entities[entity.schema] ?? 0) + 1;
      for (const property of NAME_PROPERTIES) names += entity.properties[property]?.length ?? 0;
      count += 1;
      if (count % 500 === 0) progress.update(list.info.bytesRead, count);
    }
    progress.stop();
  } catch (error) {
    // Only a malformed file is reported inside the JSON; anything else (a wrong path, a bug) is
    // the command's failure, not a property of the list.
    if (!isSargasError(error)) throw error;
    return {
      stats: { source: arg.source, entities, names, errors: [error.message] },
      format: list?.format ?? null,
      files: list?.files ?? [],
      publishedAt: list?.info.publishedAt ?? null,
      warnings: list?.info.warnings ?? [],
      failure: error,
    };
  }
  return {
    stats: { source: arg.source, entities, names, errors: [] },
    format: list.format,
    files: list.files,
    publishedAt: list.info.publishedAt,
    warnings: list.info.warnings,
    failure: null,
  };
}

function human(detail: StatsDetail): string {
  const { stats } = detail;
  const total = Object.values(stats.entities).reduce((sum, count) => sum + count, 0);
  const rows = Object.entries(stats.entities)
    .sort((a, b) => b[1] - a[1])
    .map(([schema, count]) => [schema, String(count)]);
  const lines = [
    `${stats.source}: ${detail.format ?? 'unknown format'}, ${detail.files.length} file(s), published ${day(detail.publishedAt)}`,
    table(['schema', 'entities'], rows).trimEnd(),
    `${describeCounts(total, {})}, ${stats.names} names`,
    ...detail.warnings.map((warning) => `warning: ${warning}`),
    ...stats.errors.map((error) => `error: ${error}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** `sargas lists stats --list SOURCE=PATH [--json]`: parse only, no store. */
export function registerListsStatsCommand(lists: Command, ctx: CommandContext): void {
  lists
    .command('stats')
    .description('parse list files without importing them: entities by schema and name count')
    .requiredOption('--list <source=path>', 'list name and file, repeatable', collectListArg)
    .option('--format <format>', 'file format (default: detected from the content)', parseFormat)
    .option('--json', 'print one JSON object per list (one line each)')
    .action(async (options: StatsOptions) => {
      for (const arg of options.list) {
        const detail = await collectStats(ctx, arg, options.format);
        ctx.io.stdout.write(options.json ? `${JSON.stringify(detail.stats)}\n` : human(detail));
        if (detail.failure !== null) throw detail.failure;
      }
    });
}
