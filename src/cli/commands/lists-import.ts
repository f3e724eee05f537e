import type { Command } from 'commander';
import type { ListFormat } from '../../lists/index.js';
import { parseFormat } from '../format-option.js';
import { collectListArg, type ListArg } from '../list-option.js';
import { type Progress, startProgress } from '../progress.js';
import { describeVersion } from '../render.js';
import type { CommandContext } from '../services.js';

interface ImportOptions {
  readonly list: readonly ListArg[];
  readonly format?: ListFormat;
}

/** `sargas lists import --list eu=PATH [--list un=PATH ...] [--format F]` */
export function registerListsImportCommand(lists: Command, ctx: CommandContext): void {
  lists
    .command('import')
    .description(
      'import list files into the store as new versions (each list in its own transaction; identical files create no new version)',
    )
    .requiredOption(
      '--list <source=path>',
      'list name and file, repeatable (OFAC CSV: the folder or its sdn.csv)',
      collectListArg,
    )
    .option('--format <format>', 'file format (default: detected from the content)', parseFormat)
    .action(async (options: ImportOptions) => {
      const service = await ctx.services.lists();
      for (const arg of options.list) {
        let progress: Progress | null = null;
        try {
          const result = await service.importList(
            {
              dataset: arg.source,
              path: arg.path,
              ...(options.format === undefined ? {} : { format: options.format }),
            },
            (event) => {
              progress ??= startProgress(ctx.io, arg.source, event.totalBytes);
              progress.update(event.bytesRead, event.entities);
            },
          );
          (progress as Progress | null)?.stop();
          ctx.io.stdout.write(
            `${result.status} ${arg.source}: ${describeVersion(result.version)}\n`,
          );
        } catch (error) {
          (progress as Progress | null)?.stop();
          throw error;
        }
      }
    });
}
