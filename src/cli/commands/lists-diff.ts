import { type Command, InvalidArgumentError } from 'commander';
import type { VersionDiff } from '../../lists/diff-versions.js';
import type { CommandContext } from '../services.js';

/** How many added/removed ids the human output lists before "and N more" (`--json` has all). */
const ID_LIMIT = 20;

function parseVersionId(value: string): number {
  const id = Number(value);
  if (!/^\d+$/u.test(value) || !Number.isSafeInteger(id) || id <= 0) {
    throw new InvalidArgumentError(`expected a version id (a positive integer), got '${value}'`);
  }
  return id;
}

function idLine(label: string, ids: readonly string[]): string {
  if (ids.length === 0) return '';
  const shown = ids.slice(0, ID_LIMIT).join(' ');
  const more = ids.length > ID_LIMIT ? ` … and ${ids.length - ID_LIMIT} more (see --json)` : '';
  return `${label}: ${shown}${more}\n`;
}

function human(diff: VersionDiff): string {
  const { counts } = diff;
  let out = `${diff.source}: version ${diff.from} → ${diff.to}: ${counts.added} added, ${counts.removed} removed, ${counts.changed} changed, ${counts.unchanged} unchanged\n`;
  out += idLine('added', diff.added);
  out += idLine('removed', diff.removed);
  if (diff.changed.length > 0) {
    out += 'changed:\n';
    const width = Math.max(...diff.changed.map((entry) => entry.id.length));
    for (const entry of diff.changed) {
      out += `  ${entry.id.padEnd(width)}  ${entry.properties.join(', ')}\n`;
    }
  }
  return out;
}

/** `sargas lists diff SOURCE V1 V2 [--json]` */
export function registerListsDiffCommand(lists: Command, ctx: CommandContext): void {
  lists
    .command('diff')
    .description('compare two versions of one list: entities added, removed and changed')
    .argument('<source>', 'the list, e.g. eu')
    .argument('<from>', 'version id (see `sargas lists versions`)', parseVersionId)
    .argument('<to>', 'version id', parseVersionId)
    .option('--json', 'print the full diff as one JSON object')
    .action(async (source: string, from: number, to: number, options: { json?: boolean }) => {
      const service = await ctx.services.lists();
      const diff = await service.diffVersions(source, from, to);
      ctx.io.stdout.write(options.json ? `${JSON.stringify(diff)}\n` : human(diff));
    });
}
