import { type Command, InvalidArgumentError } from 'commander';
import { isOfficialList, OFFICIAL_LISTS, type OfficialList } from '../../config.js';
import { reportError } from '../exit.js';
import { type Progress, startProgress } from '../progress.js';
import { describeVersion } from '../render.js';
import type { CommandContext } from '../services.js';

function collectOfficial(value: string, previous: readonly OfficialList[] = []): OfficialList[] {
  if (!isOfficialList(value)) {
    throw new InvalidArgumentError(
      `'${value}' is not an official list Sargas can download (known: ${OFFICIAL_LISTS.join(', ')})`,
    );
  }
  return previous.includes(value) ? [...previous] : [...previous, value];
}

/** `sargas lists update [--list eu ...]`: download from the publishers, then import. */
export function registerListsUpdateCommand(lists: Command, ctx: CommandContext): void {
  lists
    .command('update')
    .description(
      'download the current official lists from their publishers (only when changed) and import them',
    )
    .option(
      '--list <source>',
      `a list to update, repeatable (default: all of ${OFFICIAL_LISTS.join(', ')})`,
      collectOfficial,
    )
    .action(async (options: { list?: OfficialList[] }) => {
      const service = await ctx.services.lists();
      // Every list is tried even when one fails: one publisher being down must not hold the
      // others back. The exit code still says something failed.
      for (const source of options.list ?? OFFICIAL_LISTS) {
        let progress: Progress | null = null;
        try {
          const result = await service.updateList(source, (event) => {
            if (event.kind !== 'import') return;
            progress ??= startProgress(ctx.io, source, event.progress.totalBytes);
            progress.update(event.progress.bytesRead, event.progress.entities);
          });
          (progress as Progress | null)?.stop();
          const status = result.status === 'not-modified' ? 'not modified' : result.status;
          const version =
            result.version === null ? 'not in the store' : describeVersion(result.version);
          ctx.io.stdout.write(`${status} ${source}: ${version}\n`);
        } catch (error) {
          (progress as Progress | null)?.stop();
          const code = reportError(error, ctx.services.config.debug, ctx.io.stderr);
          if (ctx.exitCode === 0) ctx.exitCode = code;
        }
      }
    });
}
