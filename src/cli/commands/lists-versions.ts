import type { Command } from 'commander';
import { versionsTable } from '../render.js';
import type { CommandContext } from '../services.js';

/** `sargas lists versions [--list SOURCE] [--json]` */
export function registerListsVersionsCommand(lists: Command, ctx: CommandContext): void {
  lists
    .command('versions')
    .description('show the imported versions of each list (the current one marked)')
    .option('--list <source>', 'only this list')
    .option('--json', 'print a JSON array')
    .action(async (options: { list?: string; json?: boolean }) => {
      const service = await ctx.services.lists();
      const versions = await service.listVersions(options.list);
      if (options.json) {
        ctx.io.stdout.write(`${JSON.stringify(versions)}\n`);
      } else if (versions.length === 0) {
        ctx.io.stdout.write(
          `no list versions in the store (${service.location}); run 'sargas start' or 'sargas lists import'\n`,
        );
      } else {
        ctx.io.stdout.write(versionsTable(versions));
      }
    });
}
