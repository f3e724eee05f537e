import { Command, CommanderError } from 'commander';
import { registerAgenciesCommands } from './commands/agencies.js';
import { registerAuditCommands } from './commands/audit.js';
import { registerDemoCommands } from './commands/demo.js';
import { registerListsDiffCommand } from './commands/lists-diff.js';
import { registerListsImportCommand } from './commands/lists-import.js';
import { registerListsStatsCommand } from './commands/lists-stats.js';
import { registerListsUpdateCommand } from './commands/lists-update.js';
import { registerListsVersionsCommand } from './commands/lists-versions.js';
import { registerMonitorCommand } from './commands/monitor.js';
import { registerReportCommand } from './commands/report.js';
import { registerScreenCommand } from './commands/screen.js';
import { registerApiKeysCommands, registerServeCommand } from './commands/serve.js';
import { registerStartCommand } from './commands/start.js';
import { registerUsersCommands } from './commands/users.js';
import { reportError } from './exit.js';
import type { CliIo } from './io.js';
import type { CliServices, CommandContext } from './services.js';

export const VERSION = '0.1.0';

/** Builds the `sargas` program. Commands write through `ctx.io`, never to `process` directly. */
export function buildProgram(ctx: CommandContext): Command {
  const program = new Command('sargas')
    .description('Sanctions screening on real sanctions lists (EU, UN, OFAC, UK).')
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.io.stdout.write(text),
      writeErr: (text) => ctx.io.stderr.write(text),
      // Commander's "error: ..." becomes the same one-line "sargas: ..." as every other error.
      outputError: (text, write) =>
        write(`sargas: ${text.replace(/^error: /u, '').trimEnd()} (see --help)\n`),
    });

  registerStartCommand(program, ctx);
  // `screen` needs no store: it reads the list files it is given (see issue 4's CLI contract).
  registerScreenCommand(program, ctx);
  const lists = program.command('lists').description('import, inspect and update sanctions lists');
  registerListsImportCommand(lists, ctx);
  registerListsStatsCommand(lists, ctx);
  registerListsVersionsCommand(lists, ctx);
  registerListsDiffCommand(lists, ctx);
  registerListsUpdateCommand(lists, ctx);
  registerServeCommand(program, ctx);
  const apikeys = registerApiKeysCommands(program, ctx);
  const monitor = registerMonitorCommand(program, ctx);
  // The vetting workflow's console commands.
  const users = registerUsersCommands(program, ctx);
  const agencies = registerAgenciesCommands(program, ctx);
  const audit = registerAuditCommands(program, ctx);
  registerReportCommand(program, ctx);
  const demo = registerDemoCommands(program, ctx);

  // Subcommands inherit the output settings and the exit override, so usage errors anywhere are
  // reported (and mapped to an exit code) in one place.
  for (const command of [
    lists,
    ...lists.commands,
    ...apikeys.commands,
    ...monitor.commands,
    ...users.commands,
    ...agencies.commands,
    ...audit.commands,
    ...demo.commands,
    ...program.commands,
  ]) {
    command.exitOverride().configureOutput(program.configureOutput());
  }
  return program;
}

/** Runs one command line (without `node` and the script); returns the exit code. */
export async function runCli(
  args: readonly string[],
  services: CliServices,
  io: CliIo,
): Promise<number> {
  const ctx: CommandContext = { services, io, exitCode: 0 };
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...args], { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode === 0) return 0; // --help, --version
    return reportError(error, services.config.debug, io.stderr);
  }
}
