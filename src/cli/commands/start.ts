import type { Command } from 'commander';
import { readBundleManifest } from '../bundle.js';
import { type Progress, startProgress } from '../progress.js';
import { describeVersion, versionsTable } from '../render.js';
import type { CommandContext } from '../services.js';

/**
 * `sargas start` (what `npm start` runs): loads the bundled lists into the store, idempotently,
 * and shows what the store holds. It works offline on a fresh machine.
 */
export function registerStartCommand(program: Command, ctx: CommandContext): void {
  program
    .command('start')
    .description(
      'import the bundled lists into the store (once; unchanged files are skipped) and show what it holds',
    )
    .action(async () => {
      const { config } = ctx.services;
      const bundled = await readBundleManifest(config.bundleDir);
      const service = await ctx.services.lists();
      ctx.io.stdout.write(`store: ${service.location}\n`);
      for (const list of bundled) {
        let progress: Progress | null = null;
        try {
          const result = await service.importList(
            { dataset: list.source, path: list.path, format: list.format },
            (event) => {
              progress ??= startProgress(ctx.io, list.source, event.totalBytes);
              progress.update(event.bytesRead, event.entities);
            },
          );
          (progress as Progress | null)?.stop();
          ctx.io.stdout.write(
            `${result.status} ${list.source}: ${describeVersion(result.version)}\n`,
          );
        } catch (error) {
          (progress as Progress | null)?.stop();
          throw error;
        }
      }
      const current = (await service.listVersions()).filter((version) => version.current);
      ctx.io.stdout.write(`\ncurrent list versions:\n${versionsTable(current)}`);

      // The HTTP service arrives with a later issue: the composition root will pass `serve`,
      // and `start` then keeps running here until SIGTERM.
      if (ctx.services.serve) await ctx.services.serve();
    });
}
