/**
 * `sargas audit verify`: walks the audit hash chain and names the first entry that does not
 * verify. The exit code is 0 when the chain is intact and 70 (`integrity`) when it is not, so a
 * cron job or a monitoring probe can alert on it without reading the output.
 *
 *   sargas audit verify [--json]
 */
import type { Command } from 'commander';
import { EXIT_CODES } from '../exit.js';
import type { CommandContext } from '../services.js';
import { openVetting } from './users.js';

export function registerAuditCommands(program: Command, ctx: CommandContext): Command {
  const audit = program.command('audit').description('check the audit log');
  audit
    .command('verify')
    .description('verify the hash chain of the audit log; exit code 70 when it is broken')
    .option('--json', 'print {"ok", "entries", "first_bad"} as the API does')
    .action(async (options: { json?: boolean }) => {
      const result = await (await openVetting(ctx)).verifyAudit('cli');
      if (options.json === true) {
        const firstBad = result.firstBad === null ? null : { ...result.firstBad };
        ctx.io.stdout.write(
          `${JSON.stringify({ ok: result.ok, entries: result.entries, first_bad: firstBad })}\n`,
        );
      } else {
        const firstBad =
          result.firstBad === null
            ? 'none'
            : `seq ${result.firstBad.seq}: ${result.firstBad.reason}`;
        ctx.io.stdout.write(
          `ok: ${result.ok}\nentries: ${result.entries}\nfirst_bad: ${firstBad}\n`,
        );
      }
      if (!result.ok) {
        ctx.io.stderr.write('sargas: the audit log has been altered (see first_bad)\n');
        ctx.exitCode = EXIT_CODES.integrity;
      }
    });
  return audit;
}
