/**
 * `sargas agencies add`: the submitting authorities. A migration officer belongs to one and reads
 * only its cases; approved conclusions are POSTed to its webhook URL where one is set.
 *
 *   sargas agencies add --code migration-dept --name "Migration Department" [--webhook-url URL]
 */
import type { Command } from 'commander';
import type { CommandContext } from '../services.js';
import { openVetting } from './users.js';

export function registerAgenciesCommands(program: Command, ctx: CommandContext): Command {
  const agencies = program
    .command('agencies')
    .description('manage the agencies that submit assessment requests');
  agencies
    .command('add')
    .description('create an agency, or update the name and webhook of an existing one')
    .requiredOption('--code <code>', 'lower-case letters, digits, _ and - (e.g. migration-dept)')
    .requiredOption('--name <name>', 'the agency as people call it')
    .option('--webhook-url <url>', 'where approved conclusions are POSTed (default: pull only)')
    .action(async (options: { code: string; name: string; webhookUrl?: string }) => {
      await (await openVetting(ctx)).upsertAgency('cli', {
        code: options.code,
        name: options.name,
        webhookUrl: options.webhookUrl ?? null,
      });
      const delivery =
        options.webhookUrl === undefined ? 'pull only' : `webhook ${options.webhookUrl}`;
      ctx.io.stdout.write(`saved agency '${options.code}' (${options.name}; ${delivery})\n`);
    });
  return agencies;
}
